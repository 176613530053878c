"""Backup and restore on SQLite (the laptop default): a copy through sqlite3's backup API."""

import sqlite3

from occupy.web.backups import back_up, restore


def test_sqlite_backup_restores_the_content_it_had(tmp_path):
    database = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(tmp_path / "db.sqlite3")}
    with sqlite3.connect(database["NAME"]) as conn:
        conn.execute("CREATE TABLE edition (slug TEXT)")
        conn.execute("INSERT INTO edition VALUES ('2020'), ('2022')")
    back_up(database, tmp_path / "backup.sqlite3")
    with sqlite3.connect(database["NAME"]) as conn:
        conn.execute("DELETE FROM edition")

    restore(database, tmp_path / "backup.sqlite3")

    with sqlite3.connect(database["NAME"]) as conn:
        assert conn.execute("SELECT slug FROM edition ORDER BY slug").fetchall() == [("2020",), ("2022",)]
