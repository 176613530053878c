"""/healthz (the process answers) and /readyz (the database and the cache answer) for the load balancer."""

import json
import socket

import pytest
from django.db import connection
from django.test import Client

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_readyz_reports_each_check_when_all_is_well(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_readyz_reports_a_failing_cache_but_stays_ready(client, settings):
    """The site serves without Redis: a cache outage must not take every app server out of rotation."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }

    response = client.get("/readyz")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "failing"}


def test_readyz_refuses_other_methods(client):
    assert client.post("/readyz").status_code == 405


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_readyz_answers_503_when_the_database_fails_while_healthz_stays_200():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    visitor = Client(raise_request_exception=False)
    saved = dict(connection.settings_dict)
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port()))
    try:
        ready = visitor.get("/readyz")
        alive = visitor.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)

    assert ready.status_code == 503
    assert json.loads(ready.content) == {"database": "failing", "cache": "ok"}
    assert alive.status_code == 200
