"""The private agenda marks the cached schedule asks for (<edition>/agenda/mine.json) and "remove from my
agenda" for the browser that remembers a registration."""

import datetime

import pytest

from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AgendaItem, AgendaItemStatus, RegistrationStatus
from occupy.registration.remember import cookie_name
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

START = datetime.datetime(2030, 5, 2, 8, tzinfo=datetime.UTC)


def remember(client, registration):
    response = client.get(f"/registration/{registration.token}/agenda/")
    assert cookie_name(registration.edition.slug) in response.cookies


def make_sessions(edition):
    talk = SessionFactory(
        edition=edition, slug="talk", starts_at=START, ends_at=START + datetime.timedelta(minutes=30)
    )
    workshop = SessionFactory(
        edition=edition, slug="workshop", capacity=2, starts_at=START, ends_at=START + datetime.timedelta(minutes=90)
    )
    full = SessionFactory(
        edition=edition, slug="full", capacity=1, starts_at=START, ends_at=START + datetime.timedelta(minutes=30)
    )
    return talk, workshop, full


def test_mine_tells_a_stranger_only_the_seats_left(client):
    registration = RegistrationFactory()
    talk, workshop, full = make_sessions(registration.edition)
    AgendaItem.objects.create(registration=registration, session=full, status=AgendaItemStatus.CHOSEN)

    response = client.get(f"/{registration.edition.slug}/agenda/mine.json")

    assert response.status_code == 200
    assert response.json() == {"known": False, "chosen": [], "waiting": [], "seats": {"full": 0, "workshop": 2}}
    assert "no-store" in response["Cache-Control"]


def test_mine_lists_the_remembered_agenda_and_waiting_list(client, django_assert_num_queries):
    registration = RegistrationFactory()
    talk, workshop, full = make_sessions(registration.edition)
    AgendaItem.objects.create(registration=registration, session=talk, status=AgendaItemStatus.CHOSEN)
    AgendaItem.objects.create(registration=registration, session=workshop, status=AgendaItemStatus.CHOSEN)
    AgendaItem.objects.create(registration=registration, session=full, status=AgendaItemStatus.WAITING)
    remember(client, registration)

    with django_assert_num_queries(4):  # edition, registration, its agenda, seats
        response = client.get(f"/{registration.edition.slug}/agenda/mine.json")

    assert response.json() == {
        "known": True,
        "chosen": ["talk", "workshop"],
        "waiting": ["full"],
        "seats": {"full": 1, "workshop": 1},
    }


def test_mine_does_not_know_a_cancelled_registration_or_a_forged_cookie(client):
    registration = RegistrationFactory()
    remember(client, registration)
    registration.status = RegistrationStatus.CANCELLED
    registration.save()
    assert client.get(f"/{registration.edition.slug}/agenda/mine.json").json()["known"] is False
    client.cookies[cookie_name(registration.edition.slug)] = str(registration.pk)  # unsigned: forged
    assert client.get(f"/{registration.edition.slug}/agenda/mine.json").json()["known"] is False


def test_mine_of_an_unknown_edition_is_404(client):
    assert client.get("/no-such-edition/agenda/mine.json").status_code == 404


def test_remove_asks_then_takes_the_session_out_of_the_remembered_agenda(client):
    registration = RegistrationFactory()
    talk, workshop, _full = make_sessions(registration.edition)
    AgendaItem.objects.create(registration=registration, session=workshop, status=AgendaItemStatus.CHOSEN)
    remember(client, registration)
    url = f"/{registration.edition.slug}/agenda/remove/workshop/"

    page = client.get(url).content.decode()
    assert f"Remove “{workshop.title}” from my agenda</button>" in page
    assert "Your seat goes to the next person waiting." in page

    response = client.post(url)
    assert response.status_code == 303
    assert response["Location"] == workshop.get_absolute_url()
    assert not AgendaItem.objects.filter(registration=registration).exists()
    assert "This session is not in your agenda." in client.get(url).content.decode()


def test_the_add_page_of_a_chosen_session_offers_to_remove_it(client):
    registration = RegistrationFactory()
    talk, _workshop, _full = make_sessions(registration.edition)
    AgendaItem.objects.create(registration=registration, session=talk, status=AgendaItemStatus.CHOSEN)
    remember(client, registration)
    page = client.get(f"/{registration.edition.slug}/agenda/add/talk/").content.decode()
    assert f'<a href="/{registration.edition.slug}/agenda/remove/talk/">Remove from my agenda</a>' in page


def test_remove_without_a_remembered_registration_is_refused(client):
    registration = RegistrationFactory()
    _talk, workshop, _full = make_sessions(registration.edition)
    AgendaItem.objects.create(registration=registration, session=workshop, status=AgendaItemStatus.CHOSEN)
    url = f"/{registration.edition.slug}/agenda/remove/workshop/"
    assert client.get(url).status_code == 200  # explains how the browser gets to know the agenda
    assert client.post(url).status_code == 403
    assert client.get(f"/{registration.edition.slug}/agenda/remove/no-such-session/").status_code == 404
    assert AgendaItem.objects.filter(registration=registration).count() == 1
