"""schedule_warnings(): what the editor warns about in the draft schedule, each kind, in a fixed number of
queries."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.conflicts import WarningKind, schedule_warnings
from occupy.programme.models import SessionSpeaker, Unavailability
from occupy.programme.services.schedule import place_session
from occupy.programme.tests.factories import SessionFactory, build_programme

pytestmark = pytest.mark.django_db


def local(hour, minute=0, day=2):
    """A time in Bucharest (UTC+3 in June)."""
    return datetime.datetime(2040, 6, day, hour, minute, tzinfo=ZoneInfo("Europe/Bucharest")).astimezone(datetime.UTC)


@pytest.fixture
def edition():
    return EditionFactory(year=2040)


def make(edition, room, start, minutes, *, title, default_minutes=60):
    session = SessionFactory(
        edition=edition, title=title, format=SessionFormatFactory(edition=edition, default_minutes=default_minutes)
    )
    place_session(session=session, room=room, starts_at=start, minutes=minutes)
    return session


def kinds(edition):
    return sorted((warning.kind, warning.session_ids) for warning in schedule_warnings(edition=edition))


def test_schedule_warnings_a_room_used_twice(edition):
    room = RoomFactory(edition=edition, name="Hall")
    first = make(edition, room, local(10), 60, title="First")
    second = make(edition, room, local(10, 30), 30, title="Second")
    make(edition, room, local(11), 30, title="Right after")  # touching is not overlapping
    assert kinds(edition) == [(WarningKind.ROOM_TWICE, (first.pk, second.pk))]
    [warning] = schedule_warnings(edition=edition)
    assert warning.message == "Hall is used twice at once: “First” and “Second” (2040-06-02 10:30)."


def test_schedule_warnings_a_speaker_in_two_places(edition):
    person = PersonFactory(name="Ana")
    first = make(edition, RoomFactory(edition=edition), local(10), 60, title="First")
    second = make(edition, RoomFactory(edition=edition), local(10, 15), 30, title="Second")
    for session in (first, second):
        SessionSpeaker.objects.create(session=session, person=person)
    assert kinds(edition) == [(WarningKind.SPEAKER_TWICE, (first.pk, second.pk))]


def test_schedule_warnings_a_session_longer_than_its_format(edition):
    long = make(edition, RoomFactory(edition=edition), local(10), 25, title="Ignite", default_minutes=5)
    make(edition, RoomFactory(edition=edition), local(10), 5, title="Short", default_minutes=5)
    assert kinds(edition) == [(WarningKind.TOO_LONG, (long.pk,))]


def test_schedule_warnings_a_session_in_a_speakers_unavailability(edition):
    person = PersonFactory(name="Ana")
    session = make(edition, RoomFactory(edition=edition), local(10), 60, title="Talk")
    SessionSpeaker.objects.create(session=session, person=person)
    Unavailability.objects.create(edition=edition, person=person, starts_at=local(10, 30), ends_at=local(12))
    Unavailability.objects.create(edition=edition, person=person, starts_at=local(11), ends_at=local(12))
    assert kinds(edition) == [(WarningKind.UNAVAILABLE, (session.pk,))]


def test_schedule_warnings_a_session_outside_the_edition_days(edition):
    outside = make(edition, RoomFactory(edition=edition), local(10, day=4), 60, title="Late")
    make(edition, RoomFactory(edition=edition), local(23, day=3), 60, title="Last evening")  # ends at midnight
    # 02:00 in Bucharest on 2 June is still 1 June in UTC: the edition's days are read in its zone.
    make(edition, RoomFactory(edition=edition), local(2), 30, title="Early")
    assert kinds(edition) == [(WarningKind.OUTSIDE_DAYS, (outside.pk,))]


def test_schedule_warnings_queries_are_fixed(django_assert_num_queries):
    small, large = EditionFactory(year=2041), EditionFactory(year=2042)
    build_programme(small, sessions=5)
    build_programme(large, sessions=60)
    # sessions with format and rooms, their speakers, the unavailabilities
    with django_assert_num_queries(3):
        schedule_warnings(edition=small)
    with django_assert_num_queries(3):
        warnings = schedule_warnings(edition=large)
    # build_programme's case studies (20 minutes usually) last 25: 54 of the 60 sessions.
    assert ({warning.kind for warning in warnings}, len(warnings)) == ({WarningKind.TOO_LONG}, 54)
