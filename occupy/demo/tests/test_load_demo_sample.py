"""`load_demo --sample` adds the sample edition: dated from today, registration open on whatever day the test
runs, a live capacity, a workshop with seats, an invented programme and invented registrations, all marked as
sample data, while the real editions still hold only their facts."""

import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.utils import timezone

from occupy.demo import seed
from occupy.demo.sample import grow_programme, load_sample, sample_dates
from occupy.demo.tests.test_load_demo import MODELS, delete_demo
from occupy.editions.models import Edition, EditionMode, RegistrationWindow
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, SessionSpeaker
from occupy.registration.models import AttendanceMode, Registration
from occupy.registration.rules import offers_live_places
from occupy.web.models import ContentVersion
from occupy.web.pagecache import current_version

BUCHAREST = ZoneInfo("Europe/Bucharest")


def quietly(*args, **options):
    call_command("load_demo", *args, stdout=open("/dev/null", "w"), **options)  # noqa: SIM115


@pytest.fixture(scope="module", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        had_version = ContentVersion.objects.exists()
        quietly("--sample")
        yield
        delete_demo()
        if not had_version:
            ContentVersion.objects.all().delete()


@pytest.fixture
def sample(db):
    return Edition.objects.get(slug="sample")


def snapshot():
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in MODELS}


def assert_no_overlap_in_any_room(edition):
    for room in edition.rooms.all():
        slots = list(room.sessions.order_by("starts_at").values_list("starts_at", "ends_at"))
        for (_, previous_end), (start, _) in pairwise(slots):
            assert start >= previous_end, f"overlap in {room}"


def test_sample_edition_registration_is_open_today(sample):
    today = timezone.localdate(timezone=BUCHAREST)

    assert sample.registration_window() == RegistrationWindow.OPEN
    assert sample.is_sample and sample.is_published and sample.programme_is_complete
    # Four to five weeks ahead, or up to three weeks later where that would fall in the year-end holidays.
    assert datetime.timedelta(weeks=4) <= sample.start_date - today <= datetime.timedelta(weeks=8)
    assert not (
        (sample.start_date.month, sample.start_date.day) >= (12, 20)
        or sample.start_date <= sample.start_date.replace(month=1, day=7)
    )
    assert (sample.end_date - sample.start_date).days == 1
    assert sample.registration_closes_at.astimezone(BUCHAREST).date() == sample.start_date - datetime.timedelta(1)


def test_sample_edition_is_hybrid_with_live_places_and_a_workshop_with_seats(sample):
    assert sample.mode == EditionMode.HYBRID
    assert sample.time_zone == "Europe/Bucharest" and sample.city == "Bucharest"
    assert sample.live_capacity and offers_live_places(sample)
    workshops = sample.sessions.filter(format__slug="workshop")
    assert workshops.exists()
    assert not workshops.filter(capacity__isnull=True).exists()
    assert sample.sessions.count() >= 30
    assert set(sample.sessions.values_list("attendance", flat=True)) == {
        Attendance.HYBRID,
        Attendance.LIVE,
        Attendance.ONLINE,
    }
    live = sample.registrations.confirmed().filter(attendance=AttendanceMode.LIVE).count()
    assert 0 < live < sample.live_capacity
    assert sample.registrations.confirmed().filter(attendance=AttendanceMode.ONLINE).exists()


def test_everything_in_the_sample_edition_is_marked_and_invented(sample):
    assert not sample.sessions.filter(is_sample=False).exists()
    assert not sample.registrations.filter(is_sample=False).exists()
    assert not sample.registrations.exclude(email__endswith="@example.org").exists()
    speakers = Person.objects.filter(sessions__edition=sample).distinct()
    assert speakers.exists()
    assert not speakers.filter(is_sample=False).exists()
    assert not speakers.exclude(organisation__startswith="Sample Library, ").exists()


def test_the_real_editions_still_hold_no_sample_rows(sample):
    assert not Session.objects.exclude(edition=sample).exists()
    assert not Registration.objects.exclude(edition=sample).exists()
    assert set(Person.objects.filter(is_sample=False).values_list("slug", flat=True)) == {
        slug for slug, *_ in seed.PEOPLE
    }
    assert not Edition.objects.filter(slug__in=seed.EDITIONS, is_sample=True).exists()


