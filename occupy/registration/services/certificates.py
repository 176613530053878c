"""Certificates of attendance.

Who gets one: a registration (confirmed, or waiting for a live place and following online) with at least one
day of attendance within the edition's dates — checked in at the venue or joined online through its own link —
once the edition's last day is over (in the edition's time zone).

"Sessions attended", defined simply: for each day attended, the sessions of the person's agenda on that day;
on a day attended with no session in the agenda, the whole programme of that day. The hours are the time those
sessions cover, counting overlapping sessions once (two parallel sessions of an hour make one hour).
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.programme.models import Session
from occupy.registration.models import (
    AgendaItemStatus,
    Certificate,
    Registration,
    RegistrationStatus,
)
from occupy.registration.models.certificates import CODE_ALPHABET, CODE_LENGTH
from occupy.registration.services.attendance import attended_days


@dataclass(frozen=True)
class AttendedDay:
    day: datetime.date
    sessions: list[Session]  # the agenda's sessions that day; empty when the whole programme of the day counts
    whole_programme: bool
    minutes: int


@dataclass(frozen=True)
class AttendanceSummary:
    days: list[AttendedDay]

    @property
    def minutes(self) -> int:
        return sum(day.minutes for day in self.days)


def certificate_refusal(registration: Registration, *, now: datetime.datetime | None = None) -> str:
    """Why `registration` has no certificate (a message for the participant), or "" when it may have one."""
    edition = registration.edition
    if registration.status not in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED):
        return str(_("Only confirmed participants receive a certificate of attendance."))
    today = timezone.localtime(now or timezone.now(), edition.tz).date()
    if today <= edition.end_date:
        return str(
            _("Certificates of attendance are available once the edition is over, from %(day)s.")
            % {"day": (edition.end_date + datetime.timedelta(days=1)).isoformat()}
        )
    if not attended_days(registration):
        return str(
            _(
                "We have no record of your attendance: certificates are for participants who checked in at the "
                "venue or joined online through their own link. If you attended, write to the organisers."
            )
        )
    return ""


def attendance_summary(registration: Registration) -> AttendanceSummary:
    """The days attended with their sessions and minutes (three queries)."""
    edition = registration.edition
    tz = edition.tz
    days = attended_days(registration)
    if not days:
        return AttendanceSummary(days=[])
    first = datetime.datetime.combine(days[0], datetime.time(), tzinfo=tz)
    last = datetime.datetime.combine(days[-1] + datetime.timedelta(days=1), datetime.time(), tzinfo=tz)
    window = Session.objects.filter(edition=edition, starts_at__gte=first, starts_at__lt=last, ends_at__isnull=False)
    chosen_ids = set(
        registration.agenda_items.filter(status=AgendaItemStatus.CHOSEN).values_list("session_id", flat=True)
    )
    by_day: dict[datetime.date, list[Session]] = {day: [] for day in days}
    for session in window.order_by("starts_at", "title").only("id", "title", "starts_at", "ends_at"):
        day = timezone.localtime(session.starts_at, tz).date()
        if day in by_day:
            by_day[day].append(session)
    result = []
    for day in days:
        programme = by_day[day]
        chosen = [session for session in programme if session.pk in chosen_ids]
        sessions = chosen or programme
        result.append(
            AttendedDay(day=day, sessions=chosen, whole_programme=not chosen, minutes=covered_minutes(sessions))
        )
    return AttendanceSummary(days=result)


def covered_minutes(sessions) -> int:
    """Minutes covered by the sessions' time slots, overlaps counted once."""
    total = datetime.timedelta()
    current_start = current_end = None
    for session in sorted(sessions, key=lambda s: s.starts_at):
        if current_end is None or session.starts_at > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = session.starts_at, session.ends_at
        else:
            current_end = max(current_end, session.ends_at)
    if current_end is not None:
        total += current_end - current_start
    return int(total.total_seconds() // 60)


def issue_certificate(registration: Registration) -> Certificate:
    """The registration's certificate, created with a new code the first time. The caller has checked
    certificate_refusal(). Side effects: at most one Certificate row."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate, _created = Certificate.objects.get_or_create(registration=registration)
            return certificate
        except IntegrityError:
            # 60 random bits make a clash of codes all but impossible; a clash, or a second request issuing
            # the same certificate at the same moment, is settled by trying again.
            continue
    raise RuntimeError("Could not issue a certificate code")


def normalise_code(code: str) -> str:
    """A code as typed: case and the dashes or spaces that group it do not matter. "" when it cannot be one."""
    code = "".join(ch for ch in code.upper() if ch not in "- ")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return ""
    return code


def find_certificate(code: str) -> Certificate | None:
    """The certificate with this code and its registration and edition, or None (one query)."""
    code = normalise_code(code)
    if not code:
        return None
    return (
        Certificate.objects.select_related("registration__edition")
        .filter(code=code, registration__erased_at__isnull=True)
        .first()
    )


def render_certificate_pdf(certificate: Certificate, summary: AttendanceSummary) -> bytes:
    """The certificate in the participant's language: the organiser's name and logo, the person's role
    (participant, speaker or organiser), the days and sessions attended, and a signature line for the edition's
    contact person and their role."""
    from django.conf import settings
    from django.utils import translation

    from occupy.registration.conference_roles import ConferenceRole, edition_people
    from occupy.registration.pdf import organiser_mark, render_pdf

    registration = certificate.registration
    edition = registration.edition
    role = edition_people(edition).role_of(registration.email)
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return render_pdf(
            "registration/certificate.pdf.html",
            {
                "certificate": certificate,
                "registration": registration,
                "edition": edition,
                "summary": summary,
                "hours": format_minutes(summary.minutes),
                "verify_url": verify_url(certificate),
                "organiser": organiser_mark(edition),
                "role": role,
                "role_label": ConferenceRole.LABELS[role],
            },
        )


def verify_url(certificate: Certificate) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse("registration:verify", kwargs={"code": certificate.code})


def format_minutes(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not mins:
        return str(_("%(hours)d h") % {"hours": hours})
    return str(_("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": mins})
