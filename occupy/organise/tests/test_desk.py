"""The check-in desk: what the desk role sees (names, attendance, check-ins; never e-mail addresses or
accessibility needs), walk-ins and moving an online registrant to a free live place."""

import pytest
from django.core import mail
from django.test import Client

from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, time_zone="Europe/Bucharest", live_capacity=2)


@pytest.fixture
def ana(edition):
    return RegistrationFactory(
        edition=edition,
        name="Ana Popescu",
        email="ana.secret@example.org",
        accessibility_needs="Wheelchair ramp at the side door",
        attendance=AttendanceMode.LIVE,
    )


@pytest.fixture
def desk_client(client, django_user_model, edition):
    desk = django_user_model.objects.create_user("desk", "desk@example.org", "pw-long-enough-1")
    grant_role(edition=edition, user=desk, role=Role.CHECK_IN_DESK)
    client.force_login(desk)
    return client


def url(edition, part=""):
    return f"/organise/{edition.slug}/check-in/{part}"


WALK_IN = {"name": "Walter Walk-In", "email": "walter@example.org", "consent": "on"}


def test_the_desk_sees_names_and_attendance_never_e_mails_or_accessibility_needs(desk_client, edition, ana):
    RegistrationFactory(edition=edition, name="Olena Online", email="olena@example.org")
    page = desk_client.get(url(edition), {"q": "Popescu"}).content.decode()
    assert "Ana Popescu" in page and "Live" in page
    assert "ana.secret" not in page and "Wheelchair" not in page
    assert '<label for="q">Name</label>' in page
    assert "Name badges" not in page


def test_the_desk_cannot_search_by_e_mail_but_organisers_can(desk_client, organiser, edition, ana):
    desk_page = desk_client.get(url(edition), {"q": "ana.secret"}).content.decode()
    organiser_client = Client()
    organiser_client.force_login(organiser)
    organiser_page = organiser_client.get(url(edition), {"q": "ana.secret"}).content.decode()
    assert "Ana Popescu" not in desk_page and "Nobody matches" in desk_page
    assert "Ana Popescu" in organiser_page


def test_the_desk_opens_check_in_only(desk_client, edition):
    for part in ("registrations/", "registrations.csv", "badges/", "badges.pdf", "people/"):
        assert desk_client.get(f"/organise/{edition.slug}/{part}").status_code == 403, part
    assert desk_client.get(url(edition)).status_code == 200
    assert desk_client.get(url(EditionFactory(year=2032))).status_code == 403


