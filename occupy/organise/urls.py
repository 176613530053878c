from django.urls import path

from occupy.organise.views import home

app_name = "organise"
urlpatterns = [
    path("organise/", home.home, name="home"),
]

# Editions: a new one (a draft), its settings, publishing it.
from occupy.organise.views import editions  # noqa: E402

urlpatterns += [
    path("organise/new/", editions.new_edition, name="edition-new"),
    path("organise/<slug:edition>/settings/", editions.edition_settings, name="edition-settings"),
    path("organise/<slug:edition>/publish/", editions.publish, name="edition-publish"),
]
