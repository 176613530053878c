"""`manage.py backup` and `manage.py restore`: a backup restored into an empty PostgreSQL database holds the same
editions, sessions and registrations, and the site served from it shows them."""

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg import sql

from occupy.editions.models import Edition
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import build_programme
from occupy.registration.models import RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
ROOT = Path(__file__).resolve().parents[3]

CONTENT_SQL = {
    "editions": "SELECT slug, title FROM editions_edition ORDER BY slug",
    "sessions": "SELECT slug, title, starts_at FROM programme_session ORDER BY slug",
    "registrations": "SELECT email, status, attendance, token FROM registration_registration ORDER BY email",
}


def database_url(name: str) -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT']}/{name}"


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (test_backup_sqlite.py covers SQLite)")


@pytest.fixture
def empty_database():
    """A new, empty PostgreSQL database next to the test database; dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restored"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    yield database_url(name)
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(drop)


def content(url: str) -> dict:
    with psycopg.connect(url) as conn:
        return {what: conn.execute(query).fetchall() for what, query in CONTENT_SQL.items()}


def manage(url: str, *args: str, stdin: str = "") -> str:
    # The restored site as a deployment runs it: its own process, production settings, the collected static files.
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "false", "STATIC_ROOT": str(settings.STATIC_ROOT)}
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


PAGES = """
from django.test import Client
for path in ("/2031/schedule/", "/2031/sessions/2031-session-1/", "/2032/"):
    response = Client().get(path, headers={"X-Forwarded-Proto": "https"})  # as the TLS proxy sends it
    print(path, response.status_code, response.content.decode())
"""


def test_backup_restored_into_an_empty_database_holds_the_same_content(tmp_path, empty_database):
    first, second = EditionFactory(year=2031), EditionFactory(year=2032)
    build_programme(first, sessions=4)
    RegistrationFactory.create_batch(3, edition=first)
    RegistrationFactory(edition=second, status=RegistrationStatus.PENDING, confirmed_at=None)
    dump = tmp_path / "occupy.dump"

    call_command("backup", "--output", str(dump))
    manage(empty_database, "restore", str(dump), "--no-input")

    restored = content(empty_database)
    assert restored == content(database_url(connection.settings_dict["NAME"]))
    assert [slug for slug, _ in restored["editions"]] == ["2031", "2032"]
    assert len(restored["sessions"]) == 4 and len(restored["registrations"]) == 4
    pages = manage(empty_database, "shell", "-c", PAGES)
    assert "/2031/schedule/ 200" in pages and "Session 3" in pages
    assert "/2031/sessions/2031-session-1/ 200" in pages and "Session 1" in pages
    assert "/2032/ 200" in pages


def test_restore_replaces_what_the_database_held(tmp_path, empty_database):
    EditionFactory(year=2031)
    dump = tmp_path / "occupy.dump"
    call_command("backup", "--output", str(dump))
    manage(empty_database, "restore", str(dump), "--no-input")
    with psycopg.connect(empty_database) as conn:
        conn.execute("UPDATE editions_edition SET title = 'Changed after the backup'")

    manage(empty_database, "restore", str(dump), "--no-input")

    assert content(empty_database)["editions"] == [("2031", "Occupy Library 2031")]


def test_restore_asks_before_replacing_and_a_no_keeps_the_database(tmp_path, monkeypatch):
    EditionFactory(year=2031)
    dump = tmp_path / "occupy.dump"
    call_command("backup", "--output", str(dump))
    EditionFactory(year=2032)
    monkeypatch.setattr("builtins.input", lambda prompt: "no")

    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", str(dump))

    assert sorted(Edition.objects.values_list("year", flat=True)) == [2031, 2032]


def test_restore_of_a_missing_file_says_so(tmp_path):
    with pytest.raises(CommandError, match="is not a file"):
        call_command("restore", str(tmp_path / "nothing.dump"), "--no-input")
