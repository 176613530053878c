"""The news as an Atom feed (/news/feed/)."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from occupy.content.models import NewsPost

FEED_LENGTH = 30


class NewsFeed(Feed):
    feed_type = Atom1Feed
    title = _("Occupy Library news")
    subtitle = _("News from Occupy Library, the conference of innovators in public libraries.")
    link = "/news/"
    author_name = "Occupy Library"

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
