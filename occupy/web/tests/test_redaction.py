"""Secrets never reach a log: the redact_secrets filter on every handler, and the suite-wide guard behind it."""

import io
import logging
from contextlib import contextmanager

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from occupy.conftest import SECRET_FORMAT, SecretWatch
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.services.tokens import make_confirmation_token
from occupy.registration.tests.factories import RegistrationFactory
from occupy.web.redaction import RedactSecrets, redact

SECRET_KWARGS = {"token", "key", "code", "invitation"}
SAMPLE = "Q1w2E3r4T5y6U7i8O9p0A1s2D3f4G5h6J7k8L9z0X1c"  # the shape of a manage token: 43 URL-safe characters


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def sample_path(route: str) -> str:
    """The route with its secret arguments set to SAMPLE and the others to plain values."""
    parts = route.split("<")
    path = parts[0]
    for part in parts[1:]:
        argument, rest = part.split(">", 1)
        name = argument.split(":")[-1]
        path += (SAMPLE if name in SECRET_KWARGS else {"batch": "7"}.get(name, "2031")) + rest
    return "/" + path


def secret_routes() -> list[str]:
    return [
        route
        for route in _routes(get_resolver().url_patterns)
        if {part.split(">")[0].split(":")[-1] for part in route.split("<")[1:]} & SECRET_KWARGS
    ]


def test_redaction_covers_every_url_with_a_secret_in_the_url_configuration():
    routes = secret_routes()
    assert "registration/<str:token>/agenda.ics" in routes
    assert "<slug:edition>/register/confirm/<str:key>/" in routes
    assert "cfp/invitation/<str:invitation>/" in routes
    assert "cfp/confirm/<str:invitation>/" in routes
    for route in routes:
        path = sample_path(route)
        for line in (
            f'"GET {path} HTTP/1.1" 404 1234',
            f"Not Found: {path}",
            f"Forbidden: https://occupylibrary.net{path}?lang=ro",
            f"{{'path': '{path.lstrip('/')}'}}",
        ):
            assert SAMPLE not in redact(line), route
            assert "[redacted]" in redact(line), route


def test_redaction_leaves_other_paths_alone():
    for line in (
        '"GET /admin/registration/registration/5/change/ HTTP/1.1" 200 1234',
        "Not Found: /2022/sessions/makerspaces-for-all/",
        '"GET /2022/register/ HTTP/1.1" 200 99',
    ):
        assert redact(line) == line


@contextmanager
def handler_output(logger_name: str):
    """What the configured handler of `logger_name` writes, read from a stream swapped in for the test."""
    logger = logging.getLogger(logger_name)
    handlers = [
        handler
        for handler in logger.handlers
        if isinstance(handler, logging.StreamHandler) and any(isinstance(f, RedactSecrets) for f in handler.filters)
    ]
    assert handlers, f"no handler of {logger_name!r} carries the redact_secrets filter"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    try:
        yield stream
    finally:
        for handler, old in zip(handlers, previous, strict=True):
            handler.setStream(old)


@pytest.mark.django_db
def test_a_4xx_on_a_participant_url_logs_no_token(client):
    edition = EditionFactory()
    registration = RegistrationFactory(edition=edition)  # the edition is ahead: no certificate yet
    key = make_confirmation_token(RegistrationFactory(edition=edition, status="pending"))

    with handler_output("") as log:
        assert client.get(f"/registration/{registration.token}/certificate.pdf").status_code == 403
        assert client.get(f"/registration/{registration.token}/no-such-page/").status_code == 404
        assert client.get(f"/{edition.slug}/register/confirm/{key}x/").status_code == 404

    written = log.getvalue()
    assert written.count("/registration/[redacted]/") == 2
    assert f"/{edition.slug}/register/confirm/[redacted]/" in written
    assert registration.token not in written
    assert key.split(":")[0] not in written
    assert not SECRET_FORMAT.search(written)


def test_runserver_request_lines_log_no_token():
    with handler_output("django.server") as log:
        logging.getLogger("django.server").warning(
            '"%s" %s %s', f"GET /registration/{SAMPLE}/agenda.ics HTTP/1.1", 404, 12
        )

    assert '"GET /registration/[redacted]/agenda.ics HTTP/1.1" 404 12' in log.getvalue()
    assert SAMPLE not in log.getvalue()


def test_redaction_of_a_traceback_that_quotes_a_private_path():
    record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Internal Server Error: %s", (), None)
    record.args = (f"/registration/{SAMPLE}/",)
    try:
        raise ValueError(f"bad path /registration/{SAMPLE}/erase/")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()

    RedactSecrets().filter(record)

    assert SAMPLE not in record.getMessage()
    assert SAMPLE not in record.exc_text
    assert "/registration/[redacted]/erase/" in record.exc_text


def test_secret_guard_catches_a_token_logged_outside_a_path():
    watch = SecretWatch()
    logger = logging.getLogger("occupy.tests.guard")
    logger.addHandler(watch)
    logger.propagate = False  # kept from the suite's own guard, which would fail this test
    try:
        logger.warning("sent the manage link %s", SAMPLE)
        logger.warning("confirmation key %s", f"{SAMPLE}:1tUvWx:{SAMPLE[::-1]}")
        logger.warning("nothing secret here: /2022/schedule/")
    finally:
        logger.removeHandler(watch)
        logger.propagate = True

    assert len(watch.found) == 2


def test_gunicorn_access_log_handlers_get_the_filter():
    """Gunicorn sets up its loggers before Django starts; WebConfig.ready gives their handlers the filter."""
    from occupy.web.redaction import protect_gunicorn_logs

    logger = logging.getLogger("gunicorn.access")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    logger.addHandler(handler)
    logger.propagate = False  # as gunicorn does
    try:
        protect_gunicorn_logs()
        protect_gunicorn_logs()  # twice (a reload) adds no second filter
        logger.warning(
            '%(h)s "%(r)s" %(s)s', {"h": "127.0.0.1", "r": f"GET /registration/{SAMPLE}/ HTTP/1.1", "s": "404"}
        )
    finally:
        logger.removeHandler(handler)
        logger.propagate = True

    assert sum(isinstance(f, RedactSecrets) for f in handler.filters) == 1
    assert stream.getvalue() == '127.0.0.1 "GET /registration/[redacted]/ HTTP/1.1" 404\n'
