"""Announcements: who a segment reaches, freezing the recipients, and queueing them into the outbox in batches.

Exactly once: sending freezes the recipients into rows (one per address, a unique constraint); each batch then
claims unqueued recipients with one conditional UPDATE, writes their outbox entries and links each recipient to
its entry, all in one transaction. A recipient is queued once, whatever dies when; the outbox delivers each entry
once (registration.services.mail); so sending again after an interruption only sends the remainder.
"""

import functools

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from occupy.celery import hand_off
from occupy.editions import sample
from occupy.outreach.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementStatus,
    Segment,
    Unsubscription,
)
from occupy.programme.models import SessionSpeaker
from occupy.registration.mailing import register_headers, register_secret_links
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, EmailStatus, Registration
from occupy.registration.services.mail import Outcome, deliver_emails
from occupy.registration.services.privacy import register_on_anonymise

TEMPLATE = "outreach/email/announcement"
BATCH_SIZE = 500
DELIVERY_BATCH = 100
UNSUBSCRIBE_SALT = "occupy.outreach.unsubscribe"


class AnnouncementError(Exception):
    """A rule refused the change; the message says why, for the organiser."""


# ---- who --------------------------------------------------------------------------------------------------


def _registrations(edition, segment: str, country: str):
    registrations = Registration.objects.filter(edition=edition, erased_at__isnull=True)
    if segment == Segment.WAITING:
        return registrations.waiting()
    registrations = registrations.confirmed()
    if segment == Segment.LIVE:
        return registrations.filter(attendance=AttendanceMode.LIVE)
    if segment == Segment.ONLINE:
        return registrations.filter(attendance=AttendanceMode.ONLINE)
    if segment == Segment.COUNTRY:
        return registrations.filter(country=country)
    return registrations


def recipients_for(*, edition, segment: str, country: str = "") -> list[dict]:
    """The people `segment` reaches now, one per address (lower case), without the unsubscribed: dicts of
    address, name and language. Two queries whatever the size."""
    if segment == Segment.SPEAKERS:
        rows = (
            SessionSpeaker.objects.filter(session__edition=edition)
            .values_list("person__email", "person__user__email", "person__name", "person__language")
            .order_by("person__name", "person_id")
        )
        candidates = [(own or account or "", name, language) for own, account, name, language in rows]
    else:
        candidates = list(
            _registrations(edition, segment, country).order_by("pk").values_list("email", "name", "language")
        )
    unsubscribed = set(Unsubscription.objects.values_list("address", flat=True))
    seen: dict[str, dict] = {}
    for address, name, language in candidates:
        address = address.strip().lower()
        if address and address not in unsubscribed and address not in seen:
            seen[address] = {"address": address, "name": name, "language": language or ""}
    return list(seen.values())


# ---- writing and sending ------------------------------------------------------------------------------------


def save_draft(*, edition, data: dict, user, announcement: Announcement | None = None) -> Announcement:
    """Create or change a draft from a valid form's data (subject, body, segment, country, versions)."""
    if announcement is not None and announcement.status != AnnouncementStatus.DRAFT:
        raise AnnouncementError(gettext("This announcement is being sent or was sent: it can no longer change."))
    announcement = announcement or Announcement(edition=edition, created_by=user)
    for field in ("subject", "body", "segment", "country", "versions"):
        setattr(announcement, field, data[field])
    if announcement.segment != Segment.COUNTRY:
        announcement.country = ""
    announcement.save()
    return announcement


def start_sending(*, announcement: Announcement) -> int:
    """Freeze the recipients of a draft and hand the sending to the task after the commit; on an announcement
    being sent (its worker died), hand it over again: the task sends only the remainder. Returns the number of
    recipients.

    Side effects: AnnouncementRecipient rows, the announcement's status; after commit, the task send_announcement.
    Holds a row lock on the announcement, so two clicks freeze the recipients once."""
    from occupy.outreach.tasks import send_announcement

    with transaction.atomic():
        locked = Announcement.objects.select_for_update().get(pk=announcement.pk)
        if locked.status == AnnouncementStatus.DRAFT:
            people = recipients_for(edition=locked.edition, segment=locked.segment, country=locked.country.code or "")
            if not people:
                raise AnnouncementError(gettext("Nobody would receive this announcement: choose other recipients."))
            AnnouncementRecipient.objects.bulk_create(
                [AnnouncementRecipient(announcement=locked, **person) for person in people],
                batch_size=BATCH_SIZE,
                ignore_conflicts=True,
            )
            locked.status = AnnouncementStatus.SENDING
            locked.sending_started_at = timezone.now()
            locked.recipients_count = len(people)
            locked.save(update_fields=["status", "sending_started_at", "recipients_count"])
        transaction.on_commit(lambda: hand_off(send_announcement, locked.pk))
    announcement.refresh_from_db()
    return announcement.recipients_count


