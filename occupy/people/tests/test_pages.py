import datetime

import pytest
from django.core.cache import cache

from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def returning_speaker():
    """Loida spoke in 2020 and in 2022; Olena only in 2022."""
    e2020 = EditionFactory(year=2020, start_date=datetime.date(2020, 9, 22), end_date=datetime.date(2020, 9, 25))
    e2022 = EditionFactory(year=2022)
    loida = PersonFactory(
        name="Loida Garcia-Febo",
        slug="loida-garcia-febo",
        position="International consultant",
        country="US",
        organisation="Library consultancy",
        bio="Advocate for libraries.",
        website="https://example.org/loida",
        email="loida.private@example.org",
    )
    olena = PersonFactory(name="Olena Shevchenko", country="UA", organisation="Kyiv Public Library")
    SessionSpeakerFactory(
        person=loida, session=SessionFactory(edition=e2020, title="Libraries and democracy", slug="democracy")
    )
    SessionSpeakerFactory(
        person=loida,
        session=SessionFactory(
            edition=e2022,
            title="Circular libraries",
            slug="circular",
            format=SessionFormatFactory(edition=e2022, name="Keynote", is_keynote=True),
        ),
    )
    SessionSpeakerFactory(person=olena, session=SessionFactory(edition=e2022, title="Repair cafés", slug="repair"))
    return loida


def test_person_who_spoke_in_2020_and_2022_has_one_page_listing_both(client, returning_speaker):
    response = client.get("/speakers/loida-garcia-febo/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Loida Garcia-Febo</h1>" in html
    assert "Advocate for libraries." in html
    assert "International consultant" in html and "Library consultancy" in html and "United States" in html
    assert 'href="https://example.org/loida"' in html
    assert html.index('href="/2022/"') < html.index('href="/2022/sessions/circular/"')
    assert html.index('href="/2022/sessions/circular/"') < html.index('href="/2020/"', html.index("Sessions at"))
    assert 'href="/2020/sessions/democracy/"' in html
    assert "Repair cafés" not in html


def test_person_page_never_shows_the_email(client, returning_speaker):
    html = client.get("/speakers/loida-garcia-febo/").content.decode()

    assert "loida.private@example.org" not in html
    assert "mailto:" not in html


@pytest.mark.parametrize("slug", ["2020", "2022"])
def test_edition_speakers_lists_the_people_of_that_edition(client, returning_speaker, slug):
    response = client.get(f"/{slug}/speakers/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/speakers/loida-garcia-febo/"' in html
    assert "International consultant" in html and "Library consultancy · United States" in html
    assert ">LG</span>" in html
    assert ("Olena Shevchenko" in html) is (slug == "2022")
    assert ('href="/2022/sessions/circular/"' in html) is (slug == "2022")
    assert "loida.private@example.org" not in html


def test_edition_speakers_lists_each_person_once(client, returning_speaker):
    SessionSpeakerFactory(person=returning_speaker, session=SessionFactory(edition=EditionFactory(year=2022)))

    html = client.get("/2022/speakers/").content.decode()

    assert html.count('href="/speakers/loida-garcia-febo/"') == 1
    assert "2 speakers" in html


@pytest.mark.parametrize("sessions", [40, 400])
def test_edition_speakers_issues_the_same_queries_at_40_and_400_sessions(client, django_assert_num_queries, sessions):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=sessions)
    cache.clear()

    # version, edition, speakers, their sessions, navigation editions
    with django_assert_num_queries(5):
        response = client.get("/2022/speakers/")

    assert response.status_code == 200
    assert response.content.decode().count('class="person-card"') == sessions * 2


@pytest.mark.parametrize("path", ["/speakers/nobody/", "/1999/speakers/", "/nope/speakers/"])
def test_unknown_speaker_or_edition_is_a_404_in_the_layout(client, returning_speaker, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_person_without_a_published_session_has_no_page(client, returning_speaker):
    hidden = EditionFactory(year=2024, is_published=False)
    person = PersonFactory(slug="future-speaker")
    SessionSpeakerFactory(person=person, session=SessionFactory(edition=hidden))

    assert client.get("/speakers/future-speaker/").status_code == 404
    assert client.get("/2024/speakers/").status_code == 404


def test_person_page_leaves_out_sessions_of_unpublished_editions(client, returning_speaker):
    hidden = EditionFactory(year=2024, is_published=False)
    SessionSpeakerFactory(person=returning_speaker, session=SessionFactory(edition=hidden, title="Secret plan"))

    html = client.get("/speakers/loida-garcia-febo/").content.decode()

    assert "Secret plan" not in html
