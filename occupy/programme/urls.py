"""Programme URLs under an edition: /<edition>/schedule/, /<edition>/sessions/<slug>/ (permalinks).

Exports (schedule.ics/xml/json, a session's .ics) are added to this list by the exports work."""

from django.urls import path

from occupy.programme import views

app_name = "programme"
urlpatterns = [
    path("<slug:edition>/schedule/", views.schedule, name="schedule"),
    path("<slug:edition>/sessions/<slug:slug>/", views.session_detail, name="session"),
]
