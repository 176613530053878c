"""A session's stream link reaches a confirmed participant of its edition through their own link, and no one
else: not a visitor, not a cancelled, pending or waitlisted registration, not another edition's registration, on
any page, export or endpoint that shows the session (and not in the page source of the participant's own pages
either: those carry join links that name the session, never the address)."""

import pytest
from django.test import Client
from django.urls import reverse

from occupy.editions.tests.factories import EditionFactory
from occupy.live.models import SessionStream
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import ChangeKind, ScheduleChange, ScheduleVersion
from occupy.programme.tests.factories import SessionSpeakerFactory
from occupy.registration.models import AgendaItem, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

SECRET = "https://video.example.org/j/8813-secret-debate"
SECRET_ROOM = "https://video.example.org/j/5521-secret-room"
RECORDING_PRIVATE = "https://video.example.org/rec/not-yet-public"


@pytest.fixture
def world(event):
    SessionStream.objects.create(session=event.session, stream_url=SECRET, recording_url=RECORDING_PRIVATE)
    event.room.stream_url = SECRET_ROOM
    event.room.save()
    speaker = SessionSpeakerFactory(session=event.session, person=PersonFactory(name="Irina Speaker", slug="irina"))
    version = ScheduleVersion.objects.create(edition=event.edition, number=1, published_at=event.session.starts_at)
    ScheduleChange.objects.create(
        version=version,
        session=event.session,
        kind=ChangeKind.ADDED,
        new_room=event.room,
        new_starts_at=event.session.starts_at,
        new_ends_at=event.session.ends_at,
    )
    other_edition = EditionFactory(year=2041)
    event.registrations = {
        "confirmed": event.participant,
        "cancelled": RegistrationFactory(edition=event.edition, status=RegistrationStatus.CANCELLED),
        "pending": RegistrationFactory(edition=event.edition, status=RegistrationStatus.PENDING, confirmed_at=None),
        "waitlisted": RegistrationFactory(
            edition=event.edition, status=RegistrationStatus.WAITLISTED, attendance="live"
        ),
        "another edition": RegistrationFactory(edition=other_edition),
    }
    for registration in event.registrations.values():
        if registration.edition_id == event.edition.pk:
            AgendaItem.objects.create(registration=registration, session=event.session)
    event.speaker = speaker.person
    return event


def public_urls(event) -> list[str]:
    edition, slug = event.edition.slug, event.session.slug
    return [
        f"/{edition}/sessions/{slug}/",
        f"/{edition}/schedule/",
        f"/{edition}/schedule.xml",
        f"/{edition}/schedule.json",
        f"/{edition}/schedule.ics",
        f"/{edition}/sessions/{slug}/session.ics",
        f"/{edition}/speakers/",
        f"/speakers/{event.speaker.slug}/",
        f"/{edition}/changes/",
        f"/{edition}/live/",
        f"/{edition}/live/now.json",
        f"/{edition}/",
    ]


def personal_urls(event, registration) -> list[str]:
    token, slug = registration.token, event.session.slug
    return [
        f"/registration/{token}/",
        f"/registration/{token}/agenda/",
        f"/registration/{token}/agenda.ics",
        f"/registration/{token}/my-data.json",
        f"/registration/{token}/live/",
        f"/registration/{token}/live/now.json",
        f"/registration/{token}/live/{slug}/questions/",
        f"/registration/{token}/live/{slug}/questions.json",
        f"/registration/{token}/live/{slug}/feedback/",
    ]


def join_urls(event, registration) -> list[str]:
    token = registration.token
    return [
        f"/registration/{token}/live/join/{event.session.slug}/",
        f"/registration/{token}/live/room/{event.room.slug}/",
    ]


def everything_sent(response) -> str:
    """The body (the text of a PDF) and every header, as one string."""
    if response.get("Content-Type", "").startswith("application/pdf"):
        body = pdf_text(response.content)
    else:
        body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    return body + "\n" + "\n".join(f"{name}: {value}" for name, value in response.items())


def assert_never_shown(client, urls):
    for url in urls:
        response = client.get(url)
        assert response.status_code < 500, url
        sent = everything_sent(response)
        assert SECRET not in sent, url
        assert SECRET_ROOM not in sent, url
        assert RECORDING_PRIVATE not in sent, url


def test_programme_pdf_shows_the_session_without_its_stream(world, client):
    response = client.get(f"/{world.edition.slug}/programme.pdf")
    assert response.status_code == 200
    text = pdf_text(response.content)
    assert "Debate happening now" in text
    assert SECRET not in text and SECRET_ROOM not in text


def test_a_visitor_never_sees_the_stream(world):
    client = Client()
    # The pages do show the session, so the check below is not vacuous.
    assert "Debate happening now" in client.get(f"/{world.edition.slug}/live/").content.decode()
    assert_never_shown(client, [*public_urls(world), f"/{world.edition.slug}/programme.pdf"])


@pytest.mark.parametrize("who", ["cancelled", "pending", "waitlisted", "another edition"])
def test_a_registration_that_is_not_confirmed_for_this_edition_never_sees_the_stream(world, who):
    registration = world.registrations[who]
    client = Client()
    assert_never_shown(client, personal_urls(world, registration))
    for url in join_urls(world, registration):
        response = client.get(url)
        assert response.status_code in (403, 404), url
        assert SECRET not in everything_sent(response) and SECRET_ROOM not in everything_sent(response)
    # Their own links opened, the public pages still show nothing (the browser may now be remembered).
    assert_never_shown(client, public_urls(world))


def test_the_confirmed_participant_gets_the_stream_only_through_their_join_links(world):
    client = Client()
    registration = world.registrations["confirmed"]
    # Their own pages carry join links that name the session and room, never an address.
    live = client.get(f"/registration/{registration.token}/live/").content.decode()
    assert reverse("live:join-session", kwargs={"token": registration.token, "session": "debate-now"}) in live
    assert_never_shown(client, [*personal_urls(world, registration), *public_urls(world)])

    session_join, room_join = join_urls(world, registration)
    response = client.get(session_join)
    assert response.status_code == 302 and response["Location"] == SECRET
    assert response["Referrer-Policy"] == "no-referrer"
    assert "private" in response["Cache-Control"]
    response = client.get(room_join)
    assert response.status_code == 302 and response["Location"] == SECRET_ROOM


def test_a_changed_stream_address_is_reached_through_the_same_link(world):
    registration = world.registrations["confirmed"]
    link = join_urls(world, registration)[0]
    SessionStream.objects.filter(session=world.session).update(stream_url="https://video.example.org/j/new-room")
    assert Client().get(link)["Location"] == "https://video.example.org/j/new-room"
