import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count, Q

from occupy.content.models import EditionPartner, NewsPost, Organisation, PartnerRole, Project
from occupy.demo.sample import grow_programme
from occupy.editions.models import Edition, EditionMode, Room, RoomKind, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Attendance, Material, Session, SessionSpeaker, SpeakerRole
from occupy.registration.models import AttendanceMode, Registration
from occupy.web.models import ContentVersion
from occupy.web.pagecache import current_version

BUCHAREST = ZoneInfo("Europe/Bucharest")
MODELS = [
    Edition, Theme, SessionFormat, Room, Person, Organisation, EditionPartner, Project, NewsPost, Session,
    SessionSpeaker, Material, Registration,
]  # fmt: skip
SEED_PEOPLE = {
    "hannelore-vogt", "dan-perjovschi", "asaf-bartov", "loida-garcia-febo", "christine-mackenzie", "gerald-leitner",
    "deborah-jacobs", "claudia-serbanuta", "andreea-dumitrescu",
}  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    """The demo is loaded once (committed) for this module; each test runs in its own rolled-back transaction
    on top of it. Everything is deleted afterwards so other apps' tests start from an empty database."""
    with django_db_blocker.unblock():
        had_version = ContentVersion.objects.exists()
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        Registration.objects.all().delete()
        Session.objects.all().delete()  # before the editions: a session protects its format
        Edition.objects.all().delete()
        Person.objects.all().delete()
        Organisation.objects.all().delete()
        NewsPost.objects.all().delete()
        if not had_version:
            ContentVersion.objects.all().delete()


def snapshot():
    return {
        "counts": {model.__name__: model.objects.count() for model in MODELS},
        "sessions": list(Session.objects.order_by("pk").values()),
        "speakers": list(SessionSpeaker.objects.order_by("pk").values()),
        "people": list(Person.objects.order_by("pk").values()),
        "registrations": list(Registration.objects.order_by("pk").values()),
        "editions": list(Edition.objects.order_by("pk").values()),
        "news": list(NewsPost.objects.order_by("pk").values()),
    }


def speaker_figures(edition):
    return Session.objects.filter(edition=edition).aggregate(
        people=Count("speakers", distinct=True),
        countries=Count("speakers__country", distinct=True, filter=~Q(speakers__country="")),
    )


def assert_no_overlap_in_any_room(edition):
    for room in edition.rooms.all():
        slots = list(room.sessions.order_by("starts_at").values_list("starts_at", "ends_at"))
        for (_, previous_end), (start, _) in pairwise(slots):
            assert start >= previous_end, f"overlap in {room}"


def test_load_demo_twice_writes_nothing(db):
    before = snapshot()
    version = current_version()

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert snapshot() == before
    # Only the final explicit bump: no row was saved (a save would have bumped the version through signals).
    assert current_version() == version + 1


def test_load_demo_makes_no_duplicates(db):
    assert Person.objects.values("name").distinct().count() == Person.objects.count()
    assert Organisation.objects.values("name").distinct().count() == Organisation.objects.count()
    assert Session.objects.values("edition", "title").distinct().count() == Session.objects.count()
    assert Theme.objects.values("edition", "title").distinct().count() == Theme.objects.count()
    assert NewsPost.objects.values("title").distinct().count() == NewsPost.objects.count() == 2
    assert Edition.objects.count() == 2


def test_load_demo_2020_figures(db):
    edition = Edition.objects.get(slug="2020")
    figures = speaker_figures(edition)

    assert figures["people"] >= 90
    assert figures["countries"] == 25
    assert edition.registrations.confirmed().count() >= 800
    assert 85 <= edition.sessions.count() <= 95
    assert edition.mode == EditionMode.ONLINE
    assert set(edition.sessions.values_list("attendance", flat=True)) == {Attendance.ONLINE}
    assert set(edition.rooms.values_list("kind", flat=True)) == {RoomKind.VIRTUAL}
    assert set(edition.registrations.values_list("attendance", flat=True)) == {AttendanceMode.ONLINE}


def test_load_demo_2020_keynotes_are_the_four_named_guests(db):
    keynotes = Session.objects.filter(edition__slug="2020", format__is_keynote=True).order_by("starts_at")

    speakers = [session.speakers.get().slug for session in keynotes]

    assert speakers == ["hannelore-vogt", "dan-perjovschi", "asaf-bartov", "loida-garcia-febo"]
    assert all(session.is_sample and "sample data" in session.abstract for session in keynotes)
    assert keynotes[0].title == "Opening keynote"
    panels = SessionSpeaker.objects.filter(
        session__edition__slug="2020", person__slug__in=["christine-mackenzie", "gerald-leitner", "deborah-jacobs"]
    )
    assert set(panels.values_list("session__format__slug", flat=True)) == {"panel", "interactive-debate"}
    assert panels.count() == 3


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
    roles = {role: set(names) for role, names in _partners_by_role(edition).items()}
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
    material = Material.objects.get()
    assert (material.session.slug, material.url) == ("opening-keynote", "https://cutt.ly/XfGNsUf")


def _partners_by_role(edition):
    roles = {}
    for role, name in EditionPartner.objects.filter(edition=edition).values_list("role", "organisation__name"):
        roles.setdefault(role, []).append(name)
    return roles


