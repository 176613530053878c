from django.db import transaction

from occupy.registration.models import EmailLog, EmailStatus, Registration


def queue_email(registration: Registration, kind: str) -> EmailLog:
    """Log an e-mail as queued and hand it to the mail task once the current transaction commits.

    Side effects: one EmailLog row; after commit, a Celery task (run in-process when there is no broker).
    """
    from occupy.registration.tasks import send_registration_email

    log = EmailLog.objects.create(registration=registration, kind=kind, to=registration.email)
    transaction.on_commit(lambda: send_registration_email.delay(log.pk))
    return log


def retry_failed_emails(logs=None) -> int:
    """Send again every failed e-mail (or those of `logs`); returns how many were handed to the mail task."""
    from occupy.registration.tasks import send_registration_email

    logs = EmailLog.objects.all() if logs is None else logs
    ids = list(logs.filter(status=EmailStatus.FAILED).values_list("pk", flat=True))
    for log_id in ids:
        transaction.on_commit(lambda log_id=log_id: send_registration_email.delay(log_id))
    return len(ids)
