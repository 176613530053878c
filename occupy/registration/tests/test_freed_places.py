"""Every way a live place is freed gives it to the first person waiting, before any newcomer: deleting in the
admin (one row, or the "delete selected" action), erasure, cancellation."""

import pytest
from django.contrib.admin.models import DELETION, LogEntry
from django.core import mail

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.services import lifecycle, privacy
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_edition():
    """Two live places, both taken (Ana holds one); Wanda waits first, Walter second; Nadia has not confirmed yet."""
    edition = EditionFactory(year=2031, live_capacity=2)
    RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Ion Ionescu", attendance=AttendanceMode.LIVE)
    for name in ("Wanda Waiting", "Walter Waiting"):
        lifecycle.confirm(
            registration=RegistrationFactory(
                edition=edition, name=name, attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING
            )
        )
    RegistrationFactory(edition=edition, name="Nadia Newcomer", attendance=AttendanceMode.LIVE, status="pending")
    mail.outbox.clear()
    return edition


def status_of(name):
    return Registration.objects.get(name=name).status


def assert_wanda_promoted_before_the_newcomer():
    assert status_of("Wanda Waiting") == RegistrationStatus.CONFIRMED
    assert status_of("Walter Waiting") == RegistrationStatus.WAITLISTED
    assert EmailLog.objects.filter(registration__name="Wanda Waiting", kind=EmailKind.PROMOTED).count() == 1
    assert [message.to for message in mail.outbox] == [[Registration.objects.get(name="Wanda Waiting").email]]
    # The newcomer who confirms now waits: the freed place went to the person waiting.
    assert lifecycle.confirm(registration=Registration.objects.get(name="Nadia Newcomer")) == "waitlisted"


def test_freed_place_admin_delete_promotes_the_first_waiting(
    organiser_client, full_edition, django_capture_on_commit_callbacks
):
    ana = Registration.objects.get(name="Ana Popescu")
    url = f"/admin/registration/registration/{ana.pk}/delete/"
    assert organiser_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, {"post": "yes"})

    assert response.status_code == 302
    assert not Registration.objects.filter(pk=ana.pk).exists()
    assert_wanda_promoted_before_the_newcomer()
    # Who deleted what stays in the history, without the person's name.
    entry = LogEntry.objects.get(object_id=str(ana.pk), action_flag=DELETION)
    assert "Ana" not in entry.object_repr


def test_freed_place_admin_bulk_delete_promotes_the_first_waiting(
    organiser_client, full_edition, django_capture_on_commit_callbacks
):
    ana = Registration.objects.get(name="Ana Popescu")
    online = RegistrationFactory(edition=full_edition, name="Olena Online")
    data = {"action": "delete_selected", "_selected_action": [ana.pk, online.pk], "post": "yes"}
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post("/admin/registration/registration/", data)

    assert response.status_code == 302
    assert not Registration.objects.filter(pk__in=[ana.pk, online.pk]).exists()
    assert_wanda_promoted_before_the_newcomer()
    assert not LogEntry.objects.filter(object_repr__contains="Ana").exists()


def test_freed_place_erasure_promotes_the_first_waiting(client, full_edition, django_capture_on_commit_callbacks):
    ana = Registration.objects.get(name="Ana Popescu")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/registration/{ana.token}/erase/", {"confirm": "yes"})

    assert response.status_code in (200, 302, 303)
    assert Registration.objects.get(pk=ana.pk).erased_at is not None
    assert_wanda_promoted_before_the_newcomer()


def test_freed_place_cancellation_promotes_the_first_waiting(full_edition, django_capture_on_commit_callbacks):
    ana = Registration.objects.get(name="Ana Popescu")
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.cancel(registration=ana)
    assert [message.to for message in mail.outbox if message.to == [ana.email]] == [[ana.email]]  # "cancelled"
    mail.outbox[:] = [message for message in mail.outbox if message.to != [ana.email]]

    assert_wanda_promoted_before_the_newcomer()


def test_freed_place_left_free_by_a_raw_delete_still_goes_to_the_first_waiting(full_edition):
    # A row deleted behind the services' back (a database console): the next confirmation serves those waiting first.
    Registration.objects.filter(name="Ana Popescu").delete()

    assert lifecycle.confirm(registration=Registration.objects.get(name="Nadia Newcomer")) == "waitlisted"
    assert status_of("Wanda Waiting") == RegistrationStatus.CONFIRMED


def test_erasure_removes_the_admin_history_that_names_the_person(organiser_client, full_edition):
    ana = Registration.objects.get(name="Ana Popescu")
    ion = Registration.objects.get(name="Ion Ionescu")
    change = organiser_client.get(f"/admin/registration/registration/{ana.pk}/change/")
    assert change.status_code == 200
    # The organiser edits Ana's and Ion's registrations in the admin: the history names them.
    for registration in (ana, ion):
        LogEntry.objects.log_actions(
            user_id=change.wsgi_request.user.pk, queryset=[registration], action_flag=2, change_message="Changed."
        )
    email_log = EmailLog.objects.create(registration=ana, kind=EmailKind.CONFIRMED, to=ana.email)
    LogEntry.objects.log_actions(user_id=change.wsgi_request.user.pk, queryset=[email_log], action_flag=2)
    assert LogEntry.objects.filter(object_repr__contains="Ana Popescu").count() == 1

    privacy.erase(registration=ana)

    assert not LogEntry.objects.filter(object_repr__contains="Ana").exists()
    assert not LogEntry.objects.filter(object_repr__contains=ana.email).exists()
    assert not LogEntry.objects.filter(object_id=str(email_log.pk), content_type__model="emaillog").exists()
    assert LogEntry.objects.filter(object_repr__contains="Ion Ionescu").count() == 1
    history = organiser_client.get(f"/admin/registration/registration/{ana.pk}/history/").content.decode()
    assert "Ana Popescu" not in history
