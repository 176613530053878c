"""Fixtures shared by every app's tests."""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def _collected_static(tmp_path_factory):
    """Production settings serve hashed static files from a manifest: build it once for the whole run."""
    from django.conf import settings

    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hasher():
    """Tests create and sign in many users: a deliberately slow production hasher would dominate their time."""
    from django.test import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(scope="session", autouse=True)
def _plain_http_test_client():
    """Production settings redirect plain HTTP to HTTPS (SECURE_SSL_REDIRECT); the test client speaks plain HTTP.
    test_deploy checks the production value, and test_nginx the redirect's no-op behind the TLS proxy."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty page cache (the shared one and this process's copies)."""
    from django.core.cache import cache

    from occupy.web.pagecache import local_pages

    cache.clear()
    local_pages.clear()
    yield
    cache.clear()
    local_pages.clear()


@pytest.fixture
def organiser(django_user_model):
    return django_user_model.objects.create_user(
        "organiser", "organiser@example.org", "correct horse battery", is_staff=True, is_superuser=True
    )


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client
