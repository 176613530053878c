"""Slots for the sample programme: each room has one timeline per day, filled from the morning with breaks
between sessions and a lunch break, so two sessions never overlap in one room."""

import datetime
from zoneinfo import ZoneInfo

DAY_START = datetime.time(10, 0)
DAY_END = datetime.time(18, 0)
LUNCH = (datetime.time(13, 0), datetime.time(14, 0))
BREAK_MINUTES = 15
SHORT_BREAK_MINUTES = 10  # between two case studies, unless the room says otherwise
IGNITE = "ignite-talk"  # Ignite talks follow each other without a break


class RoomDay:
    """One room on one day. `place` returns the next free slot (aware datetimes) or None when the day is full."""

    def __init__(self, room, day: datetime.date, tz: ZoneInfo, *, case_study_break: int = SHORT_BREAK_MINUTES):
        self.room = room
        self.case_study_break = case_study_break
        self.day = day
        self.cursor = datetime.datetime.combine(day, DAY_START, tzinfo=tz)
        self.day_end = datetime.datetime.combine(day, DAY_END, tzinfo=tz)
        self.lunch = tuple(datetime.datetime.combine(day, t, tzinfo=tz) for t in LUNCH)
        self.last_format = None
        self.count = 0

    def _gap(self, format_slug: str) -> int:
        if self.last_format is None or (self.last_format == format_slug == IGNITE):
            return 0
        if self.last_format == format_slug == "case-study":
            return self.case_study_break
        return BREAK_MINUTES

    def slot(self, format_slug: str, minutes: int):
        start = self.cursor + datetime.timedelta(minutes=self._gap(format_slug))
        end = start + datetime.timedelta(minutes=minutes)
        if start < self.lunch[1] and end > self.lunch[0]:
            start = self.lunch[1]
            end = start + datetime.timedelta(minutes=minutes)
        return (start, end) if end <= self.day_end else None

    def place(self, format_slug: str, minutes: int):
        slot = self.slot(format_slug, minutes)
        if slot is not None:
            self.cursor = slot[1]
            self.last_format = format_slug
            self.count += 1
        return slot


def room_days(rooms, edition, *, case_study_break: int = SHORT_BREAK_MINUTES) -> dict:
    """{room slug: [RoomDay for each day of the edition]}."""
    tz = ZoneInfo(edition.time_zone)
    days = [
        edition.start_date + datetime.timedelta(days=n)
        for n in range((edition.end_date - edition.start_date).days + 1)
    ]
    return {room.slug: [RoomDay(room, day, tz, case_study_break=case_study_break) for day in days] for room in rooms}


def place_evenly(timelines: list[RoomDay], format_slug: str, minutes: int):
    """Put a session in the least-filled timeline that still has room. Returns (room, start, end).

    Raises RuntimeError when the sample plan does not fit: a programming error, not bad input.
    """
    for timeline in sorted(timelines, key=lambda t: t.count):
        slot = timeline.place(format_slug, minutes)
        if slot is not None:
            return timeline.room, slot[0], slot[1]
    raise RuntimeError(f"No room left for a {minutes}-minute {format_slug}.")
