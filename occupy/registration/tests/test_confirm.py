import datetime
import re

import pytest
from django.core import mail, signing

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.services.tokens import SALT, make_confirmation_token
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, live_capacity=2)


def pending(edition, **kwargs):
    return RegistrationFactory(edition=edition, status=RegistrationStatus.PENDING, confirmed_at=None, **kwargs)


def confirm_url(registration):
    return f"/{registration.edition.slug}/register/confirm/{make_confirmation_token(registration)}/"


def test_confirm_link_from_the_email_confirms_and_opens_the_manage_page(
    client, edition, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/{edition.slug}/register/",
            {
                "name": "Ana",
                "email": "ana@example.org",
                "role": "librarian",
                "attendance": "online",
                "privacy_consent": "on",
            },
        )
    link = re.search(r"http://[^\s]+/register/confirm/[^\s]+/", mail.outbox[0].body).group(0)
    path = link.replace("http://127.0.0.1:8000", "")
    page = client.get(path)
    assert page.status_code == 200
    assert "Confirm my registration" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path)
    registration = Registration.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/registration/{registration.token}/"
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.confirmed_at is not None
    assert mail.outbox[1].subject == f"You are registered for {edition.title}"
    assert registration.token in mail.outbox[1].body


def test_confirm_live_takes_a_place_while_places_remain_then_waitlists(
    client, edition, django_capture_on_commit_callbacks
):
    registrations = [pending(edition, attendance=AttendanceMode.LIVE) for _ in range(3)]
    with django_capture_on_commit_callbacks(execute=True):
        for registration in registrations:
            client.post(confirm_url(registration))
    statuses = [Registration.objects.get(pk=r.pk).status for r in registrations]
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]
    assert Registration.objects.get(pk=registrations[2].pk).waitlisted_at is not None
    assert [log.kind for log in EmailLog.objects.order_by("pk")] == [
        EmailKind.CONFIRMED,
        EmailKind.CONFIRMED,
        EmailKind.WAITLISTED,
    ]
    page = client.get(f"/registration/{registrations[2].token}/").content.decode()
    assert "you are on the waiting list for a live place" in page
    assert "Switch to: Online" in page


def test_confirm_online_is_never_limited_by_live_places(client, edition, django_capture_on_commit_callbacks):
    RegistrationFactory.create_batch(2, edition=edition, attendance=AttendanceMode.LIVE)
    registration = pending(edition, attendance=AttendanceMode.ONLINE)
    client.post(confirm_url(registration))
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED


def test_confirm_twice_is_harmless(client, edition, django_capture_on_commit_callbacks):
    registration = pending(edition)
    url = confirm_url(registration)
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
        second = client.post(url)
        reopened = client.get(url)
    assert first["Location"] == second["Location"] == reopened["Location"]
    assert EmailLog.objects.filter(kind=EmailKind.CONFIRMED).count() == 1


def test_confirm_opening_the_link_does_not_confirm(client, edition, django_capture_on_commit_callbacks):
    """Mail scanners open every link in a message; only the button on the page confirms."""
    registration = pending(edition, name="<b>Ana</b>")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(confirm_url(registration))
    assert response.status_code == 200
    assert "&lt;b&gt;Ana&lt;/b&gt;" in response.content.decode()
    assert response["Cache-Control"].startswith("private, no-store")
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.PENDING
    assert not EmailLog.objects.filter(kind=EmailKind.CONFIRMED).exists()


def test_confirm_forged_link_refuses_the_post_too(client, edition):
    registration = pending(edition)
    assert client.post(f"/{edition.slug}/register/confirm/nonsense/").status_code == 404
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.PENDING


def test_confirm_expired_link_says_so_and_offers_a_new_one(client, edition, settings):
    registration = pending(edition)
    signer = signing.TimestampSigner(salt=SALT)
    old = datetime.datetime.now() - datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS + 1)
    signer.timestamp = lambda: signing.b62_encode(int(old.timestamp()))
    token = signer.sign(registration.confirmation_key)
    response = client.get(f"/{edition.slug}/register/confirm/{token}/")
    body = response.content.decode()
    assert response.status_code == 410
    assert "This confirmation link has expired" in body
    assert f'href="/{edition.slug}/register/resend/"' in body
    assert registration.email not in body
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.PENDING


@pytest.mark.parametrize(
    "token",
    ["nonsense", "abc:def:ghi", "x" * 300],
)
def test_confirm_forged_link_is_refused_with_a_clear_message(client, edition, token):
    registration = pending(edition)
    response = client.get(f"/{edition.slug}/register/confirm/{token}/")
    assert response.status_code == 404
    assert "This confirmation link is not valid" in response.content.decode()
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.PENDING


def test_confirm_key_signed_without_our_secret_is_refused(client, edition):
    registration = pending(edition)
    forged = signing.TimestampSigner(key="not-our-secret", salt=SALT).sign(registration.confirmation_key)
    assert client.get(f"/{edition.slug}/register/confirm/{forged}/").status_code == 404


def test_confirm_link_of_another_edition_is_refused(client, edition):
    registration = pending(edition)
    other = EditionFactory(year=2035)
    response = client.get(f"/{other.slug}/register/confirm/{make_confirmation_token(registration)}/")
    assert response.status_code == 404


def test_resend_sends_a_fresh_confirmation_link_while_pending(client, edition, django_capture_on_commit_callbacks):
    registration = pending(edition, email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{edition.slug}/register/resend/", {"email": "ANA@example.org"})
    assert response["Location"] == f"/{edition.slug}/register/sent/"
    assert len(mail.outbox) == 1
    assert f"/{edition.slug}/register/confirm/" in mail.outbox[0].body
    assert registration.token not in mail.outbox[0].body


def test_resend_sends_the_manage_link_once_confirmed(client, edition, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(edition=edition, email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/{edition.slug}/register/resend/", {"email": "ana@example.org"})
    assert f"/registration/{registration.token}/" in mail.outbox[0].body


def test_resend_unknown_address_gives_the_same_answer_and_sends_nothing(
    client, edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(edition=edition, email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(f"/{edition.slug}/register/resend/", {"email": "ana@example.org"})
        unknown = client.post(f"/{edition.slug}/register/resend/", {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


def test_resend_invalid_address_is_400_with_the_message(client, edition):
    response = client.post(f"/{edition.slug}/register/resend/", {"email": "not-an-address"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Enter a valid email address." in body
    assert 'value="not-an-address"' in body
