import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.models import ScheduleVersion
from occupy.registration.mailing import SUBJECTS
from occupy.registration.models import EmailKind, EmailLog, EmailStatus, Registration, RegistrationStatus
from occupy.registration.services.mail import queue_email, send_again
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


class FailingBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server unreachable")


FAILING = f"{__name__}.FailingBackend"


@pytest.fixture
def edition():
    return EditionFactory(year=2031, title="Occupy Library 2031")


def register(client, edition, capture, **overrides):
    data = {"name": "Ana", "email": "ana@example.org", "role": "librarian", "attendance": "online"}
    data.update(privacy_consent="on", **overrides)
    with capture(execute=True):
        return client.post(f"/{edition.slug}/register/", data)


def test_email_is_sent_as_text_and_html_and_logged(client, edition, django_capture_on_commit_callbacks):
    register(client, edition, django_capture_on_commit_callbacks)
    message = mail.outbox[0]
    assert message.subject == "Please confirm your registration for Occupy Library 2031"
    assert "Dear Ana," in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert "<p>Dear Ana,</p>" in html and '<a href="http://127.0.0.1:8000/2031/register/confirm/' in html
    log = EmailLog.objects.get()
    assert (log.kind, log.to, log.status, log.attempts) == (EmailKind.CONFIRM, "ana@example.org", "sent", 1)
    assert log.subject == message.subject and log.sent_at is not None


def test_email_in_the_participants_language(client, edition, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = "ro"
    register(client, edition, django_capture_on_commit_callbacks)
    registration = Registration.objects.get()
    assert registration.language == "ro"
    message = mail.outbox[0]
    assert '<html lang="ro">' in message.alternatives[0][0]


def test_email_markup_in_names_is_escaped_in_html_and_kept_plain_in_text(edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition, name="Ana & <i>Ion</i>", status=RegistrationStatus.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(registration, EmailKind.CONFIRM)
    message = mail.outbox[0]
    assert "Dear Ana & <i>Ion</i>," in message.body
    html = message.alternatives[0][0]
    assert "Dear Ana &amp; &lt;i&gt;Ion&lt;/i&gt;," in html
    assert "<i>Ion</i>" not in html


@pytest.mark.parametrize("kind", list(SUBJECTS))  # the kinds about a registration
def test_email_every_kind_renders_with_the_manage_or_confirm_link(edition, kind, django_capture_on_commit_callbacks):
    status = RegistrationStatus.PENDING if kind == EmailKind.CONFIRM else RegistrationStatus.CONFIRMED
    registration = RegistrationFactory(edition=edition, status=status)
    about = {}
    if kind == EmailKind.SCHEDULE:  # a schedule change notice tells about a publication
        about["schedule_version"] = ScheduleVersion.objects.create(
            edition=edition, number=1, published_at=timezone.now()
        )
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(registration, kind, **about)
    message = mail.outbox[0]
    link = "/register/confirm/" if kind == EmailKind.CONFIRM else registration.get_absolute_url()
    assert link in message.body and link in message.alternatives[0][0]
    assert "Occupy Library 2031" in message.subject


def test_email_failure_keeps_the_registration_and_a_retry_sends_it(
    client, edition, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = FAILING
    response = register(client, edition, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    log = EmailLog.objects.get()
    assert (log.status, log.attempts) == (EmailStatus.FAILED, 1)
    assert log.error == "ConnectionRefusedError: mail server unreachable"
    assert mail.outbox == []

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert send_again(EmailLog.objects.all()) == (1, 0)
    log.refresh_from_db()
    assert (log.status, log.attempts, log.error) == (EmailStatus.SENT, 2, "")
    assert mail.outbox[0].to == ["ana@example.org"]


def test_email_admin_action_sends_failed_emails_again(
    organiser_client, edition, settings, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(edition=edition)
    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(registration, EmailKind.CONFIRMED)
    log = EmailLog.objects.get()
    assert log.status == EmailStatus.FAILED
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            "/admin/registration/emaillog/", {"action": "send_again", "_selected_action": [log.pk]}, secure=True
        )
    assert response.status_code == 302
    log.refresh_from_db()
    assert log.status == EmailStatus.SENT
    assert len(mail.outbox) == 1


def test_email_log_is_listed_for_organisers_in_the_admin(organiser_client, edition):
    registration = RegistrationFactory(edition=edition, email="ana@example.org")
    EmailLog.objects.create(registration=registration, kind=EmailKind.CONFIRMED, to="ana@example.org", subject="Hi")
    body = organiser_client.get("/admin/registration/emaillog/", secure=True).content.decode()
    assert "ana@example.org" in body and "Registration confirmed" in body


def test_email_failure_in_a_worker_is_retried_by_celery(edition, settings):
    """In a worker (not in-process) a failed send raises Celery's Retry, which schedules the next attempt."""
    from celery.exceptions import Retry

    from occupy.registration.tasks import send_registration_email

    registration = RegistrationFactory(edition=edition)
    log = EmailLog.objects.create(registration=registration, kind=EmailKind.CONFIRMED, to=registration.email)
    settings.EMAIL_BACKEND = FAILING
    send_registration_email.push_request(called_directly=False, is_eager=False, retries=0, id="t1", args=[log.pk])
    try:
        with pytest.raises(Retry):
            send_registration_email.run(log.pk)
    finally:
        send_registration_email.pop_request()
    log.refresh_from_db()
    assert log.status == EmailStatus.FAILED and log.attempts >= 1
