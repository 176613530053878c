"""The schedule laid out for the page: days (in the zone the visitor reads it in), then time slots, each
session placed in its room's column. Works on sessions already fetched: no queries here."""

import datetime
from dataclasses import dataclass, field

# Up to this many rooms a day is drawn as a grid with one column per room (site.css has a class per count);
# beyond it the day is shown as a list, which reads well at any width.
GRID_MAX_ROOMS = 6


@dataclass
class Column:
    index: int  # 1-based, matches the CSS class col-<index>
    room: object  # a Room, or None for sessions without a room yet


@dataclass
class TimeSlot:
    starts_at: datetime.datetime
    sessions: list = field(default_factory=list)  # each with .column set to its Column


@dataclass
class Day:
    date: datetime.date
    columns: list[Column]
    slots: list[TimeSlot]

    @property
    def anchor(self) -> str:
        return f"day-{self.date.isoformat()}"

    @property
    def layout_class(self) -> str:
        return f"rooms-{len(self.columns)}" if len(self.columns) <= GRID_MAX_ROOMS else "rooms-many"


def _room_sort_key(room):
    # Sessions without a room come last.
    return (1, 0, "") if room is None else (0, room.order, room.name)


def build_timetable(sessions, zone) -> list[Day]:
    """Group scheduled `sessions` (ordered by start) into days as seen in `zone`, and each day into time slots."""
    by_date: dict[datetime.date, list] = {}
    for session in sessions:
        by_date.setdefault(session.starts_at.astimezone(zone).date(), []).append(session)

    days = []
    for date, day_sessions in by_date.items():
        rooms = {session.room_id: session.room for session in day_sessions}
        ordered_rooms = sorted(rooms.values(), key=_room_sort_key)
        columns = {(room.pk if room else None): Column(index, room) for index, room in enumerate(ordered_rooms, 1)}
        slots: dict[datetime.datetime, TimeSlot] = {}
        for session in day_sessions:
            session.column = columns[session.room_id]
            slots.setdefault(session.starts_at, TimeSlot(session.starts_at)).sessions.append(session)
        for slot in slots.values():
            slot.sessions.sort(key=lambda s: s.column.index)
        days.append(Day(date, list(columns.values()), list(slots.values())))
    return days
