"""The news as an Atom feed (/news/feed/).

Every link in it is absolute on settings.SITE_URL: the feed is cached and served to everyone, so it must not
take its host from whoever asked first (Django's Feed would use the request's Host header).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from occupy.content.models import NewsPost

FEED_LENGTH = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Occupy Library news")
    subtitle = _("News from Occupy Library, the conference of innovators in public libraries.")
    author_name = "Occupy Library"

    def link(self):
        return settings.SITE_URL + reverse("content:news")

    def feed_url(self):
        return settings.SITE_URL + reverse("content:news-feed")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def items(self):
        return NewsPost.objects.published().order_by("-published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
