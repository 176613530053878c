"""Every organiser URL checks a named permission. The URLs come from the URL configuration, so a new organiser
page is covered by default: this test fails until its permission is added to REQUIRED below (or, for a landing
page without personal data, to LANDING)."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, BadgeBatch, BadgeBatchStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

# URL name → the one permission that opens it. The check-in desk's permission opens check-in only.
REQUIRED = {
    "registration:organise-list": "registration.view_participants",
    "registration:organise-csv": "registration.view_participants",
    "registration:check-in": "registration.check_in",
    "registration:check-in-count": "registration.check_in",
    "registration:badges-page": "registration.print_badges",
    "registration:badges": "registration.print_badges",
    "registration:badges-batch": "registration.print_badges",
    "organise:schedule": "programme.edit_schedule",
    "organise:schedule-place": "programme.edit_schedule",
    "organise:schedule-unschedule": "programme.edit_schedule",
    "organise:schedule-publish": "programme.edit_schedule",
}
# URLs that only take a POST: a GET by an account allowed to post gets 405 (the permission is checked first).
POST_ONLY = {"organise:schedule-place", "organise:schedule-unschedule", "organise:schedule-publish"}
PERMISSIONS = sorted(set(REQUIRED.values()))
# URL name → the landing pages under organise/ that need a signed-in account only: they show no participant data,
# and an account without any organiser permission gets a message saying so (200), not a 403.
LANDING = {"organise:home"}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            yield route, f"{namespace}{pattern.name}" if pattern.name else route


def organiser_url_names() -> set[str]:
    """Every URL under organise/ except the landing pages."""
    return every_url_name_under_organise() - LANDING


def every_url_name_under_organise() -> set[str]:
    return {name for route, name in _walk(get_resolver().url_patterns) if route.startswith("organise/")}


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def organiser_urls():
    edition = EditionFactory()
    RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)
    batch = BadgeBatch.objects.create(edition=edition, status=BadgeBatchStatus.READY, participants=1)
    batch.file.save("badges.pdf", ContentFile(b"%PDF-1.4 badges"))
    values = {"edition": edition.slug, "batch": batch.pk}
    urls = {}
    for name in sorted(organiser_url_names()):
        converters = _kwargs_of(name)
        missing = converters - values.keys()
        assert not missing, f"{name}: fill the URL argument(s) {missing} in this test"
        urls[name] = reverse(name, kwargs={key: values[key] for key in converters})
    return urls


def _kwargs_of(name: str) -> set[str]:
    for route, found in _walk(get_resolver().url_patterns):
        if found == name:
            return {part.split(">")[0].split(":")[-1] for part in route.split("<")[1:]}
    raise AssertionError(name)


def staff(django_user_model, username, *perms):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw-long-enough-1", is_staff=True
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def test_every_organiser_url_has_a_named_permission():
    assert every_url_name_under_organise() == REQUIRED.keys() | LANDING
    assert not REQUIRED.keys() & LANDING


@pytest.mark.parametrize("name", sorted(LANDING))
def test_landing_pages_send_anonymous_visitors_to_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/login/?next={reverse(name)}"


@pytest.mark.parametrize("name", sorted(LANDING))
def test_landing_pages_staff_without_a_permission_get_a_message_and_no_participant_data(
    client, django_user_model, organiser_urls, name
):
    client.force_login(staff(django_user_model, "staff"))
    response = client.get(reverse(name))
    assert response.status_code == 200
    page = response.content.decode()
    assert "You have no organiser role yet" in page
    assert "Ana Popescu" not in page
    assert not any(url in page for url in organiser_urls.values())


def test_organiser_urls_anonymous_visitors_are_sent_to_sign_in(client, organiser_urls):
    for name, url in organiser_urls.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith("/admin/login/?next="), name


def test_organiser_urls_staff_without_the_permission_get_403(client, django_user_model, organiser_urls):
    client.force_login(staff(django_user_model, "staff"))
    for name, url in organiser_urls.items():
        response = client.get(url)
        assert response.status_code == 403, name
        assert "Ana Popescu" not in response.content.decode(), name
        assert "You may not open this page" in response.content.decode(), name
    assert client.post(organiser_urls["registration:badges-page"]).status_code == 403
    assert client.post(organiser_urls["registration:check-in"], {"code": "x"}).status_code == 403
    assert BadgeBatch.objects.count() == 1


@pytest.mark.parametrize("perm", PERMISSIONS)
def test_organiser_urls_each_permission_opens_its_pages_only(client, django_user_model, organiser_urls, perm):
    client.force_login(staff(django_user_model, "holder", perm))
    for name, url in organiser_urls.items():
        expected = (405 if name in POST_ONLY else 200) if REQUIRED[name] == perm else 403
        assert client.get(url).status_code == expected, name


def test_organiser_urls_a_superuser_opens_every_page(organiser_client, organiser_urls):
    for name, url in organiser_urls.items():
        assert organiser_client.get(url).status_code == (405 if name in POST_ONLY else 200), name


def test_organiser_403_page_is_translated(client, django_user_model, organiser_urls):
    client.force_login(staff(django_user_model, "staff"))
    response = client.get(organiser_urls["registration:organise-list"], HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 403
    assert "You may not open this page" not in response.content.decode()
