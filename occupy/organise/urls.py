from django.urls import path

from occupy.organise import views

app_name = "organise"
urlpatterns = [
    path("organise/", views.home, name="home"),
]
