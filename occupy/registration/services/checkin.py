"""Check-in at the venue: the ticket's check-in code, finding a participant, and checking them in.

The check-in code is not the manage token (which opens the person's data): it is the registration's id
signed with the site's secret, so it can be printed on a ticket and read by a scanner, and cannot be guessed.
Beside it the ticket prints the registration's short code (8 characters a person can type, unique per edition):
the desk accepts either, in its code field and in its search.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition
from occupy.registration.models import AttendanceDay, AttendanceMode, Registration, RegistrationStatus
from occupy.registration.models.registration import SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH

CHECK_IN_SALT = "occupy.registration.check-in"
MAX_CODE_LENGTH = 100
MIN_SEARCH_LENGTH = 2
MAX_SEARCH_LENGTH = 100
SEARCH_LIMIT = 20


class CheckInError(Exception):
    """Why a person cannot be checked in; the message is for the organiser at the desk."""


@dataclass(frozen=True)
class CheckInResult:
    registration: Registration
    attendance: AttendanceDay
    already: bool  # True when this person had already checked in that day: nothing was changed


def check_in_code(registration: Registration) -> str:
    """The code the ticket's QR carries: '<id>:<signature>'."""
    return signing.Signer(salt=CHECK_IN_SALT).sign(str(registration.pk))


def printed_short_code(registration: Registration) -> str:
    """The short code as the ticket prints it, in two groups of four: "ABCD-EFGH"."""
    code = registration.short_code
    return f"{code[:4]}-{code[4:]}"


def typed_short_code(text: str) -> str:
    """The short code a person typed ("abcd efgh", "ABCD-EFGH"), or "" when `text` cannot be one."""
    code = "".join(text.split()).replace("-", "").upper()
    if len(code) != SHORT_CODE_LENGTH or any(char not in SHORT_CODE_ALPHABET for char in code):
        return ""
    return code


def registration_for_check_in_code(*, edition: Edition, code: str) -> Registration | None:
    """The registration of `edition` whose ticket carries `code` (the QR's signed code, or the short code typed
    in any case, with or without spaces and hyphen), or None for a forged, mistyped or foreign code."""
    code = (code or "").strip()
    if not code or len(code) > MAX_CODE_LENGTH:
        return None
    short_code = typed_short_code(code)
    if short_code:
        return Registration.objects.filter(edition=edition, short_code=short_code).first()
    try:
        value = signing.Signer(salt=CHECK_IN_SALT).unsign(code)
    except signing.BadSignature:
        return None
    if not value.isdigit():
        return None
    return Registration.objects.filter(edition=edition, pk=int(value)).first()


def search_participants(*, edition: Edition, query: str, by_email: bool = True) -> list[Registration]:
    """Registrations of `edition` (all but unconfirmed ones) whose name (or, with `by_email`, e-mail) contains
    `query`, or whose short check-in code it is, with their check-ins, at most SEARCH_LIMIT (two queries). Too
    short or too long a query finds nobody. The check-in desk searches without `by_email`: it must not learn
    who registered with an address."""
    query = query.strip()
    if not MIN_SEARCH_LENGTH <= len(query) <= MAX_SEARCH_LENGTH or "\x00" in query:
        return []  # PostgreSQL text cannot hold NUL: such a query matches no name anyway
    matches = Q(name__icontains=query)
    if by_email:
        matches |= Q(email__icontains=query)
    short_code = typed_short_code(query)
    if short_code:
        matches |= Q(short_code=short_code)
    return list(
        Registration.objects.filter(edition=edition)
        .exclude(status=RegistrationStatus.PENDING)
        .filter(matches)
        .prefetch_related("attendance_days")
        .order_by("name", "pk")[:SEARCH_LIMIT]
    )


def local_day(edition: Edition, at: datetime.datetime) -> datetime.date:
    return timezone.localtime(at, edition.tz).date()


def check_in(registration: Registration, *, by, at: datetime.datetime | None = None) -> CheckInResult:
    """Check a confirmed live participant in at the venue for the day of `at` (now by default, in the edition's
    time zone). Checking in again the same day changes nothing and says so (`already`).
    Side effects: one AttendanceDay row (mode live) per registration and day. Raises CheckInError."""
    if registration.status == RegistrationStatus.WAITLISTED:
        raise CheckInError(_("%(name)s is on the waiting list for a live place, not confirmed.") % _who(registration))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise CheckInError(_("%(name)s has no confirmed registration.") % _who(registration))
    if registration.attendance != AttendanceMode.LIVE:
        raise CheckInError(
            _("%(name)s is registered to attend online, not at the venue. They can switch on their manage page.")
            % _who(registration)
        )
    at = at or timezone.now()
    with transaction.atomic():
        # get_or_create relies on the unique (registration, day, mode): two desks scanning the same ticket at
        # once make one row, and the second is told "already checked in".
        attendance, created = AttendanceDay.objects.get_or_create(
            registration=registration,
            day=local_day(registration.edition, at),
            mode=AttendanceMode.LIVE,
            defaults={"first_seen_at": at, "last_seen_at": at, "checked_in_by": by},
        )
    return CheckInResult(registration=registration, attendance=attendance, already=not created)


def checked_in_counts(edition: Edition, *, at: datetime.datetime | None = None) -> dict[str, int]:
    """People checked in at the venue today and over the whole edition (two queries)."""
    rows = AttendanceDay.objects.filter(registration__edition=edition, mode=AttendanceMode.LIVE)
    today = local_day(edition, at or timezone.now())
    return {
        "today": rows.filter(day=today).values("registration").distinct().count(),
        "total": rows.values("registration").distinct().count(),
    }


def _who(registration: Registration) -> dict:
    return {"name": registration.name}


# A desk that lost the network for a moment sends its scans when it is back, each with the moment it was made: the
# check-in counts for the day of the scan, not of the sending. A scan older than this, or ahead of the server's
# clock by more than a phone's clock may drift, is refused rather than booked on the wrong day.
MAX_SCAN_AGE = datetime.timedelta(hours=12)
MAX_SCAN_AHEAD = datetime.timedelta(minutes=10)
MAX_SCAN_TIME_LENGTH = 40


class ScanTimeError(ValueError):
    """The time a desk says it scanned a ticket cannot be used; the message is for the organiser at the desk."""


def scan_time(value: str, *, now: datetime.datetime) -> datetime.datetime:
    """The moment a ticket was scanned, from an ISO 8601 time with its offset (a browser's `toISOString()`,
    '2026-06-02T07:45:12.345Z'), checked against `now`. Raises ScanTimeError for a malformed time, one without
    an offset, one more than MAX_SCAN_AGE ago or more than MAX_SCAN_AHEAD ahead. No side effects."""
    value = (value or "").strip()
    try:
        if len(value) > MAX_SCAN_TIME_LENGTH:
            raise ValueError(value)
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        raise ScanTimeError(_("The time of the scan is not a date and time. Scan the ticket again.")) from None
    if moment.tzinfo is None:
        raise ScanTimeError(_("The time of the scan has no time zone. Scan the ticket again."))
    if moment > now + MAX_SCAN_AHEAD:
        raise ScanTimeError(
            _("The time of the scan is in the future: check the clock of this phone, then scan the ticket again.")
        )
    if moment < now - MAX_SCAN_AGE:
        raise ScanTimeError(
            _("This scan was made more than %(hours)d hours ago and was not sent in time. Scan the ticket again.")
            % {"hours": MAX_SCAN_AGE // datetime.timedelta(hours=1)}
        )
    return moment
