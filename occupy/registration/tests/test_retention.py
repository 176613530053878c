"""Retention as the privacy notice promises: never-confirmed registrations deleted, the rest anonymised once the
year after the edition is over; by a daily task and by `manage.py apply_retention`."""

import datetime
import io

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.core.management import call_command

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AgendaItem, AgendaItemStatus, EmailLog, Registration, RegistrationStatus
from occupy.registration.queries import registration_figures
from occupy.registration.services.retention import apply_retention
from occupy.registration.tasks import apply_retention as apply_retention_task
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(year, month, day):
    return datetime.datetime(year, month, day, 12, tzinfo=UTC)


@pytest.fixture
def edition_2022():
    """An edition of June 2022: kept through 31 December 2023."""
    edition = EditionFactory(year=2022, start_date=datetime.date(2022, 6, 2), end_date=datetime.date(2022, 6, 3))
    RegistrationFactory(edition=edition, name="Ana Popescu", email="ana@example.org", attendance="live")
    RegistrationFactory(edition=edition, name="Olena News", email="olena@example.org", newsletter_consent=True)
    RegistrationFactory(edition=edition, name="Wanda Waiting", status=RegistrationStatus.WAITLISTED, attendance="live")
    RegistrationFactory(edition=edition, name="Cyril Cancelled", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(
        edition=edition,
        name="Pavel Pending",
        status=RegistrationStatus.PENDING,
        confirmed_at=None,
        created_at=at(2022, 5, 1),
    )
    return edition


def names():
    return sorted(Registration.objects.values_list("name", flat=True))


def test_retention_keeps_everything_until_the_end_of_the_year_after_the_edition(edition_2022):
    Registration.objects.filter(name="Pavel Pending").update(created_at=at(2023, 12, 20))

    report = apply_retention(now=at(2023, 12, 31))

    assert (report.deleted, report.anonymised) == (0, 0)
    assert "Ana Popescu" in names()


def test_retention_anonymises_after_that_year_and_the_counts_stay(edition_2022):
    session = SessionFactory(edition=edition_2022, capacity=1)
    ana = Registration.objects.get(name="Ana Popescu")
    AgendaItem.objects.create(registration=ana, session=session)
    AgendaItem.objects.create(
        registration=Registration.objects.get(name="Olena News"), session=session, status=AgendaItemStatus.WAITING
    )
    before = registration_figures(edition_2022)
    del before["by_status"]["pending"]  # Pavel never confirmed: deleted, as the notice says
    old_token = ana.token

    report = apply_retention(now=at(2024, 1, 1))

    assert (report.deleted, report.anonymised) == (1, 4)
    assert names() == ["—", "—", "—", "—"]
    assert registration_figures(edition_2022) == before  # statuses kept: confirmed stay confirmed
    assert not Registration.objects.filter(token=old_token).exists()
    assert not AgendaItem.objects.exists()
    # Nobody is promoted to a seat or a place of an edition long over, nor written to.
    assert not EmailLog.objects.exists()
    # The newsletter keeps its subscriber's address, as the notice says; nobody else's stays.
    assert sorted(Registration.objects.values_list("email", flat=True))[-1] == "olena@example.org"
    assert not Registration.objects.filter(email="ana@example.org").exists()
    assert apply_retention(now=at(2024, 1, 2)) == type(report)(deleted=0, anonymised=0)


def test_retention_deletes_never_confirmed_registrations_after_some_days(settings):
    edition = EditionFactory(year=2040)
    settings.RETENTION_UNCONFIRMED_DAYS = 30
    RegistrationFactory(
        edition=edition, name="Old pending", status="pending", confirmed_at=None, created_at=at(2040, 1, 1)
    )
    RegistrationFactory(
        edition=edition, name="New pending", status="pending", confirmed_at=None, created_at=at(2040, 1, 20)
    )
    RegistrationFactory(edition=edition, name="Confirmed", created_at=at(2040, 1, 1), confirmed_at=at(2040, 1, 1))

    report = apply_retention(now=at(2040, 2, 5))

    assert report.deleted == 1
    assert names() == ["Confirmed", "New pending"]


def test_retention_anonymises_through_the_participants_own_erasure_code(edition_2022):
    """The same rows go as on erasure: admin history, certificate, answers."""
    from django.contrib.auth import get_user_model

    from occupy.registration.models import Certificate

    ana = Registration.objects.get(name="Ana Popescu")
    user = get_user_model().objects.create_user("organiser", "o@example.org", "pw-long-enough-1")
    LogEntry.objects.log_actions(user_id=user.pk, queryset=[ana], action_flag=2, change_message="Changed.")
    Certificate.objects.create(registration=ana, code="ABCDEFGHJKLM")

    apply_retention(now=at(2024, 1, 1))

    assert not LogEntry.objects.filter(object_repr__contains="Ana").exists()
    assert not Certificate.objects.exists()


def test_retention_dry_run_counts_and_changes_nothing(edition_2022):
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)

    assert "Would delete 1 registration(s) never confirmed; would anonymise 4" in out.getvalue()
    assert "Ana Popescu" in names() and "Pavel Pending" in names()


def test_retention_command_and_daily_task(edition_2022):
    out = io.StringIO()
    call_command("apply_retention", stdout=out)

    assert "Deleted 1 registration(s) never confirmed; anonymised 4" in out.getvalue()
    assert apply_retention_task.delay().get() == {"deleted": 0, "anonymised": 0}
    schedule = settings.CELERY_BEAT_SCHEDULE["apply-retention"]
    assert schedule["task"] == apply_retention_task.name
    assert schedule["schedule"] <= 24 * 3600
