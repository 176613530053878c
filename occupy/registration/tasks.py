"""Participants' e-mails leave the request: a task per e-mail, and a periodic sweep of the outbox."""

import datetime

from celery import shared_task

from occupy.registration.services import retention
from occupy.registration.services.badges import make_badges  # noqa: F401  (the worker finds tasks here)
from occupy.registration.services.mail import SWEEP_MIN_AGE, Outcome, deliver_email, send_pending_emails

MAX_RETRIES = 6


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def send_registration_email(self, log_id: int) -> str:
    """Send one e-mail of the outbox (claimed first, so never twice). A failure is recorded on the row and, in a
    worker, retried with backoff (30 s, 1 min, 2 min… up to an hour); run in-process without a broker it is
    not retried there and then. Either way the sweep sends what is still pending."""
    outcome = deliver_email(log_id)
    in_worker = not (self.request.is_eager or self.request.called_directly)
    if outcome == Outcome.FAILED and in_worker and self.request.retries < MAX_RETRIES:
        raise self.retry(countdown=min(3600, 30 * 2**self.request.retries))
    return outcome


@shared_task(name="registration.sweep_pending_emails", ignore_result=True)
def sweep_pending_emails(older_than_seconds: float = SWEEP_MIN_AGE.total_seconds()) -> dict:
    """Send every e-mail still pending (CELERY_BEAT_SCHEDULE runs this every minute)."""
    result = send_pending_emails(older_than=datetime.timedelta(seconds=older_than_seconds))
    return {"sent": result.sent, "failed": result.failed, "skipped": result.skipped, "left": result.left}


@shared_task
def apply_retention() -> dict:
    """The daily retention run (settings.CELERY_BEAT_SCHEDULE): see services/retention.py."""
    report = retention.apply_retention()
    return {"deleted": report.deleted, "anonymised": report.anonymised}
