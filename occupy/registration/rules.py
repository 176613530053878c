"""Rules about registration that read no registration rows: when it is open, and which ways to attend exist."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.registration.models import AttendanceMode


class Window:
    OPEN = "open"
    NOT_YET = "not_yet"
    CLOSED = "closed"
    ENDED = "ended"


def registration_window(edition, *, now=None) -> str:
    """Whether people can register now: before it opens, while open, after it closes or after the edition."""
    now = now or timezone.now()
    if edition.end_date < timezone.localtime(now, edition.tz).date():
        return Window.ENDED
    if edition.registration_opens_at and now < edition.registration_opens_at:
        return Window.NOT_YET
    if edition.registration_closes_at and now >= edition.registration_closes_at:
        return Window.CLOSED
    return Window.OPEN


def offers_live_places(edition) -> bool:
    """Whether people can ask for a place at the venue: a live or hybrid edition with a capacity set."""
    return edition.has_live_attendance and bool(edition.live_capacity)


def attendance_choices(edition) -> list[tuple[str, str]]:
    choices = []
    if offers_live_places(edition):
        choices.append((AttendanceMode.LIVE, AttendanceMode.LIVE.label))
    if edition.has_online_attendance:
        choices.append((AttendanceMode.ONLINE, AttendanceMode.ONLINE.label))
    return choices


def attendance_allowed(edition, attendance: str) -> bool:
    return attendance in dict(attendance_choices(edition))


CLOSED_MESSAGES = {
    Window.NOT_YET: _("Registration for this edition has not opened yet."),
    Window.CLOSED: _("Registration for this edition is closed."),
    Window.ENDED: _("This edition has ended: registration is closed."),
}
