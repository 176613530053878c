import datetime

import pytest
from django.core.cache import cache

from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Session
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme
from occupy.registration.models import Registration, RegistrationStatus

pytestmark = pytest.mark.django_db


def figures_of(html: str) -> dict[str, str]:
    """The four key figures as the page shows them."""
    start = html.index('<dl class="figures">')
    block = html[start : html.index("</dl>", start)]
    figures = {}
    for part in block.split('<div class="figure">')[1:]:
        label = part.split("<dt>")[1].split("</dt>")[0]
        figures[label] = part.split("<dd>")[1].split("</dd>")[0]
    return figures


@pytest.mark.parametrize("sessions", [40, 400])
def test_edition_page_issues_the_same_queries_at_40_and_400_sessions(client, django_assert_num_queries, sessions):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=sessions)
    cache.clear()

    # version, edition + themes + formats, figures (3), keynotes, guests, partners, navigation editions
    with django_assert_num_queries(11):
        response = client.get("/2022/")

    assert response.status_code == 200
    assert figures_of(response.content.decode())["Sessions"] == str(sessions)


@pytest.mark.parametrize("sessions", [40, 400])
def test_home_issues_the_same_queries_at_40_and_400_sessions(client, django_assert_num_queries, sessions):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=sessions)
    cache.clear()

    # version, edition + themes + formats, editions, keynotes, guests, news, navigation editions
    with django_assert_num_queries(9):
        assert client.get("/").status_code == 200


def test_edition_figures_count_distinct_speakers_countries_sessions_and_confirmed_participants(client):
    edition = EditionFactory(year=2022)
    other = EditionFactory(year=2020)
    ana, bogdan = PersonFactory(country="RO"), PersonFactory(country="RO")
    olena = PersonFactory(country="UA")
    no_country = PersonFactory(country="")
    first, second = SessionFactory(edition=edition), SessionFactory(edition=edition)
    for session, person in ((first, ana), (first, olena), (second, ana), (second, bogdan), (second, no_country)):
        SessionSpeakerFactory(session=session, person=person)
    SessionSpeakerFactory(session=SessionFactory(edition=other), person=PersonFactory(country="GE"))
    for n, status in enumerate(
        [
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.CONFIRMED,
            RegistrationStatus.PENDING,
            RegistrationStatus.CANCELLED,
            RegistrationStatus.WAITLISTED,
        ]
    ):
        Registration.objects.create(edition=edition, name=f"P{n}", email=f"p{n}@example.org", status=status)
    Registration.objects.create(edition=other, name="X", email="x@example.org", status=RegistrationStatus.CONFIRMED)

    figures = figures_of(client.get("/2022/").content.decode())

    assert figures == {"Speakers": "4", "Countries": "2", "Sessions": "2", "Participants": "2"}


def test_a_new_session_shows_in_the_cached_figures_at_once(client):
    edition = EditionFactory(year=2022)
    session = SessionFactory(edition=edition)
    SessionSpeakerFactory(session=session, person=PersonFactory(country="RO"))
    assert figures_of(client.get("/2022/").content.decode())["Sessions"] == "1"
    assert figures_of(client.get("/2022/").content.decode())["Sessions"] == "1"  # served from the cache

    SessionSpeakerFactory(
        session=SessionFactory(edition=edition, starts_at=datetime.datetime(2022, 6, 3, 8, tzinfo=datetime.UTC)),
        person=PersonFactory(country="MD"),
    )

    figures = figures_of(client.get("/2022/").content.decode())
    assert figures == {"Speakers": "2", "Countries": "2", "Sessions": "2", "Participants": "0"}


def test_a_deleted_session_leaves_the_cached_figures_at_once(client):
    edition = EditionFactory(year=2022)
    SessionFactory(edition=edition)
    SessionFactory(edition=edition)
    assert figures_of(client.get("/2022/").content.decode())["Sessions"] == "2"

    Session.objects.filter(edition=edition).first().delete()

    assert figures_of(client.get("/2022/").content.decode())["Sessions"] == "1"


def test_stated_figures_win_over_counted_ones_and_show_as_written(client):
    edition = EditionFactory(year=2022, stated_speakers="90+", stated_participants="800+")
    SessionSpeakerFactory(session=SessionFactory(edition=edition), person=PersonFactory(country="RO"))

    figures = figures_of(client.get("/2022/").content.decode())

    assert figures == {"Speakers": "90+", "Countries": "1", "Sessions": "1", "Participants": "800+"}


def test_an_edition_whose_programme_is_elsewhere_shows_only_stated_figures(client, django_assert_num_queries):
    edition = EditionFactory(
        year=2020,
        programme_is_complete=False,
        stated_keynote_speakers="4",
        stated_speakers="90+",
        stated_countries="25",
        stated_participants="800+",
    )
    SessionSpeakerFactory(session=SessionFactory(edition=edition), person=PersonFactory(country="RO"))
    Registration.objects.create(edition=edition, name="P", email="p@example.org", status=RegistrationStatus.CONFIRMED)
    cache.clear()

    # version, edition + themes + formats, keynotes, guests, partners, navigation editions: nothing counted
    with django_assert_num_queries(8):
        html = client.get("/2020/").content.decode()

    assert figures_of(html) == {"Keynote speakers": "4", "Speakers": "90+", "Countries": "25", "Participants": "800+"}


def test_an_edition_with_neither_stated_figures_nor_its_programme_shows_no_figures(client):
    EditionFactory(year=2022, programme_is_complete=False)

    html = client.get("/2022/").content.decode()

    assert '<dl class="figures">' not in html
    assert "Key figures" not in html