def test_a_walk_in_gets_a_live_place_and_a_confirmation_by_e_mail(
    desk_client, edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = desk_client.post(url(edition, "walk-in/"), WALK_IN)
    assert response.status_code == 303
    assert response["Location"] == url(edition)
    walter = Registration.objects.get(email="walter@example.org")
    assert (walter.status, walter.attendance, walter.edition_id) == ("confirmed", "live", edition.pk)
    assert walter.confirmed_at is not None and walter.privacy_consent_at is not None
    assert list(EmailLog.objects.values_list("kind", "to")) == [(EmailKind.CONFIRMED, "walter@example.org")]
    assert [message.to for message in mail.outbox] == [["walter@example.org"]]
    page = desk_client.get(url(edition)).content.decode()
    assert "Walter Walk-In is registered with a live place" in page
    assert "walter@example.org" not in page


def test_a_walk_in_is_refused_with_a_message_when_the_venue_is_full(desk_client, edition):
    RegistrationFactory.create_batch(2, edition=edition, attendance=AttendanceMode.LIVE)
    response = desk_client.post(url(edition, "walk-in/"), WALK_IN)
    page = response.content.decode()
    assert response.status_code == 409
    assert "No live place is free" in page
    assert 'value="Walter Walk-In"' in page  # what was typed is kept
    assert not Registration.objects.filter(email="walter@example.org").exists()
    assert EmailLog.objects.count() == 0


def test_a_walk_in_after_a_cancellation_goes_behind_the_people_waiting(desk_client, edition):
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    waiting = RegistrationFactory(
        edition=edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.WAITLISTED
    )
    response = desk_client.post(url(edition, "walk-in/"), WALK_IN)
    waiting.refresh_from_db()
    assert response.status_code == 409
    assert "No live place is free" in response.content.decode()
    assert waiting.status == RegistrationStatus.CONFIRMED  # the freed place went to the person waiting


def test_a_walk_in_with_a_registered_address_is_told_to_search_by_name(desk_client, edition, ana):
    response = desk_client.post(url(edition, "walk-in/"), dict(WALK_IN, email="ANA.secret@example.org"))
    assert response.status_code == 409
    assert "This address is registered already" in response.content.decode()
    assert Registration.objects.filter(edition=edition).count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({}, "This field is required."),
        (dict(WALK_IN, name=""), "This field is required."),
        (dict(WALK_IN, email="not an address"), "Enter a valid email address."),
        (dict(WALK_IN, name="x" * 201), "at most 200 characters"),
        (dict(WALK_IN, email="x" * 250 + "@example.org"), "at most 254 characters"),
        ({"name": "Walter", "email": "walter@example.org"}, "Ask them to read the privacy notice first"),
        (dict(WALK_IN, name="Wal\x00ter"), "Null characters are not allowed."),
    ],
)
def test_a_walk_in_with_bad_input_is_a_400_with_a_message(desk_client, edition, data, message):
    response = desk_client.post(url(edition, "walk-in/"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Registration.objects.count() == 0


def test_a_walk_in_name_with_markup_is_escaped(desk_client, edition):
    desk_client.post(url(edition, "walk-in/"), dict(WALK_IN, name="<b>Walter</b>"))
    page = desk_client.get(url(edition), {"q": "walter"}).content.decode()
    assert "&lt;b&gt;Walter&lt;/b&gt;" in page and "<b>Walter</b>" not in page


def test_an_online_registrant_is_moved_to_a_free_live_place(desk_client, edition):
    olena = RegistrationFactory(edition=edition, name="Olena Online", attendance=AttendanceMode.ONLINE)
    found = desk_client.get(url(edition), {"q": "olena"}).content.decode()
    assert f'action="{url(edition, "to-live/")}"' in found
    response = desk_client.post(url(edition, "to-live/"), {"registration": olena.pk}, follow=True)
    olena.refresh_from_db()
    assert (olena.status, olena.attendance) == ("confirmed", "live")
    assert "Olena Online now has a live place." in response.content.decode()


def test_moving_to_live_is_refused_when_the_venue_is_full(desk_client, edition):
    RegistrationFactory.create_batch(2, edition=edition, attendance=AttendanceMode.LIVE)
    olena = RegistrationFactory(edition=edition, name="Olena Online", attendance=AttendanceMode.ONLINE)
    response = desk_client.post(url(edition, "to-live/"), {"registration": olena.pk})
    olena.refresh_from_db()
    assert response.status_code == 409
    assert "No live place is free" in response.content.decode()
    assert (olena.status, olena.attendance) == ("confirmed", "online")


@pytest.mark.parametrize("value", ["", "abc", "²", "99999999", "9" * 30])
def test_moving_to_live_a_forged_id_is_a_400(desk_client, edition, value):
    response = desk_client.post(url(edition, "to-live/"), {"registration": value})
    assert response.status_code == 400
    assert "Search for the person by name" in response.content.decode()


def test_moving_to_live_someone_of_another_edition_or_not_online_is_refused(desk_client, edition, ana):
    stranger = RegistrationFactory(edition=EditionFactory(year=2032), attendance=AttendanceMode.ONLINE)
    assert desk_client.post(url(edition, "to-live/"), {"registration": stranger.pk}).status_code == 400
    response = desk_client.post(url(edition, "to-live/"), {"registration": ana.pk})
    assert response.status_code == 409
    assert "Ana Popescu is not a confirmed online participant" in response.content.decode()
    stranger.refresh_from_db()
    assert stranger.attendance == "online"
