"""Garbage in addresses and query strings gets a page, a 404 or a 400: never a 500."""

import datetime

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionSpeakerFactory

pytestmark = pytest.mark.django_db

GARBAGE = [
    "'",
    '"><script>alert(1)</script>',
    "' OR 1=1 --",
    "x" * 5000,
    "9" * 400,
    "-1",
    "Ελληνικά-ünïcödé-😀",
    "%00",
    "a%00b",
    "%ff%fe",
    "..%2f..%2fetc%2fpasswd",
]
PAGES = [
    "/",
    "/2022/",
    "/2022/speakers/",
    "/speakers/{slug}/",
    "/organiser/",
    "/news/",
    "/news/feed/",
    "/about/",
    "/privacy/",
    "/contact/",
]


@pytest.fixture
def programme():
    edition = EditionFactory(year=2022, start_date=datetime.date(2022, 6, 2), end_date=datetime.date(2022, 6, 3))
    return SessionSpeakerFactory(session__edition=edition).person


@pytest.mark.parametrize("garbage", GARBAGE)
def test_garbage_in_the_path_is_a_404_never_a_500(client, programme, garbage):
    for path in (f"/{garbage}/", f"/{garbage}/speakers/", f"/speakers/{garbage}/", f"/news/{garbage}/"):
        response = client.get(path)
        assert response.status_code in (400, 404), path


@pytest.mark.parametrize("page", PAGES)
def test_garbage_in_the_query_string_still_gets_the_page(client, programme, page):
    path = page.format(slug=programme.slug)
    for garbage in GARBAGE:
        response = client.get(f"{path}?page={garbage}&theme={garbage}&{garbage}={garbage}")
        assert response.status_code == 200, garbage


def test_a_very_long_query_string_gets_the_page(client, programme):
    assert client.get("/2022/?" + "a=" + "b" * 20000).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_post_to_a_public_page_is_refused_cleanly(client, programme, page):
    response = client.post(page.format(slug=programme.slug), {"x": "y"})

    assert response.status_code == 405