def _texts(announcement: Announcement, language: str, cache: dict) -> tuple[str, str]:
    """The subject (with the sample mark in the recipient's language) and body a recipient gets."""
    if language not in cache:
        subject, body = announcement.text_in(language)
        if sample.is_sample(announcement.edition):
            with translation.override(language or settings.LANGUAGE_CODE):
                subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
        cache[language] = (subject, body)
    return cache[language]


def queue_batch(*, announcement: Announcement, limit: int = BATCH_SIZE) -> list[int]:
    """Queue up to `limit` recipients not queued yet into the outbox; returns the outbox entries' ids (to
    deliver after the commit). A handful of queries per batch, whatever its size.

    Side effects, in one transaction: EmailLog rows (queued), and each recipient marked queued and linked to
    its entry; recipients unsubscribed since sending started are marked skipped instead."""
    now = timezone.now()
    texts: dict = {}
    with transaction.atomic():
        batch = list(
            AnnouncementRecipient.objects.select_for_update(skip_locked=True)
            .filter(announcement=announcement, queued_at__isnull=True)
            .order_by("pk")[:limit]
        )
        if not batch:
            return []
        ids = [recipient.pk for recipient in batch]
        # The claim: a sender racing this one (a retried task) cannot queue the same recipients, because only
        # one UPDATE finds them unqueued; if another got there first, this batch is rolled back whole.
        if AnnouncementRecipient.objects.filter(pk__in=ids, queued_at__isnull=True).update(queued_at=now) != len(ids):
            transaction.set_rollback(True)
            return []
        unsubscribed = set(
            Unsubscription.objects.filter(address__in=[recipient.address for recipient in batch]).values_list(
                "address", flat=True
            )
        )
        to_send = [recipient for recipient in batch if recipient.address not in unsubscribed]
        logs = []
        for recipient in to_send:
            subject, body = _texts(announcement, recipient.language, texts)
            logs.append(
                EmailLog(
                    kind=EmailKind.ANNOUNCEMENT,
                    to=recipient.address,
                    subject=subject[:300],
                    template=TEMPLATE,
                    language=recipient.language or settings.LANGUAGE_CODE,
                    created_at=now,
                    context={
                        "recipient": recipient.pk,
                        "name": recipient.name,
                        "body": body,
                        "edition": announcement.edition.title,
                        "edition_path": announcement.edition.get_absolute_url(),
                        "sample": sample.is_sample(announcement.edition),
                    },
                )
            )
        logs = EmailLog.objects.bulk_create(logs, batch_size=BATCH_SIZE)
        if not all(log.pk for log in logs):  # a database that cannot return ids: read them back
            by_address = dict(
                EmailLog.objects.filter(
                    kind=EmailKind.ANNOUNCEMENT, created_at=now, to__in=[log.to for log in logs]
                ).values_list("to", "pk")
            )
            for log in logs:
                log.pk = by_address[log.to]
        for recipient, log in zip(to_send, logs, strict=True):
            recipient.email_id = log.pk
        skipped = [recipient.pk for recipient in batch if recipient.address in unsubscribed]
        if skipped:
            AnnouncementRecipient.objects.filter(pk__in=skipped).update(skipped=True)
        AnnouncementRecipient.objects.bulk_update(to_send, ["email"], batch_size=BATCH_SIZE)
    return [log.pk for log in logs]


