"""The confirmation e-mail's calendar invitation and the language and links of participants' e-mails."""

import datetime

import icalendar
import pytest
from django.core import mail

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.invitation import invitation_uid
from occupy.registration.models import AttendanceMode, EmailKind
from occupy.registration.services.mail import queue_email
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(
        year=2041,
        title="Occupy Library 2041",
        time_zone="Europe/Bucharest",
        start_date=datetime.date(2041, 6, 2),
        end_date=datetime.date(2041, 6, 3),
        venue_name="National Library",
        venue_address="Bd. Unirii 22",
    )


def send(registration, kind, capture):
    with capture(execute=True):
        queue_email(registration, kind)
    return mail.outbox[-1]


def calendar_of(message) -> icalendar.Calendar:
    [(filename, content, mimetype)] = message.attachments
    assert filename == "occupy-library-2041.ics"
    assert mimetype == "text/calendar; method=PUBLISH"
    return icalendar.Calendar.from_ical(content)


def test_confirmed_email_carries_an_invitation_from_first_session_to_last_in_utc(
    edition, django_capture_on_commit_callbacks
):
    bucharest = edition.tz
    SessionFactory(edition=edition, starts_at=datetime.datetime(2041, 6, 2, 9, 30, tzinfo=bucharest))
    SessionFactory(
        edition=edition,
        starts_at=datetime.datetime(2041, 6, 3, 16, 0, tzinfo=bucharest),
        ends_at=datetime.datetime(2041, 6, 3, 17, 30, tzinfo=bucharest),
    )
    registration = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)

    calendar = calendar_of(send(registration, EmailKind.CONFIRMED, django_capture_on_commit_callbacks))

    assert calendar["METHOD"] == "PUBLISH"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime.datetime(2041, 6, 2, 6, 30, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2041, 6, 3, 14, 30, tzinfo=datetime.UTC)
    assert str(event["SUMMARY"]) == "Occupy Library 2041"
    assert str(event["LOCATION"]) == "National Library, Bd. Unirii 22, Bucharest"
    assert str(event["UID"]) == invitation_uid(registration)
    assert registration.token not in str(event["UID"])


def test_invitation_uid_is_stable_per_registration(edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition)
    first = calendar_of(send(registration, EmailKind.CONFIRMED, django_capture_on_commit_callbacks))
    again = calendar_of(send(registration, EmailKind.PROMOTED, django_capture_on_commit_callbacks))
    other = RegistrationFactory(edition=edition)

    assert first.walk("VEVENT")[0]["UID"] == again.walk("VEVENT")[0]["UID"] == invitation_uid(registration)
    assert invitation_uid(other) != invitation_uid(registration)


def test_invitation_without_a_schedule_covers_the_editions_dates(edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition, attendance=AttendanceMode.ONLINE)

    [event] = calendar_of(send(registration, EmailKind.CONFIRMED, django_capture_on_commit_callbacks)).walk("VEVENT")

    assert event.decoded("DTSTART") == datetime.date(2041, 6, 2)
    assert event.decoded("DTEND") == datetime.date(2041, 6, 4)
    assert str(event["LOCATION"]) == "Online"


def test_only_confirmations_carry_an_invitation(edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition)

    for kind in (EmailKind.EXISTING, EmailKind.CANCELLED, EmailKind.WAITLISTED):
        assert send(registration, kind, django_capture_on_commit_callbacks).attachments == []


def test_email_names_days_venue_ticket_and_agenda_in_the_participants_language(
    edition, django_capture_on_commit_callbacks
):
    SessionFactory(edition=edition, starts_at=datetime.datetime(2041, 6, 2, 9, 30, tzinfo=edition.tz))
    registration = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE, language="ro")

    message = send(registration, EmailKind.CONFIRMED, django_capture_on_commit_callbacks)

    html = message.alternatives[0][0]
    assert message.subject == "V-ați înscris la Occupy Library 2041"
    assert '<html lang="ro">' in html
    assert "2 iunie 2041, 09:30–10:15" in message.body
    assert "3 iunie 2041" in message.body
    assert "National Library, Bd. Unirii 22, Bucharest" in message.body
    ticket = f"http://127.0.0.1:8000/registration/{registration.token}/ticket.pdf"
    agenda = f"http://127.0.0.1:8000/registration/{registration.token}/agenda/"
    assert f"{ticket}\n" in message.body and f'href="{ticket}"' in html
    assert f"{agenda}\n" in message.body and f'href="{agenda}"' in html
    calendar = calendar_of(message)
    assert str(calendar.walk("VEVENT")[0]["LOCATION"]) == "National Library, Bd. Unirii 22, Bucharest"


def test_email_of_a_ukrainian_participant_is_in_ukrainian(edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition, language="uk", status="pending")

    message = send(registration, EmailKind.CONFIRM, django_capture_on_commit_callbacks)

    assert '<html lang="uk">' in message.alternatives[0][0]
    assert "червня 2041" in message.body
    assert "ticket.pdf" not in message.body  # not confirmed yet: no ticket


@pytest.mark.parametrize(
    "kind", [kind for kind in EmailKind.values if kind not in ("account", "call", "schedule", "announcement")]
)
def test_every_participant_email_has_the_branded_layout_and_its_plain_text_twin(
    edition, kind, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory(edition=edition, name="Ana <b>Pop</b>", attendance=AttendanceMode.LIVE)

    message = send(registration, kind, django_capture_on_commit_callbacks)

    html = message.alternatives[0][0]
    assert "Occupy Library · Occupy Library 2041</td>" in html  # the band at the top
    assert "Dear Ana &lt;b&gt;Pop&lt;/b&gt;," in html and "Dear Ana <b>Pop</b>," in message.body
    assert "Times in Europe/Bucharest" in html and "Times in Europe/Bucharest" in message.body
    assert "National Library, Bd. Unirii 22, Bucharest" in html and "National Library" in message.body
    assert "If you need help, simply reply to this e-mail." in message.body


def test_account_emails_share_the_branded_layout(django_capture_on_commit_callbacks):
    from occupy.registration.services.mail import queue_message

    with django_capture_on_commit_callbacks(execute=True):
        queue_message(
            to="ana@example.org",
            kind=EmailKind.ACCOUNT,
            template="people/email/existing_account",
            subject="Your account",
            language="en",
            context={"name": "Ana"},
        )

    [message] = mail.outbox
    assert "background:#8a1c3a" in message.alternatives[0][0] and "Dear Ana," in message.alternatives[0][0]
    assert message.body.startswith("Dear Ana,")
