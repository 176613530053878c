"""The e-mail outbox: an e-mail is a row written with the change that causes it, delivered exactly once.

Delivery is at most once per claim: a sender claims a row with one conditional UPDATE before sending it, so two
senders (the per-e-mail task, a retry, the sweep, the command, the admin action) never send the same e-mail.
The one case that can send twice is a sender dying after the mail server accepted the message and before the
row is marked sent: its claim expires (CLAIM_LEASE) and the e-mail goes again, which beats losing it.
"""

import dataclasses
import datetime
import logging

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from occupy.celery import hand_off
from occupy.registration.mailing import build_message
from occupy.registration.models import EmailLog, EmailStatus, Registration

logger = logging.getLogger(__name__)

# The sweep leaves alone e-mails younger than this: their own task is about to send them.
SWEEP_MIN_AGE = datetime.timedelta(seconds=10)
# A sweep stops after this many failures in a row: the mail server is down, and the next sweep tries again.
SWEEP_FAILURES_IN_A_ROW = 3


class Outcome:
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"  # sent already, or claimed by another sender


def queue_email(registration: Registration | None, kind: str, *, to: str = "", **about) -> EmailLog:
    """Write an e-mail to the outbox and hand it to the mail task once the current transaction commits.
    Without a registration (a speaker's schedule notice) `to` and `about` (person, schedule_version,
    language) say whom it is for.

    Side effects: one EmailLog row (queued); after commit, a Celery task (run in-process when there is no
    broker). With the broker unreachable the row stays queued for the sweep: the caller's change stands."""
    log = EmailLog.objects.create(registration=registration, kind=kind, to=to or registration.email, **about)
    transaction.on_commit(lambda: _hand_to_task(log.pk))
    return log


def queue_message(
    *, to: str, kind: str, template: str, subject: str, language: str, context: dict | None = None
) -> EmailLog:
    """Write an e-mail that is not about a registration (an account's, a contribution's) to the outbox; it is
    delivered like every other (see queue_email). `template` names `<template>.txt` and `<template>.html`;
    `context` holds plain JSON values (never a secret: see mailing.SECRET_LINKS); `subject` is final (already in
    `language`, with the sample prefix when it applies).

    Side effects: as queue_email."""
    log = EmailLog.objects.create(
        kind=kind, to=to, subject=subject[:300], template=template, language=language, context=context or {}
    )
    transaction.on_commit(lambda: _hand_to_task(log.pk))
    return log


def _hand_to_task(log_id: int) -> bool:
    from occupy.registration.tasks import send_registration_email

    return hand_off(send_registration_email, log_id)


def claim_email(log_id: int, *, now: datetime.datetime | None = None) -> bool:
    """Claim one e-mail for this sender; False when it is sent or another sender holds it.

    One conditional UPDATE is the lock: on PostgreSQL a second UPDATE of the row waits for the first to commit
    and re-checks the WHERE against the new row (sending, so no match); SQLite runs one writer at a time."""
    now = now or timezone.now()
    claimed = EmailLog.objects.deliverable(now).filter(pk=log_id).update(status=EmailStatus.SENDING, claimed_at=now)
    return claimed == 1


