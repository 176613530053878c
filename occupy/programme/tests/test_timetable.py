"""The schedule's placement on the wide grid: rows of five minutes from the half hour before the day's first
session, so blocks are as tall as the sessions are long."""

import datetime
import zoneinfo
from types import SimpleNamespace

from occupy.programme.timetable import build_timetable

BUCHAREST = zoneinfo.ZoneInfo("Europe/Bucharest")


def session(start, minutes, room=None, theme_id=None):
    starts_at = datetime.datetime(2030, 5, 2, *start, tzinfo=BUCHAREST)
    ends_at = starts_at + datetime.timedelta(minutes=minutes) if minutes is not None else None
    return SimpleNamespace(
        starts_at=starts_at, ends_at=ends_at, room=room, room_id=room.pk if room else None, theme_id=theme_id
    )


def test_blocks_span_their_duration_in_rows_of_five_minutes():
    hall = SimpleNamespace(pk=1, order=0, name="Hall")
    first = session((9, 10), 30, hall, theme_id=7)  # the grid begins at 9:00
    workshop = session((10, 0), 90, hall, theme_id=8)
    ignite = session((11, 30), 5, hall)
    open_ended = session((12, 0), None, hall)
    days = build_timetable(
        [first, workshop, ignite, open_ended], BUCHAREST, [SimpleNamespace(pk=7), SimpleNamespace(pk=8)]
    )

    assert [(s.row, s.span) for s in (first, workshop, ignite, open_ended)] == [(3, 6), (13, 18), (31, 1), (37, 6)]
    assert [slot.row for slot in days[0].slots] == [3, 13, 31, 37]
    assert (first.theme_class, workshop.theme_class, ignite.theme_class) == ("theme-1", "theme-2", "")
    assert days[0].ends_at == open_ended.starts_at + datetime.timedelta(minutes=30)


def test_a_block_never_runs_past_the_days_last_row():
    late = session((0, 0), 26 * 60)
    build_timetable([late], BUCHAREST)
    assert (late.row, late.span) == (1, 288)
