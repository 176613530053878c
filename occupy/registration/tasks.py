"""Participants' e-mails leave the request: each is a task that updates its EmailLog row."""

from celery import shared_task
from django.db.models import F
from django.utils import timezone

from occupy.registration.mailing import build_message
from occupy.registration.models import EmailLog, EmailStatus
from occupy.registration.services import retention
from occupy.registration.services.badges import make_badges  # noqa: F401  (the worker finds tasks here)

MAX_RETRIES = 6


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def send_registration_email(self, log_id: int) -> str:
    """Send one logged e-mail. A failure is logged (failed, error, attempts) and retried with backoff
    (30 s, 1 min, 2 min… up to an hour) by the worker; run in-process without a broker, it is not retried
    there and then, and stays failed until someone sends it again (admin action "send again")."""
    log = EmailLog.objects.select_related("registration__edition").filter(pk=log_id).first()
    if log is None or log.status == EmailStatus.SENT:
        return "skipped"
    try:
        message = build_message(log)
        message.send()
    except Exception as exc:
        EmailLog.objects.filter(pk=log_id).update(
            status=EmailStatus.FAILED, attempts=F("attempts") + 1, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        if self.request.is_eager or self.request.called_directly:
            return "failed"
        raise self.retry(exc=exc, countdown=min(3600, 30 * 2**self.request.retries)) from exc
    EmailLog.objects.filter(pk=log_id).update(
        status=EmailStatus.SENT, attempts=F("attempts") + 1, error="", sent_at=timezone.now(), subject=message.subject
    )
    return "sent"


@shared_task
def apply_retention() -> dict:
    """The daily retention run (settings.CELERY_BEAT_SCHEDULE): see services/retention.py."""
    report = retention.apply_retention()
    return {"deleted": report.deleted, "anonymised": report.anonymised}
