from django.urls import path

from occupy.cfp import views

app_name = "cfp"
urlpatterns = [
    path("account/submissions/", views.my_submissions, name="my-submissions"),
    path("account/submissions/<str:code>/", views.edit_submission, name="edit-submission"),
    path("account/submissions/<str:code>/withdraw/", views.withdraw_submission, name="withdraw-submission"),
    path("cfp/invitation/<str:invitation>/", views.invitation, name="invitation"),
    path("<slug:edition>/cfp/", views.call_page, name="call"),
    path("<slug:edition>/cfp/submit/", views.submit, name="submit"),
]
