"""The days of an edition as a participant's ticket, e-mails and calendar invitation name them: each date with
the hours its published sessions span, in the edition's time zone."""

import datetime
from dataclasses import dataclass

from django.db.models import Max, Min
from django.db.models.functions import TruncDate
from django.utils import timezone

from occupy.editions.models import Edition
from occupy.programme.models import Session


@dataclass(frozen=True)
class EventDay:
    day: datetime.date
    starts_at: datetime.datetime | None = None  # aware, in the edition's zone; None when nothing is scheduled
    ends_at: datetime.datetime | None = None


def event_days(edition: Edition) -> list[EventDay]:
    """Every date from the first day to the last, with the first start and last end of the sessions scheduled
    that day (local times; none for a day without sessions). One query."""
    tz = edition.tz
    spans = {
        row["day"]: (row["first"], row["last"])
        for row in Session.objects.filter(edition=edition)
        .scheduled()
        .annotate(day=TruncDate("starts_at", tzinfo=tz))
        .values("day")
        .annotate(first=Min("starts_at"), last=Max("ends_at"))
        .order_by("day")
    }
    days = []
    day = edition.start_date
    while day <= edition.end_date:
        first, last = spans.get(day, (None, None))
        days.append(
            EventDay(
                day=day,
                starts_at=timezone.localtime(first, tz) if first else None,
                ends_at=timezone.localtime(last, tz) if last else None,
            )
        )
        day += datetime.timedelta(days=1)
    return days
