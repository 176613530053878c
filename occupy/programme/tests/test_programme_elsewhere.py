"""An edition whose programme this site does not hold (2020: the organiser published it elsewhere) says so on
every page, links to what the organiser published, names its guests, and keeps its exports valid but empty."""

import datetime
import json

import pytest

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory, ThemeFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Guest
from occupy.programme.tests.test_export_frab import assert_valid_xml, json_errors

pytestmark = pytest.mark.django_db

SCHEDULE = "https://cutt.ly/XfGNsUf"
WEBSITE = "https://occupylibrary.net/"


@pytest.fixture
def edition_2020():
    edition = EditionFactory(
        year=2020,
        mode=EditionMode.ONLINE,
        city="",
        live_capacity=None,
        start_date=datetime.date(2020, 9, 22),
        end_date=datetime.date(2020, 9, 25),
        programme_is_complete=False,
        schedule_url=SCHEDULE,
        website=WEBSITE,
    )
    ThemeFactory(edition=edition, title="Partnerships for strong democracies", slug="partnerships")
    SessionFormatFactory(edition=edition, name="Keynote", slug="keynote", is_keynote=True)
    for order, (slug, name, position, organisation) in enumerate(
        [
            ("hannelore-vogt", "Hannelore Vogt", "Director", "Cologne City Library"),
            ("dan-perjovschi", "Dan Perjovschi", "Artist", ""),
        ]
    ):
        person = PersonFactory(slug=slug, name=name, position=position, organisation=organisation)
        Guest.objects.create(edition=edition, person=person, order=order)
    return edition


def assert_links_to_what_the_organiser_published(html: str):
    assert "This site does not hold the programme of Occupy Library 2020" in html
    assert f'href="{SCHEDULE}"' in html
    assert f'href="{WEBSITE}"' in html


def test_schedule_page_says_the_programme_is_elsewhere(client, edition_2020):
    response = client.get("/2020/schedule/")

    assert response.status_code == 200
    html = response.content.decode()
    assert_links_to_what_the_organiser_published(html)
    assert "0 sessions" not in html
    assert "has not been published yet" not in html
    assert 'class="schedule-filters"' not in html
    assert "zone-note" not in html  # no times to speak of


def test_speakers_page_says_the_programme_is_elsewhere_and_names_the_guests(client, edition_2020):
    response = client.get("/2020/speakers/")

    assert response.status_code == 200
    html = response.content.decode()
    assert_links_to_what_the_organiser_published(html)
    assert "0 speakers" not in html
    assert "have not been announced yet" not in html
    assert html.index("Hannelore Vogt") < html.index("Dan Perjovschi")
    assert "Director" in html and "Cologne City Library" in html


def test_edition_page_names_guests_not_keynote_speakers(client, edition_2020):
    html = client.get("/2020/").content.decode()

    assert_links_to_what_the_organiser_published(html)
    assert ">Guests</h2>" in html
    assert 'href="/speakers/hannelore-vogt/"' in html
    assert "Keynote speakers" not in html
    assert "/2020/schedule/?theme=" not in html  # no link to sessions the site does not hold
    assert "schedule.xml" not in html


def test_home_page_names_guests_not_keynote_speakers(client, edition_2020):
    html = client.get("/").content.decode()

    assert ">Guests</h2>" in html
    assert 'href="/speakers/dan-perjovschi/"' in html
    assert "Keynote speakers" not in html


def test_a_guest_has_a_page_that_says_so(client, edition_2020):
    response = client.get("/speakers/hannelore-vogt/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Guest at Occupy Library 2020" in html
    assert 'href="/2020/"' in html
    assert "Sessions at Occupy Library" not in html


def test_a_guest_of_an_unpublished_edition_has_no_page(client):
    hidden = EditionFactory(year=2024, is_published=False)
    Guest.objects.create(edition=hidden, person=PersonFactory(slug="future-guest"))

    assert client.get("/speakers/future-guest/").status_code == 404


def test_exports_of_an_edition_without_sessions_are_valid_and_empty(client, edition_2020):
    document = json.loads(client.get("/2020/schedule.json", secure=True).content)
    xml = client.get("/2020/schedule.xml", secure=True).content
    ics = client.get("/2020/schedule.ics", secure=True).content.decode()

    assert json_errors(document) == []
    assert all(not rooms for day in document["schedule"]["conference"]["days"] for rooms in day["rooms"].values())
    assert assert_valid_xml(xml).findall(".//event") == []
    assert ics.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" not in ics
