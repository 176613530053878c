"""New practices as an Atom feed (/practices/feed/). Links are absolute on settings.SITE_URL (the feed is cached
for everyone; see content.feeds)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy

from occupy.editions.sample import SUBJECT_PREFIX
from occupy.practices import queries


class PracticesFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Occupy Library: new good practices")
    subtitle = gettext_lazy(
        "Practices from public libraries, newly added to the Occupy Library good-practice library."
    )
    author_name = "Occupy Library"

    def link(self):
        return settings.SITE_URL + reverse("practices:search")

    def feed_url(self):
        return settings.SITE_URL + reverse("practices:feed")

    def item_link(self, item):
        return settings.SITE_URL + item.get_absolute_url()

    def items(self):
        return queries.newest_practices()

    def item_title(self, item):
        return f"{SUBJECT_PREFIX} {item.title}" if item.is_sample else item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at
