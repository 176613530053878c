import pytest
from django.core import mail

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import (
    Answer,
    AttendanceMode,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
)
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, live_capacity=1)


@pytest.fixture
def registration(edition):
    return RegistrationFactory(edition=edition, name="Ana Popescu", email="ana@example.org", organisation="BJ Cluj")


def details(**overrides):
    data = {"name": "Ana Popescu", "country": "MD", "organisation": "Biblioteca Națională", "role": "educator"}
    data.update(overrides)
    return data


def test_manage_page_shows_the_registration_with_private_headers(client, registration):
    response = client.get(f"/registration/{registration.token}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ana Popescu" in body and "ana@example.org" in body and "BJ Cluj" in body
    assert response["Cache-Control"].startswith("private, no-store")
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in body


@pytest.mark.parametrize("token", ["x", "A" * 43, "A" * 200, "%00"])
def test_manage_forged_token_is_404_with_a_clear_message_and_no_data(client, registration, token):
    response = client.get(f"/registration/{token}/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "Registration not found" in body
    assert "ana@example.org" not in body and "Ana Popescu" not in body


@pytest.mark.parametrize("suffix", ["attendance/", "cancel/", "reinstate/", "my-data.json", "erase/"])
def test_manage_actions_with_forged_token_are_404(client, registration, suffix):
    response = client.post(f"/registration/{'B' * 43}/{suffix}")
    assert response.status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED


def test_manage_tokens_are_unguessable(edition):
    tokens = {RegistrationFactory(edition=edition).token for _ in range(20)}
    assert len(tokens) == 20
    assert all(len(token) == 43 for token in tokens)  # 32 random bytes, URL-safe base64


def test_manage_edit_details(client, registration, edition):
    question = Question.objects.create(edition=edition, label="Town", kind=QuestionKind.TEXT)
    response = client.post(f"/registration/{registration.token}/", details(**{f"q_{question.pk}": "Chișinău"}))
    assert response.status_code == 302
    registration.refresh_from_db()
    assert (registration.country.code, registration.organisation, registration.role) == (
        "MD",
        "Biblioteca Națională",
        "educator",
    )
    assert registration.email == "ana@example.org"
    assert Answer.objects.get(registration=registration).value == "Chișinău"
    assert "Your details are saved." in client.get(response["Location"]).content.decode()


def test_manage_edit_bad_input_keeps_what_was_typed(client, registration):
    response = client.post(f"/registration/{registration.token}/", details(name="<b>Ana</b>", organisation="x" * 301))
    body = response.content.decode()
    assert response.status_code == 400
    assert "Please write this without the characters &lt; and &gt;." in body
    assert "Ensure this value has at most 300 characters (it has 301)." in body
    assert 'value="&lt;b&gt;Ana&lt;/b&gt;"' in body
    assert "<b>Ana</b>" not in body
    assert Registration.objects.get(pk=registration.pk).organisation == "BJ Cluj"


def test_manage_switch_online_to_live_when_full_waitlists_and_keeps_online(client, edition, registration):
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    response = client.post(f"/registration/{registration.token}/attendance/", {"attendance": "live"})
    registration.refresh_from_db()
    assert response.status_code == 302
    assert (registration.status, registration.attendance) == (RegistrationStatus.WAITLISTED, AttendanceMode.LIVE)
    assert registration.may_attend_online
    assert "The venue is full" in client.get(response["Location"]).content.decode()


def test_manage_switch_online_to_live_takes_a_free_place(client, registration):
    client.post(f"/registration/{registration.token}/attendance/", {"attendance": "live"})
    registration.refresh_from_db()
    assert (registration.status, registration.attendance) == (RegistrationStatus.CONFIRMED, AttendanceMode.LIVE)


def test_manage_switch_to_a_mode_the_edition_lacks_is_refused(client):
    edition = EditionFactory(year=2036, mode=EditionMode.ONLINE, live_capacity=None)
    registration = RegistrationFactory(edition=edition)
    response = client.post(f"/registration/{registration.token}/attendance/", {"attendance": "live"})
    assert response.status_code == 302
    assert Registration.objects.get(pk=registration.pk).attendance == AttendanceMode.ONLINE
    assert "Choose live or online attendance." in client.get(response["Location"]).content.decode()


def test_manage_cancel_asks_first_then_cancels(client, registration, django_capture_on_commit_callbacks):
    page = client.get(f"/registration/{registration.token}/cancel/")
    assert "Yes, cancel my registration" in page.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/registration/{registration.token}/cancel/")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED and registration.cancelled_at is not None
    assert mail.outbox[0].subject == f"Your registration for {registration.edition.title} is cancelled"


def test_manage_reinstate_after_cancel(client, registration):
    client.post(f"/registration/{registration.token}/cancel/")
    client.post(f"/registration/{registration.token}/reinstate/")
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED and registration.cancelled_at is None


def test_manage_get_on_post_only_actions_is_405(client, registration):
    assert client.get(f"/registration/{registration.token}/attendance/").status_code == 405


def test_manage_markup_in_organisation_is_escaped(client, edition):
    registration = RegistrationFactory(edition=edition, organisation="<script>alert(1)</script>")
    body = client.get(f"/registration/{registration.token}/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_update_details_refuses_a_cancelled_registration(registration):
    from occupy.registration.services.register import update_details

    registration.status = RegistrationStatus.CANCELLED
    registration.save()

    with pytest.raises(ValueError):
        update_details(registration=registration, data=details(name="Someone Else"), answers={})
    registration.refresh_from_db()
    assert registration.name == "Ana Popescu"


def test_manage_post_to_a_cancelled_registration_changes_nothing(client, registration):
    registration.status = RegistrationStatus.CANCELLED
    registration.save()

    response = client.post(f"/registration/{registration.token}/", details(name="Someone Else"))

    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.name == "Ana Popescu"
