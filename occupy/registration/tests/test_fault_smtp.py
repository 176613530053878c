"""The mail server refuses for a while (down, then answering 451), then accepts: every e-mail goes out once.

A real SMTP server (aiosmtpd, in a thread) and Django's SMTP backend; no broker, so each e-mail is first tried
in-process after its commit, as on a deployment without Celery."""

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import EmailLog, EmailStatus
from occupy.registration.tasks import sweep_pending_emails
from occupy.registration.tests.fault_servers import SmtpServer

pytestmark = pytest.mark.django_db(transaction=True)

PEOPLE = ["ana@example.org", "ion@example.org", "olena@example.org", "taras@example.org"]
SUBJECT = "Please confirm your registration for Occupy Library 2031"


@pytest.fixture
def smtp_server(settings):
    server = SmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    yield server
    server.stop()


def register(client, email):
    data = {"name": "Participant", "email": email, "role": "librarian", "attendance": "online"}
    return client.post("/2031/register/", data | {"privacy_consent": "on"})


def sweep() -> dict:
    """The beat's sweep, run here and now, for every pending e-mail however young."""
    # .result, not .get(): Celery's "a join would block" flag is process-wide, and eager tasks run from several
    # threads at once (the concurrency tests) can leave it set, which makes .get() refuse.
    return sweep_pending_emails.apply(kwargs={"older_than_seconds": 0}).result


def pending_statuses():
    return sorted(EmailLog.objects.values_list("to", "status"))


def test_mail_server_refusing_then_accepting_gets_every_email_once(client, smtp_server):
    EditionFactory(year=2031, title="Occupy Library 2031")

    # Down (nothing listens): registering works, each e-mail is tried once and stays pending.
    for email in PEOPLE:
        assert register(client, email).status_code == 302
    assert pending_statuses() == [(email, EmailStatus.FAILED) for email in PEOPLE]
    assert EmailLog.objects.filter(error__startswith="ConnectionRefusedError").count() == 4
    # The sweep stops after three failures in a row: the server is down, the next sweep tries again.
    assert sweep() == {"sent": 0, "failed": 3, "skipped": 0, "left": 1}

    # Up but refusing every message with a temporary error.
    smtp_server.start()
    smtp_server.mailbox.refusing = True
    assert sweep() == {"sent": 0, "failed": 3, "skipped": 0, "left": 1}
    assert pending_statuses() == [(email, EmailStatus.FAILED) for email in PEOPLE]
    assert EmailLog.objects.filter(error__startswith="SMTPDataError: (451").count() == 3
    assert smtp_server.mailbox.messages == []

    # Accepting: one sweep sends everything pending, once; later sweeps send nothing more.
    smtp_server.mailbox.refusing = False
    assert sweep() == {"sent": 4, "failed": 0, "skipped": 0, "left": 0}
    assert sweep() == {"sent": 0, "failed": 0, "skipped": 0, "left": 0}
    assert sorted(smtp_server.mailbox.received()) == [(email, SUBJECT) for email in PEOPLE]
    assert pending_statuses() == [(email, EmailStatus.SENT) for email in PEOPLE]

    # A new e-mail while the server accepts goes out at once, after its commit.
    assert register(client, "new@example.org").status_code == 302
    assert smtp_server.mailbox.received()[-1] == ("new@example.org", SUBJECT)
    assert len(smtp_server.mailbox.messages) == 5
