"""A draft edition is seen only in the organisers' workspace: every public URL of it answers 404, and nothing of it
(sessions, speakers, news) shows on the home page, a speaker's page, the news or the feed, until it is published."""

import datetime

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from occupy.content.models import NewsPost
from occupy.editions import services
from occupy.editions.models import Edition
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.web.pagecache import current_version

pytestmark = pytest.mark.django_db


def edition_url_names(patterns=None, namespace="", prefix=""):
    """(URL name, route, converters) of every public pattern that names an edition, from the URL configuration:
    a new public page of an edition is covered by default."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += edition_url_names(pattern.url_patterns, inner, route)
        elif isinstance(pattern, URLPattern) and "<slug:edition>" in route and not route.startswith("organise/"):
            found.append((namespace + pattern.name, route, list(pattern.pattern.converters)))
    return found


PUBLIC_EDITION_URLS = edition_url_names()


@pytest.fixture
def draft():
    edition = EditionFactory(year=2031, slug="2031", title="Draft Library 2031", is_published=False)
    speaker = PersonFactory(name="Dorina Draftspeaker", slug="dorina")
    SessionSpeakerFactory(session=SessionFactory(edition=edition, slug="hidden", title="Hidden talk"), person=speaker)
    NewsPost.objects.create(
        title="Call for the draft edition",
        slug="draft-call",
        body="Soon.",
        edition=edition,
        published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    return edition


def test_new_editions_are_drafts():
    edition = Edition.objects.create(
        year=2040, slug="2040", title="Occupy Library 2040", start_date="2040-06-01", end_date="2040-06-02"
    )
    assert edition.is_published is False
    assert list(Edition.objects.published()) == []


def test_the_url_configuration_names_every_public_page_of_an_edition():
    names = {name for name, _route, _converters in PUBLIC_EDITION_URLS}
    assert {"editions:detail", "programme:schedule", "programme:schedule-xml", "people:edition-speakers"} <= names
    assert "registration:register" in names and not any(name.startswith("organise:") for name in names)


@pytest.mark.parametrize(("name", "route", "converters"), PUBLIC_EDITION_URLS, ids=[u[0] for u in PUBLIC_EDITION_URLS])
def test_every_public_url_of_a_draft_is_not_found(client, draft, name, route, converters):
    values = {"edition": draft.slug, "slug": "hidden", "session": "hidden", "key": "x" * 20}
    url = reverse(name, kwargs={converter: values[converter] for converter in converters})
    response = client.get(url)
    if response.status_code == 405:
        response = client.post(url)
    assert response.status_code == 404, url


@pytest.mark.parametrize("url", ["/", "/news/", "/news/feed/", "/speakers/dorina/", "/news/draft-call/"])
def test_nothing_of_a_draft_shows_until_it_is_published(client, draft, url):
    EditionFactory(year=2030, title="Occupy Library 2030")
    before = client.get(url)
    assert before.status_code == (404 if url in ("/speakers/dorina/", "/news/draft-call/") else 200)
    page = before.content.decode()
    for text in ("Draft Library 2031", "Hidden talk", "Dorina Draftspeaker", "Call for the draft edition"):
        assert text not in page

    services.set_published(edition=draft, published=True)

    after = client.get(url)  # the same URL, at once: the cached page was invalidated
    assert after.status_code == 200
    assert any(
        text in after.content.decode() for text in ("Draft Library 2031", "Dorina Draftspeaker", "Call for the draft")
    )


def test_unpublishing_hides_the_edition_at_once(client):
    edition = EditionFactory(year=2031, slug="2031")
    assert client.get("/2031/schedule/").status_code == 200  # now cached
    services.set_published(edition=edition, published=False)
    assert client.get("/2031/schedule/").status_code == 404
    assert client.get("/2031/").status_code == 404


def test_publishing_bumps_the_content_version_once():
    edition = EditionFactory(is_published=False)
    before = current_version()
    services.set_published(edition=edition, published=True)
    assert current_version() == before + 1
    services.set_published(edition=edition, published=True)  # already published: nothing to do
    assert current_version() == before + 1
    edition.refresh_from_db()
    assert edition.is_published is True
