import datetime

import icalendar
import pytest
from django.core import mail

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory, build_programme
from occupy.registration.models import AgendaItem, AgendaItemStatus, RegistrationStatus
from occupy.registration.remember import cookie_name
from occupy.registration.services.agenda import AgendaOutcome, add_to_agenda, release_agenda, remove_from_agenda
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def at(edition, hour, minute=0, day=0):
    """A time on the edition's first day (+ day), in UTC."""
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=datetime.UTC
    )


def remember(client, registration):
    """Open the agenda page once, as the person does from their e-mail: the browser then remembers them."""
    response = client.get(f"/registration/{registration.token}/agenda/")
    assert response.status_code == 200
    assert cookie_name(registration.edition.slug) in response.cookies


def test_agenda_add_page_shows_a_post_form_for_a_remembered_registration(client):
    registration = RegistrationFactory(name="Ana Popescu")
    session = SessionFactory(edition=registration.edition, title="Makerspaces for all")
    remember(client, registration)

    response = client.get(f"/{registration.edition.slug}/agenda/add/{session.slug}/")

    assert response.status_code == 200
    body = response.content.decode()
    assert 'method="post"' in body
    assert "csrfmiddlewaretoken" in body
    assert "Add “Makerspaces for all” to my agenda" in body
    assert "no-cache" in response["Cache-Control"]


def test_agenda_add_page_explains_how_to_register_when_the_browser_knows_nobody(client):
    session = SessionFactory(title="Makerspaces for all")

    response = client.get(f"/{session.edition.slug}/agenda/add/{session.slug}/")

    assert response.status_code == 200
    body = response.content.decode()
    assert f"/{session.edition.slug}/register/" in body
    assert "Open the link from your confirmation e-mail" in body
    assert "csrfmiddlewaretoken" not in body


def test_agenda_add_post_without_a_remembered_registration_is_refused(client):
    session = SessionFactory()

    response = client.post(f"/{session.edition.slug}/agenda/add/{session.slug}/")

    assert response.status_code == 403
    assert AgendaItem.objects.count() == 0


def test_agenda_add_ignores_a_forged_cookie(client):
    registration = RegistrationFactory()
    session = SessionFactory(edition=registration.edition)
    client.cookies[cookie_name(registration.edition.slug)] = str(registration.pk)  # unsigned: forged

    response = client.post(f"/{registration.edition.slug}/agenda/add/{session.slug}/")

    assert response.status_code == 403
    assert AgendaItem.objects.count() == 0


def test_agenda_add_post_puts_the_session_in_the_agenda_page(client):
    registration = RegistrationFactory()
    session = SessionFactory(edition=registration.edition, title="Makerspaces for all")
    remember(client, registration)

    response = client.post(f"/{registration.edition.slug}/agenda/add/{session.slug}/")

    assert response.status_code == 303
    assert response["Location"] == f"/{registration.edition.slug}/agenda/add/{session.slug}/"
    assert list(registration.agenda_items.values_list("session__title", "status")) == [
        ("Makerspaces for all", AgendaItemStatus.CHOSEN)
    ]
    page = client.get(response["Location"]).content.decode()
    assert "“Makerspaces for all” is in your agenda." in page
    assert "This session is already in your agenda." in page
    assert client.get(f"/registration/{registration.token}/agenda/").content.decode().count("Makerspaces for all")


def test_agenda_add_twice_keeps_one_item(client):
    registration = RegistrationFactory()
    session = SessionFactory(edition=registration.edition)
    remember(client, registration)

    client.post(f"/{registration.edition.slug}/agenda/add/{session.slug}/")
    response = client.post(f"/{registration.edition.slug}/agenda/add/{session.slug}/", follow=True)

    assert AgendaItem.objects.count() == 1
    assert "was already in your agenda" in response.content.decode()


def test_agenda_is_only_for_confirmed_registrations(client):
    registration = RegistrationFactory(status=RegistrationStatus.PENDING)

    response = client.get(f"/registration/{registration.token}/agenda/")

    assert response.status_code == 403
    assert "Only confirmed registrations have a personal agenda." in response.content.decode()
    assert cookie_name(registration.edition.slug) not in response.cookies


