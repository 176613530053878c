"""Cached documents are served to everyone, so their absolute links come from settings.SITE_URL and never from
the Host header of whoever asked first (a host the site answers to, but not its public address)."""

import pytest
from django.test import override_settings
from lxml import etree

from occupy.content.models import NewsPost
from occupy.programme.tests.programme_pages import make_online_edition

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = "attacker.example"
PUBLIC = "https://occupylibrary.net"


@override_settings(ALLOWED_HOSTS=["testserver", HOSTILE], SITE_URL=PUBLIC)
def test_the_cached_feed_holds_site_url_links_whoever_asked_first(client):
    NewsPost.objects.create(title="Programme published", slug="programme", body="Read it.")

    first = client.get("/news/feed/", HTTP_HOST=HOSTILE, HTTP_X_FORWARDED_PROTO="http")
    later = client.get("/news/feed/")

    assert later.content == first.content  # the stored copy
    feed = etree.fromstring(later.content)
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    ids = [element.text for element in feed.iter(f"{ATOM}id")]
    assert f"{PUBLIC}/news/programme/" in links
    assert f"{PUBLIC}/news/" in links
    assert f"{PUBLIC}/news/feed/" in links
    assert all(value.startswith(PUBLIC) for value in links + ids), links + ids
    assert HOSTILE.encode() not in later.content


@override_settings(ALLOWED_HOSTS=["testserver", HOSTILE], SITE_URL=PUBLIC)
@pytest.mark.parametrize(
    "path",
    ["/2020/", "/2020/schedule/", "/2020/sessions/opening/", "/2020/schedule.json", "/2020/schedule.xml",
     "/2020/schedule.ics", "/2020/sessions/opening/session.ics"],
)  # fmt: skip
def test_cached_pages_and_exports_never_carry_the_requests_host(client, path):
    make_online_edition()

    client.get(path, HTTP_HOST=HOSTILE)
    stored = client.get(path)

    assert stored.status_code == 200
    assert HOSTILE.encode() not in stored.content
