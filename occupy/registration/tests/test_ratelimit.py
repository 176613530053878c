import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031)


@pytest.fixture(autouse=True)
def limits(settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_PER_ADDRESS = 3
    settings.RATELIMIT_PER_IP = 5


def data(email="ana@example.org", name="Ana"):
    return {"name": name, "email": email, "role": "librarian", "attendance": "online", "privacy_consent": "on"}


def test_ratelimit_register_per_address_is_429_and_keeps_what_was_typed(client, edition):
    statuses = [
        client.post(f"/{edition.slug}/register/", data(), REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(3)
    ]
    assert statuses == [302, 302, 302]
    response = client.post(f"/{edition.slug}/register/", data(name="Ana Maria"), REMOTE_ADDR="10.0.0.9")
    body = response.content.decode()
    assert response.status_code == 429
    assert "Too many attempts. Please wait a while and try again" in body
    assert 'value="Ana Maria"' in body and 'value="ana@example.org"' in body
    assert Registration.objects.count() == 1


def test_ratelimit_register_per_address_ignores_case(client, edition):
    for n, email in enumerate(["a@example.org", "A@example.org", "a@EXAMPLE.org"]):
        client.post(f"/{edition.slug}/register/", data(email=email), REMOTE_ADDR=f"10.0.1.{n}")
    response = client.post(f"/{edition.slug}/register/", data(email="A@Example.Org"), REMOTE_ADDR="10.0.1.9")
    assert response.status_code == 429


def test_ratelimit_register_per_ip(client, edition):
    statuses = [
        client.post(f"/{edition.slug}/register/", data(email=f"p{n}@example.org")).status_code for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert Registration.objects.count() == 5
    other_ip = client.post(f"/{edition.slug}/register/", data(email="q@example.org"), REMOTE_ADDR="10.9.9.9")
    assert other_ip.status_code == 302


def test_ratelimit_resend_per_address_and_per_ip(client, edition):
    url = f"/{edition.slug}/register/resend/"
    by_address = [
        client.post(url, {"email": "x@example.org"}, REMOTE_ADDR=f"10.0.2.{n}").status_code for n in range(4)
    ]
    assert by_address == [302, 302, 302, 429]
    by_ip = [client.post(url, {"email": f"y{n}@example.org"}, REMOTE_ADDR="10.0.3.1").status_code for n in range(6)]
    assert by_ip == [302] * 5 + [429]
    body = client.post(url, {"email": "typed@example.org"}, REMOTE_ADDR="10.0.3.1").content.decode()
    assert 'value="typed@example.org"' in body


def test_ratelimit_can_be_turned_off(client, edition, settings):
    settings.RATELIMIT_ENABLED = False
    statuses = {
        client.post(f"/{edition.slug}/register/", data(email=f"p{n}@example.org")).status_code for n in range(8)
    }
    assert statuses == {302}
