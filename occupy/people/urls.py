from django.urls import path

from occupy.people import views

app_name = "people"
urlpatterns = [
    path("speakers/<slug:slug>/", views.person_detail, name="detail"),
    path("<slug:edition>/speakers/", views.edition_speakers, name="edition-speakers"),
]
