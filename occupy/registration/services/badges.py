"""Name badges for the venue: one PDF of every confirmed live participant, then the edition's speakers and its
organisers and staff who are not among them, eight badges to an A4 page (A7-sized, to cut out), each with the
person's role and the organiser's name and logo; participants' badges carry their check-in QR code.

Small editions get the PDF at once; large ones have it made in the background (a BadgeBatch, run as a task)."""

import datetime
import logging
from dataclasses import dataclass

from celery import shared_task
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation

from occupy.celery import hand_off
from occupy.editions.models import Edition
from occupy.registration.conference_roles import ConferenceRole, display_name, edition_people
from occupy.registration.models import BadgeBatch, BadgeBatchStatus, Registration
from occupy.registration.pdf import organiser_mark, qr_data_uri, render_pdf
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


@dataclass(frozen=True)
class Badge:
    name: str
    organisation: str
    country: str
    role: str  # a ConferenceRole
    qr: str = ""  # a data: URI for registrations (check-in); speakers and staff without one have none

    @property
    def role_label(self):
        return ConferenceRole.LABELS[self.role]


def badges_for(edition: Edition) -> list[Badge]:
    """Every badge to print (three queries): confirmed live participants with their role (organiser, speaker or
    participant, by e-mail address), then speakers and the organising team who hold no live place."""
    people = edition_people(edition)
    participants = list(badge_participants(edition).only("pk", "name", "email", "organisation", "country"))
    badges = [
        Badge(
            name=r.name,
            organisation=r.organisation,
            country=r.country.name if r.country else "",
            role=people.role_of(r.email),
            qr=qr_data_uri(check_in_code(r)),
        )
        for r in participants
    ]
    covered = {r.email.lower() for r in participants}
    for person in people.speakers:
        email = (person.email or (person.user.email if person.user_id else "")).lower()
        if email and email in covered:
            continue
        covered.add(email)
        role = ConferenceRole.ORGANISER if email and email in people.organiser_emails else ConferenceRole.SPEAKER
        country = person.country.name if person.country else ""
        badges.append(Badge(name=person.name, organisation=person.organisation, country=country, role=role))
    for user, role in people.team:
        if user.email and user.email.lower() in covered:
            continue
        badges.append(Badge(name=display_name(user), organisation="", country="", role=role))
    return badges


def render_badges_pdf(edition: Edition) -> tuple[bytes, int]:
    """The badges PDF and the number of badges in it (slow for large editions: see request_badges)."""
    badges = badges_for(edition)
    pages = [badges[i : i + BADGES_PER_PAGE] for i in range(0, len(badges), BADGES_PER_PAGE)]
    context = {"edition": edition, "pages": pages, "organiser": organiser_mark(edition)}
    return render_pdf("registration/badges.pdf.html", context), len(badges)


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
        # In the site's language whoever asked and wherever it runs: a worker has no request's language, and run
        # in-process (no broker) it must not take whatever language the thread served last.
        with translation.override(settings.LANGUAGE_CODE):
            pdf, count = render_badges_pdf(batch.edition)
        batch.file.save(f"{batch.edition.slug}-badges.pdf", ContentFile(pdf), save=False)
        batch.participants = count
        batch.status = BadgeBatchStatus.READY
    except Exception:
        logger.exception("Badges for edition %s failed", batch.edition.slug)
        batch.status = BadgeBatchStatus.FAILED
    batch.finished_at = timezone.now()
    batch.save(update_fields=["file", "participants", "status", "finished_at"])
