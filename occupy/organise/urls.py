from django.urls import path

from occupy.organise.views import home

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
]
