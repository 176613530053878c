import datetime

import pytest

from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory, ThemeFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editions():
    """The two editions, small: 2020 online, 2022 in Bucharest and online, each with a keynote and a case study."""
    e2020 = EditionFactory(
        year=2020,
        title="Occupy Library 2020",
        mode=EditionMode.ONLINE,
        city="",
        start_date=datetime.date(2020, 9, 22),
        end_date=datetime.date(2020, 9, 25),
        description="Hundreds of innovators gather, virtually.",
    )
    e2022 = EditionFactory(
        year=2022,
        title="Occupy Library 2022",
        tagline="The E+Libraries On The Rise!",
        start_date=datetime.date(2022, 6, 2),
        end_date=datetime.date(2022, 6, 3),
        venue_name="National Library of Romania",
        city="Bucharest",
        description="Libraries can lead on the path to sustainability.",
        contact_name="Andreea Dumitrescu",
        contact_role="Communication Coordinator",
        contact_email="andreea.dumitrescu@progressfoundation.ro",
    )
    ThemeFactory(edition=e2022, title="Educating for a sustainable Planet", description="Fridays for Future.", order=1)
    ThemeFactory(edition=e2020, title="Serving communities in times of crisis", description="Communities.", order=1)
    for edition, keynote_name, country in ((e2020, "Hannelore Vogt", "DE"), (e2022, "Asaf Bartov", "IL")):
        keynote = SessionFormatFactory(edition=edition, name="Keynote", is_keynote=True, description="The big talk.")
        SessionFormatFactory(edition=edition, name="Ignite talk", description="Short 5 minutes talks.")
        person = PersonFactory(name=keynote_name, position="Director", country=country)
        SessionSpeakerFactory(session=SessionFactory(edition=edition, format=keynote), person=person)
        SessionSpeakerFactory(session=SessionFactory(edition=edition), person=PersonFactory(country="RO"))
    progress = Organisation.objects.create(name="Progress Foundation", slug="progress-foundation", country="RO")
    goethe = Organisation.objects.create(name="Goethe-Institut", slug="goethe-institut", country="DE")
    for edition in (e2020, e2022):
        EditionPartner.objects.create(edition=edition, organisation=progress, role=PartnerRole.ORGANISER)
        EditionPartner.objects.create(edition=edition, organisation=goethe, role=PartnerRole.PARTNER)
    return {"2020": e2020, "2022": e2022}


def test_home_shows_the_current_edition_with_themes_keynotes_and_every_edition(client, editions):
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Occupy Library 2022" in html
    assert "The E+Libraries On The Rise!" in html
    assert '2</time>–<time datetime="2022-06-03">3 June 2022' in html
    assert "National Library of Romania, Bucharest and online" in html
    assert "Educating for a sustainable Planet" in html and "Fridays for Future." in html
    assert "Asaf Bartov" in html
    assert "Hannelore Vogt" not in html
    assert 'href="/2022/register/"' in html
    assert 'href="/2020/"' in html and 'href="/2022/"' in html


def test_home_without_any_edition_is_a_helpful_page(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "The first edition is being prepared" in response.content.decode()


@pytest.mark.parametrize("slug", ["2020", "2022"])
def test_edition_page_shows_description_themes_formats_keynotes_partners(client, editions, slug):
    response = client.get(f"/{slug}/")

    assert response.status_code == 200
    html = response.content.decode()
    edition = editions[slug]
    assert edition.title in html
    assert edition.description in html
    assert edition.themes.get(order=1).title in html and edition.themes.get(order=1).description in html
    assert "Short 5 minutes talks." in html and "The big talk." in html
    assert {"2020": "Hannelore Vogt", "2022": "Asaf Bartov"}[slug] in html
    assert "Organiser</h3>" in html and "Progress Foundation" in html
    assert "Partners</h3>" in html and "Goethe-Institut" in html
    for link in ("schedule/", "speakers/", "register/", "schedule.ics", "schedule.xml", "schedule.json"):
        assert f'href="/{slug}/{link}"' in html


def test_edition_page_shows_the_contact_person_never_other_emails(client, editions):
    html = client.get("/2022/").content.decode()

    assert "Andreea Dumitrescu" in html
    assert "mailto:andreea.dumitrescu@progressfoundation.ro" in html


def test_edition_page_keynote_without_photo_shows_initials(client, editions):
    html = client.get("/2022/").content.decode()

    assert '<span class="avatar avatar--initials" aria-hidden="true">AB</span>' in html


@pytest.mark.parametrize("path", ["/1999/", "/2021/", "/nope/"])
def test_unknown_edition_is_a_404_in_the_layout(client, editions, path):
    response = client.get(path)

    assert response.status_code == 404
    html = response.content.decode()
    assert "We could not find that page" in html
    assert 'class="site-header"' in html
    assert 'href="/2022/"' in html


def test_unpublished_edition_is_a_404(client, editions):
    EditionFactory(year=2024, is_published=False)

    assert client.get("/2024/").status_code == 404


def test_home_invites_to_register_while_the_edition_is_ahead(client):
    EditionFactory(year=2099, title="Occupy Library 2099")

    html = client.get("/").content.decode()

    assert '<a class="button" href="/2099/register/">Register for free</a>' in html
    assert "Register for Occupy Library 2099" in html
    assert "has taken place" not in html


def test_home_says_registration_is_closed_once_the_edition_has_ended(client, editions):
    html = client.get("/").content.decode()

    assert "This edition has taken place and registration is closed." in html
    assert "Register for free" not in html


def test_an_edition_is_on_during_its_days_in_its_own_time_zone():
    edition = EditionFactory.build(
        start_date=datetime.date(2031, 6, 2), end_date=datetime.date(2031, 6, 3), time_zone="Europe/Bucharest"
    )
    utc = datetime.UTC
    # 21:30 UTC on 1 June is 00:30 on 2 June in Bucharest: the first day has begun there.
    assert edition.is_on(datetime.datetime(2031, 6, 1, 21, 30, tzinfo=utc))
    assert not edition.is_on(datetime.datetime(2031, 6, 1, 20, 30, tzinfo=utc))
    assert edition.is_on(datetime.datetime(2031, 6, 3, 20, 30, tzinfo=utc))
    assert not edition.is_on(datetime.datetime(2031, 6, 3, 21, 30, tzinfo=utc))


def test_the_edition_page_links_to_the_live_page_only_while_the_edition_is_on(client):
    today = datetime.date.today()
    running = EditionFactory(
        year=2090, start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=1)
    )
    ahead = EditionFactory(
        year=2091, start_date=today + datetime.timedelta(days=30), end_date=today + datetime.timedelta(days=31)
    )
    assert 'href="/2090/live/"' in client.get(f"/{running.slug}/").content.decode()
    assert "/live/" not in client.get(f"/{ahead.slug}/").content.decode()
