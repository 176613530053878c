"""Programme URLs under an edition: /<edition>/schedule/, /<edition>/sessions/<slug>/ (permalinks).

Exports (schedule.ics/xml/json, a session's .ics) are added to this list by the exports work."""

from django.urls import path

from occupy.programme import views
from occupy.programme.exports import views as exports

app_name = "programme"
urlpatterns = [
    path("<slug:edition>/schedule/", views.schedule, name="schedule"),
    path("<slug:edition>/sessions/<slug:slug>/", views.session_detail, name="session"),
    path("<slug:edition>/sessions/<slug:slug>/og.png", views.session_social_image, name="session-social-image"),
    path("<slug:edition>/schedule.ics", exports.schedule_ics, name="schedule-ics"),
    path("<slug:edition>/schedule.xml", exports.schedule_xml, name="schedule-xml"),
    path("<slug:edition>/schedule.json", exports.schedule_json, name="schedule-json"),
    path("<slug:edition>/sessions/<slug:slug>/session.ics", exports.session_ics, name="session-ics"),
    path("<slug:edition>/changes/", views.changes, name="changes"),
    path("<slug:edition>/programme.pdf", exports.programme_pdf, name="programme-pdf"),
]