def deliver_email(log_id: int) -> str:
    """Claim, send and record one e-mail (an Outcome). A failure is recorded (failed, error, attempts) and
    leaves the e-mail pending for the next sender; it is not raised."""
    if not claim_email(log_id):
        return Outcome.SKIPPED
    log = EmailLog.objects.select_related("registration__edition").filter(pk=log_id).first()
    if log is None:  # its registration was erased meanwhile: nobody to write to
        return Outcome.SKIPPED
    try:
        message = build_message(log)
        message.send()
    except Exception as exc:  # SMTP refusals, timeouts, connection errors: all mean "try again later"
        EmailLog.objects.filter(pk=log_id, status=EmailStatus.SENDING).update(
            status=EmailStatus.FAILED, attempts=F("attempts") + 1, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        logger.warning("E-mail %s (%s) not sent, it stays pending: %s", log_id, log.kind, type(exc).__name__)
        return Outcome.FAILED
    EmailLog.objects.filter(pk=log_id).update(
        status=EmailStatus.SENT, attempts=F("attempts") + 1, error="", sent_at=timezone.now(), subject=message.subject
    )
    return Outcome.SENT


def deliver_emails(log_ids: list[int]) -> dict[str, int]:
    """Claim, send and record a batch of e-mails over one connection to the mail server (a bulk sender: an
    announcement to thousands). The same rules as deliver_email, in a handful of queries per batch rather than
    three per e-mail: rows are claimed together (locked and skipped by a concurrent sender on PostgreSQL; one
    conditional UPDATE re-checks them), failures are recorded one by one and left pending.
    Returns the number of e-mails per Outcome."""
    counts = {Outcome.SENT: 0, Outcome.FAILED: 0, Outcome.SKIPPED: 0}
    if not log_ids:
        return counts
    now = timezone.now()
    with transaction.atomic():
        claimable = list(
            EmailLog.objects.deliverable(now)
            .select_for_update(skip_locked=True)
            .filter(pk__in=log_ids)
            .values_list("pk", flat=True)
        )
        claimed = (
            EmailLog.objects.deliverable(now)
            .filter(pk__in=claimable)
            .update(status=EmailStatus.SENDING, claimed_at=now)
        )
        if claimed != len(claimable):  # another sender got some first: claim one by one instead
            transaction.set_rollback(True)
            claimable = None
    if claimable is None:
        for log_id in log_ids:
            counts[deliver_email(log_id)] += 1
        return counts
    counts[Outcome.SKIPPED] = len(log_ids) - len(claimable)
    logs = EmailLog.objects.select_related("registration__edition").filter(pk__in=claimable).order_by("pk")
    sent, renamed = [], []
    with get_connection() as connection:
        for log in logs:
            try:
                message = build_message(log)
                message.connection = connection
                message.send()
            except Exception as exc:  # as deliver_email: recorded, left pending for the next sender
                EmailLog.objects.filter(pk=log.pk, status=EmailStatus.SENDING).update(
                    status=EmailStatus.FAILED, attempts=F("attempts") + 1, error=f"{type(exc).__name__}: {exc}"[:2000]
                )
                logger.warning("E-mail %s (%s) not sent, it stays pending: %s", log.pk, log.kind, type(exc).__name__)
                counts[Outcome.FAILED] += 1
                continue
            sent.append(log.pk)
            if message.subject != log.subject:
                renamed.append((log.pk, message.subject))
    EmailLog.objects.filter(pk__in=sent).update(
        status=EmailStatus.SENT, attempts=F("attempts") + 1, error="", sent_at=timezone.now()
    )
    for log_id, subject in renamed:
        EmailLog.objects.filter(pk=log_id).update(subject=subject)
    counts[Outcome.SENT] = len(sent)
    return counts


@dataclasses.dataclass
class SweepResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # another sender had them
    left: int = 0  # not tried: the sweep stopped after failures in a row


def send_pending_emails(*, older_than: datetime.timedelta = SWEEP_MIN_AGE) -> SweepResult:
    """Deliver every pending e-mail older than `older_than` (queued, failed, or abandoned by a dead sender),
    each claimed first, fewest attempts first (so e-mails that keep failing cannot hold up the others).
    Stops after SWEEP_FAILURES_IN_A_ROW failures in a row. Safe to run in several processes at once."""
    now = timezone.now()
    ids = list(
        EmailLog.objects.deliverable(now)
        .filter(created_at__lte=now - older_than)
        .order_by("attempts", "created_at", "pk")
        .values_list("pk", flat=True)
    )
    result = SweepResult()
    failures_in_a_row = 0
    for position, log_id in enumerate(ids):
        outcome = deliver_email(log_id)
        if outcome == Outcome.SENT:
            result.sent += 1
            failures_in_a_row = 0
        elif outcome == Outcome.FAILED:
            result.failed += 1
            failures_in_a_row += 1
            if failures_in_a_row >= SWEEP_FAILURES_IN_A_ROW:
                result.left = len(ids) - position - 1
                break
        else:
            result.skipped += 1
    return result


def send_again(logs) -> tuple[int, int]:
    """Hand the pending e-mails among `logs` to the mail task after the commit (the admin's "send again");
    those sent or being sent are left alone. Returns (handed over, left alone)."""
    pending = list(logs.deliverable(timezone.now()).order_by("pk").values_list("pk", flat=True))
    for log_id in pending:
        transaction.on_commit(lambda log_id=log_id: _hand_to_task(log_id))
    return len(pending), logs.count() - len(pending)
