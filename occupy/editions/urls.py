from django.urls import path

from occupy.editions import views

app_name = "editions"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:edition>/", views.edition_detail, name="detail"),
]
