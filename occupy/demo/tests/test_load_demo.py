"""`load_demo` without --sample loads the true content and nothing else: the database holds exactly the facts
listed in occupy/demo/seed.py (the organiser's two texts), and the pages show the figures as the organiser
stated them."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from occupy.content.models import EditionPartner, NewsPost, Organisation, PartnerRole, Project, SiteContact
from occupy.demo import seed
from occupy.editions.models import Edition, EditionMode, Room, SessionFormat, Theme
from occupy.editions.tests.test_figures import figures_of
from occupy.people.models import Person
from occupy.practices.models import Practice
from occupy.programme.models import Guest, Material, Session, SessionSpeaker
from occupy.registration.models import Registration
from occupy.web.models import ContentVersion
from occupy.web.pagecache import current_version

BUCHAREST = ZoneInfo("Europe/Bucharest")
MODELS = [
    Edition, Theme, SessionFormat, Room, Person, Organisation, EditionPartner, Project, NewsPost, Session,
    SessionSpeaker, Material, Registration, Guest, SiteContact,
]  # fmt: skip


def quietly(*args, **options):
    call_command("load_demo", *args, stdout=open("/dev/null", "w"), **options)  # noqa: SIM115


def delete_demo():
    Practice.objects.all().delete()  # the organiser's projects are practices of no edition
    Registration.objects.all().delete()
    Session.objects.all().delete()  # before the editions: a session protects its format
    Edition.objects.all().delete()
    Person.objects.all().delete()
    Organisation.objects.all().delete()
    NewsPost.objects.all().delete()
    SiteContact.objects.all().delete()


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The true content is loaded once (committed) for this module; each test runs in its own rolled-back
    transaction on top of it. Everything is deleted afterwards so other tests start from an empty database."""
    with django_db_blocker.unblock():
        had_version = ContentVersion.objects.exists()
        quietly()
        yield
        delete_demo()
        if not had_version:
            ContentVersion.objects.all().delete()


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def test_load_demo_holds_exactly_the_facts_of_the_seed(db):
    assert set(Edition.objects.values_list("slug", flat=True)) == set(seed.EDITIONS)
    assert set(Person.objects.values_list("slug", flat=True)) == {slug for slug, *_ in seed.PEOPLE}
    assert set(Organisation.objects.values_list("slug", flat=True)) == {slug for slug, *_ in seed.ORGANISATIONS}
    assert set(NewsPost.objects.values_list("slug", flat=True)) == {post["slug"] for post in seed.NEWS}
    assert Session.objects.count() == 0
    assert SessionSpeaker.objects.count() == 0
    assert Registration.objects.count() == 0
    assert Room.objects.count() == 0
    assert Material.objects.count() == 0
    for slug, format_slugs in seed.EDITION_FORMATS.items():
        assert list(SessionFormat.objects.filter(edition__slug=slug).values_list("slug", flat=True)) == format_slugs
    assert not Edition.objects.filter(is_sample=True).exists()
    assert not Person.objects.filter(is_sample=True).exists()


def test_load_demo_names_the_guests_of_2020_in_the_press_release_order(db):
    guests = Guest.objects.filter(edition__slug="2020").order_by("order")

    assert [guest.person.slug for guest in guests] == seed.GUESTS["2020"]
    assert not Guest.objects.filter(edition__slug="2022").exists()
    vogt = Person.objects.get(slug="hannelore-vogt")
    assert (vogt.position, vogt.organisation) == ("Director", "Cologne City Library")
    # The press release's words only: "IFLA President Federation of Library Associations)", no expansion of its own.
    assert Person.objects.get(slug="christine-mackenzie").organisation == "IFLA"
    assert not Person.objects.filter(bio__contains="and Institutions").exists()


def test_load_demo_invents_no_capacity_venue_window_or_durations(db):
    e2022 = Edition.objects.get(slug="2022")
    e2020 = Edition.objects.get(slug="2020")

    assert (e2022.city, e2022.country, e2022.mode) == ("Bucharest", "RO", EditionMode.HYBRID)
    assert e2022.live_capacity is None and e2022.venue_name == ""
    for edition in (e2020, e2022):
        assert (edition.registration_opens_at, edition.registration_closes_at) == (None, None)
        assert not edition.programme_is_complete
    minutes = dict(SessionFormat.objects.filter(edition=e2022).values_list("slug", "default_minutes"))
    assert minutes == {"case-study": 0, "ignite-talk": 5}


