"""Fixtures shared by every app's tests."""

import logging
import re

import pytest
from django.core.management import call_command

# A manage token or confirmation key (secrets.token_urlsafe(32): 43 URL-safe characters), alone or signed into
# a confirmation link (key:timestamp:signature, django.core.signing).
SECRET_FORMAT = re.compile(
    r"(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])|[A-Za-z0-9_-]{43}:[0-9A-Za-z]+:[A-Za-z0-9_-]{43}"
)


class SecretWatch(logging.Handler):
    """Sees each log record as the project's handlers write it (after their redact_secrets filter) and keeps
    those that still hold something shaped like a token or a confirmation key."""

    def __init__(self):
        super().__init__()
        from occupy.web.redaction import RedactSecrets

        self.addFilter(RedactSecrets())
        self.found: list[str] = []

    def emit(self, record):
        text = record.getMessage() + "\n" + (record.exc_text or "")
        if SECRET_FORMAT.search(text):
            self.found.append(f"{record.name} {record.levelname}: {text[:500]}")


@pytest.fixture(scope="session")
def _secret_watch():
    """Watch the root logger and every logger that does not pass its records up (django.server)."""
    watch = SecretWatch()
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.root.manager.loggerDict.values()
        if isinstance(logger, logging.Logger) and not logger.propagate
    ]
    for logger in loggers:
        logger.addHandler(watch)
    yield watch
    for logger in loggers:
        logger.removeHandler(watch)


@pytest.fixture(autouse=True)
def _no_secret_in_logs(_secret_watch):
    """Fails any test during which a log line carried a manage token or a confirmation key."""
    _secret_watch.found.clear()
    yield
    found, _secret_watch.found = list(_secret_watch.found), []
    assert not found, "A secret reached a log line:\n" + "\n".join(found)


@pytest.fixture(scope="session", autouse=True)
def _collected_static(tmp_path_factory):
    """Production settings serve hashed static files from a manifest: build it once for the whole run."""
    from django.conf import settings

    settings.STATIC_ROOT = tmp_path_factory.mktemp("static")
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(scope="session", autouse=True)
def _test_settings():
    """What tests change of the settings, for the whole run:
    - a fast password hasher: tests create and sign in many users, and the production hasher is slow on purpose;
    - no redirect to HTTPS: production settings redirect plain HTTP (SECURE_SSL_REDIRECT), the test client speaks
      plain HTTP; test_deploy checks the production value, and test_nginx the redirect's no-op behind the proxy."""
    from django.test import override_settings

    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], SECURE_SSL_REDIRECT=False
    ):
        yield


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
