"""Publishing from the editor tells the speakers of moved or cancelled sessions, and the participants who have
them in their agenda: once per person, in their language, after the commit, through the outbox."""

import datetime

import pytest
from django.urls import reverse

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.services.schedule import place_session, unschedule_session
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.registration.models import AgendaItem, EmailKind, EmailLog, EmailStatus, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(hour, minute=0):
    return datetime.datetime(2040, 6, 2, hour, minute, tzinfo=UTC)


@pytest.fixture
def edition():
    return EditionFactory(year=2040, is_published=True, time_zone="Europe/Bucharest")


def publish(client, edition, callbacks):
    with callbacks(execute=True):
        return client.post(reverse("organise:schedule-publish", kwargs={"edition": edition.slug}))


def test_publishing_a_move_mails_speakers_and_participants_once_each_in_their_language(
    organiser_client, edition, mailoutbox, django_capture_on_commit_callbacks
):
    room = RoomFactory(edition=edition, name="Aula")
    talk = SessionFactory(edition=edition, title="Talk <b>one</b>", room=room, starts_at=at(7), ends_at=at(8))
    other = SessionFactory(edition=edition, title="Talk two", room=room, starts_at=at(9), ends_at=at(10))
    ana = PersonFactory(name="Ana", email="ana@example.org")
    SessionSpeakerFactory(session=talk, person=ana)
    SessionSpeakerFactory(session=other, person=ana)  # two changed sessions, one e-mail
    SessionSpeakerFactory(session=talk, person=PersonFactory(name="No address", email=""))
    ro = RegistrationFactory(edition=edition, name="Radu", email="radu@example.org", language="ro")
    uk = RegistrationFactory(edition=edition, name="Olena", email="olena@example.org", language="uk")
    speaker_registered = RegistrationFactory(edition=edition, name="Ana", email="ANA@example.org", language="uk")
    pending = RegistrationFactory(edition=edition, email="pending@example.org", status=RegistrationStatus.PENDING)
    for registration in (ro, uk, speaker_registered, pending):
        AgendaItem.objects.create(registration=registration, session=talk)
    AgendaItem.objects.create(registration=ro, session=other)
    place_session(session=talk, room=room, starts_at=at(11), minutes=60)
    unschedule_session(session=other)

    response = publish(organiser_client, edition, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ana@example.org",
        "olena@example.org",
        "radu@example.org",
    ]
    by_address = {message.to[0]: message for message in mailoutbox}
    speaker = by_address["ana@example.org"]
    # Ana's registration is in Ukrainian: her speaker's notice is too.
    assert speaker.subject == "Розклад Occupy Library 2040 змінився для ваших сесій"
    assert "Talk &lt;b&gt;one&lt;/b&gt;" in speaker.alternatives[0][0]
    assert "Talk <b>one</b>" in speaker.body and "Talk two" in speaker.body
    radu = by_address["radu@example.org"].body
    assert "10:00" in radu and "14:00" in radu  # 07:00 and 11:00 UTC, read in Bucharest
    assert by_address["radu@example.org"].subject.startswith("Programul")
    assert "Talk two" not in by_address["olena@example.org"].body
    assert EmailLog.objects.filter(kind=EmailKind.SCHEDULE, status=EmailStatus.SENT).count() == 3

    place_session(session=talk, room=room, starts_at=at(12), minutes=60)
    mailoutbox.clear()
    publish(organiser_client, edition, django_capture_on_commit_callbacks)
    assert sorted(message.to[0] for message in mailoutbox) == [
        "ana@example.org",
        "olena@example.org",
        "radu@example.org",
    ]


def test_an_added_session_mails_nobody_and_a_sample_edition_says_so(
    organiser_client, mailoutbox, django_capture_on_commit_callbacks
):
    edition = EditionFactory(year=2041, is_published=True, is_sample=True)
    room = RoomFactory(edition=edition)
    added = SessionFactory(edition=edition, room=None, starts_at=None, ends_at=None)
    SessionSpeakerFactory(session=added, person=PersonFactory(email="new@example.org"))
    moved = SessionFactory(edition=edition, room=room, starts_at=at(7), ends_at=at(8))
    SessionSpeakerFactory(session=moved, person=PersonFactory(email="moved@example.org"))
    place_session(session=added, room=room, starts_at=at(9), minutes=30)
    place_session(session=moved, room=room, starts_at=at(10), minutes=30)

    publish(organiser_client, edition, django_capture_on_commit_callbacks)

    [message] = mailoutbox
    assert message.to == ["moved@example.org"]
    assert message.subject.startswith("[Sample] ")
    assert message.body.startswith("*** Sample data: ")
