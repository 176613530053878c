"""Every response carries the strict Content-Security-Policy (the admin's too) and a Permissions-Policy that
allows the camera (the check-in desk scans tickets) only for the site itself and switches off the rest."""

import pytest

from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(","))


@pytest.fixture
def pages(client, organiser):
    EditionFactory(year=2022)
    signed_in = client.__class__()
    signed_in.force_login(organiser)
    return {
        "home": client.get("/"),
        "edition": client.get("/2022/"),
        "export": client.get("/2022/schedule.json"),
        "not found": client.get("/no/such/page/"),
        "admin sign-in": client.get("/admin/login/"),
        "admin": signed_in.get("/admin/"),
        "admin form": signed_in.get("/admin/editions/edition/add/"),
    }


def test_every_response_sends_the_strict_policy_the_admin_included(pages):
    for name, response in pages.items():
        policy = response.get("Content-Security-Policy", "")
        assert "script-src 'self'" in policy, name
        assert "style-src 'self'" in policy, name
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, name
        assert "frame-ancestors 'none'" in policy, name


def test_every_response_sends_a_permissions_policy(pages):
    for name, response in pages.items():
        features = directives(response.get("Permissions-Policy", ""))
        assert features["camera"] == "(self)", name
        assert features["geolocation"] == features["microphone"] == features["payment"] == "()", name
        assert features["usb"] == "()", name