def test_agenda_with_a_forged_token_is_a_clear_404(client):
    RegistrationFactory(name="Ana Popescu")

    response = client.get("/registration/not-a-real-token/agenda/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "Registration not found" in body
    assert "Ana Popescu" not in body


def test_agenda_add_of_an_unknown_session_or_edition_is_a_404(client):
    registration = RegistrationFactory()
    other = SessionFactory(edition=EditionFactory())
    remember(client, registration)

    assert client.get(f"/{registration.edition.slug}/agenda/add/no-such-session/").status_code == 404
    assert client.get(f"/{registration.edition.slug}/agenda/add/{other.slug}/").status_code == 404
    assert client.get(f"/1999/agenda/add/{other.slug}/").status_code == 404
    assert client.post(f"/{registration.edition.slug}/agenda/add/{other.slug}/").status_code == 404
    assert AgendaItem.objects.count() == 0


def test_agenda_remove_takes_the_session_out(client):
    registration = RegistrationFactory()
    session = SessionFactory(edition=registration.edition, title="Makerspaces for all")
    add_to_agenda(registration=registration, session=session)

    response = client.post(f"/registration/{registration.token}/agenda/remove/{session.slug}/", follow=True)

    assert AgendaItem.objects.count() == 0
    assert "“Makerspaces for all” is no longer in your agenda." in response.content.decode()


def test_agenda_remove_needs_post_and_the_right_token(client):
    registration = RegistrationFactory()
    session = SessionFactory(edition=registration.edition)
    add_to_agenda(registration=registration, session=session)

    assert client.get(f"/registration/{registration.token}/agenda/remove/{session.slug}/").status_code == 405
    assert client.post(f"/registration/forged/agenda/remove/{session.slug}/").status_code == 404
    assert AgendaItem.objects.count() == 1


def test_agenda_warns_of_overlapping_sessions_naming_both(client):
    registration = RegistrationFactory()
    edition = registration.edition
    first = SessionFactory(edition=edition, title="Coding clubs", starts_at=at(edition, 9), ends_at=at(edition, 10))
    second = SessionFactory(
        edition=edition, title="Seed libraries", starts_at=at(edition, 9, 30), ends_at=at(edition, 10, 30)
    )
    after = SessionFactory(edition=edition, title="Later on", starts_at=at(edition, 10, 30), ends_at=at(edition, 11))
    for session in (first, second, after):
        add_to_agenda(registration=registration, session=session)

    body = client.get(f"/registration/{registration.token}/agenda/").content.decode()

    assert "Sessions that overlap" in body
    assert "“Coding clubs” overlaps with “Seed libraries”." in body
    assert "Later on”." not in body  # touching end to start is no overlap


def test_agenda_lists_sessions_by_day_in_the_edition_time_zone(client):
    registration = RegistrationFactory(edition=EditionFactory(time_zone="Europe/Bucharest"))
    edition = registration.edition
    # 22:30 UTC on the first day is 01:30 on the second day in Bucharest (UTC+3 in June).
    late = SessionFactory(edition=edition, title="Night owls", starts_at=at(edition, 22, 30), ends_at=at(edition, 23))
    add_to_agenda(registration=registration, session=late)

    body = client.get(f"/registration/{registration.token}/agenda/").content.decode()

    second_day = edition.start_date + datetime.timedelta(days=1)
    assert f'id="day-{second_day.isoformat()}"' in body
    assert ">01:30<" in body
    assert "Sessions that overlap" not in body


def test_agenda_ics_parses_and_follows_a_changed_session_time(client):
    registration = RegistrationFactory()
    edition = registration.edition
    session = SessionFactory(edition=edition, title="Coding clubs", starts_at=at(edition, 9), ends_at=at(edition, 10))
    SessionFactory(edition=edition, title="Not chosen")
    add_to_agenda(registration=registration, session=session)
    url = f"/registration/{registration.token}/agenda.ics"

    first = icalendar.Calendar.from_ical(client.get(url).content)
    session.starts_at, session.ends_at = at(edition, 14), at(edition, 15)
    session.save()
    response = client.get(url)
    second = icalendar.Calendar.from_ical(response.content)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    [before] = first.walk("VEVENT")
    [after] = second.walk("VEVENT")
    assert str(before["uid"]) == str(after["uid"]) == f"{edition.slug}-{session.slug}@occupylibrary.net"
    assert str(after["summary"]) == "Coding clubs"
    assert before.decoded("dtstart") == at(edition, 9)
    assert after.decoded("dtstart") == at(edition, 14)
    assert after.decoded("dtend") == at(edition, 15)


def test_agenda_ics_with_a_forged_token_is_a_404(client):
    response = client.get("/registration/forged/agenda.ics")

    assert response.status_code == 404
    assert response.content.decode() == "This calendar link is not valid."


def test_workshop_seat_is_refused_at_once_when_full_and_the_waiting_list_is_offered(client):
    edition = EditionFactory()
    workshop = SessionFactory(edition=edition, title="Build a robot", capacity=1)
    holder = RegistrationFactory(edition=edition)
    add_to_agenda(registration=holder, session=workshop)
    late = RegistrationFactory(edition=edition)
    remember(client, late)

    page = client.get(f"/{edition.slug}/agenda/add/{workshop.slug}/").content.decode()
    response = client.post(f"/{edition.slug}/agenda/add/{workshop.slug}/")

    assert "This session is full: its 1 seat is taken." in page
    assert response.status_code == 409
    assert "This session is full" in response.content.decode()
    assert 'name="waitlist" value="1"' in response.content.decode()
    assert not late.agenda_items.exists()

    response = client.post(f"/{edition.slug}/agenda/add/{workshop.slug}/", {"waitlist": "1"}, follow=True)

    assert "You are on the waiting list for “Build a robot”." in response.content.decode()
    assert list(late.agenda_items.values_list("status", flat=True)) == [AgendaItemStatus.WAITING]


def test_a_freed_workshop_seat_goes_to_the_first_waiting_who_is_emailed(django_capture_on_commit_callbacks):
    edition = EditionFactory()
    workshop = SessionFactory(edition=edition, title="Build a robot", capacity=1)
    holder, first, second = RegistrationFactory.create_batch(3, edition=edition)
    assert add_to_agenda(registration=holder, session=workshop) == AgendaOutcome.ADDED
    assert add_to_agenda(registration=first, session=workshop) == AgendaOutcome.FULL
    assert add_to_agenda(registration=first, session=workshop, join_waiting_list=True) == AgendaOutcome.WAITING
    assert add_to_agenda(registration=second, session=workshop, join_waiting_list=True) == AgendaOutcome.WAITING

    with django_capture_on_commit_callbacks(execute=True):
        remove_from_agenda(registration=holder, session=workshop)

    statuses = dict(AgendaItem.objects.values_list("registration_id", "status"))
    assert statuses == {first.pk: AgendaItemStatus.CHOSEN, second.pk: AgendaItemStatus.WAITING}
    assert [message.to for message in mail.outbox] == [[first.email]]
    assert "Build a robot" in mail.outbox[0].body
    assert f"/registration/{first.token}/agenda/" in mail.outbox[0].body
    assert "Build a robot" in mail.outbox[0].alternatives[0][0]


def test_release_agenda_frees_the_seats_of_a_cancelled_registration(django_capture_on_commit_callbacks):
    edition = EditionFactory()
    workshop = SessionFactory(edition=edition, capacity=1)
    holder, waiting = RegistrationFactory.create_batch(2, edition=edition)
    add_to_agenda(registration=holder, session=workshop)
    add_to_agenda(registration=waiting, session=workshop, join_waiting_list=True)

    with django_capture_on_commit_callbacks(execute=True):
        release_agenda(registration=holder)

    assert list(AgendaItem.objects.values_list("registration_id", "status")) == [(waiting.pk, AgendaItemStatus.CHOSEN)]
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("sessions", [40, 400])
def test_agenda_page_queries_do_not_grow_with_the_agenda(client, django_assert_max_num_queries, sessions):
    registration = RegistrationFactory(edition=EditionFactory())
    programme = build_programme(registration.edition, sessions=sessions)
    AgendaItem.objects.bulk_create([AgendaItem(registration=registration, session=s) for s in programme[::2]])

    with django_assert_max_num_queries(6):
        response = client.get(f"/registration/{registration.token}/agenda/")

    assert response.status_code == 200
    assert response.content.decode().count('class="session-item"') == sessions // 2


@pytest.mark.parametrize("sessions", [40, 400])
def test_agenda_ics_queries_do_not_grow_with_the_agenda(client, django_assert_max_num_queries, sessions):
    registration = RegistrationFactory(edition=EditionFactory())
    programme = build_programme(registration.edition, sessions=sessions)
    AgendaItem.objects.bulk_create([AgendaItem(registration=registration, session=s) for s in programme[:30]])

    with django_assert_max_num_queries(4):
        response = client.get(f"/registration/{registration.token}/agenda.ics")

    assert len(icalendar.Calendar.from_ical(response.content).walk("VEVENT")) == 30


def test_manage_page_links_the_journey_and_remembers_the_registration(client):
    registration = RegistrationFactory()

    response = client.get(f"/registration/{registration.token}/")

    body = response.content.decode()
    for path in ("agenda/", "ticket.pdf", "join/", "certificate.pdf"):
        assert f"/registration/{registration.token}/{path}" in body
    assert cookie_name(registration.edition.slug) in response.cookies


def test_cancelling_a_registration_gives_its_workshop_seat_to_the_first_waiting(client):
    edition = EditionFactory()
    workshop = SessionFactory(edition=edition, capacity=1)
    holder, waiting = RegistrationFactory.create_batch(2, edition=edition)
    add_to_agenda(registration=holder, session=workshop)
    add_to_agenda(registration=waiting, session=workshop, join_waiting_list=True)

    client.post(f"/registration/{holder.token}/cancel/")

    assert list(AgendaItem.objects.values_list("registration_id", "status")) == [(waiting.pk, AgendaItemStatus.CHOSEN)]


def test_erasing_a_registration_empties_its_agenda():
    from occupy.registration.services.privacy import erase

    registration = RegistrationFactory()
    add_to_agenda(registration=registration, session=SessionFactory(edition=registration.edition))

    erase(registration=registration)

    assert AgendaItem.objects.count() == 0
