"""The participant's pages as a person meets them: the full venue said before sending, giving up a live place
asked first, the manage page's summary and next steps, and the error summary after a failed submit."""

import re

import pytest
from django.core import mail

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, Registration, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

FULL = "At the venue — full, waiting list"


@pytest.fixture
def edition():
    return EditionFactory(year=2043, live_capacity=1)


def live(edition, **fields):
    return RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE, **fields)


def test_register_page_says_the_venue_is_full_before_the_form_is_sent(client, edition):
    assert FULL not in client.get("/2043/register/").content.decode()
    live(edition)

    body = client.get("/2043/register/").content.decode()

    assert f"{FULL}</label>" in body
    assert "Online</label>" in body


def test_register_page_says_full_while_people_wait_though_a_place_is_free(client, edition):
    live(edition, status=RegistrationStatus.WAITLISTED)

    assert FULL in client.get("/2043/register/").content.decode()


def test_register_page_full_label_in_romanian(client, edition):
    live(edition)
    client.cookies["django_language"] = "ro"

    assert "La sediu — complet, listă de așteptare" in client.get("/2043/register/").content.decode()


def test_register_page_full_label_counts_at_two_sizes_with_fixed_queries(client, edition, django_assert_num_queries):
    live(edition)
    with django_assert_num_queries(4):
        client.get("/2043/register/")
    RegistrationFactory.create_batch(5, edition=edition)
    with django_assert_num_queries(4):
        client.get("/2043/register/")


def test_switch_to_online_from_a_live_place_asks_first_and_changes_nothing(client, edition):
    ana = live(edition)

    response = client.post(f"/registration/{ana.token}/attendance/", {"attendance": "online"})

    body = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Give up your live place?</h1>" in body
    assert "your place goes to the next person on the waiting list" in body
    assert '<input type="hidden" name="confirmed" value="on">' in body
    assert Registration.objects.get(pk=ana.pk).attendance == AttendanceMode.LIVE


