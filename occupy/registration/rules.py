"""Rules about registration that read no registration rows: which ways to attend exist, and what a closed
registration says (whether it is open is the edition's own rule, Edition.registration_window)."""

from django.utils.translation import gettext_lazy as _

from occupy.editions.models import RegistrationWindow
from occupy.registration.models import AttendanceMode


def offers_live_places(edition) -> bool:
    """Whether people can ask for a place at the venue: a live or hybrid edition with a capacity set."""
    return edition.has_live_attendance and bool(edition.live_capacity)


VENUE_FULL_LABEL = _("At the venue — full, waiting list")


def attendance_choices(edition, *, venue_full: bool = False) -> list[tuple[str, str]]:
    """The ways to attend `edition`; with `venue_full` the live one says that it leads to the waiting list."""
    choices = []
    if offers_live_places(edition):
        choices.append((AttendanceMode.LIVE, VENUE_FULL_LABEL if venue_full else AttendanceMode.LIVE.label))
    if edition.has_online_attendance:
        choices.append((AttendanceMode.ONLINE, AttendanceMode.ONLINE.label))
    return choices


def attendance_allowed(edition, attendance: str) -> bool:
    return attendance in dict(attendance_choices(edition))


CLOSED_MESSAGES = {
    RegistrationWindow.NOT_YET: _("Registration for this edition has not opened yet."),
    RegistrationWindow.CLOSED: _("Registration for this edition is closed."),
    RegistrationWindow.ENDED: _("This edition has ended: registration is closed."),
}
