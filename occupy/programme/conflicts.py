"""What the schedule editor warns about in the DRAFT schedule: a room used twice at once, a speaker in two
places at once, a session longer than its format's usual length, a session in a speaker's stated
unavailability, a session outside the edition's days. Warnings never block placing or publishing."""

import dataclasses
import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from occupy.editions.models import Edition
from occupy.programme import queries


class WarningKind:
    ROOM_TWICE = "room_twice"
    SPEAKER_TWICE = "speaker_twice"
    TOO_LONG = "too_long"
    UNAVAILABLE = "unavailable"
    OUTSIDE_DAYS = "outside_days"


@dataclasses.dataclass(frozen=True)
class ScheduleWarning:
    kind: str
    message: str
    session_ids: tuple[int, ...]


def _overlapping_pairs(sessions):
    """Pairs of sessions (sorted by draft start) whose draft times overlap."""
    ordered = sorted(sessions, key=lambda s: (s.draft_starts_at, s.pk))
    for index, first in enumerate(ordered):
        for second in ordered[index + 1 :]:
            if second.draft_starts_at >= first.draft_ends_at:
                break
            yield first, second


def _local(moment: datetime.datetime, zone) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def find_warnings(edition: Edition, sessions, unavailabilities) -> list[ScheduleWarning]:
    """The warnings for `sessions` (with draft_room, format and session_speakers→person loaded) and the
    edition's `unavailabilities` (with person). No queries."""
    zone = edition.tz
    placed = [s for s in sessions if s.draft_starts_at is not None and s.draft_ends_at is not None]
    warnings = []
    by_room = defaultdict(list)
    for session in placed:
        if session.draft_room_id:
            by_room[session.draft_room_id].append(session)
    for room_sessions in by_room.values():
        for first, second in _overlapping_pairs(room_sessions):
            message = _("%(room)s is used twice at once: “%(first)s” and “%(second)s” (%(time)s).") % {
                "room": first.draft_room.name,
                "first": first.title,
                "second": second.title,
                "time": _local(second.draft_starts_at, zone),
            }
            warnings.append(ScheduleWarning(WarningKind.ROOM_TWICE, message, (first.pk, second.pk)))
    by_person = defaultdict(list)
    people = {}
    for session in placed:
        for speaker in session.session_speakers.all():
            by_person[speaker.person_id].append(session)
            people[speaker.person_id] = speaker.person
    for person_id, person_sessions in by_person.items():
        for first, second in _overlapping_pairs(person_sessions):
            message = _("%(speaker)s is in two places at once: “%(first)s” and “%(second)s” (%(time)s).") % {
                "speaker": people[person_id].name,
                "first": first.title,
                "second": second.title,
                "time": _local(second.draft_starts_at, zone),
            }
            warnings.append(ScheduleWarning(WarningKind.SPEAKER_TWICE, message, (first.pk, second.pk)))
    for session in placed:
        minutes = int((session.draft_ends_at - session.draft_starts_at).total_seconds() // 60)
        if minutes > session.format.default_minutes:
            message = _("“%(title)s” lasts %(minutes)s minutes, longer than a %(format)s (%(usual)s minutes).") % {
                "title": session.title,
                "minutes": minutes,
                "format": session.format.name,
                "usual": session.format.default_minutes,
            }
            warnings.append(ScheduleWarning(WarningKind.TOO_LONG, message, (session.pk,)))
        first_day = session.draft_starts_at.astimezone(zone).date()
        last_day = (session.draft_ends_at - datetime.timedelta(microseconds=1)).astimezone(zone).date()
        if first_day < edition.start_date or last_day > edition.end_date:
            message = _("“%(title)s” (%(time)s) is outside the edition's days.") % {
                "title": session.title,
                "time": _local(session.draft_starts_at, zone),
            }
            warnings.append(ScheduleWarning(WarningKind.OUTSIDE_DAYS, message, (session.pk,)))
    for absence in unavailabilities:
        for session in by_person.get(absence.person_id, []):
            if session.draft_starts_at < absence.ends_at and absence.starts_at < session.draft_ends_at:
                message = _("“%(title)s” (%(time)s) is when %(speaker)s said they cannot present.") % {
                    "title": session.title,
                    "time": _local(session.draft_starts_at, zone),
                    "speaker": absence.person.name,
                }
                warnings.append(ScheduleWarning(WarningKind.UNAVAILABLE, message, (session.pk,)))
    return warnings


def schedule_warnings(*, edition: Edition) -> list[ScheduleWarning]:
    """The warnings for `edition`'s draft schedule (three queries)."""
    sessions = queries.editor_sessions(edition)
    return find_warnings(edition, sessions, queries.edition_unavailabilities(edition))
