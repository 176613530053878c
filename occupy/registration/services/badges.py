"""Name badges for the venue: one PDF of every confirmed live participant, several badges to an A4 page.

Small editions get the PDF at once; large ones have it made in the background (a BadgeBatch, run as a task)."""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from occupy.celery import hand_off
from occupy.editions.models import Edition
from occupy.registration.models import BadgeBatch, BadgeBatchStatus, Registration
from occupy.registration.pdf import qr_data_uri, render_pdf
from occupy.registration.services.checkin import check_in_code

logger = logging.getLogger(__name__)

BADGES_PER_PAGE = 8
# A batch still "being prepared" after this long is taken to have died with its worker.
STALE_AFTER = datetime.timedelta(minutes=30)


def inline_limit() -> int:
    """Up to this many participants the PDF is made in the request; beyond, in the background."""
    return getattr(settings, "BADGES_INLINE_LIMIT", 150)


def badge_participants(edition: Edition):
    """The edition's confirmed live participants by name (one query)."""
    return Registration.objects.filter(edition=edition).confirmed_live().order_by("name", "pk")


def render_badges_pdf(edition: Edition) -> tuple[bytes, int]:
    """The badges PDF and the number of badges in it (slow for large editions: see request_badges)."""
    participants = list(badge_participants(edition).only("pk", "name", "organisation", "country"))
    badges = [{"registration": r, "qr": qr_data_uri(check_in_code(r))} for r in participants]
    pages = [badges[i : i + BADGES_PER_PAGE] for i in range(0, len(badges), BADGES_PER_PAGE)]
    return render_pdf("registration/badges.pdf.html", {"edition": edition, "pages": pages}), len(badges)


def latest_batch(edition: Edition) -> BadgeBatch | None:
    return BadgeBatch.objects.filter(edition=edition).first()


def request_badges(*, edition: Edition, by) -> BadgeBatch:
    """Start making the badges PDF in the background, unless a batch is already being prepared (that one is
    returned). Side effects: a BadgeBatch row; the task is queued after the commit."""
    with transaction.atomic():
        # Lock the edition row so that two organisers pressing the button together start one batch.
        Edition.objects.select_for_update().filter(pk=edition.pk).first()
        running = BadgeBatch.objects.filter(
            edition=edition, status=BadgeBatchStatus.PREPARING, created_at__gte=timezone.now() - STALE_AFTER
        ).first()
        if running is not None:
            return running
        batch = BadgeBatch.objects.create(edition=edition, requested_by=by)
        transaction.on_commit(lambda: _hand_to_worker(batch))
    return batch


def _hand_to_worker(batch: BadgeBatch) -> None:
    if not hand_off(make_badges, batch.pk):
        # Not queued (the broker is down): fail the batch now, so the organiser may ask again at once rather
        # than wait STALE_AFTER for a batch that nobody is making.
        BadgeBatch.objects.filter(pk=batch.pk, status=BadgeBatchStatus.PREPARING).update(
            status=BadgeBatchStatus.FAILED, finished_at=timezone.now()
        )


@shared_task(name="registration.make_badges")
def make_badges(batch_id: int) -> None:
    """Render a batch's PDF into MEDIA_ROOT and mark it ready (or failed, for the organiser to try again)."""
    batch = BadgeBatch.objects.select_related("edition").filter(pk=batch_id).first()
    if batch is None or batch.status != BadgeBatchStatus.PREPARING:
        return
    try:
        pdf, count = render_badges_pdf(batch.edition)
        batch.file.save(f"{batch.edition.slug}-badges.pdf", ContentFile(pdf), save=False)
        batch.participants = count
        batch.status = BadgeBatchStatus.READY
    except Exception:
        logger.exception("Badges for edition %s failed", batch.edition.slug)
        batch.status = BadgeBatchStatus.FAILED
    batch.finished_at = timezone.now()
    batch.save(update_fields=["file", "participants", "status", "finished_at"])
