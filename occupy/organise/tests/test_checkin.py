import datetime
import json

import pytest
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceDay, AttendanceMode, RegistrationStatus
from occupy.registration.services.checkin import check_in, check_in_code
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(time_zone="Europe/Bucharest")


@pytest.fixture
def ana(edition):
    return RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)


def local_hhmm(edition, moment):
    return timezone.localtime(moment, edition.tz).strftime("%H:%M")


def test_check_in_page_needs_the_check_in_permission(client, django_user_model, edition):
    url = f"/organise/{edition.slug}/check-in/"

    anonymous = client.get(url)
    client.force_login(django_user_model.objects.create_user("visitor", "v@example.org", "pw-long-enough-1"))
    not_staff = client.get(url)
    not_staff_post = client.post(url, {"code": "x"})
    not_staff_count = client.get(f"{url}count.json")

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/account/login/")
    assert not_staff.status_code == not_staff_post.status_code == not_staff_count.status_code == 403
    assert AttendanceDay.objects.count() == 0


def test_check_in_page_shows_the_count_and_loads_the_scanner_script(organiser_client, edition):
    response = organiser_client.get(f"/organise/{edition.slug}/check-in/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<strong data-count="today">0</strong> checked in today' in body
    assert "js/checkin" in body and ".js" in body
    assert 'name="viewport"' in body
    assert "<script>" not in body  # strict CSP: no inline script


def test_check_in_by_scanned_code_then_again_is_harmless_and_says_so(organiser_client, edition, ana):
    url = f"/organise/{edition.slug}/check-in/"

    first = organiser_client.post(url, {"code": check_in_code(ana)}, follow=True)
    attendance = AttendanceDay.objects.get()
    second = organiser_client.post(url, {"code": f"  {check_in_code(ana)} "}, follow=True)

    time = local_hhmm(edition, attendance.first_seen_at)
    assert f"Ana Popescu is checked in ({time})." in first.content.decode()
    assert f"Ana Popescu was already checked in at {time}. Nothing changed." in second.content.decode()
    assert AttendanceDay.objects.count() == 1
    assert attendance.mode == AttendanceMode.LIVE
    assert attendance.checked_in_by.username == "organiser"
    assert '<strong data-count="today">1</strong>' in second.content.decode()


def test_check_in_by_search_then_button(organiser_client, edition, ana):
    RegistrationFactory(edition=edition, name="Bogdan Ionescu", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Ana Pending", status=RegistrationStatus.PENDING)
    url = f"/organise/{edition.slug}/check-in/"

    found = organiser_client.get(url, {"q": "ana"}).content.decode()
    response = organiser_client.post(url, {"registration": str(ana.pk)}, follow=True)

    assert "Ana Popescu" in found
    assert "Bogdan Ionescu" not in found
    assert "Ana Pending" not in found
    assert f'name="registration" value="{ana.pk}"' in found
    assert "Ana Popescu is checked in" in response.content.decode()
    assert list(AttendanceDay.objects.values_list("registration_id", flat=True)) == [ana.pk]
    assert "Checked in at" in organiser_client.get(url, {"q": "popescu"}).content.decode()


def test_check_in_search_escapes_markup_in_names(organiser_client, edition):
    RegistrationFactory(edition=edition, name="<img src=x>Mallory", attendance=AttendanceMode.LIVE)

    body = organiser_client.get(f"/organise/{edition.slug}/check-in/", {"q": "mallory"}).content.decode()

    assert "&lt;img src=x&gt;Mallory" in body
    assert "<img src=x>" not in body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"code": "12:forged"}, "This code is not a ticket for"),
        ({"code": "x" * 5000}, "This code is not a ticket for"),
        ({}, "Scan a ticket, type its code, or search for the person by name."),
        ({"registration": "abc"}, "Scan a ticket, type its code, or search for the person by name."),
        ({"registration": "9" * 40}, "Scan a ticket, type its code, or search for the person by name."),
        ({"registration": "999999"}, "Scan a ticket, type its code, or search for the person by name."),
        (
            {"registration": "²"},
            "Scan a ticket, type its code, or search for the person by name.",
        ),  # a digit, not a number
        ({"registration": "9" * 18}, "Scan a ticket, type its code, or search for the person by name."),
    ],
)
def test_check_in_bad_input_is_a_400_with_a_message(organiser_client, edition, ana, data, message):
    response = organiser_client.post(f"/organise/{edition.slug}/check-in/", data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert AttendanceDay.objects.count() == 0


def test_check_in_refuses_a_ticket_of_another_edition(organiser_client, edition):
    other = RegistrationFactory(edition=EditionFactory(), attendance=AttendanceMode.LIVE)

    response = organiser_client.post(f"/organise/{edition.slug}/check-in/", {"code": check_in_code(other)})

    assert response.status_code == 400
    assert AttendanceDay.objects.count() == 0


@pytest.mark.parametrize(
    ("status", "attendance", "message"),
    [
        (RegistrationStatus.CONFIRMED, AttendanceMode.ONLINE, "is registered to attend online, not at the venue"),
        (RegistrationStatus.WAITLISTED, AttendanceMode.LIVE, "is on the waiting list for a live place"),
        (RegistrationStatus.CANCELLED, AttendanceMode.LIVE, "has no confirmed registration"),
    ],
)
def test_check_in_refuses_those_without_a_live_place(organiser_client, edition, status, attendance, message):
    registration = RegistrationFactory(edition=edition, name="Ana", status=status, attendance=attendance)

    response = organiser_client.post(f"/organise/{edition.slug}/check-in/", {"code": check_in_code(registration)})

    assert response.status_code == 409
    assert f"Ana {message}" in response.content.decode()
    assert AttendanceDay.objects.count() == 0


def test_check_in_search_too_short_or_too_long_says_why(organiser_client, edition):
    url = f"/organise/{edition.slug}/check-in/"

    short = organiser_client.get(url, {"q": "a"})
    long = organiser_client.get(url, {"q": "a" * 500})

    assert short.status_code == long.status_code == 400
    assert "Type between 2 and 100 characters" in short.content.decode()


def test_check_in_count_endpoint_counts_people_today_and_in_all(organiser_client, edition):
    people = RegistrationFactory.create_batch(3, edition=edition, attendance=AttendanceMode.LIVE)
    yesterday = timezone.now() - datetime.timedelta(days=1)
    check_in(people[0], by=None, at=yesterday)
    check_in(people[0], by=None)
    check_in(people[1], by=None)
    check_in(people[1], by=None)

    response = organiser_client.get(f"/organise/{edition.slug}/check-in/count.json")

    assert response.status_code == 200
    assert json.loads(response.content) == {"today": 2, "total": 2}
    assert AttendanceDay.objects.count() == 3


def test_check_in_page_for_an_unknown_edition_is_a_404(organiser_client):
    assert organiser_client.get("/organise/1999/check-in/").status_code == 404
    assert organiser_client.get("/organise/1999/check-in/count.json").status_code == 404


@pytest.mark.parametrize("people", [5, 50])
def test_check_in_search_queries_do_not_grow_with_results(
    organiser_client, edition, django_assert_max_num_queries, people
):
    for registration in RegistrationFactory.create_batch(people, edition=edition, attendance=AttendanceMode.LIVE):
        check_in(registration, by=None)

    with django_assert_max_num_queries(9):
        response = organiser_client.get(f"/organise/{edition.slug}/check-in/", {"q": "participant"})

    assert response.content.decode().count('class="checkin-result"') == min(people, 20)


def test_check_in_search_with_a_nul_character_finds_nobody(organiser_client, edition, ana):
    response = organiser_client.get(f"/organise/{edition.slug}/check-in/", {"q": "An\x00a"})

    assert response.status_code == 200
    assert "Nobody matches" in response.content.decode()
