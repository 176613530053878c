"""Redis down: pages come from the database, registration works, and its e-mails wait in the outbox.

The test starts its own redis-server on a free port, points the page cache, the rate limits and the Celery
producer at it (as production does with REDIS_URL), then stops it. Committed transactions (transaction=True),
so each e-mail is handed to Celery after its commit inside the request, as in production."""

import io
import logging

import pytest
from django.core import mail
from django.core.management import call_command

from occupy import celery_app
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import (
    AttendanceMode,
    BadgeBatch,
    BadgeBatchStatus,
    EmailKind,
    EmailLog,
    EmailStatus,
    Registration,
    RegistrationStatus,
)
from occupy.registration.services.tokens import make_confirmation_token
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.fault_servers import RedisServer, free_port
from occupy.web.cacheguard import breaker
from occupy.web.pagecache import local_pages

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_server():
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def _point_celery_at(broker_url: str, *, eager: bool) -> None:
    # The producer's connection pools are made from broker_url on first use and kept: drop them so the next
    # hand-off connects to the new URL (what Celery itself does after a fork).
    celery_app.conf.update(broker_url=broker_url, task_always_eager=eager)
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def on_redis(redis_server, settings):
    """The page cache, the rate limits and the Celery broker on the test's own Redis, as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url(1),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
    settings.CACHE_RETRY_AFTER_SECONDS = 0  # try Redis again on every call: recovery shows at once
    saved = {"broker_url": celery_app.conf.broker_url, "task_always_eager": celery_app.conf.task_always_eager}
    _point_celery_at(redis_server.url(0), eager=False)
    yield redis_server
    _point_celery_at(saved["broker_url"], eager=saved["task_always_eager"])
    breaker.reset()


@pytest.fixture
def edition():
    edition = EditionFactory(year=2031, title="Occupy Library 2031")
    SessionFactory(edition=edition, slug="solar", title="Solar panels on the library roof")
    return edition


PAGES = ["/", "/2031/schedule/", "/2031/sessions/solar/", "/2031/schedule.json"]


def test_redis_down_pages_registration_and_emails_then_each_email_once_when_it_is_back(
    client, edition, on_redis, caplog
):
    redis_server = on_redis
    for path in PAGES:  # cached in Redis while it is up
        assert client.get(path).status_code == 200
    assert redis_server.client(1).keys("*page:*")

    redis_server.stop()
    local_pages.clear()  # this process's copies expired: every page must come from Redis or the database
    caplog.set_level(logging.WARNING)

    for path in PAGES:
        response = client.get(path)
        assert (path, response.status_code) == (path, 200)
    assert "Solar panels on the library roof" in client.get("/2031/schedule/").content.decode()

    response = client.post(
        "/2031/register/",
        {
            "name": "Ana",
            "email": "ana@example.org",
            "role": "librarian",
            "attendance": "online",
            "privacy_consent": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/2031/register/sent/"
    registration = Registration.objects.get()
    response = client.post(f"/2031/register/confirm/{make_confirmation_token(registration)}/")
    assert response.status_code == 302
    response = client.post(f"/registration/{registration.token}/cancel/")
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED

    # Every e-mail is in the outbox, none sent, none lost.
    assert sorted(EmailLog.objects.values_list("kind", "status")) == [
        (EmailKind.CANCELLED, EmailStatus.QUEUED),
        (EmailKind.CONFIRM, EmailStatus.QUEUED),
        (EmailKind.CONFIRMED, EmailStatus.QUEUED),
    ]
    assert mail.outbox == []
    logged = [record.getMessage() for record in caplog.records]
    assert any(line.startswith("Cache get failed, going on without the cache: ConnectionError") for line in logged)
    assert sum("not queued, the broker is unreachable" in line for line in logged) == 3
    assert not any(registration.token in line for line in logged)

    redis_server.start()
    local_pages.clear()
    assert client.get("/2031/").status_code == 200
    assert redis_server.client(1).keys("*page:*"), "the page cache uses Redis again without a restart"

    out = io.StringIO()
    call_command("send_pending_emails", "--older-than", "0", stdout=out)
    assert out.getvalue() == "3 sent, 0 failed, 0 taken by another sender, 0 left for the next run.\n"
    call_command("send_pending_emails", "--older-than", "0", stdout=out)
    assert out.getvalue().endswith("0 sent, 0 failed, 0 taken by another sender, 0 left for the next run.\n")

    assert sorted((message.to[0], message.subject) for message in mail.outbox) == [
        ("ana@example.org", "Please confirm your registration for Occupy Library 2031"),
        ("ana@example.org", "You are registered for Occupy Library 2031"),
        ("ana@example.org", "Your registration for Occupy Library 2031 is cancelled"),
    ]
    assert set(EmailLog.objects.values_list("status", "attempts")) == {(EmailStatus.SENT, 1)}


def test_redis_down_rate_limits_fail_open_and_an_outage_logs_one_line_per_pause(
    client, edition, on_redis, settings, caplog
):
    settings.RATELIMIT_PER_IP = 1
    settings.CACHE_RETRY_AFTER_SECONDS = 60
    on_redis.stop()
    caplog.set_level(logging.WARNING)
    for n in range(3):  # over the per-IP limit of 1, but the counters are out of reach: let people register
        response = client.post(
            "/2031/register/",
            {"name": f"P{n}", "email": f"p{n}@example.org", "role": "librarian", "attendance": "online"}
            | {"privacy_consent": "on"},
        )
        assert response.status_code == 302
    for path in PAGES:
        assert client.get(path).status_code == 200
    assert Registration.objects.count() == 3
    cache_lines = [record for record in caplog.records if record.name == "occupy.web.cacheguard"]
    assert len(cache_lines) == 1  # then the cache was left alone for CACHE_RETRY_AFTER_SECONDS


def test_redis_down_the_admin_sign_in_still_answers_and_lets_the_organiser_in(client, organiser, on_redis, settings):
    settings.RATELIMIT_PER_ADDRESS = 1  # the counters are out of reach: the limit fails open
    on_redis.stop()

    for _ in range(3):
        response = client.post("/admin/login/?next=/admin/", {"username": "organiser", "password": "wrong"})
        assert response.status_code == 200 and "Please enter the correct username and password" in response.text
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "organiser", "password": "correct horse battery"}
    )
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200


@pytest.fixture
def broker_down():
    saved = {"broker_url": celery_app.conf.broker_url, "task_always_eager": celery_app.conf.task_always_eager}
    _point_celery_at(f"redis://127.0.0.1:{free_port()}/0", eager=False)  # nothing listens there
    yield
    _point_celery_at(saved["broker_url"], eager=saved["task_always_eager"])


def test_broker_down_a_badge_batch_fails_at_once_so_the_organiser_may_ask_again(
    organiser_client, edition, broker_down, settings
):
    settings.BADGES_INLINE_LIMIT = 1
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)

    response = organiser_client.post("/organise/2031/badges/")

    assert response.status_code == 303
    assert BadgeBatch.objects.get().status == BadgeBatchStatus.FAILED
    assert "Being prepared" not in organiser_client.get("/organise/2031/badges/").content.decode()
