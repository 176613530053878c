"""An edit invalidates only the pages that show what changed: one edition's session leaves the other
editions' pages cached, a news post leaves every schedule cached, and the site's own content (an edition's
title, a person) still invalidates everything.

"Still cached" is observed the way a visitor would: the data is changed underneath without any signal
(QuerySet.update), so a page that was not invalidated keeps showing the old text."""

import datetime

import pytest

from occupy.content.models import NewsPost
from occupy.people.models import Person
from occupy.programme.models import Session
from occupy.programme.tests.programme_pages import make_hybrid_edition, make_online_edition

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    return make_online_edition(), make_hybrid_edition()[0]


def quietly_retitle(edition, title):
    """Change every session title of `edition` without telling the page cache."""
    Session.objects.filter(edition=edition).update(title=title)


def test_an_edit_to_one_editions_session_leaves_other_editions_pages_cached(client, editions):
    e2020, e2022 = editions
    assert "Opening keynote" in client.get("/2020/schedule/").content.decode()
    assert "Solar panels on the library roof" in client.get("/2022/schedule/").content.decode()
    quietly_retitle(e2020, "Quietly retitled")

    solar = Session.objects.get(edition=e2022, slug="solar")
    solar.title = "Solar panels and batteries"
    solar.save()

    assert "Solar panels and batteries" in client.get("/2022/schedule/").content.decode()
    assert "Solar panels and batteries" in client.get("/2022/sessions/solar/").content.decode()
    assert "Solar panels and batteries" in client.get("/2022/schedule.ics").content.decode()
    unchanged = client.get("/2020/schedule/").content.decode()
    assert "Opening keynote" in unchanged  # 2020's copy was kept
    assert "Quietly retitled" not in unchanged


def test_a_speaker_change_invalidates_its_editions_pages(client, editions):
    e2020, _ = editions
    assert "Ana Popescu" in client.get("/2020/schedule/").content.decode()

    Session.objects.get(edition=e2020, slug="opening").session_speakers.all().delete()

    assert "Ana Popescu" not in client.get("/2020/schedule/").content.decode()


def test_news_leaves_the_schedule_cached_and_refreshes_the_home_page(client, editions):
    e2020, _ = editions
    client.get("/2020/schedule/")
    client.get("/")
    quietly_retitle(e2020, "Quietly retitled")

    NewsPost.objects.create(
        title="Programme announced",
        slug="programme-announced",
        summary="The programme is out.",
        body="Read it.",
        published_at=datetime.datetime(2020, 9, 1, 9, tzinfo=datetime.UTC),
    )

    assert "Quietly retitled" not in client.get("/2020/schedule/").content.decode()
    assert "Programme announced" in client.get("/").content.decode()
    assert "Programme announced" in client.get("/news/").content.decode()


def test_a_change_to_one_edition_refreshes_pages_that_show_every_edition(client, editions):
    assert "Opening keynote" in client.get("/speakers/ana-popescu/").content.decode()

    opening = Session.objects.get(slug="opening")
    opening.title = "Opening keynote, renamed"
    opening.save()

    assert "Opening keynote, renamed" in client.get("/speakers/ana-popescu/").content.decode()


def test_a_change_to_a_person_refreshes_every_edition(client, editions):
    e2020, e2022 = editions
    client.get("/2020/schedule/")
    client.get("/2022/schedule/")
    quietly_retitle(e2022, "Quietly retitled")

    person = Person.objects.get(slug="ana-popescu")
    person.name = "Ana Popescu-Ionescu"
    person.save()

    assert "Ana Popescu-Ionescu" in client.get("/2020/schedule/").content.decode()
    assert "Quietly retitled" in client.get("/2022/schedule/").content.decode()
