import datetime
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


@pytest.fixture
def extras(registration, settings, tmp_path, organiser):
    """The participant's rows beyond the registration: an agenda, a day attended, a certificate, a failed
    e-mail whose error quotes the address, and a badge PDF made after they were confirmed."""
    from django.core.files.base import ContentFile
    from django.utils import timezone

    from occupy.programme.tests.factories import SessionFactory
    from occupy.registration.models import AgendaItem, AttendanceDay, BadgeBatch, Certificate

    settings.MEDIA_ROOT = tmp_path / "media"
    edition = registration.edition
    AgendaItem.objects.create(registration=registration, session=SessionFactory(edition=edition))
    now = timezone.now()
    AttendanceDay.objects.create(
        registration=registration,
        day=edition.start_date,
        mode=AttendanceMode.LIVE,
        first_seen_at=now,
        last_seen_at=now,
        checked_in_by=organiser,
    )
    Certificate.objects.create(registration=registration, code="ABCDEFGHJKLM")
    EmailLog.objects.create(
        registration=registration,
        kind="promoted",
        to="ana@example.org",
        status="failed",
        error="SMTPRecipientsRefused: {'ana@example.org': (550, b'Ana Popescu unknown')}",
    )
    batch = BadgeBatch.objects.create(edition=edition, status="ready", participants=1)
    batch.file.save("badges.pdf", ContentFile(b"%PDF Ana Popescu BJ Cluj"))
    return {"batch": batch, "path": batch.file.path}


def test_privacy_download_has_the_certificate_and_the_extras(client, registration, extras):
    response = client.get(f"/registration/{registration.token}/my-data.json")

    data = json.loads(response.content)
    assert data["certificate"]["code"] == "ABCDEFGHJKLM"
    assert set(data["certificate"]) == {"code", "issued_at"}
    assert [day["mode"] for day in data["attendance_days"]] == ["live"]
    assert len(data["agenda_items"]) == 1
    assert sorted(email["kind"] for email in data["emails"]) == ["confirmed", "promoted"]


def test_privacy_download_without_a_certificate_says_none(client, registration):
    data = json.loads(client.get(f"/registration/{registration.token}/my-data.json").content)

    assert data["certificate"] is None


def test_privacy_after_erasure_no_registration_row_holds_the_name_or_address(
    client, registration, extras, django_capture_on_commit_callbacks
):
    import os

    from django.apps import apps
    from django.db.models import CharField, Q, TextField

    from occupy.registration.models import AttendanceDay, BadgeBatch, Certificate

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/registration/{registration.token}/erase/")

    found = []
    for model in apps.get_app_config("registration").get_models():
        text_fields = [f.name for f in model._meta.concrete_fields if isinstance(f, CharField | TextField)]
        for needle in ("Popescu", "ana@example.org", "BJ Cluj", "Step-free"):
            match = Q()
            for name in text_fields:
                match |= Q(**{f"{name}__icontains": needle})
            if text_fields and model.objects.filter(match).exists():
                found.append((model.__name__, needle))
    assert found == []
    # The certificate vouched for a name that is gone; the badge PDF printed it. Days attended stay, anonymous,
    # so the check-in counts stay right.
    assert not Certificate.objects.exists()
    assert not BadgeBatch.objects.exists() and not os.path.exists(extras["path"])
    assert AttendanceDay.objects.filter(registration=registration).count() == 1
    assert client.get("/verify/ABCDEFGHJKLM/").status_code == 404


def test_privacy_erasure_keeps_badge_pdfs_made_before_the_person_was_confirmed(registration, extras):
    from occupy.registration.models import BadgeBatch

    batch = extras["batch"]
    BadgeBatch.objects.filter(pk=batch.pk).update(created_at=registration.confirmed_at - datetime.timedelta(days=1))

    privacy.erase(registration=registration)

    assert BadgeBatch.objects.filter(pk=batch.pk).exists()
