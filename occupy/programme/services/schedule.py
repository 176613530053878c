"""Building the schedule: the editor moves a session's DRAFT placement; publishing copies every draft to the
published placement (all that public pages and exports read) and records what changed as a new version.

A session "not in the draft" (no draft start) that was published is cancelled on the next publication."""

import dataclasses
import datetime

from django.db import transaction
from django.utils import timezone

from occupy.editions.models import Edition, Room
from occupy.programme.models import ChangeKind, ScheduleChange, ScheduleVersion, Session


class NothingToPublish(Exception):
    """Publishing was asked for while the draft equals what is published."""


def place_session(*, session: Session, room: Room, starts_at: datetime.datetime, minutes: int) -> Session:
    """Put `session` in `room` from `starts_at` for `minutes` in the draft schedule.

    Side effects: updates the session's draft fields only (an UPDATE without signals: nothing public changes,
    so cached pages stay valid)."""
    if room.edition_id != session.edition_id:
        raise ValueError("The room belongs to another edition.")
    session.draft_room = room
    session.draft_starts_at = starts_at
    session.draft_ends_at = starts_at + datetime.timedelta(minutes=minutes)
    Session.objects.filter(pk=session.pk).update(
        draft_room=room, draft_starts_at=session.draft_starts_at, draft_ends_at=session.draft_ends_at
    )
    return session


def unschedule_session(*, session: Session) -> Session:
    """Take `session` out of the draft schedule (cancelled on the next publication if it was published).

    Side effects: clears the session's draft fields (an UPDATE without signals)."""
    session.draft_room = session.draft_starts_at = session.draft_ends_at = None
    Session.objects.filter(pk=session.pk).update(draft_room=None, draft_starts_at=None, draft_ends_at=None)
    return session


@dataclasses.dataclass(frozen=True)
class PendingChange:
    session: Session
    kind: str  # a ChangeKind


def _kind(session: Session) -> str | None:
    if not session.has_pending_change:
        return None
    if session.starts_at is None and session.draft_starts_at is not None:
        return ChangeKind.ADDED
    if session.starts_at is not None and session.draft_starts_at is None:
        return ChangeKind.CANCELLED
    if session.starts_at is None:  # a room chosen for a session still without a time: nothing public
        return None
    return ChangeKind.MOVED


def pending_changes(sessions) -> list[PendingChange]:
    """What publishing would change, from sessions already loaded (no queries)."""
    changes = []
    for session in sessions:
        kind = _kind(session)
        if kind is not None:
            changes.append(PendingChange(session, kind))
    return changes


@transaction.atomic
def publish_schedule(*, edition: Edition, by=None, now: datetime.datetime | None = None) -> ScheduleVersion:
    """Publish the draft schedule of `edition` as its next version and return it, with `.change_list` set
    to the ScheduleChange rows created (their sessions loaded).

    Holds a row lock on the edition, so two organisers publishing at once make two versions in turn, not
    one number twice. Raises NothingToPublish when no session's draft differs from what is published.
    Side effects: the published room and times of every changed session (and any drafted room of sessions
    without time), a ScheduleVersion row, one ScheduleChange row per added, moved or cancelled session, and
    a bump of the page cache's content version (every public page and export is rebuilt)."""
    Edition.objects.select_for_update().filter(pk=edition.pk).first()
    now = now or timezone.now()
    sessions = list(
        Session.objects.filter(edition=edition).select_for_update().select_related("edition").order_by("pk")
    )
    changed = [session for session in sessions if session.has_pending_change]
    pending = pending_changes(changed)
    if not pending:
        raise NothingToPublish
    last = ScheduleVersion.objects.filter(edition=edition).order_by("-number").values_list("number", flat=True)
    version = ScheduleVersion.objects.create(
        edition=edition, number=(last.first() or 0) + 1, published_at=now, published_by=by
    )
    rows = [
        ScheduleChange(
            version=version,
            session=change.session,
            kind=change.kind,
            old_room_id=change.session.room_id,
            old_starts_at=change.session.starts_at,
            old_ends_at=change.session.ends_at,
            new_room_id=change.session.draft_room_id,
            new_starts_at=change.session.draft_starts_at,
            new_ends_at=change.session.draft_ends_at,
        )
        for change in pending
    ]
    ScheduleChange.objects.bulk_create(rows)
    for session in changed:
        session.room_id = session.draft_room_id
        session.starts_at = session.draft_starts_at
        session.ends_at = session.draft_ends_at
        session.updated_at = now  # bulk_update skips auto_now; calendars read it as DTSTAMP
    Session.objects.bulk_update(changed, ["room", "starts_at", "ends_at", "updated_at"])
    version.change_list = rows
    return version
