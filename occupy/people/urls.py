from django.urls import path

from occupy.people import account_views, views

app_name = "people"
urlpatterns = [
    path("account/signup/", account_views.signup, name="signup"),
    path("account/verify/<str:token>/", account_views.verify, name="verify"),
    path("account/login/", account_views.SignInView.as_view(), name="login"),
    path("account/logout/", account_views.SignOutView.as_view(), name="logout"),
    path("account/password-reset/", account_views.PasswordResetView.as_view(), name="password-reset"),
    path("account/password-reset/sent/", account_views.password_reset_done, name="password-reset-done"),
    path(
        "account/password-reset/<uidb64>/<token>/",
        account_views.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path("account/password-reset/done/", account_views.password_reset_complete, name="password-reset-complete"),
    path("account/profile/", account_views.profile, name="profile"),
    path("speakers/<slug:slug>/", views.person_detail, name="detail"),
    path("<slug:edition>/speakers/", views.edition_speakers, name="edition-speakers"),
]
