"""Behind the proxy, the per-IP limit counts each client, not the proxy, and a client cannot choose the address
it is counted under by sending its own X-Forwarded-For or X-Real-IP."""

import pytest
from django.test import RequestFactory

from occupy.editions.tests.factories import EditionFactory
from occupy.web.clientip import client_ip

pytestmark = pytest.mark.django_db
rf = RequestFactory()
PROXY = "10.0.0.2"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_PER_IP = 3
    settings.RATELIMIT_PER_ADDRESS = 100


@pytest.fixture(autouse=True)
def edition():
    return EditionFactory(year=2031)


def register(client, n, **headers):
    data = {"name": "Ana", "email": f"p{n}@example.org", "role": "librarian", "attendance": "online"}
    return client.post("/2031/register/", data | {"privacy_consent": "on"}, REMOTE_ADDR=PROXY, **headers)


def test_two_clients_behind_nginx_are_counted_apart(client, settings):
    settings.RATELIMIT_IP_HEADER = "HTTP_X_REAL_IP"

    first = [register(client, n, HTTP_X_REAL_IP="203.0.113.5").status_code for n in range(4)]
    second = [register(client, 10 + n, HTTP_X_REAL_IP="198.51.100.7").status_code for n in range(3)]

    assert first == [302, 302, 302, 429]
    assert second == [302, 302, 302]


def test_spoofed_forwarded_for_entries_do_not_get_a_fresh_counter(client, settings):
    settings.RATELIMIT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.RATELIMIT_TRUSTED_PROXIES = 1
    # The client writes its own X-Forwarded-For; nginx appends the address it really came from.
    statuses = [register(client, n, HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.5").status_code for n in range(5)]
    other = register(client, 99, HTTP_X_FORWARDED_FOR="203.0.113.5, 198.51.100.7")

    assert statuses == [302, 302, 302, 429, 429]
    assert other.status_code == 302


@pytest.mark.parametrize(
    "trusted, forwarded_for, counted",
    [
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),  # a load balancer, then nginx
        (2, "203.0.113.5", PROXY),  # fewer entries than proxies: not through them all, so the proxy's counter
        (1, "not an address", PROXY),
        (1, "", PROXY),
        (1, "203.0.113.5:51234", "203.0.113.5"),
        (1, "[2001:db8:1:2:aaaa::1]:443", "2001:db8:1:2::/64"),
    ],
)
def test_client_ip_from_forwarded_for(settings, trusted, forwarded_for, counted):
    settings.RATELIMIT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.RATELIMIT_TRUSTED_PROXIES = trusted

    assert client_ip(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for)) == counted


def test_ipv6_clients_are_counted_per_64_block(settings):
    settings.RATELIMIT_IP_HEADER = "HTTP_X_REAL_IP"

    one = client_ip(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="2001:db8:1:2::1"))
    same_block = client_ip(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="2001:db8:1:2:ffff::9"))
    other_block = client_ip(rf.get("/", REMOTE_ADDR=PROXY, HTTP_X_REAL_IP="2001:db8:1:3::1"))

    assert one == same_block == "2001:db8:1:2::/64"
    assert other_block != one


def test_without_a_proxy_a_clients_headers_are_ignored(settings):
    settings.RATELIMIT_IP_HEADER = "REMOTE_ADDR"

    assert client_ip(rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_X_FORWARDED_FOR="6.6.6.6")) == "203.0.113.5"
