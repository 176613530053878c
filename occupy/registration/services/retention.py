"""Retention, as the privacy notice promises: a registration is kept until the end of the year after its
edition, then anonymised so that only the counts remain; registrations never confirmed count nowhere and are
deleted (once their confirmation link is long dead, RETENTION_UNCONFIRMED_DAYS after registering).

Run daily by Celery beat (tasks.apply_retention) and by `manage.py apply_retention` (`--dry-run` counts only).
It uses the participant's own erasure code (privacy._anonymise) and the admin's deletion
(lifecycle.delete_registration, which gives a freed live place to the first person waiting).
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from occupy.registration.models import AgendaItem, AgendaItemStatus, Registration
from occupy.registration.services.lifecycle import delete_registration
from occupy.registration.services.privacy import anonymise


@dataclass(frozen=True)
class RetentionReport:
    deleted: int
    anonymised: int


def never_confirmed_due(now: datetime.datetime) -> QuerySet[Registration]:
    """Registrations never confirmed (pending, or cancelled before confirming) made long enough ago."""
    cutoff = now - datetime.timedelta(days=settings.RETENTION_UNCONFIRMED_DAYS)
    return Registration.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff)


def anonymisation_due(now: datetime.datetime) -> QuerySet[Registration]:
    """Confirmed-at-some-point registrations not yet anonymised whose edition ended before last year began
    (an edition of June 2022 is kept through 31 December 2023)."""
    first_day_of_last_year = datetime.date(timezone.localdate(now).year - 1, 1, 1)
    return Registration.objects.filter(
        confirmed_at__isnull=False, erased_at__isnull=True, edition__end_date__lt=first_day_of_last_year
    )


def apply_retention(*, now: datetime.datetime | None = None, dry_run: bool = False) -> RetentionReport:
    """Delete the registrations never confirmed and anonymise those past their keeping time.

    Side effects (unless dry_run): rows deleted through lifecycle.delete_registration; rows anonymised through
    privacy.anonymise (status kept, so the editions' counts stay right); waiting lists for the sessions of
    those editions emptied first, so that releasing an agenda promotes nobody to a seat at a past session.
    Each registration is handled in its own transaction: a failure leaves the others done."""
    now = now or timezone.now()
    to_delete = never_confirmed_due(now).order_by("pk")
    to_anonymise = anonymisation_due(now).order_by("edition_id", "pk")
    if dry_run:
        return RetentionReport(deleted=to_delete.count(), anonymised=to_anonymise.count())
    deleted = 0
    for registration in to_delete.iterator():
        delete_registration(registration=registration)
        deleted += 1
    edition_ids = set(to_anonymise.values_list("edition_id", flat=True))
    AgendaItem.objects.filter(session__edition_id__in=edition_ids, status=AgendaItemStatus.WAITING).delete()
    anonymised = 0
    for registration in to_anonymise.iterator():
        anonymise(registration=registration)
        anonymised += 1
    return RetentionReport(deleted=deleted, anonymised=anonymised)
