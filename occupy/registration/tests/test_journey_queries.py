"""A registration and its confirmation issue a fixed, small number of statements (issue 10: the burst of 1,000
sign-ups is bound by them), and doing less never loses what the request must do: the registration and its
e-mail in the outbox, saved together."""

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.rules import VENUE_FULL_LABEL
from occupy.registration.services.tokens import make_confirmation_token
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Ana Popescu",
    "email": "ana@example.org",
    "country": "RO",
    "organisation": "",
    "role": "librarian",
    "attendance": "live",
    "privacy_consent": "on",
}


@pytest.fixture
def edition():
    return EditionFactory(year=2031, live_capacity=10)


@pytest.mark.parametrize("others", [0, 30])
def test_register_takes_six_statements_and_saves_the_email_with_it(client, django_assert_num_queries, edition, others):
    RegistrationFactory.create_batch(others, edition=edition, attendance="live")

    # edition, its questions, then in one transaction (a savepoint inside the test's): registration, e-mail
    with django_assert_num_queries(6):
        response = client.post(f"/{edition.slug}/register/", FORM)

    assert response.status_code == 302
    registration = Registration.objects.get(edition=edition, email="ana@example.org")
    assert registration.status == RegistrationStatus.PENDING
    assert list(EmailLog.objects.filter(registration=registration).values_list("kind", flat=True)) == [
        EmailKind.CONFIRM
    ]


@pytest.mark.parametrize("others", [0, 30])
def test_confirm_takes_nine_statements_and_saves_the_email_with_it(client, django_assert_num_queries, edition, others):
    RegistrationFactory.create_batch(others, edition=edition, attendance="online")
    registration = RegistrationFactory(
        edition=edition, attendance="live", status=RegistrationStatus.PENDING, confirmed_at=None
    )
    path = f"/{edition.slug}/register/confirm/{make_confirmation_token(registration)}/"

    # edition, registration, then locked: edition, registration, places and people waiting (one count),
    # the update and its e-mail, inside one transaction
    with django_assert_num_queries(9):
        response = client.post(path)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert EmailLog.objects.filter(registration=registration, kind=EmailKind.CONFIRMED).count() == 1


def test_confirm_promotes_people_waiting_before_taking_a_freed_place(client, edition):
    """The waiting list is read only when someone waits: a place freed by hand still goes to them first."""
    edition.live_capacity = 1
    edition.save()
    waiting = RegistrationFactory(edition=edition, attendance="live", status=RegistrationStatus.WAITLISTED)
    registration = RegistrationFactory(
        edition=edition, attendance="live", status=RegistrationStatus.PENDING, confirmed_at=None
    )

    client.post(f"/{edition.slug}/register/confirm/{make_confirmation_token(registration)}/")

    waiting.refresh_from_db()
    registration.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert registration.status == RegistrationStatus.WAITLISTED


def test_a_refused_sign_up_still_says_the_venue_is_full(client):
    """The full-venue label is counted only for a form shown; one shown again after a mistake has it too."""
    edition = EditionFactory(year=2032, live_capacity=1)
    RegistrationFactory(edition=edition, attendance="live")

    response = client.post(f"/{edition.slug}/register/", {**FORM, "name": ""})

    assert response.status_code == 400
    assert str(VENUE_FULL_LABEL) in response.content.decode()
    assert not Registration.objects.filter(email="ana@example.org").exists()
