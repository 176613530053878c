from django.urls import path

from occupy.web import views

app_name = "web"
urlpatterns = [
    path("language/", views.set_language, name="set-language"),
]
