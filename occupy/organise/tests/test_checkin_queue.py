"""The check-in endpoint as js/checkin.js uses it: JSON answers, and scans sent late with the time they were made."""

import datetime

import pytest
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceDay, AttendanceMode, RegistrationStatus
from occupy.registration.services.checkin import check_in_code
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture
def edition():
    return EditionFactory(time_zone="Europe/Bucharest")


@pytest.fixture
def ana(edition):
    return RegistrationFactory(edition=edition, name="Ana <b>Popescu</b>", attendance=AttendanceMode.LIVE)


def url(edition):
    return f"/organise/{edition.slug}/check-in/"


def test_check_in_answers_json_and_a_second_scan_is_already_checked_in(organiser_client, edition, ana):
    scanned = timezone.now().replace(microsecond=0) - datetime.timedelta(minutes=3)
    at = scanned.isoformat().replace("+00:00", "Z")

    first = organiser_client.post(url(edition), {"code": check_in_code(ana), "scanned_at": at}, **JSON)
    second = organiser_client.post(url(edition), {"code": check_in_code(ana), "scanned_at": at}, **JSON)

    hhmm = timezone.localtime(scanned, edition.tz).strftime("%H:%M")
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/json"
    assert first.json() == {
        "kind": "success",
        "message": f"Ana <b>Popescu</b> is checked in ({hhmm}).",
        "name": "Ana <b>Popescu</b>",
        "already": False,
    }
    assert second.json()["kind"] == "info"
    assert second.json()["message"] == f"Ana <b>Popescu</b> was already checked in at {hhmm}. Nothing changed."
    assert "email" not in first.content.decode() and ana.email not in first.content.decode()
    attendance = AttendanceDay.objects.get()
    assert attendance.first_seen_at == scanned  # the time of the scan, not of the sending
    assert attendance.day == timezone.localtime(scanned, edition.tz).date()


def test_check_in_of_a_scan_sent_late_counts_for_the_day_it_was_made(organiser_client, edition, ana):
    scanned = timezone.now().replace(microsecond=0) - datetime.timedelta(hours=11, minutes=59)

    response = organiser_client.post(
        url(edition), {"registration": str(ana.pk), "scanned_at": scanned.isoformat()}, **JSON
    )

    assert response.status_code == 200
    assert AttendanceDay.objects.get().day == timezone.localtime(scanned, edition.tz).date()


@pytest.mark.parametrize(
    ("shift", "message"),
    [
        (
            datetime.timedelta(hours=1),
            "The time of the scan is in the future: check the clock of this phone, then scan the ticket again.",
        ),
        (
            -datetime.timedelta(hours=13),
            "This scan was made more than 12 hours ago and was not sent in time. Scan the ticket again.",
        ),
    ],
)
def test_check_in_refuses_a_scan_time_far_from_now_with_400(organiser_client, edition, ana, shift, message):
    at = (timezone.now() + shift).isoformat()

    as_json = organiser_client.post(url(edition), {"code": check_in_code(ana), "scanned_at": at}, **JSON)
    as_page = organiser_client.post(url(edition), {"code": check_in_code(ana), "scanned_at": at})

    assert as_json.status_code == as_page.status_code == 400
    assert as_json.json() == {"kind": "error", "message": message}
    assert message in as_page.content.decode()
    assert AttendanceDay.objects.count() == 0


def test_check_in_json_answers_bad_input_with_a_reason(organiser_client, edition, ana):
    waiting = RegistrationFactory(
        edition=edition, name="Bogdan", attendance=AttendanceMode.LIVE, status=RegistrationStatus.WAITLISTED
    )
    other = RegistrationFactory(edition=EditionFactory(), attendance=AttendanceMode.LIVE)

    forged = organiser_client.post(url(edition), {"code": "12:forged"}, **JSON)
    foreign = organiser_client.post(url(edition), {"code": check_in_code(other)}, **JSON)
    nothing = organiser_client.post(url(edition), {}, **JSON)
    not_a_time = organiser_client.post(url(edition), {"code": check_in_code(ana), "scanned_at": "<b>"}, **JSON)
    refused = organiser_client.post(url(edition), {"code": check_in_code(waiting)}, **JSON)

    not_this = f"This code is not a ticket for {edition.title}. Try again, or search by name."
    assert (forged.status_code, forged.json()) == (400, {"kind": "error", "message": not_this})
    assert (foreign.status_code, foreign.json()) == (400, {"kind": "error", "message": not_this})
    assert nothing.status_code == 400
    assert nothing.json()["message"] == "Scan a ticket, type its code, or search for the person by name."
    assert not_a_time.status_code == 400
    assert not_a_time.json()["message"] == "The time of the scan is not a date and time. Scan the ticket again."
    assert refused.status_code == 409
    assert refused.json()["message"] == "Bogdan is on the waiting list for a live place, not confirmed."
    assert AttendanceDay.objects.count() == 0


def test_check_in_page_alone_lets_webassembly_compile(organiser_client, edition):
    desk = organiser_client.get(url(edition))
    walk_in_errors = organiser_client.post(f"/organise/{edition.slug}/check-in/walk-in/", {})
    elsewhere = organiser_client.get("/organise/")

    policy = desk["Content-Security-Policy"]
    assert "script-src 'self' 'wasm-unsafe-eval';" in policy
    assert "'unsafe-eval'" not in policy.replace("'wasm-unsafe-eval'", "")
    assert "'unsafe-inline'" not in policy
    assert walk_in_errors.status_code == 400
    assert "'wasm-unsafe-eval'" in walk_in_errors["Content-Security-Policy"]
    assert "script-src 'self';" in elsewhere["Content-Security-Policy"]
    assert "wasm" not in elsewhere["Content-Security-Policy"]


def test_check_in_page_offers_the_decoder_from_our_static_files(organiser_client, edition):
    body = organiser_client.get(url(edition)).content.decode()

    assert 'data-decoder="/static/vendor/zxing-wasm/reader.' in body
    assert 'data-decoder-wasm="/static/vendor/zxing-wasm/zxing_reader.' in body
    assert 'data-waiting-one="{count} scan waiting to be sent"' in body
    assert 'data-waiting-other="{count} scans waiting to be sent"' in body
    assert body.count("data-queue") == 1  # the code form; the search's results add theirs
