from django.urls import path

from occupy.organise.views import home

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
]

# The call for contributions (settings).
from occupy.organise.views import call  # noqa: E402

urlpatterns += [
    path("organise/<slug:edition>/call/", call.call_settings, name="call"),
]
