"""The schedule laid out for the page: days (in the zone the visitor reads it in), then time slots, each
session placed in its room's column and, for the wide grid, on rows of five minutes. Works on sessions already
fetched: no queries here."""

import datetime
import math
from dataclasses import dataclass, field

# Up to this many rooms a day is drawn as a grid with one column per room (site.css has a class per count);
# beyond it the day is shown as a list, which reads well at any width.
GRID_MAX_ROOMS = 6

# The wide grid has one row per five minutes, so a session's block is as tall as it is long.
# schedule.css has a class per row (r<start>, s<span>) up to a whole day.
ROW_MINUTES = 5
ROWS_PER_DAY = 24 * 60 // ROW_MINUTES
# A session without an end is drawn as long as this.
DEFAULT_MINUTES = 30
# Themes are coloured from a palette of this many colours (schedule.css: .theme-1 … .theme-8).
THEME_COLOURS = 8


@dataclass
class Column:
    index: int  # 1-based, matches the CSS class col-<index>
    room: object  # a Room, or None for sessions without a room yet


@dataclass
class TimeSlot:
    starts_at: datetime.datetime
    row: int = 1  # the grid row (of five minutes) it starts on
    sessions: list = field(default_factory=list)  # each with .column, .row and .span set


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

    @property
    def starts_at(self) -> datetime.datetime:
        return self.slots[0].starts_at

    @property
    def ends_at(self) -> datetime.datetime:
        return max(_end(session) for slot in self.slots for session in slot.sessions)


def _room_sort_key(room):
    # Sessions without a room come last.
    return (1, 0, "") if room is None else (0, room.order, room.name)


def _end(session) -> datetime.datetime:
    return session.ends_at or session.starts_at + datetime.timedelta(minutes=DEFAULT_MINUTES)


def _day_origin(first_start: datetime.datetime, zone) -> datetime.datetime:
    """The half hour at or before the day's first session, where its grid's first row begins."""
    local = first_start.astimezone(zone)
    return local.replace(minute=local.minute - local.minute % 30, second=0, microsecond=0)


def _place(session, origin: datetime.datetime) -> None:
    """Set `session.row` (1-based) and `session.span` (rows of five minutes, at least one, within the day)."""
    minutes = (session.starts_at - origin).total_seconds() / 60
    session.row = min(int(minutes // ROW_MINUTES) + 1, ROWS_PER_DAY)
    length = (_end(session) - session.starts_at).total_seconds() / 60
    session.span = max(1, min(math.ceil(length / ROW_MINUTES), ROWS_PER_DAY + 1 - session.row))


def theme_classes(themes) -> dict:
    """theme id → its colour class ("theme-1" …), by the themes' order, for cards and the legend."""
    return {theme.pk: f"theme-{index % THEME_COLOURS + 1}" for index, theme in enumerate(themes)}


def build_timetable(sessions, zone, themes=()) -> list[Day]:
    """Group scheduled `sessions` (ordered by start) into days as seen in `zone`, and each day into time slots.
    Each session gets `column`, `row`, `span` and `theme_class` (from `themes`, the edition's in order)."""
    colours = theme_classes(themes)
    by_date: dict[datetime.date, list] = {}
    for session in sessions:
        by_date.setdefault(session.starts_at.astimezone(zone).date(), []).append(session)

    days = []
    for date, day_sessions in by_date.items():
        rooms = {session.room_id: session.room for session in day_sessions}
        ordered_rooms = sorted(rooms.values(), key=_room_sort_key)
        columns = {(room.pk if room else None): Column(index, room) for index, room in enumerate(ordered_rooms, 1)}
        origin = _day_origin(day_sessions[0].starts_at, zone)
        slots: dict[datetime.datetime, TimeSlot] = {}
        for session in day_sessions:
            session.column = columns[session.room_id]
            session.theme_class = colours.get(session.theme_id, "")
            _place(session, origin)
            slot = slots.setdefault(session.starts_at, TimeSlot(session.starts_at, row=session.row))
            slot.sessions.append(session)
        for slot in slots.values():
            slot.sessions.sort(key=lambda s: s.column.index)
        days.append(Day(date, list(columns.values()), list(slots.values())))
    return days
