from django.urls import path

from occupy.editions import views

app_name = "editions"
urlpatterns = [
    path("", views.home, name="home"),
    path("<slug:edition>/", views.edition_detail, name="detail"),
    path("<slug:edition>/og.png", views.edition_social_image, name="social-image"),
]
