from django.urls import path
from django.views.decorators.http import require_safe

from occupy.practices import views
from occupy.practices.feeds import PracticesFeed
from occupy.web.pagecache import cached_page

app_name = "practices"
urlpatterns = [
    path("practices/", views.search, name="search"),
    path("practices/feed/", require_safe(cached_page(PracticesFeed())), name="feed"),
    path("practices/practices.csv", views.export_csv, name="csv"),
    path("practices/practices.json", views.export_json, name="json"),
    path("practices/propose/", views.propose, name="propose"),
    path("practices/propose/thanks/", views.proposed, name="proposed"),
    path("practices/countries/<str:country>/", views.country, name="country"),
    path("practices/sdg/<int:number>/", views.goal, name="sdg"),
    path("practices/<slug:slug>/", views.detail, name="detail"),
]
