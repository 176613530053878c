"""A database that cannot be reached gives every visitor a friendly 503 page, and a database restart (a
connection closed by the server) makes no request fail. PostgreSQL only: the tests point the connection at a
closed port and end the server side of the test's own connection."""

import socket

import psycopg
import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import connection
from django.test import Client, RequestFactory

from occupy.editions.tests.factories import EditionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture
def database_down():
    """The connection settings point at a port where no database listens, as during a restart or failover."""
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


@pytest.fixture
def visitor():
    # As a real server does: the error is turned into a response, not re-raised into the test.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("path", ["/", "/2031/", "/2031/register/", "/registration/some-token/"])
def test_database_down_every_page_answers_503_with_the_friendly_page(database_down, visitor, path):
    response = visitor.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    page = response.content.decode()
    assert "The site is briefly unavailable, please try again in a minute" in page
    assert "Traceback" not in page and "OperationalError" not in page


def test_database_down_a_form_sent_gets_the_503_page_too(database_down, visitor):
    response = visitor.post("/2031/register/", {"email": "ana@example.org"})

    assert response.status_code == 503


def test_database_down_the_page_speaks_the_visitors_language(database_down, visitor):
    romanian = visitor.get("/", headers={"accept-language": "ro"})
    ukrainian = visitor.get("/", headers={"accept-language": "uk"})

    assert '<html lang="ro">' in romanian.content.decode()
    assert "Site-ul este indisponibil" in romanian.content.decode()
    assert '<html lang="uk">' in ukrainian.content.decode()
    assert "Сайт ненадовго недоступний" in ukrainian.content.decode()


def get(path: str) -> tuple[str, bytes]:
    """One request through the whole WSGI cycle, with the request_started/finished signals that manage the
    persistent connection (the test client switches those off)."""
    statuses = []
    environ = RequestFactory().get(path).environ
    response = WSGIHandler()(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        body = b"".join(response)
    finally:
        response.close()
    return statuses[0], body


def end_server_side_of_the_connection() -> None:
    """What a PostgreSQL restart does to every kept connection: the server closes it."""
    pid = connection.connection.info.backend_pid
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def health_checks():
    """Set CONN_HEALTH_CHECKS for the test's connection (read when it connects) and put it back after."""
    saved = connection.settings_dict["CONN_HEALTH_CHECKS"]

    def set_to(value: bool):
        connection.close()
        connection.settings_dict["CONN_HEALTH_CHECKS"] = value

    yield set_to
    set_to(saved)


def test_request_after_the_server_closed_the_kept_connection_succeeds(health_checks):
    health_checks(True)  # the default (settings.py)
    EditionFactory(year=2031)
    assert get("/2031/")[0] == "200 OK"
    assert connection.connection is not None  # kept for the next request (CONN_MAX_AGE)

    end_server_side_of_the_connection()

    assert get("/2031/")[0] == "200 OK"
    assert get("/2031/")[0] == "200 OK"


def test_without_health_checks_the_next_request_fails(health_checks):
    # The reason they are on: this is what a visitor met after each database restart.
    health_checks(False)
    EditionFactory(year=2031)
    assert get("/2031/")[0] == "200 OK"

    end_server_side_of_the_connection()

    assert get("/2031/")[0] == "503 Service Unavailable"
    assert get("/2031/")[0] == "200 OK"  # Django drops the broken connection after that request