def test_the_2020_page_shows_the_figures_as_stated(client):
    html = client.get("/2020/").content.decode()

    assert figures_of(html) == {"Keynote speakers": "4", "Speakers": "90+", "Countries": "25", "Participants": "800+"}
    assert "Guest" in html and 'href="/speakers/christine-mackenzie/"' in html
    assert "Keynote speakers</h2>" not in html
    assert 'href="https://cutt.ly/XfGNsUf"' in html


def test_the_2022_page_shows_no_figures_and_no_keynote_speakers(client):
    html = client.get("/2022/").content.decode()

    assert "Key figures" not in html
    assert "Keynote speakers</h2>" not in html
    assert "This site does not hold the programme of Occupy Library 2022" in html


def test_the_home_page_claims_no_keynote_speakers(client):
    html = client.get("/").content.decode()

    assert "Occupy Library 2022" in html
    assert "Keynote speakers" not in html
    assert 'href="/2020/"' in html


def test_a_guest_of_2020_has_a_page(client):
    html = client.get("/speakers/asaf-bartov/").content.decode()

    assert "Guest at Occupy Library 2020" in html
    assert "Wikimedia Foundation" in html


@pytest.mark.parametrize("path", ["/2020/schedule/", "/2020/speakers/", "/2022/schedule/", "/2022/speakers/"])
def test_the_real_editions_say_their_programme_is_elsewhere(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert "This site does not hold the programme of" in response.content.decode()


def test_load_demo_twice_writes_nothing(db):
    before = snapshot()
    version = current_version()

    quietly()

    assert snapshot() == before
    # Only the final explicit bump: no row was saved (a save would have bumped the version through signals).
    assert current_version() == version + 1


def test_load_demo_removes_what_an_older_demo_invented_in_the_real_editions(db):
    e2020 = Edition.objects.get(slug="2020")
    panel = SessionFormat.objects.create(edition=e2020, slug="panel", name="Panel")
    room = Room.objects.create(edition=e2020, slug="main-stage", name="Main stage")
    invented = Person.objects.create(slug="invented-speaker", name="Invented Speaker", is_sample=True)
    session = Session.objects.create(edition=e2020, slug="opening", title="Opening", format=panel, room=room)
    Session.objects.filter(pk=session.pk).update(is_sample=True)
    SessionSpeaker.objects.create(session=session, person=invented)
    Registration.objects.create(edition=e2020, name="Invented", email="invented@example.org", is_sample=True)

    quietly()

    assert Session.objects.count() == 0
    assert Registration.objects.count() == 0
    assert not Room.objects.exists()
    assert not SessionFormat.objects.filter(slug="panel").exists()
    assert not Person.objects.filter(slug="invented-speaker").exists()


def test_load_demo_names_the_press_release_contact_for_the_whole_site(client):
    response = client.get("/contact/")

    assert SiteContact.objects.get().email == "andreea.dumitrescu@progressfoundation.ro"
    assert "Andreea Dumitrescu" in response.text
    assert "Communication Coordinator, Progress Foundation" in response.text
    assert "andreea.dumitrescu@progressfoundation.ro" in response.text


def test_load_demo_2020_seed_facts(db):
    edition = Edition.objects.get(slug="2020")

    assert (edition.start_date, edition.end_date) == (datetime.date(2020, 9, 22), datetime.date(2020, 9, 25))
    assert edition.time_zone == "Europe/Bucharest"
    assert edition.schedule_url == "https://cutt.ly/XfGNsUf"
    assert edition.website == "https://occupylibrary.net/"
    assert edition.contact_email == "andreea.dumitrescu@progressfoundation.ro"
    assert list(edition.themes.values_list("title", flat=True)) == [
        "Serving communities in times of crisis",
        "Partnerships for strong democracies",
        "Active citizenship in analog and digital format",
        "Emerging technological trends for community empowerment",
        "Public spaces and community involvement",
    ]
    roles = {}
    for role, name in EditionPartner.objects.filter(edition=edition).values_list("role", "organisation__name"):
        roles.setdefault(role, set()).add(name)
    assert roles[PartnerRole.ORGANISER] == {"Progress Foundation"}
    assert roles[PartnerRole.SUPPORTER] == {"Next Library®"}
    assert roles[PartnerRole.PARTNER] == {"National Library of Romania", "Goethe-Institut"}
    assert len(roles[PartnerRole.PROJECT_PARTNER]) == 7
    assert roles[PartnerRole.IMPLEMENTER] == {"Romanian Platform NGDO – FUND"}
    assert roles[PartnerRole.FUNDER] == {"European Union"}
    assert Organisation.objects.get(slug="progress-foundation").founded == 1996
    assert list(Project.objects.values_list("slug", flat=True)) == [
        "code-kids",
        "time-to-know",
        "learning-circles-in-libraries",
        "public-libraries-as-active-citizens-hubs",
        "occupy-library-innovators-hub",
    ]


def test_load_demo_2022_themes(db):
    edition = Edition.objects.get(slug="2022")

    assert edition.tagline == "The E+Libraries On The Rise!"
    themes = list(edition.themes.values_list("title", "description"))
    assert [title for title, _ in themes] == [
        "Engaging community in rethinking, repurposing and remanufacturing, recycling",
        "Empowerment for repair, reuse and recover",
        "Educating for a sustainable Planet",
    ]
    assert themes[1][1].startswith("Community development and strategic planning see community resilience")


def test_the_real_editions_describe_no_theme_or_format_the_texts_do_not_describe(client):
    """The press release names the 2020 themes and formats without describing them; the 2022 About page describes
    its themes and its two formats in its own words. Nothing else is described on the real editions' pages."""
    assert set(Theme.objects.filter(edition__slug="2020").values_list("description", flat=True)) == {""}
    described = SessionFormat.objects.filter(edition__slug__in=["2020", "2022"]).exclude(description="")
    assert sorted(described.values_list("edition__slug", "slug", "description")) == [
        ("2022", "case-study", "Access to the conference and case studies presentations of your choice. Stick "
         "around for inspiring ideas from our speakers exclusively at Occupy Library."),
        ("2022", "ignite-talk", "Short 5 minutes talks meant to make the audience interested on an idea that is "
         "worth sharing."),
    ]  # fmt: skip
    html = client.get("/2020/").content.decode()
    assert "Hands-on work in a small group" not in html and "audience joins in with questions" not in html


def test_no_news_post_carries_a_date_the_texts_do_not_give(db):
    """Only the press release is dated (21 September 2020); the undated 2022 About page is no news post."""
    assert list(NewsPost.objects.values_list("slug", "published_at")) == [
        ("occupy-library-2020-innovators-share-good-practices", datetime.datetime(2020, 9, 21, 9, tzinfo=BUCHAREST))
    ]


def test_load_demo_deletes_the_undated_news_post_an_older_demo_wrote(db):
    NewsPost.objects.create(slug=seed.RETIRED_NEWS[0], title="Occupy Library 2022", body="Invented date")

    quietly()

    assert not NewsPost.objects.filter(slug=seed.RETIRED_NEWS[0]).exists()


def test_load_demo_press_release_is_the_first_news_post(db):
    first = NewsPost.objects.order_by("published_at").first()

    assert first.edition.slug == "2020"
    assert first.published_at == datetime.datetime(2020, 9, 21, 9, tzinfo=BUCHAREST)
    assert "Claudia Șerbănuță" in first.body
    assert "help libraries reach their full potential as strategic partners" in first.body
    assert [link["url"] for link in first.links] == [
        "https://cutt.ly/XfGNsUf",
        "https://occupylibrary.net/registration-is-open-join-us-at-occupy-library-2020/",
        "https://occupylibrary.net/",
    ]


def test_load_demo_rejects_a_bad_programme_size(db):
    with pytest.raises(CommandError, match="between 1 and 100000"):
        call_command("load_demo", "--sample", programme_size=0)
    with pytest.raises(CommandError, match="add --sample"):
        call_command("load_demo", programme_size=10)
