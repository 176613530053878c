"""The e-mail outbox: every sender claims an e-mail before sending it, so each goes out exactly once."""

import datetime
import io
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import EmailKind, EmailLog, EmailStatus
from occupy.registration.services.mail import Outcome, deliver_email, send_pending_emails
from occupy.registration.tasks import send_registration_email
from occupy.registration.tests.factories import RegistrationFactory

NOW = timezone.now


def outbox(edition, count, **fields):
    """`count` e-mails written a minute ago to `count` participants, not yet handed to any sender."""
    registrations = [RegistrationFactory(edition=edition) for _ in range(count)]
    fields = {"kind": EmailKind.CONFIRMED, "created_at": NOW() - datetime.timedelta(minutes=1)} | fields
    return [EmailLog.objects.create(registration=r, to=r.email, **fields) for r in registrations]


def sent_to():
    return Counter(message.to[0] for message in mail.outbox)


@pytest.fixture
def edition(db):
    return EditionFactory(year=2031, title="Occupy Library 2031")


def test_outbox_an_email_sent_is_never_sent_again(edition):
    [log] = outbox(edition, 1)
    assert deliver_email(log.pk) == Outcome.SENT
    assert deliver_email(log.pk) == Outcome.SKIPPED
    assert send_registration_email.apply([log.pk]).result == Outcome.SKIPPED  # a task delivered twice by the broker
    assert send_pending_emails(older_than=datetime.timedelta(0)).sent == 0
    assert len(mail.outbox) == 1
    log.refresh_from_db()
    assert (log.status, log.attempts) == (EmailStatus.SENT, 1)


def test_outbox_an_email_being_sent_is_left_to_its_sender_until_its_lease_runs_out(edition):
    busy, abandoned = outbox(edition, 2, status=EmailStatus.SENDING)
    EmailLog.objects.filter(pk=busy.pk).update(claimed_at=NOW() - datetime.timedelta(minutes=9))
    EmailLog.objects.filter(pk=abandoned.pk).update(claimed_at=NOW() - datetime.timedelta(minutes=11))

    result = send_pending_emails(older_than=datetime.timedelta(0))

    assert (result.sent, result.failed) == (1, 0)
    assert [message.to for message in mail.outbox] == [[abandoned.to]]
    assert EmailLog.objects.get(pk=busy.pk).status == EmailStatus.SENDING


def test_outbox_sweep_leaves_young_emails_to_their_own_task(edition):
    [old] = outbox(edition, 1)
    [young] = outbox(edition, 1, created_at=NOW())
    assert send_pending_emails().sent == 1  # the default leaves the last 10 seconds alone
    assert [message.to for message in mail.outbox] == [[old.to]]
    assert EmailLog.objects.get(pk=young.pk).status == EmailStatus.QUEUED


def test_outbox_command_prints_what_it_sent(edition):
    outbox(edition, 2)
    outbox(edition, 1, status=EmailStatus.FAILED, attempts=3, error="SMTPDataError")
    outbox(edition, 1, status=EmailStatus.SENT)
    out = io.StringIO()
    call_command("send_pending_emails", stdout=out)
    assert out.getvalue() == "3 sent, 0 failed, 0 taken by another sender, 0 left for the next run.\n"
    assert len(mail.outbox) == 3
    call_command("send_pending_emails", verbosity=0, stdout=out)
    assert out.getvalue().count("\n") == 1


def test_outbox_admin_send_again_sends_the_pending_and_leaves_the_rest(
    organiser_client, edition, django_capture_on_commit_callbacks
):
    queued, failed = outbox(edition, 1) + outbox(edition, 1, status=EmailStatus.FAILED, attempts=2)
    sent = outbox(edition, 1, status=EmailStatus.SENT)[0]
    sending = outbox(edition, 1, status=EmailStatus.SENDING, claimed_at=NOW())[0]
    selected = [queued.pk, failed.pk, sent.pk, sending.pk]

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            "/admin/registration/emaillog/", {"action": "send_again", "_selected_action": selected}, follow=True
        )

    assert "2 e-mails handed to the mail task; 2 already sent or being sent were left alone." in (
        response.content.decode()
    )
    assert sent_to() == {queued.to: 1, failed.to: 1}
    assert EmailLog.objects.get(pk=sending.pk).status == EmailStatus.SENDING


@pytest.fixture
def _postgres_only(db):
    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL (SQLite runs one writer at a time)")


def run_together(function, arguments):
    """Call function(argument) for each argument from its own thread, all released at once."""
    start = threading.Barrier(len(arguments))

    def run(argument):
        try:
            start.wait()
            return function(argument)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(arguments)) as pool:
        results = list(pool.map(run, arguments))
    connections.close_all()
    return results


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_outbox_sweeps_racing_for_the_same_emails_send_each_once(_postgres_only, edition):
    logs = outbox(edition, 30)

    results = run_together(lambda _: send_pending_emails(older_than=datetime.timedelta(0)), range(4))

    assert sum(result.sent for result in results) == 30
    assert sum(result.failed for result in results) == 0
    assert sent_to() == {log.to: 1 for log in logs}
    assert set(EmailLog.objects.values_list("status", "attempts")) == {(EmailStatus.SENT, 1)}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_outbox_task_retries_and_sweep_racing_for_one_email_send_it_once(_postgres_only, edition):
    [log] = outbox(edition, 1)

    outcomes = run_together(lambda _: deliver_email(log.pk), range(8))

    assert Counter(outcomes) == {Outcome.SENT: 1, Outcome.SKIPPED: 7}
    assert sent_to() == {log.to: 1}


def test_outbox_sweep_runs_by_the_name_the_beat_schedule_gives_it(edition, settings):
    """celery beat sends each entry by its task name: a name no worker knows would never sweep the outbox (or
    apply retention, or remind speakers), and nothing would say so."""
    from occupy.celery import app

    app.loader.import_default_modules()
    for entry, scheduled in settings.CELERY_BEAT_SCHEDULE.items():
        assert scheduled["task"] in app.tasks, entry
    outbox(edition, 2)

    result = app.tasks[settings.CELERY_BEAT_SCHEDULE["send-pending-emails"]["task"]].apply().get()

    assert result == {"sent": 2, "failed": 0, "skipped": 0, "left": 0}
    assert len(mail.outbox) == 2
