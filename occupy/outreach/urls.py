from django.urls import path

from occupy.outreach import views

app_name = "outreach"
urlpatterns = [
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("registration/<str:token>/survey/", views.survey, name="survey"),
]
