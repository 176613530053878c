"""Named reads of outreach: the dashboard's figures for an edition, in a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate
from django.utils.translation import gettext as _
from django_countries import countries

from occupy.cfp.models import Review, ReviewAssignment, Submission, SubmissionState
from occupy.programme.models import Session
from occupy.registration.models import AttendanceDay, AttendanceMode, Registration, RegistrationStatus


def registrations_per_day(edition) -> list[tuple]:
    """(day in the edition's time zone, registrations made that day), every status but the erased."""
    rows = (
        Registration.objects.filter(edition=edition)
        .annotate(day=TruncDate("created_at", tzinfo=edition.tz))
        .values("day")
        .annotate(n=Count("pk"))
        .order_by("day")
    )
    return [(row["day"], row["n"]) for row in rows]


def confirmed_by_country(edition) -> list[tuple[str, int]]:
    rows = (
        Registration.objects.filter(edition=edition)
        .confirmed()
        .values("country")
        .annotate(n=Count("pk"))
        .order_by("-n", "country")
    )
    names = dict(countries)
    return [(names.get(row["country"], _("Not given")), row["n"]) for row in rows]


def registrations_by_attendance_and_status(edition) -> dict:
    """{"attendance": [(label, confirmed)], "status": [(label, n)]} from one query."""
    counts = {
        (row["attendance"], row["status"]): row["n"]
        for row in Registration.objects.filter(edition=edition)
        .values("attendance", "status")
        .annotate(n=Count("pk"))
        .order_by()
    }
    attendance = [
        (label, counts.get((value, RegistrationStatus.CONFIRMED), 0)) for value, label in AttendanceMode.choices
    ]
    status = [
        (label, sum(n for (_mode, state), n in counts.items() if state == value))
        for value, label in RegistrationStatus.choices
    ]
    return {"attendance": attendance, "status": status}


def attendance_per_day(edition) -> list[dict]:
    """Per event day: people checked in at the venue and people who joined online."""
    per_day: dict = {}
    for row in (
        AttendanceDay.objects.filter(registration__edition=edition)
        .values("day", "mode")
        .annotate(n=Count("registration", distinct=True))
        .order_by("day")
    ):
        per_day.setdefault(row["day"], {"day": row["day"], "live": 0, "online": 0})[row["mode"]] = row["n"]
    return list(per_day.values())


def sessions_by(edition, field: str) -> list[tuple[str, int]]:
    rows = Session.objects.filter(edition=edition).values(field).annotate(n=Count("pk")).order_by("-n", field)
    return [(row[field] or _("None"), row["n"]) for row in rows]


def submissions_by_state(edition) -> list[tuple[str, int]]:
    counts = dict(Submission.objects.filter(edition=edition).values_list("state").annotate(n=Count("pk")).order_by())
    return [(label, counts.get(value, 0)) for value, label in SubmissionState.choices if counts.get(value)]


def review_progress(edition) -> dict:
    """{"assigned", "done"}: review assignments of the edition, and those whose reviewer has reviewed."""
    done = Review.objects.filter(submission=OuterRef("submission"), reviewer=OuterRef("reviewer"))
    return ReviewAssignment.objects.filter(submission__edition=edition).aggregate(
        assigned=Count("pk"), done=Count("pk", filter=Q(Exists(done)))
    )
