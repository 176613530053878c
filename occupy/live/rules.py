"""Rules about the time of the event, each a plain function of `now` (like Edition's methods), written once."""

import datetime
from dataclasses import dataclass

# A join link opens this long before its session starts, so people can settle in.
JOIN_OPENS_BEFORE = datetime.timedelta(minutes=15)
# How far ahead the live page looks for what is next in a room.
NEXT_HORIZON = datetime.timedelta(hours=24)


class Window:
    EARLY = "early"
    OPEN = "open"
    OVER = "over"
    UNSCHEDULED = "unscheduled"


@dataclass
class RoomNow:
    """What is on in one room at a moment: the current session (or None) and the next one (or None)."""

    room: object
    current: object | None = None
    next: object | None = None


def now_and_next(rooms, sessions, now: datetime.datetime) -> list[RoomNow]:
    """For every room (in the given order), the session running at `now` (started, not ended) and the first one
    that starts after `now`. `sessions` are scheduled sessions in start order; a session without a room is
    ignored. A room with neither is left out."""
    by_room = {room.pk: RoomNow(room) for room in rooms}
    for session in sessions:
        slot = by_room.get(session.room_id)
        if slot is None or session.starts_at is None or session.ends_at is None:
            continue
        if session.starts_at <= now < session.ends_at:
            if slot.current is None:
                slot.current = session
        elif session.starts_at > now and slot.next is None:
            slot.next = session
    return [slot for slot in by_room.values() if slot.current or slot.next]


def session_join_window(session, now: datetime.datetime) -> str:
    """Whether a session's join link works at `now`: from JOIN_OPENS_BEFORE its start until it ends."""
    if session.starts_at is None or session.ends_at is None:
        return Window.UNSCHEDULED
    if now < session.starts_at - JOIN_OPENS_BEFORE:
        return Window.EARLY
    if now >= session.ends_at:
        return Window.OVER
    return Window.OPEN


def room_join_window(edition, now: datetime.datetime) -> str:
    """Whether a room's join link works at `now`: on the edition's days, in its own time zone."""
    if edition.is_on(now):
        return Window.OPEN
    return Window.OVER if edition.has_ended(now) else Window.EARLY


def questions_open(session, now: datetime.datetime) -> bool:
    """Questions are asked and voted for while the join link works: shortly before the session until it ends."""
    return session_join_window(session, now) == Window.OPEN


def feedback_open(session, now: datetime.datetime) -> bool:
    """Feedback is given once the session has started."""
    return session.starts_at is not None and now >= session.starts_at
