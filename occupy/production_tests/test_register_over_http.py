"""`make e2e-prod`: a participant registers over HTTP against gunicorn, a real Celery worker sends the
confirmation e-mail, and following its link over HTTP confirms the registration. PostgreSQL and Redis on
127.0.0.1 (the test takes a fresh database "<DATABASE_URL's name>_e2e" and Redis database 3). It runs only
with E2E_PROD=1, as `make e2e-prod` and .ci/run do: migrating, collecting the static files and starting the
processes take about 90 s on a busy two-core machine."""

import email
import email.policy
import http.client
import os
import re
import urllib.parse
from pathlib import Path

import psycopg
import pytest
import redis
from django.db import connection

from occupy.production_tests import stack

pytestmark = pytest.mark.e2e

REDIS_URL = os.environ.get("E2E_REDIS_URL", "redis://127.0.0.1:6379/3")
ADDRESS = "ana.e2e@example.org"
EDITION = """
import datetime
from occupy.editions.models import Edition, EditionMode
Edition.objects.create(year=2095, slug="e2e", title="End-to-end 2095", start_date=datetime.date(2095, 6, 1),
    end_date=datetime.date(2095, 6, 2), mode=EditionMode.HYBRID, live_capacity=100, is_published=True)
"""


@pytest.fixture
def stack_env(tmp_path):
    if not os.environ.get("E2E_PROD"):
        pytest.skip("takes about 90 s: run it with `make e2e-prod` (sets E2E_PROD=1)")
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL)")
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).flushdb()
    except redis.RedisError:
        pytest.skip(f"needs Redis at {REDIS_URL}")
    settings = connection.settings_dict
    database_url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}_e2e"
    if settings["PASSWORD"]:
        database_url = database_url.replace("@", f":{settings['PASSWORD']}@", 1)
    port = stack.free_port()
    (tmp_path / "mail").mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "occupy.settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "e2e",
        "DEBUG": "false",
        "SECRET_KEY": "e2e-only-secret-key-8d1f0c2b7a6e4d3c9b5a1e0f7c2d4b6a",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "SECURE_COOKIES": "false",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    stack.recreate_database(database_url)
    yield env, port
    stack.drop_database(database_url)


def messages_to(folder: Path, address: str) -> list[email.message.EmailMessage]:
    found = []
    for path in sorted(folder.glob("*.log")):
        for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if raw.strip():
                message = email.message_from_bytes(raw, policy=email.policy.default)
                if address in str(message["To"]):
                    found.append(message)
    return found


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


class Browser:
    """Just enough of a browser over http.client: keeps cookies, does not follow redirects."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";", 1)[0].split("=", 1)
                self.cookies[name] = value
            return response.status, response.getheader("Location", ""), response.read().decode()
        finally:
            conn.close()


def form_token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_participant_registers_over_http_and_the_worker_sends_the_confirmation(stack_env, tmp_path):
    env, port = stack_env
    stack.manage(env, "migrate", "--noinput")
    stack.manage(env, "collectstatic", "--noinput")
    stack.manage(env, "shell", "-c", EDITION)
    web_log, worker_log = tmp_path / "gunicorn.log", tmp_path / "celery.log"
    gunicorn = stack.start(env, [*stack.GUNICORN, "--bind", f"127.0.0.1:{port}"], web_log)
    worker = stack.start(env, stack.CELERY, worker_log)
    try:
        stack.wait_until_serving(f"http://127.0.0.1:{port}/healthz", gunicorn, web_log)
        browser = Browser(port)

        status, _, page = browser.request("GET", "/e2e/register/")
        assert status == 200 and "csrftoken" in browser.cookies
        form = {"csrfmiddlewaretoken": form_token(page), "name": "Ana End-to-End", "email": ADDRESS}
        form |= {"country": "RO", "role": "librarian", "attendance": "live", "privacy_consent": "on"}
        status, location, _ = browser.request("POST", "/e2e/register/", form)
        assert (status, location) == (302, "/e2e/register/sent/")

        mail = tmp_path / "mail"
        confirm = stack.wait_for(lambda: messages_to(mail, ADDRESS), "confirmation e-mail", seconds=60)
        assert len(confirm) == 1, worker_log.read_text()
        link = re.search(rf"http://127\.0\.0\.1:{port}(/e2e/register/confirm/\S+/)", text_of(confirm[0])).group(1)

        status, _, page = browser.request("GET", link)
        assert status == 200  # a button: opening the link confirms nothing
        status, location, _ = browser.request("POST", link, {"csrfmiddlewaretoken": form_token(page)})
        assert status == 302 and location.startswith("/registration/")

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            row = conn.execute("SELECT status FROM registration_registration WHERE email = %s", [ADDRESS]).fetchone()
        assert row == ("confirmed",)
        # The worker sends the "you are registered" e-mail too.
        both = stack.wait_for(lambda: len(messages_to(mail, ADDRESS)) == 2, "second e-mail", seconds=60)
        assert both
        status, _, page = browser.request("GET", location)
        assert status == 200 and "Ana End-to-End" in page
    finally:
        stack.stop(gunicorn)
        stack.stop(worker)
    assert "Traceback" not in web_log.read_text()
