import datetime

import pytest
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.registration.models import AttendanceDay, AttendanceMode, RegistrationStatus
from occupy.registration.services.attendance import join_online
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

STREAM = "https://stream.example.org/occupy-secret-room"
ROOM_STREAM = "https://stream.example.org/hall-b-secret"


@pytest.fixture
def edition():
    return EditionFactory(online_stream_url=STREAM)


def test_join_records_attendance_and_forwards_to_the_edition_stream(client, edition):
    registration = RegistrationFactory(edition=edition)

    response = client.get(f"/registration/{registration.token}/join/")

    assert response.status_code == 302
    assert response["Location"] == STREAM
    assert STREAM not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    attendance = AttendanceDay.objects.get()
    assert (attendance.registration, attendance.mode) == (registration, AttendanceMode.ONLINE)
    assert attendance.day == timezone.localtime(timezone.now(), edition.tz).date()


def test_joining_again_moves_last_seen_and_keeps_the_first_join(edition):
    registration = RegistrationFactory(edition=edition)
    # A fixed local time: "now + 40 minutes" crossed midnight in the edition's zone late in the evening.
    first = datetime.datetime.combine(edition.start_date, datetime.time(10), tzinfo=edition.tz)

    join_online(registration, at=first)
    join_online(registration, at=first + datetime.timedelta(minutes=40))

    attendance = AttendanceDay.objects.get()
    assert attendance.first_seen_at == first
    assert attendance.last_seen_at == first + datetime.timedelta(minutes=40)


def test_join_with_a_room_forwards_to_the_room_stream(client, edition):
    RoomFactory(edition=edition, slug="hall-b", stream_url=ROOM_STREAM)
    RoomFactory(edition=edition, slug="hall-c", stream_url="")
    registration = RegistrationFactory(edition=edition)

    to_room = client.get(f"/registration/{registration.token}/join/", {"room": "hall-b"})
    no_room_stream = client.get(f"/registration/{registration.token}/join/", {"room": "hall-c"})
    unknown = client.get(f"/registration/{registration.token}/join/", {"room": "nowhere" * 50})

    assert to_room["Location"] == ROOM_STREAM
    assert no_room_stream["Location"] == STREAM
    assert unknown.status_code == 404
    assert "This edition has no such room." in unknown.content.decode()
    assert "Location" not in unknown


def test_join_with_no_stream_set_says_so_and_records_nothing(client):
    registration = RegistrationFactory(edition=EditionFactory(online_stream_url=""))

    response = client.get(f"/registration/{registration.token}/join/")

    assert response.status_code == 200
    assert "The stream is not open yet" in response.content.decode()
    assert AttendanceDay.objects.count() == 0


def test_join_with_a_forged_token_is_a_404_without_the_stream(client, edition):
    registration = RegistrationFactory(edition=edition)

    response = client.get(f"/registration/{registration.token}x/join/")

    assert response.status_code == 404
    assert "Registration not found" in response.content.decode()
    assert "Location" not in response
    assert STREAM not in response.content.decode()
    assert AttendanceDay.objects.count() == 0


@pytest.mark.parametrize("status", [RegistrationStatus.PENDING, RegistrationStatus.CANCELLED])
def test_join_is_refused_to_unconfirmed_registrations(client, edition, status):
    registration = RegistrationFactory(edition=edition, status=status)

    response = client.get(f"/registration/{registration.token}/join/")

    assert response.status_code == 403
    assert "Only confirmed registrations can join online." in response.content.decode()
    assert STREAM not in response.content.decode()
    assert AttendanceDay.objects.count() == 0


def test_join_is_open_to_people_waiting_for_a_live_place(client, edition):
    registration = RegistrationFactory(
        edition=edition, status=RegistrationStatus.WAITLISTED, attendance=AttendanceMode.LIVE
    )

    response = client.get(f"/registration/{registration.token}/join/")

    assert response["Location"] == STREAM


def test_stream_addresses_appear_in_no_page_source(client, edition):
    RoomFactory(edition=edition, slug="hall-b", stream_url=ROOM_STREAM)
    registration = RegistrationFactory(edition=edition)
    pages = [
        f"/registration/{registration.token}/",
        f"/registration/{registration.token}/agenda/",
        f"/registration/{registration.token}/my-data.json",
        f"/{edition.slug}/",
        f"/{edition.slug}/schedule/",
    ]

    for url in pages:
        response = client.get(url)
        body = response.content.decode()
        assert response.status_code == 200, url
        assert STREAM not in body, url
        assert ROOM_STREAM not in body, url


def test_nul_characters_in_tokens_and_rooms_are_a_clear_4xx(client, edition):
    registration = RegistrationFactory(edition=edition)

    forged = client.get("/registration/abc%00def/join/")
    room = client.get(f"/registration/{registration.token}/join/", {"room": "hall\x00b"})

    assert forged.status_code == 404
    assert room.status_code == 404
    assert "This edition has no such room." in room.content.decode()
