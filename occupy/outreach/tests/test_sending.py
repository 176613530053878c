"""An announcement is sent exactly once to each recipient: whole, after an interruption, and with a failing
mail server. Through the real task path (Celery runs tasks in-process without a broker) and the real outbox."""

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext

from occupy.editions.tests.factories import EditionFactory
from occupy.outreach.models import Announcement, AnnouncementRecipient, AnnouncementStatus, Segment
from occupy.outreach.services import announcements as service
from occupy.outreach.tasks import send_announcement
from occupy.outreach.tests.registrations import many_registrations
from occupy.registration.models import EmailKind, EmailLog, EmailStatus

pytestmark = pytest.mark.django_db


def draft(edition, **fields):
    values = {
        "subject": "Doors open at nine",
        "body": "See you tomorrow.\n\nThe organisers",
        "segment": Segment.CONFIRMED,
    }
    values.update(fields)
    return Announcement.objects.create(edition=edition, **values)


def addresses():
    return [message.to[0] for message in mail.outbox]


def test_an_announcement_to_5000_participants_sends_exactly_5000_messages(django_capture_on_commit_callbacks):
    edition = EditionFactory()
    many_registrations(edition, 5000)
    announcement = draft(edition)

    with django_capture_on_commit_callbacks(execute=True):
        assert service.start_sending(announcement=announcement) == 5000

    assert len(mail.outbox) == 5000
    assert len(set(addresses())) == 5000
    assert EmailLog.objects.filter(kind=EmailKind.ANNOUNCEMENT, status=EmailStatus.SENT).count() == 5000
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.SENT
    assert service.progress(announcement) == {"sent": 5000, "total": 5000, "skipped": 0, "done": True}
    # Sending again (a second click, a retried task) sends nobody anything.
    send_announcement.delay(announcement.pk)
    assert len(mail.outbox) == 5000


def test_sending_again_after_an_interruption_sends_only_the_remainder(django_capture_on_commit_callbacks):
    edition = EditionFactory()
    many_registrations(edition, 300)
    announcement = draft(edition)
    with django_capture_on_commit_callbacks(execute=False):  # the worker never starts: recipients frozen only
        service.start_sending(announcement=announcement)
    assert mail.outbox == []

    # A first worker queues and delivers 40, then queues 25 more and dies before delivering them.
    service.queue_batch(announcement=announcement, limit=40)
    assert service.deliver_pending(announcement=announcement) == 40
    service.queue_batch(announcement=announcement, limit=25)
    assert len(mail.outbox) == 40
    assert service.progress(announcement)["sent"] == 40

    send_announcement.delay(announcement.pk)  # sending again

    assert len(mail.outbox) == 300
    assert len(set(addresses())) == 300
    assert EmailLog.objects.filter(kind=EmailKind.ANNOUNCEMENT).count() == 300


class FailingAfter(BaseEmailBackend):
    """A mail server that accepts `limit` messages and then refuses every other (it went down)."""

    limit = 0
    accepted: list = []

    def send_messages(self, messages):
        if len(FailingAfter.accepted) >= FailingAfter.limit:
            raise ConnectionRefusedError("mail server down")
        FailingAfter.accepted.extend(messages)
        return len(messages)


def test_a_mail_server_that_fails_halfway_leaves_the_rest_for_the_next_run(settings):
    settings.EMAIL_BACKEND = "occupy.outreach.tests.test_sending.FailingAfter"
    FailingAfter.limit, FailingAfter.accepted = 70, []
    edition = EditionFactory()
    many_registrations(edition, 120)
    announcement = draft(edition)
    service.start_sending(announcement=announcement)  # commit callbacks do not run inside the test's transaction
    send_announcement.delay(announcement.pk)
    assert len(FailingAfter.accepted) == 70
    assert service.progress(announcement)["sent"] == 70

    FailingAfter.limit = 10_000  # the server is back
    send_announcement.delay(announcement.pk)

    assert len(FailingAfter.accepted) == 120
    assert len({message.to[0] for message in FailingAfter.accepted}) == 120
    assert service.progress(announcement) == {"sent": 120, "total": 120, "skipped": 0, "done": True}


@pytest.mark.parametrize("size", [100, 500])
def test_queueing_a_batch_takes_a_handful_of_queries_whatever_its_size(size):
    edition = EditionFactory()
    many_registrations(edition, size)
    announcement = draft(edition)
    service.start_sending(announcement=announcement)
    with CaptureQueriesContext(connection) as queries:
        queued = service.queue_batch(announcement=announcement, limit=500)
    assert len(queued) == size
    # PostgreSQL: 5 whatever the size; SQLite splits bulk inserts at 999 parameters (a few more for 500).
    assert len(queries) <= 20
    assert AnnouncementRecipient.objects.filter(announcement=announcement, email__isnull=False).count() == size


def test_a_recipient_is_queued_once_even_when_two_senders_race():
    edition = EditionFactory()
    many_registrations(edition, 10)
    announcement = draft(edition)
    service.start_sending(announcement=announcement)
    first = service.queue_batch(announcement=announcement, limit=10)
    second = service.queue_batch(announcement=announcement, limit=10)
    assert len(first) == 10 and second == []
    assert EmailLog.objects.filter(kind=EmailKind.ANNOUNCEMENT).count() == 10
