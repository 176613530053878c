"""The schedule editor's grid: for each day, rows of time slots (in the edition's zone) and a column per
room, each cell holding the sessions whose DRAFT start falls in it. Works on loaded rows: no queries."""

import dataclasses
import datetime

from occupy.programme.forms import edition_days

SLOT_MINUTES = 30
DAY_STARTS = datetime.time(9, 0)
DAY_ENDS = datetime.time(18, 0)


@dataclasses.dataclass
class Cell:
    room: object  # a Room, or None for the "no room" column
    sessions: list


@dataclasses.dataclass
class Row:
    time: datetime.time
    cells: list[Cell]


@dataclasses.dataclass
class GridDay:
    date: datetime.date
    columns: list
    rows: list[Row]

    @property
    def anchor(self) -> str:
        return f"day-{self.date.isoformat()}"


def _slot_of(moment: datetime.datetime) -> datetime.time:
    minutes = (moment.hour * 60 + moment.minute) // SLOT_MINUTES * SLOT_MINUTES
    return datetime.time(minutes // 60, minutes % 60)


def _minutes(time: datetime.time) -> int:
    return time.hour * 60 + time.minute


def build_grid(edition, rooms, sessions) -> tuple[list[GridDay], list]:
    """(days of the grid, unscheduled sessions). A day outside the edition's days appears when a draft
    session falls on it, so that it can be seen and moved."""
    zone = edition.tz
    placed_by_day: dict[datetime.date, list] = {}
    unscheduled = []
    for session in sessions:
        if session.draft_starts_at is None:
            unscheduled.append(session)
            continue
        session.local_start = session.draft_starts_at.astimezone(zone)
        session.local_end = session.draft_ends_at.astimezone(zone) if session.draft_ends_at else None
        placed_by_day.setdefault(session.local_start.date(), []).append(session)
    days = []
    for date in sorted(set(edition_days(edition)) | set(placed_by_day)):
        day_sessions = placed_by_day.get(date, [])
        columns = list(rooms)
        if any(session.draft_room_id is None for session in day_sessions):
            columns.append(None)
        first = min([_minutes(DAY_STARTS)] + [_minutes(_slot_of(s.local_start)) for s in day_sessions])
        last = max(
            [_minutes(DAY_ENDS)]
            + [_minutes(s.local_end.time()) for s in day_sessions if s.local_end and s.local_end.date() == date]
            + [_minutes(_slot_of(s.local_start)) + SLOT_MINUTES for s in day_sessions]
        )
        cells = {}
        for session in day_sessions:
            key = (_slot_of(session.local_start), session.draft_room_id)
            cells.setdefault(key, []).append(session)
        rows = []
        for minute in range(first, last, SLOT_MINUTES):
            time = datetime.time(minute // 60, minute % 60)
            row_cells = [Cell(room, cells.get((time, room.pk if room else None), [])) for room in columns]
            rows.append(Row(time, row_cells))
        days.append(GridDay(date, columns, rows))
    return days, unscheduled