def test_switch_to_online_confirmed_gives_the_place_to_the_next_person_waiting(
    client, edition, django_capture_on_commit_callbacks
):
    ana = live(edition)
    ion = live(edition, status=RegistrationStatus.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/registration/{ana.token}/attendance/", {"attendance": "online", "confirmed": "on"})

    assert response.status_code == 302
    assert Registration.objects.get(pk=ana.pk).attendance == AttendanceMode.ONLINE
    assert Registration.objects.get(pk=ion.pk).status == RegistrationStatus.CONFIRMED
    assert [message.to for message in mail.outbox] == [[ion.email]]


def test_switch_to_online_from_the_waiting_list_asks_first(client, edition):
    live(edition)
    ana = live(edition, status=RegistrationStatus.WAITLISTED)

    body = client.post(f"/registration/{ana.token}/attendance/", {"attendance": "online"}).content.decode()

    assert "you leave the waiting list and the next person waiting moves up" in body
    assert Registration.objects.get(pk=ana.pk).status == RegistrationStatus.WAITLISTED


def test_switch_online_to_live_asks_nothing(client, edition):
    ana = RegistrationFactory(edition=edition)

    response = client.post(f"/registration/{ana.token}/attendance/", {"attendance": "live"})

    assert response.status_code == 302


def test_switch_with_a_forged_attendance_is_refused_and_changes_nothing(client, edition):
    ana = live(edition)

    response = client.post(
        f"/registration/{ana.token}/attendance/", {"attendance": "<b>teleport</b>", "confirmed": "on"}
    )

    assert response.status_code == 302
    assert Registration.objects.get(pk=ana.pk).attendance == AttendanceMode.LIVE


def test_cancel_page_of_a_live_place_says_it_goes_to_the_next_person_waiting(client, edition):
    ana = live(edition)

    body = client.get(f"/registration/{ana.token}/cancel/").content.decode()

    assert "it goes to the next person on the waiting list" in body


def test_manage_page_shows_a_summary_and_next_steps_once_registered(client, edition):
    ana = live(edition, name="Ana Popescu", email="ana@example.org", short_code="HJKM2345")

    body = client.get(f"/registration/{ana.token}/").content.decode()

    assert '<dl class="registration-summary">' in body
    assert "<dt>Name</dt><dd>Ana Popescu</dd>" in body
    assert "<dt>E-mail</dt><dd>ana@example.org</dd>" in body
    assert "<dt>Status</dt><dd>Confirmed</dd>" in body
    assert '<dt>Check-in code</dt><dd class="short-code">HJKM-2345</dd>' in body
    assert '<h2 id="registered-heading">You are registered</h2>' in body
    assert f'href="/registration/{ana.token}/ticket.pdf"' in body
    assert f'href="/registration/{ana.token}/join/"' in body


def test_manage_page_of_a_pending_registration_says_nothing_of_being_registered(client, edition):
    ana = RegistrationFactory(edition=edition, status=RegistrationStatus.PENDING)

    body = client.get(f"/registration/{ana.token}/").content.decode()

    assert "You are registered" not in body
    assert "Check-in code" not in body


def test_manage_page_offers_live_as_full_to_an_online_participant(client, edition):
    live(edition)
    ana = RegistrationFactory(edition=edition)

    assert f"Switch to: {FULL}" in client.get(f"/registration/{ana.token}/").content.decode()


def test_register_error_summary_links_each_error_to_its_field(client, edition):
    data = {"name": "<b>Ana</b>", "email": "not an address", "role": "librarian"}

    response = client.post("/2043/register/", data)

    body = response.content.decode()
    assert response.status_code == 400
    summary = re.search(r'<div class="error-summary" id="error-summary" tabindex="-1".*?</div>', body, re.S).group()
    assert body.index('id="error-summary"') < body.index("<h1>")
    assert '<a href="#id_name">Name: Please write this without the characters &lt; and &gt;.</a>' in summary
    assert '<a href="#id_email">E-mail: Enter a valid email address.</a>' in summary
    assert '<a href="#id_attendance_0">I will attend: This field is required.</a>' in summary
    assert '<a href="#id_privacy_consent">I agree to the privacy policy: Please agree' in summary
    assert 'aria-invalid="true" aria-describedby="id_name_error" id="id_name"' in body
    assert '<p class="field__error" id="id_name_error">' in body
    assert 'value="&lt;b&gt;Ana&lt;/b&gt;"' in body
    assert "/static/js/error-summary." in body


def test_register_page_without_errors_has_no_summary(client, edition):
    assert 'error-summary"' not in client.get("/2043/register/").content.decode()


def test_manage_details_error_summary_links_to_the_field(client, edition):
    ana = RegistrationFactory(edition=edition)

    response = client.post(f"/registration/{ana.token}/", {"name": "", "role": "nobody"})

    body = response.content.decode()
    assert response.status_code == 400
    assert '<a href="#id_name">Name: This field is required.</a>' in body
    assert '<a href="#id_role">Role: Select a valid choice. nobody is not one of the available choices.</a>' in body
    assert 'aria-invalid="true" aria-describedby="id_role_error" id="id_role"' in body


def test_resend_error_summary_for_a_bad_address(client, edition):
    response = client.post("/2043/register/resend/", {"email": "x" * 300})

    assert response.status_code == 400
    assert '<a href="#id_email">E-mail:' in response.content.decode()


def test_manage_page_queries_do_not_grow_with_the_edition(client, edition, django_assert_num_queries):
    ana = RegistrationFactory(edition=edition)
    # The registration, its questions and answers, the places, whether the survey is open, the editions.
    with django_assert_num_queries(6):
        client.get(f"/registration/{ana.token}/")
    live(edition)
    live(edition, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory.create_batch(5, edition=edition)
    with django_assert_num_queries(6):
        client.get(f"/registration/{ana.token}/")


def test_ticket_queries_do_not_grow_with_the_programme(client, edition, django_assert_num_queries):
    from occupy.programme.tests.factories import SessionFactory

    ana = live(edition)
    with django_assert_num_queries(2):
        client.get(f"/registration/{ana.token}/ticket.pdf")
    SessionFactory.create_batch(3, edition=edition)
    with django_assert_num_queries(2):
        client.get(f"/registration/{ana.token}/ticket.pdf")
