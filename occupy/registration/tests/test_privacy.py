import json

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import (
    Answer,
    AttendanceMode,
    EmailLog,
    Question,
    Registration,
    RegistrationStatus,
)
from occupy.registration.queries import registration_figures
from occupy.registration.services import lifecycle, privacy
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, live_capacity=1)


@pytest.fixture
def registration(edition):
    registration = RegistrationFactory(
        edition=edition,
        name="Ana Popescu",
        email="ana@example.org",
        organisation="BJ Cluj",
        accessibility_needs="Step-free access",
        newsletter_consent=True,
        attendance=AttendanceMode.LIVE,
    )
    question = Question.objects.create(edition=edition, label="Town")
    Answer.objects.create(registration=registration, question=question, value="Cluj")
    EmailLog.objects.create(registration=registration, kind="confirmed", to="ana@example.org", subject="Hello")
    return registration


def test_privacy_download_has_everything_about_the_person(client, registration):
    response = client.get(f"/registration/{registration.token}/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"].startswith("private, no-store")
    assert response["Referrer-Policy"] == "no-referrer"
    data = json.loads(response.content)
    assert data["name"] == "Ana Popescu"
    assert data["email"] == "ana@example.org"
    assert data["organisation"] == "BJ Cluj"
    assert data["country"] == "RO"
    assert data["accessibility_needs"] == "Step-free access"
    assert data["newsletter_consent"] is True
    assert data["status"] == "confirmed" and data["attendance"] == "live"
    assert data["edition"] == {"slug": registration.edition.slug, "title": registration.edition.title}
    assert data["answers"] == [{"question": "Town", "answer": "Cluj"}]
    assert [(e["kind"], e["to"], e["subject"]) for e in data["emails"]] == [("confirmed", "ana@example.org", "Hello")]
    assert "confirmation_key" not in data


def test_privacy_erase_asks_first(client, registration):
    body = client.get(f"/registration/{registration.token}/erase/").content.decode()
    assert "Yes, erase my data" in body
    assert Registration.objects.get(pk=registration.pk).erased_at is None


def test_privacy_erase_anonymises_and_the_old_link_stops_working(client, registration):
    old_token = registration.token
    response = client.post(f"/registration/{old_token}/erase/")
    assert response.status_code == 200
    assert "Your data is erased" in response.content.decode()
    registration.refresh_from_db()
    assert registration.name == "—"
    assert registration.email == f"erased-{registration.pk}@erased.invalid"
    assert (registration.organisation, registration.accessibility_needs) == ("", "")
    assert registration.newsletter_consent is False
    assert registration.status == RegistrationStatus.CANCELLED
    assert registration.erased_at is not None
    assert not registration.answers.exists()
    assert list(EmailLog.objects.values_list("to", flat=True)) == [registration.email]
    # What the figures need remains.
    assert (registration.country.code, registration.role, registration.attendance) == ("RO", "librarian", "live")
    assert client.get(f"/registration/{old_token}/").status_code == 404


def test_privacy_erase_lets_the_address_register_again(client, registration):
    client.post(f"/registration/{registration.token}/erase/")
    assert not Registration.objects.filter(email__iexact="ana@example.org").exists()


def test_privacy_erase_figures_stay_right(edition):
    people = RegistrationFactory.create_batch(3, edition=edition, country="UA", role="student")
    cancelled = RegistrationFactory(edition=edition, country="UA", role="student")
    lifecycle.cancel(registration=cancelled)
    before = registration_figures(edition)

    privacy.erase(registration=Registration.objects.get(pk=cancelled.pk))
    assert registration_figures(edition) == before

    privacy.erase(registration=people[0])
    after = registration_figures(edition)
    assert after["confirmed"] == before["confirmed"] - 1 == 2
    assert after["by_country"] == [("Ukraine", 2)]
    assert after["by_role"] == [("Student", 2)]
    assert after["by_status"] == {"confirmed": 2, "cancelled": 2}
    # All registrations ever made, by country, are still counted right.
    assert Registration.objects.filter(edition=edition, country="UA").count() == 4


def test_privacy_erase_a_live_place_promotes_the_first_waiting(edition, registration):
    waiting = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING)
    lifecycle.confirm(registration=waiting)
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.WAITLISTED
    privacy.erase(registration=registration)
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED
