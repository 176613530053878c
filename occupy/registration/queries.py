"""Reads for the registration pages: each list a page shows, with the queries it needs declared here."""

import re

from django.db.models import Count, Q
from django.db.models.functions import TruncDate
from django.http import Http404
from django_countries import countries

from occupy.registration.models import AttendanceMode, ParticipantRole, Question, Registration, RegistrationStatus
from occupy.registration.rules import offers_live_places

TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{20,64}")


def get_registration_for_token(token: str) -> Registration:
    """The registration a manage link belongs to, or Http404: a wrong token never reaches anyone's data."""
    if not TOKEN_SHAPE.fullmatch(token or ""):
        raise Http404
    registration = Registration.objects.select_related("edition").filter(token=token).first()
    if registration is None:
        raise Http404
    return registration


def venue_is_full(edition) -> bool:
    """Whether asking for a live place now leads to the waiting list: every place is taken, or people are
    waiting already (they come first). One query; a hint for the forms, not the rule: confirming decides under
    the edition's lock (services/lifecycle.py)."""
    if not offers_live_places(edition):
        return False
    counts = Registration.objects.filter(edition=edition).aggregate(
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
        live=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, attendance=AttendanceMode.LIVE)),
    )
    return counts["waiting"] > 0 or counts["live"] >= edition.live_capacity


def questions_for(edition) -> list[Question]:
    return list(Question.objects.filter(edition=edition))


ORGANISER_STATUSES = ["confirmed", "waitlisted", "pending", "cancelled", "all"]


def registrations_for_organisers(edition, *, search="", status="confirmed", attendance="", country="", role=""):
    """The organisers' list: newest first, searched in name, e-mail and organisation, filtered."""
    registrations = Registration.objects.filter(edition=edition).order_by("-created_at", "-pk")
    if status != "all":
        registrations = registrations.filter(status=status or RegistrationStatus.CONFIRMED)
    if attendance:
        registrations = registrations.filter(attendance=attendance)
    if country:
        registrations = registrations.filter(country=country)
    if role:
        registrations = registrations.filter(role=role)
    if search:
        registrations = registrations.filter(
            Q(name__icontains=search) | Q(email__icontains=search) | Q(organisation__icontains=search)
        )
    return registrations


def _counts(queryset, field: str, label=str) -> list[tuple[str, int]]:
    rows = queryset.values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(label(row[field]) if row[field] else "", row["n"]) for row in rows]


def registration_figures(edition) -> dict:
    """Counts for organisers. Only confirmed registrations count; the other states are shown apart."""
    confirmed = Registration.objects.confirmed().filter(edition=edition)
    by_status = dict(_counts(Registration.objects.filter(edition=edition), "status"))
    return {
        "confirmed": by_status.get(RegistrationStatus.CONFIRMED, 0),
        "by_status": by_status,
        "by_country": _counts(confirmed, "country", countries.name),
        "by_role": _counts(confirmed, "role", lambda value: ParticipantRole(value).label),
        "by_attendance": _counts(confirmed, "attendance", lambda value: AttendanceMode(value).label),
    }


def confirmations_by_day(edition) -> list[tuple]:
    """(day, number) of confirmed registrations, by the day their address was confirmed (UTC)."""
    rows = (
        Registration.objects.confirmed()
        .filter(edition=edition, confirmed_at__isnull=False)
        .annotate(day=TruncDate("confirmed_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    return [(row["day"], row["n"]) for row in rows]


def registrations_for_export(edition):
    return Registration.objects.filter(edition=edition).order_by("created_at", "pk").prefetch_related("answers")