def test_load_demo_2022_themes_formats_and_days(db):
    edition = Edition.objects.get(slug="2022")
    sessions = edition.sessions.all()

    assert edition.tagline == "The E+Libraries On The Rise!"
    assert edition.mode == EditionMode.HYBRID
    assert (edition.city, edition.country, edition.live_capacity) == ("Bucharest", "RO", 250)
    themes = list(edition.themes.values_list("title", "description"))
    assert [title for title, _ in themes] == [
        "Engaging community in rethinking, repurposing and remanufacturing, recycling",
        "Empowerment for repair, reuse and recover",
        "Educating for a sustainable Planet",
    ]
    assert themes[1][1].startswith("Community development and strategic planning see community resilience")
    assert set(sessions.values_list("format__slug", flat=True)) == {
        "keynote", "case-study", "ignite-talk", "workshop", "interactive-debate", "panel",
    }  # fmt: skip
    assert set(sessions.exclude(format__is_keynote=True).values_list("theme__order", flat=True)) == {0, 1, 2}
    assert 35 <= sessions.count() <= 45
    days = {session.starts_at.astimezone(BUCHAREST).date() for session in sessions}
    assert days == {datetime.date(2022, 6, 2), datetime.date(2022, 6, 3)}
    assert set(sessions.values_list("attendance", flat=True)) == {
        Attendance.HYBRID,
        Attendance.LIVE,
        Attendance.ONLINE,
    }
    live = edition.registrations.confirmed().filter(attendance=AttendanceMode.LIVE).count()
    assert 0 < live <= edition.live_capacity
    assert edition.registrations.confirmed().filter(attendance=AttendanceMode.ONLINE).exists()
    assert edition.registration_closes_at < datetime.datetime(2022, 6, 2, tzinfo=BUCHAREST)


def test_load_demo_sessions_are_daytime_without_overlaps(db):
    for edition in Edition.objects.all():
        assert_no_overlap_in_any_room(edition)
        for session in edition.sessions.select_related("format"):
            start, end = session.starts_at.astimezone(BUCHAREST), session.ends_at.astimezone(BUCHAREST)
            assert datetime.time(9) <= start.time() and end.time() <= datetime.time(18, 30)
            assert session.duration_minutes == session.format.default_minutes
    ignites = Session.objects.filter(format__slug="ignite-talk")
    assert ignites.exists()
    assert {session.duration_minutes for session in ignites} == {5}
    workshops = Session.objects.filter(format__slug="workshop")
    assert not workshops.filter(capacity__isnull=True).exists()


def test_load_demo_nobody_speaks_twice_at_once(db):
    slots = {}
    for person_id, start, end in SessionSpeaker.objects.values_list(
        "person", "session__starts_at", "session__ends_at"
    ):
        for other_start, other_end in slots.get(person_id, []):
            assert not (start < other_end and other_start < end)
        slots.setdefault(person_id, []).append((start, end))


def test_load_demo_someone_speaks_in_both_editions(db):
    both = Person.objects.filter(sessions__edition__slug="2020").filter(sessions__edition__slug="2022").distinct()

    assert both.count() >= 5
    assert all(person.is_sample for person in both)


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


def test_load_demo_marks_invented_objects_as_sample(db):
    assert set(Edition.objects.values_list("is_sample", flat=True)) == {True}
    assert not Session.objects.filter(is_sample=False).exists()
    assert set(Person.objects.filter(is_sample=False).values_list("slug", flat=True)) == SEED_PEOPLE
    assert not Registration.objects.filter(is_sample=False).exists()
    assert not Registration.objects.exclude(email__endswith="@example.org").exists()
    assert not SessionSpeaker.objects.filter(person__slug__in=["claudia-serbanuta", "andreea-dumitrescu"]).exists()
    real_speakers = SessionSpeaker.objects.filter(person__is_sample=False)
    assert real_speakers.count() == 7
    assert not real_speakers.exclude(session__abstract__contains="sample data").exists()
    assert not SessionSpeaker.objects.filter(role=SpeakerRole.MODERATOR, person__is_sample=False).exists()


def test_load_demo_programme_size_grows_the_current_edition(db):
    call_command("load_demo", programme_size=400, stdout=open("/dev/null", "w"))  # noqa: SIM115
    edition = Edition.objects.get(slug="2022")

    assert edition.sessions.count() == 400
    assert Edition.objects.get(slug="2020").sessions.count() == 92
    assert (
        not SessionSpeaker.objects.filter(session__edition=edition)
        .values("session")
        .annotate(n=Count("id"))
        .filter(n=0)
        .exists()
    )
    assert edition.sessions.filter(speakers__isnull=True).count() == 0
    assert_no_overlap_in_any_room(edition)

    grow_programme(edition, sessions=450)
    grow_programme(edition, sessions=100)

    assert edition.sessions.count() == 450
    assert_no_overlap_in_any_room(edition)


def test_load_demo_rejects_a_bad_programme_size(db):
    with pytest.raises(CommandError, match="between 1 and 100000"):
        call_command("load_demo", programme_size=0)
