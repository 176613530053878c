"""Raising a capacity in the admin promotes the people waiting: live places on the edition, seats on a session."""

import pytest
from django import forms
from django.contrib.messages import get_messages

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import (
    AgendaItem,
    AgendaItemStatus,
    AttendanceMode,
    Registration,
    RegistrationStatus,
)
from occupy.registration.services import lifecycle
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def change_form_data(response, **changes) -> dict:
    """The POST body the admin change page would send unchanged, with `changes` applied."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else field.widget.decompress(value)
            for index, (widget, part) in enumerate(zip(field.widget.widgets, parts, strict=True)):
                data[f"{name}_{index}"] = widget.format_value(part) or ""
        elif isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
        else:
            data[name] = "" if value is None else value
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
    data.update(changes)
    return data


def join_waiting_list(edition, name):
    registration = RegistrationFactory(
        edition=edition, name=name, attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING
    )
    lifecycle.confirm(registration=registration)
    return registration


@pytest.fixture
def full_edition():
    edition = EditionFactory(year=2031, live_capacity=2)
    RegistrationFactory.create_batch(2, edition=edition, attendance=AttendanceMode.LIVE)
    for name in ("First waiting", "Second waiting", "Third waiting"):
        join_waiting_list(edition, name)
    return edition


def statuses(edition):
    waiting = Registration.objects.filter(edition=edition, name__endswith="waiting").order_by("name")
    return {registration.name: registration.status for registration in waiting}


def test_admin_raising_live_capacity_promotes_the_first_waiting_in_order(
    organiser_client, full_edition, django_capture_on_commit_callbacks, mailoutbox
):
    url = f"/admin/editions/edition/{full_edition.pk}/change/"
    data = change_form_data(organiser_client.get(url), live_capacity="4")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, data, follow=True)

    assert response.status_code == 200
    assert statuses(full_edition) == {
        "First waiting": RegistrationStatus.CONFIRMED,
        "Second waiting": RegistrationStatus.CONFIRMED,
        "Third waiting": RegistrationStatus.WAITLISTED,
    }
    first, second = (Registration.objects.get(name=name) for name in ("First waiting", "Second waiting"))
    assert [(message.to, message.subject) for message in mailoutbox] == [
        ([first.email], f"A live place is yours at {full_edition.title}"),
        ([second.email], f"A live place is yours at {full_edition.title}"),
    ]
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert "2 people waiting were given a live place and told by e-mail." in shown


def test_admin_saving_an_edition_without_raising_capacity_promotes_nobody(
    organiser_client, full_edition, django_capture_on_commit_callbacks, mailoutbox
):
    url = f"/admin/editions/edition/{full_edition.pk}/change/"
    data = change_form_data(organiser_client.get(url), tagline="Libraries for everyone")
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, data)

    assert response.status_code == 302
    assert set(statuses(full_edition).values()) == {RegistrationStatus.WAITLISTED}
    assert mailoutbox == []


def test_admin_fill_free_places_action_promotes_into_places_freed_outside_the_services(
    organiser_client, full_edition, django_capture_on_commit_callbacks, mailoutbox
):
    # A place freed by a change no service saw (a holder's row changed by hand in the registration admin).
    Registration.objects.confirmed_live().filter(edition=full_edition).first().delete()
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            "/admin/editions/edition/",
            {"action": "fill_free_places_action", "_selected_action": [full_edition.pk]},
            follow=True,
        )

    assert statuses(full_edition)["First waiting"] == RegistrationStatus.CONFIRMED
    assert list(statuses(full_edition).values()).count(RegistrationStatus.WAITLISTED) == 2
    assert len(mailoutbox) == 1
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == ["1 person waiting was given a live place and told by e-mail."]


def test_admin_fill_free_places_action_says_when_nobody_was_promoted(organiser_client, full_edition):
    response = organiser_client.post(
        "/admin/editions/edition/",
        {"action": "fill_free_places_action", "_selected_action": [full_edition.pk]},
        follow=True,
    )

    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == ["Nobody was promoted: no live place is free, or nobody is waiting."]


@pytest.fixture
def full_workshop():
    edition = EditionFactory(year=2031)
    session = SessionFactory(edition=edition, capacity=1)
    AgendaItem.objects.create(registration=RegistrationFactory(edition=edition), session=session)
    for name in ("First waiting", "Second waiting", "Third waiting"):
        registration = RegistrationFactory(edition=edition, name=name)
        AgendaItem.objects.create(registration=registration, session=session, status=AgendaItemStatus.WAITING)
    return session


def seat_statuses(session):
    items = AgendaItem.objects.filter(session=session, registration__name__endswith="waiting")
    return {item.registration.name: item.status for item in items.select_related("registration")}


def test_admin_raising_session_capacity_gives_seats_to_the_first_waiting_in_order(
    organiser_client, full_workshop, django_capture_on_commit_callbacks, mailoutbox
):
    url = f"/admin/programme/session/{full_workshop.pk}/change/"
    data = change_form_data(organiser_client.get(url), capacity="3")

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(url, data, follow=True)

    assert response.status_code == 200
    assert seat_statuses(full_workshop) == {
        "First waiting": AgendaItemStatus.CHOSEN,
        "Second waiting": AgendaItemStatus.CHOSEN,
        "Third waiting": AgendaItemStatus.WAITING,
    }
    expected = [[Registration.objects.get(name=name).email] for name in ("First waiting", "Second waiting")]
    assert [message.to for message in mailoutbox] == expected
    subject = f"A workshop seat is yours at {full_workshop.edition.title}"
    assert {message.subject for message in mailoutbox} == {subject}
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert "2 people waiting were given a seat and told by e-mail." in shown


def test_admin_lifting_a_session_limit_gives_everyone_waiting_a_seat(
    organiser_client, full_workshop, django_capture_on_commit_callbacks, mailoutbox
):
    url = f"/admin/programme/session/{full_workshop.pk}/change/"
    data = change_form_data(organiser_client.get(url), capacity="")

    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(url, data)

    assert set(seat_statuses(full_workshop).values()) == {AgendaItemStatus.CHOSEN}
    assert len(mailoutbox) == 3


def test_admin_fill_free_seats_action(organiser_client, full_workshop, django_capture_on_commit_callbacks):
    AgendaItem.objects.filter(session=full_workshop, status=AgendaItemStatus.CHOSEN).delete()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            "/admin/programme/session/",
            {"action": "fill_free_seats_action", "_selected_action": [full_workshop.pk]},
            follow=True,
        )

    assert seat_statuses(full_workshop)["First waiting"] == AgendaItemStatus.CHOSEN
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    assert shown == ["1 person waiting was given a seat and told by e-mail."]
