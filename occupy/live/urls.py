"""Live URLs: the public live page of an edition, the participant's own pages under their secret registration
link, the chair's and presenter's views of a session's questions, and a speaker's feedback."""

from django.urls import path

from occupy.live import account_views, chair_views, views

app_name = "live"
urlpatterns = [
    path("<slug:edition>/live/", views.live_page, name="live"),
    path("<slug:edition>/live/now.json", views.now_json, name="now-json"),
    path("registration/<str:token>/live/", views.my_live, name="my-live"),
    path("registration/<str:token>/live/now.json", views.my_now_json, name="my-now-json"),
    path("registration/<str:token>/live/join/<slug:session>/", views.join_session, name="join-session"),
    path("registration/<str:token>/live/room/<slug:room>/", views.join_room, name="join-room"),
    path("registration/<str:token>/live/<slug:session>/questions/", views.questions, name="questions"),
    path("registration/<str:token>/live/<slug:session>/questions.json", views.questions_json, name="questions-json"),
    path("registration/<str:token>/live/<slug:session>/questions/<int:question>/vote/", views.vote, name="vote"),
    path("registration/<str:token>/live/<slug:session>/feedback/", views.feedback, name="feedback"),
    path("<slug:edition>/sessions/<slug:slug>/questions/chair/", chair_views.chair, name="chair"),
    path("<slug:edition>/sessions/<slug:slug>/questions/chair.json", chair_views.chair_json, name="chair-json"),
    path("<slug:edition>/sessions/<slug:slug>/questions/present/", chair_views.present, name="present"),
    path("<slug:edition>/sessions/<slug:slug>/questions/present.json", chair_views.present_json, name="present-json"),
    path("<slug:edition>/sessions/<slug:slug>/questions/moderate/", chair_views.moderate, name="moderate"),
    path("account/feedback/", account_views.my_feedback, name="my-feedback"),
]
