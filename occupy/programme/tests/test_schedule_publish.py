"""publish_schedule(): the draft becomes the published schedule as a new version with its changes; until then
visitors see only what was published."""

import datetime

import pytest

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.programme.models import ChangeKind, ScheduleChange, Session
from occupy.programme.services.schedule import NothingToPublish, place_session, publish_schedule, unschedule_session
from occupy.programme.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(hour, minute=0, day=2):
    return datetime.datetime(2040, 6, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def edition():
    return EditionFactory(year=2040, is_published=True)


def test_publish_schedule_records_added_moved_and_cancelled(edition, django_user_model):
    by = django_user_model.objects.create_user("ana", "ana@example.org", "pw-long-enough-1")
    big, small = RoomFactory(edition=edition, name="Big"), RoomFactory(edition=edition, name="Small")
    moved = SessionFactory(edition=edition, room=big, starts_at=at(7), ends_at=at(8))
    cancelled = SessionFactory(edition=edition, room=small, starts_at=at(9), ends_at=at(10))
    added = SessionFactory(edition=edition, room=None, starts_at=None, ends_at=None)
    untouched = SessionFactory(edition=edition, room=big, starts_at=at(12), ends_at=at(13))
    place_session(session=moved, room=small, starts_at=at(11), minutes=30)
    place_session(session=added, room=big, starts_at=at(8), minutes=45)
    unschedule_session(session=cancelled)

    version = publish_schedule(edition=edition, by=by, now=at(5))

    assert (version.number, version.published_by, version.published_at) == (1, by, at(5))
    changes = {change.session_id: change for change in ScheduleChange.objects.filter(version=version)}
    assert {pk: change.kind for pk, change in changes.items()} == {
        moved.pk: ChangeKind.MOVED,
        cancelled.pk: ChangeKind.CANCELLED,
        added.pk: ChangeKind.ADDED,
    }
    change = changes[moved.pk]
    assert (change.old_room, change.old_starts_at, change.old_ends_at) == (big, at(7), at(8))
    assert (change.new_room, change.new_starts_at, change.new_ends_at) == (small, at(11), at(11, 30))
    assert (changes[cancelled.pk].new_starts_at, changes[cancelled.pk].old_room) == (None, small)
    published = {s.pk: (s.room_id, s.starts_at, s.ends_at) for s in Session.objects.all()}
    assert published == {
        moved.pk: (small.pk, at(11), at(11, 30)),
        cancelled.pk: (None, None, None),
        added.pk: (big.pk, at(8), at(8, 45)),
        untouched.pk: (big.pk, at(12), at(13)),
    }
    assert untouched.pk not in changes


def test_publish_schedule_numbers_versions_per_edition(edition):
    session = SessionFactory(edition=edition, starts_at=at(7), ends_at=at(8))
    other = SessionFactory(edition=EditionFactory(year=2041), room=None, starts_at=None, ends_at=None)
    place_session(session=other, room=RoomFactory(edition=other.edition), starts_at=at(7), minutes=20)
    place_session(session=session, room=session.room, starts_at=at(9), minutes=60)
    assert publish_schedule(edition=edition).number == 1
    place_session(session=session, room=session.room, starts_at=at(10), minutes=60)
    assert publish_schedule(edition=edition).number == 2
    assert publish_schedule(edition=other.edition).number == 1


def test_publish_schedule_refuses_when_nothing_changed(edition):
    SessionFactory(edition=edition)
    with pytest.raises(NothingToPublish):
        publish_schedule(edition=edition)
    assert not edition.schedule_versions.exists()


def test_the_draft_stays_off_the_public_schedule_until_published(client, edition):
    session = SessionFactory(edition=edition, title="Reading circles", room=None, starts_at=None, ends_at=None)
    place_session(session=session, room=RoomFactory(edition=edition), starts_at=at(7), minutes=30)
    assert "Reading circles" not in client.get(f"/{edition.slug}/schedule/").content.decode()
    assert "Reading circles" not in client.get(f"/{edition.slug}/schedule.xml").content.decode()

    publish_schedule(edition=edition)

    assert "Reading circles" in client.get(f"/{edition.slug}/schedule/").content.decode()
    assert "Reading circles" in client.get(f"/{edition.slug}/schedule.xml").content.decode()


def test_place_session_refuses_a_room_of_another_edition(edition):
    session = SessionFactory(edition=edition)
    with pytest.raises(ValueError):
        place_session(session=session, room=RoomFactory(edition=EditionFactory(year=2041)), starts_at=at(7), minutes=5)
    session.refresh_from_db()
    assert session.draft_starts_at == session.starts_at