def test_the_home_page_leads_to_the_sample_edition_and_lists_the_real_ones(client, sample):
    html = client.get("/").content.decode()

    assert "Sample edition (demo data)" in html
    assert 'href="/sample/register/"' in html
    assert 'href="/2020/"' in html and 'href="/2022/"' in html


def test_the_sample_registration_page_is_open(client, sample):
    html = client.get("/sample/register/").content.decode()

    assert 'name="email"' in html
    assert 'name="attendance" value="live"' in html


def test_load_demo_sample_twice_writes_nothing(db):
    before = snapshot()
    version = current_version()

    quietly("--sample")

    assert snapshot() == before
    assert current_version() == version + 1


def test_a_load_on_a_later_day_moves_the_sample_dates_and_adds_nothing(sample):
    counts = {model.__name__: model.objects.count() for model in MODELS}
    later = timezone.localdate(timezone=BUCHAREST) + datetime.timedelta(days=400)

    moved = load_sample(today=later)

    assert moved.pk == sample.pk
    assert moved.start_date > sample.start_date + datetime.timedelta(days=365)
    assert moved.start_date - later >= datetime.timedelta(weeks=4)
    assert {model.__name__: model.objects.count() for model in MODELS} == counts
    a_year_on = timezone.now() + datetime.timedelta(days=400)
    assert moved.registration_window(now=a_year_on) == RegistrationWindow.OPEN
    days = {s.starts_at.astimezone(BUCHAREST).date() for s in moved.sessions.all()}
    assert days == {moved.start_date, moved.end_date}


def test_sample_sessions_are_daytime_without_overlaps(sample):
    assert_no_overlap_in_any_room(sample)
    for session in sample.sessions.select_related("format"):
        start, end = session.starts_at.astimezone(BUCHAREST), session.ends_at.astimezone(BUCHAREST)
        assert datetime.time(9) <= start.time() and end.time() <= datetime.time(18, 30)
        assert session.duration_minutes == session.format.default_minutes
    ignites = sample.sessions.filter(format__slug="ignite-talk")
    assert {session.duration_minutes for session in ignites} == {5}


def test_nobody_speaks_twice_at_once(sample):
    slots = {}
    for person_id, start, end in SessionSpeaker.objects.values_list(
        "person", "session__starts_at", "session__ends_at"
    ):
        for other_start, other_end in slots.get(person_id, []):
            assert not (start < other_end and other_start < end)
        slots.setdefault(person_id, []).append((start, end))


def test_programme_size_grows_the_sample_edition_only(sample):
    quietly("--sample", programme_size=400)

    assert sample.sessions.count() == 400
    assert not Session.objects.exclude(edition=sample).exists()
    assert (
        not SessionSpeaker.objects.filter(session__edition=sample)
        .values("session")
        .annotate(n=Count("id"))
        .filter(n=0)
        .exists()
    )
    assert sample.sessions.filter(speakers__isnull=True).count() == 0
    assert_no_overlap_in_any_room(sample)

    grow_programme(sample, sessions=450)
    grow_programme(sample, sessions=100)

    assert sample.sessions.count() == 450
    assert_no_overlap_in_any_room(sample)


@pytest.mark.parametrize("path", ["/organiser/", "/about/", "/contact/", "/privacy/"])
def test_the_organisers_pages_never_speak_of_the_sample_edition(client, sample, path):
    html = client.get(path).content.decode()
    main = html[html.index("<main") : html.index("</main>")]  # the footer lists every edition

    assert "Sample edition" not in main
    assert "Occupy Library 2022" in main or path in ("/contact/", "/privacy/")


@pytest.mark.parametrize(
    ("today", "first_day"),
    [
        (datetime.date(2026, 6, 15), datetime.date(2026, 7, 16)),  # the Thursday four to five weeks ahead
        (datetime.date(2026, 11, 29), datetime.date(2027, 1, 14)),  # not on New Year's Eve: after the holidays
        (datetime.date(2026, 12, 10), datetime.date(2027, 1, 14)),
    ],
)
def test_sample_dates_fall_on_a_thursday_weeks_ahead_outside_the_year_end_holidays(today, first_day):
    dates = sample_dates(today)

    assert (dates["start_date"], dates["end_date"]) == (first_day, first_day + datetime.timedelta(days=1))
    assert dates["registration_opens_at"].date() == today - datetime.timedelta(days=14)
