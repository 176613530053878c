"""Every page with a person's data or a secret in its URL tells caches to keep nothing (Cache-Control: private,
no-store), whatever it answers: the page itself, a refusal, or a 404 for a wrong token."""

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AttendanceMode, Certificate
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

PARTICIPANT_URLS = [
    "/registration/{token}/",
    "/registration/{token}/cancel/",
    "/registration/{token}/erase/",
    "/registration/{token}/my-data.json",
    "/registration/{token}/agenda/",
    "/registration/{token}/agenda.ics",
    "/registration/{token}/ticket.pdf",
    "/registration/{token}/join/",
    "/registration/{token}/certificate.pdf",
    "/{edition}/register/",
    "/{edition}/register/sent/",
    "/{edition}/register/resend/",
    "/{edition}/register/confirm/forged-key/",
    "/{edition}/agenda/add/{session}/",
    "/verify/{code}/",
]
ORGANISER_URLS = [
    "/organise/{edition}/registrations/",
    "/organise/{edition}/registrations.csv",
    "/organise/{edition}/check-in/",
    "/organise/{edition}/check-in/count.json",
    "/organise/{edition}/badges/",
    "/organise/{edition}/badges/1.pdf",
]


@pytest.fixture
def place():
    edition = EditionFactory(year=2031)
    registration = RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)
    certificate = Certificate.objects.create(registration=registration, code="ABCDEFGHJKLM")
    session = SessionFactory(edition=edition)
    return {
        "registration": registration,
        "values": {
            "token": registration.token,
            "edition": edition.slug,
            "session": session.slug,
            "code": certificate.code,
        },
    }


def assert_private(response):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, response.get("Cache-Control")


@pytest.mark.parametrize("url", PARTICIPANT_URLS)
def test_private_pages_are_never_stored_by_caches(client, place, url):
    client.get(f"/registration/{place['registration'].token}/")  # remembers the registration, for agenda/add

    response = client.get(url.format(**place["values"]))

    assert response.status_code < 500
    assert_private(response)


@pytest.mark.parametrize("url", [u for u in PARTICIPANT_URLS if "{token}" in u])
def test_private_pages_for_a_wrong_token_are_never_stored_either(client, place, url):
    response = client.get(url.format(**{**place["values"], "token": "x" * 43}))

    assert response.status_code == 404
    assert_private(response)


@pytest.mark.parametrize("url", ORGANISER_URLS)
def test_organiser_pages_are_never_stored_by_caches(organiser_client, place, url):
    response = organiser_client.get(url.format(**place["values"]))

    assert response.status_code < 500
    assert_private(response)


def test_badge_batch_with_a_huge_number_is_a_404(organiser_client, place):
    response = organiser_client.get(f"/organise/{place['values']['edition']}/badges/{'9' * 30}.pdf")

    assert response.status_code == 404
