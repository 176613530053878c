from django.urls import path

from occupy.organise.views import home
from occupy.organise.views import schedule as schedule_views

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
]

# The schedule editor (issue 8, the schedule).
urlpatterns += [
    path("organise/<slug:edition>/schedule/", schedule_views.editor, name="schedule"),
    path("organise/<slug:edition>/schedule/place/", schedule_views.place, name="schedule-place"),
    path("organise/<slug:edition>/schedule/unschedule/", schedule_views.unschedule, name="schedule-unschedule"),
    path("organise/<slug:edition>/schedule/publish/", schedule_views.publish, name="schedule-publish"),
]
