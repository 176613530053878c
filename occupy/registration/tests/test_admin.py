"""The organisers' admin for registrations and the participant's extras: agenda, attendance, certificates, badges."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import (
    AgendaItem,
    AgendaItemStatus,
    AttendanceDay,
    AttendanceMode,
    BadgeBatch,
    Certificate,
)
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

EXTRAS = ["agendaitem", "attendanceday", "certificate", "badgebatch"]
MODELS = ["registration", "emaillog", "question", *EXTRAS]


@pytest.fixture
def extras(organiser):
    """One row of each extra, for a participant called Ana Popescu."""
    edition = EditionFactory(year=2031)
    registration = RegistrationFactory(edition=edition, name="Ana Popescu", email="ana@example.org")
    other = RegistrationFactory(edition=edition, name="Ion Ionescu", email="ion@example.org")
    session = SessionFactory(edition=edition, capacity=1)
    AgendaItem.objects.create(registration=registration, session=session)
    AgendaItem.objects.create(registration=other, session=session, status=AgendaItemStatus.WAITING)
    now = timezone.now()
    AttendanceDay.objects.create(
        registration=registration, day=edition.start_date, mode="live", first_seen_at=now, last_seen_at=now
    )
    Certificate.objects.create(registration=registration, code="ABCDEFGHJKLM")
    BadgeBatch.objects.create(edition=edition, requested_by=organiser)
    return {"edition": edition, "registration": registration, "other": other, "session": session}


@pytest.fixture
def staff_client(client, django_user_model):
    """A staff member who may view (not change) the registration app's rows, as a volunteer at the desk would."""
    user = django_user_model.objects.create_user("desk", "desk@example.org", "pw", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="registration"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_admin_registration_changelists_answer_staff(staff_client, extras, model):
    response = staff_client.get(f"/admin/registration/{model}/")

    assert response.status_code == 200
    assert staff_client.get(f"/admin/registration/{model}/?q=%27%22%00").status_code == 200


@pytest.mark.parametrize("model", EXTRAS)
def test_admin_extras_change_pages_open(organiser_client, extras, model):
    from django.apps import apps

    row = apps.get_model("registration", model).objects.first()

    assert organiser_client.get(f"/admin/registration/{model}/{row.pk}/change/").status_code == 200


@pytest.mark.parametrize("model", ["agendaitem", "attendanceday", "certificate"])
def test_admin_extras_found_by_the_participants_name_or_email(organiser_client, extras, model):
    by_name = organiser_client.get(f"/admin/registration/{model}/?q=popescu").context["cl"]
    by_email = organiser_client.get(f"/admin/registration/{model}/?q=ana@example").context["cl"]
    nobody = organiser_client.get(f"/admin/registration/{model}/?q=nobody").context["cl"]

    assert [row.registration.name for row in by_name.result_list] == ["Ana Popescu"]
    assert [row.registration.name for row in by_email.result_list] == ["Ana Popescu"]
    assert nobody.result_count == 0


@pytest.mark.parametrize("model", EXTRAS)
def test_admin_extras_filter_by_edition(organiser_client, extras, model):
    field = "edition__id__exact" if model == "badgebatch" else "registration__edition__id__exact"
    if model == "agendaitem":
        field = "session__edition__id__exact"
    other_edition = EditionFactory(year=2032)

    mine = organiser_client.get(f"/admin/registration/{model}/?{field}={extras['edition'].pk}")
    theirs = organiser_client.get(f"/admin/registration/{model}/?{field}={other_edition.pk}")

    assert mine.status_code == theirs.status_code == 200
    assert mine.context["cl"].result_count >= 1
    assert theirs.context["cl"].result_count == 0


def test_admin_certificate_code_cannot_be_changed(organiser_client, extras):
    certificate = Certificate.objects.get()

    response = organiser_client.get(f"/admin/registration/certificate/{certificate.pk}/change/")
    organiser_client.post(f"/admin/registration/certificate/{certificate.pk}/change/", {"code": "ZZZZZZZZZZZZ"})

    assert 'name="code"' not in response.content.decode()
    assert Certificate.objects.get().code == "ABCDEFGHJKLM"


def test_admin_removing_an_agenda_item_gives_its_seat_to_the_first_waiting(
    organiser_client, extras, django_capture_on_commit_callbacks, mailoutbox
):
    holder = AgendaItem.objects.get(registration=extras["registration"])

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(f"/admin/registration/agendaitem/{holder.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert list(AgendaItem.objects.values_list("registration__name", "status")) == [("Ion Ionescu", "chosen")]
    assert [message.to for message in mailoutbox] == [["ion@example.org"]]


def test_admin_attendance_added_by_hand_records_who_added_it(organiser_client, organiser, extras):
    edition, other = extras["edition"], extras["other"]
    day = edition.start_date + datetime.timedelta(days=1)

    response = organiser_client.post(
        "/admin/registration/attendanceday/add/",
        {
            "registration": other.pk,
            "day": day.isoformat(),
            "mode": AttendanceMode.ONLINE,
            "first_seen_at_0": day.isoformat(),
            "first_seen_at_1": "09:00:00",
            "last_seen_at_0": day.isoformat(),
            "last_seen_at_1": "12:00:00",
        },
    )

    assert response.status_code == 302
    added = AttendanceDay.objects.get(registration=other)
    assert (added.day, added.mode, added.checked_in_by) == (day, "online", organiser)
