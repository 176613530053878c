"""The remember-me cookie on a shared computer: the next person at the keyboard may add sessions to the agenda,
but nothing reached by the cookie links or redirects to the secret manage token's pages."""

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import RegistrationStatus
from occupy.registration.remember import cookie_name
from occupy.registration.services.agenda import add_to_agenda
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def left_behind(client, registration):
    """Ana opened her manage link on a library computer, then left: only the remember-me cookie stays."""
    response = client.get(f"/registration/{registration.token}/")
    assert response.status_code == 200
    kept = response.cookies[cookie_name(registration.edition.slug)].value
    client.cookies.clear()
    client.cookies[cookie_name(registration.edition.slug)] = kept


def assert_no_token(response, *secrets):
    seen = response.content.decode() + response.get("Location", "") + str(response.cookies)
    for secret in secrets:
        assert secret not in seen


def test_remembered_browser_never_reaches_the_manage_token(client):
    edition = EditionFactory()
    ana = RegistrationFactory(edition=edition, name="Ana Popescu")
    talk = SessionFactory(edition=edition, title="Makerspaces for all")
    workshop = SessionFactory(edition=edition, title="Build a robot", capacity=1)
    add_to_agenda(registration=RegistrationFactory(edition=edition), session=workshop)
    left_behind(client, ana)
    secrets = (ana.token, ana.confirmation_key)

    pages = [
        client.get(f"/{edition.slug}/agenda/add/{talk.slug}/"),
        client.post(f"/{edition.slug}/agenda/add/{talk.slug}/"),
        client.post(f"/{edition.slug}/agenda/add/{talk.slug}/", follow=True),
        client.get(f"/{edition.slug}/agenda/add/{workshop.slug}/"),
        client.post(f"/{edition.slug}/agenda/add/{workshop.slug}/"),
        client.post(f"/{edition.slug}/agenda/add/{workshop.slug}/", {"waitlist": "1"}, follow=True),
    ]

    assert [page.status_code for page in pages] == [200, 303, 200, 200, 409, 200]
    assert "“Makerspaces for all” was already in your agenda." in pages[2].content.decode()
    assert "You are on the waiting list for “Build a robot”." in pages[5].content.decode()
    for page in pages:
        assert_no_token(page, *secrets)
        assert not any(secret in hop for hop, _status in getattr(page, "redirect_chain", []) for secret in secrets)


def test_remembered_browser_of_a_cancelled_registration_gets_no_token(client):
    edition = EditionFactory()
    ana = RegistrationFactory(edition=edition)
    talk = SessionFactory(edition=edition)
    left_behind(client, ana)
    ana.status = RegistrationStatus.CANCELLED
    ana.save()

    for response in (
        client.get(f"/{edition.slug}/agenda/add/{talk.slug}/"),
        client.post(f"/{edition.slug}/agenda/add/{talk.slug}/"),
    ):
        assert response.status_code == 403
        assert "Only confirmed registrations have a personal agenda." in response.content.decode()
        assert_no_token(response, ana.token)
