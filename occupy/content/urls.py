from django.urls import path
from django.views.decorators.http import require_safe

from occupy.content import views
from occupy.content.feeds import NewsFeed
from occupy.web.pagecache import cached_page

app_name = "content"
urlpatterns = [
    path("organiser/", views.organiser, name="organiser"),
    path("news/", views.news_list, name="news"),
    path("news/feed/", require_safe(cached_page(NewsFeed())), name="news-feed"),
    path("news/<slug:slug>/", views.news_detail, name="news-detail"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("contact/", views.contact, name="contact"),
    path("accessibility/", views.accessibility, name="accessibility"),
]
