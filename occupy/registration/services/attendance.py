"""Attendance online: a participant's own "join online" link records that they came and forwards them to
the stream. Stream addresses leave the server only in that forward, to the registration's own token."""

import datetime
import re

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Room
from occupy.registration.models import AttendanceDay, AttendanceMode, Registration, RegistrationStatus
from occupy.registration.services.checkin import local_day

SLUG_SHAPE = re.compile(r"[-a-zA-Z0-9_]{1,100}")


class JoinError(Exception):
    """Why a registration cannot join online; the message is for the participant."""


class UnknownRoom(JoinError):
    """?room= names no room of the edition."""


def may_join_online(registration: Registration) -> bool:
    """Confirmed participants, live or online (a live participant may follow a day from home), and people waiting
    for a live place, who are offered online attendance meanwhile."""
    return registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


def stream_url_for(registration: Registration, *, room_slug: str = "") -> str:
    """The stream to forward to: the room's when `room_slug` names a room of the edition that has one, else the
    edition's; "" when organisers have set none. Raises JoinError for a room the edition does not have."""
    edition = registration.edition
    if room_slug:
        if not SLUG_SHAPE.fullmatch(room_slug):
            raise UnknownRoom(_("This edition has no such room."))
        room = Room.objects.filter(edition=edition, slug=room_slug).only("stream_url").first()
        if room is None:
            raise UnknownRoom(_("This edition has no such room."))
        if room.stream_url:
            return room.stream_url
    return edition.online_stream_url


def join_online(registration: Registration, *, room_slug: str = "", at: datetime.datetime | None = None) -> str:
    """Record that `registration` joins online at `at` (now by default) and return the stream address to forward
    to, or "" when there is no stream yet (then nothing is recorded).
    Side effects: one AttendanceDay row (mode online) per day: the first join sets first_seen_at, later joins
    move last_seen_at. Raises JoinError when the registration may not follow online or the room is unknown."""
    if not may_join_online(registration):
        raise JoinError(_("Only confirmed registrations can join online."))
    url = stream_url_for(registration, room_slug=room_slug)
    if not url:
        return ""
    record_online_attendance(registration, at=at or timezone.now())
    return url


def record_online_attendance(registration: Registration, *, at: datetime.datetime) -> None:
    """Record that `registration` followed online at `at` (the live app's session and room links call this too).
    Side effects: one AttendanceDay row (mode online) per day: the first join sets first_seen_at, later joins
    move last_seen_at."""
    with transaction.atomic():
        attendance, created = AttendanceDay.objects.get_or_create(
            registration=registration,
            day=local_day(registration.edition, at),
            mode=AttendanceMode.ONLINE,
            defaults={"first_seen_at": at, "last_seen_at": at},
        )
        if not created:
            AttendanceDay.objects.filter(pk=attendance.pk).update(last_seen_at=at)


def attended_days(registration: Registration) -> list[datetime.date]:
    """The days of the edition the participant attended, at the venue or online, in order (one query).
    Days outside the edition's dates (a test of the link the week before) do not count."""
    edition = registration.edition
    return sorted(
        set(
            AttendanceDay.objects.filter(
                registration=registration, day__gte=edition.start_date, day__lte=edition.end_date
            ).values_list("day", flat=True)
        )
    )
