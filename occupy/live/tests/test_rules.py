"""The rules about the event's time, at fixed moments (Bucharest is UTC+3 in June)."""

import datetime
from types import SimpleNamespace

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.live.rules import (
    Window,
    feedback_open,
    now_and_next,
    questions_open,
    room_join_window,
    session_join_window,
)

UTC = datetime.UTC


def at(hour, minute=0, day=2):
    return datetime.datetime(2040, 6, day, hour, minute, tzinfo=UTC)


def session(room, start, end, title):
    return SimpleNamespace(room_id=room.pk, starts_at=start, ends_at=end, title=title)


ROOM_A = SimpleNamespace(pk=1, name="A")
ROOM_B = SimpleNamespace(pk=2, name="B")
ROOM_C = SimpleNamespace(pk=3, name="C")
PROGRAMME = [
    session(ROOM_A, at(7), at(8), "A1"),
    session(ROOM_B, at(7, 30), at(8, 30), "B1"),
    session(ROOM_A, at(8), at(9), "A2"),
    session(ROOM_A, at(9, 30), at(10), "A3"),
    session(ROOM_B, at(9), at(10), "B2"),
]


def titles(rooms):
    return [(slot.room.name, slot.current and slot.current.title, slot.next and slot.next.title) for slot in rooms]


def test_now_and_next_before_the_first_session_shows_only_what_is_next():
    assert titles(now_and_next([ROOM_A, ROOM_B, ROOM_C], PROGRAMME, at(6, 59))) == [
        ("A", None, "A1"),
        ("B", None, "B1"),
    ]


def test_now_and_next_at_a_start_the_session_is_current_and_the_one_that_ends_then_is_not():
    assert titles(now_and_next([ROOM_A, ROOM_B], PROGRAMME, at(8))) == [("A", "A2", "A3"), ("B", "B1", "B2")]


def test_now_and_next_between_sessions_a_room_has_only_its_next():
    assert titles(now_and_next([ROOM_A, ROOM_B], PROGRAMME, at(9, 10))) == [("A", None, "A3"), ("B", "B2", None)]


def test_now_and_next_after_the_last_session_leaves_every_room_out():
    assert now_and_next([ROOM_A, ROOM_B], PROGRAMME, at(10)) == []


def test_session_join_window_opens_15_minutes_before_and_closes_at_the_end():
    talk = session(ROOM_A, at(10), at(11), "Talk")
    assert session_join_window(talk, at(9, 44)) == Window.EARLY
    assert session_join_window(talk, at(9, 45)) == Window.OPEN
    assert session_join_window(talk, at(10, 59)) == Window.OPEN
    assert session_join_window(talk, at(11)) == Window.OVER
    assert session_join_window(SimpleNamespace(starts_at=None, ends_at=None), at(10)) == Window.UNSCHEDULED


def test_questions_follow_the_join_window_and_feedback_opens_at_the_start():
    talk = session(ROOM_A, at(10), at(11), "Talk")
    assert not questions_open(talk, at(9, 44))
    assert questions_open(talk, at(9, 45))
    assert not questions_open(talk, at(11))
    assert not feedback_open(talk, at(9, 59))
    assert feedback_open(talk, at(10))
    assert feedback_open(talk, at(20, day=5))


@pytest.mark.django_db
def test_room_join_window_is_the_editions_days_in_its_own_time_zone():
    edition = EditionFactory(year=2040, time_zone="Europe/Bucharest")  # 2 and 3 June 2040
    # 1 June 21:00 UTC is already 2 June, 00:00, in Bucharest.
    assert room_join_window(edition, datetime.datetime(2040, 6, 1, 20, 59, tzinfo=UTC)) == Window.EARLY
    assert room_join_window(edition, datetime.datetime(2040, 6, 1, 21, 0, tzinfo=UTC)) == Window.OPEN
    assert room_join_window(edition, datetime.datetime(2040, 6, 3, 20, 59, tzinfo=UTC)) == Window.OPEN
    assert room_join_window(edition, datetime.datetime(2040, 6, 3, 21, 0, tzinfo=UTC)) == Window.OVER