def pending_emails(announcement: Announcement, *, limit: int | None = None) -> list[int]:
    """The announcement's outbox entries still to deliver (queued, failed, or left by a sender that died)."""
    ids = (
        EmailLog.objects.deliverable(timezone.now())
        .filter(pk__in=AnnouncementRecipient.objects.filter(announcement=announcement).values("email_id"))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(ids[:limit] if limit is not None else ids)


def deliver_pending(*, announcement: Announcement, limit: int | None = None) -> int:
    """Deliver the announcement's pending outbox entries (each claimed first: never twice), in batches over one
    connection to the mail server; the number sent."""
    ids = pending_emails(announcement, limit=limit)
    sent = 0
    for start in range(0, len(ids), DELIVERY_BATCH):
        sent += deliver_emails(ids[start : start + DELIVERY_BATCH])[Outcome.SENT]
    return sent


def send_remainder(*, announcement: Announcement) -> None:
    """What the task does: queue and deliver batch after batch until every recipient is queued, then mark the
    announcement sent. Run again after an interruption, it sends only what was not sent."""
    while True:
        queued = queue_batch(announcement=announcement)
        deliver_pending(announcement=announcement)
        if not queued:
            break
    Announcement.objects.filter(pk=announcement.pk, status=AnnouncementStatus.SENDING).update(
        status=AnnouncementStatus.SENT
    )


def progress(announcement: Announcement) -> dict:
    """{"sent", "total", "skipped", "done"}: how far sending is (one query)."""
    counts = AnnouncementRecipient.objects.filter(announcement=announcement).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(email__status=EmailStatus.SENT)),
        skipped=Count("pk", filter=Q(skipped=True)),
    )
    counts["total"] -= counts["skipped"]
    counts["done"] = counts["total"] > 0 and counts["sent"] >= counts["total"]
    return counts


# ---- unsubscribing -----------------------------------------------------------------------------------------


def unsubscribe_token(recipient_id: int) -> str:
    """A signed token naming the recipient row (not the address, which a link should not show)."""
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(str(recipient_id))


def address_for_token(token: str) -> str | None:
    """The address a token from an announcement stands for, or None for a forged or unknown token."""
    try:
        recipient_id = int(signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
    return AnnouncementRecipient.objects.filter(pk=recipient_id).values_list("address", flat=True).first()


def unsubscribe(*, address: str) -> bool:
    """Record that `address` wants no more announcements (from any edition); False if it was already."""
    _unsubscription, created = Unsubscription.objects.get_or_create(address=address.strip().lower())
    return created


def is_unsubscribed(address: str) -> bool:
    return Unsubscription.objects.filter(address=address.strip().lower()).exists()


@functools.cache
def _unsubscribe_path() -> str:
    return reverse("outreach:unsubscribe", kwargs={"token": "TOKEN"})


def _unsubscribe_url(context: dict) -> str:
    return settings.SITE_URL + _unsubscribe_path().replace("TOKEN", unsubscribe_token(context["recipient"]))


def _links(context: dict) -> dict:
    return {
        "unsubscribe_url": _unsubscribe_url(context),
        "edition_url": settings.SITE_URL + context.get("edition_path", "/"),
        "sample_notice": sample.notice_text() if context.get("sample") else "",
    }


def _headers(context: dict) -> dict:
    # RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link in one click.
    return {
        "List-Unsubscribe": f"<{_unsubscribe_url(context)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def forget_address(registration, old_address: str, erased_address: str) -> None:
    """A registration's erasure also blanks its address and name among the recipients of its edition's
    announcements and in their outbox entries (those are not linked to the registration)."""
    old_address = old_address.strip().lower()
    recipients = AnnouncementRecipient.objects.filter(
        announcement__edition_id=registration.edition_id, address=old_address
    )
    # One outbox entry per announcement this person received: a few rows.
    for log in EmailLog.objects.filter(pk__in=recipients.filter(email__isnull=False).values("email_id")):
        log.to, log.error, log.context = erased_address, "", {**log.context, "name": ""}
        log.save(update_fields=["to", "error", "context"])
    recipients.update(address=erased_address, name="")


def register_mail_hooks() -> None:
    register_secret_links(TEMPLATE, _links)
    register_headers(TEMPLATE, _headers)
    register_on_anonymise(forget_address)
