"""Back up the configured database to one file and restore such a file into it.

PostgreSQL: `pg_dump --format=custom` and `pg_restore --clean --if-exists --no-owner --no-privileges`, in one
transaction that stops at the first error, so a failed restore leaves the database as it was. The connection
settings go to the tools through PG* environment variables, so a password never shows in the process list.
SQLite: sqlite3's online backup API, which copies a consistent state even while the site writes.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path


class BackupError(Exception):
    """The backup or restore did not happen; the message says why."""


def _postgres_env(database: dict) -> dict:
    env = {**os.environ}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if database.get(key):
            env[variable] = str(database[key])
    if database.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = database["OPTIONS"]["sslmode"]
    env["PGDATABASE"] = database["NAME"]
    return env


def _run(tool: str, arguments: list[str], env: dict) -> None:
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed (Debian: postgresql-client, of the server's major version).")
    done = subprocess.run([tool, *arguments], env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise BackupError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}")


def back_up(database: dict, output: Path) -> None:
    """Write the whole database (schema and data) to `output`."""
    if database["ENGINE"].endswith("postgresql"):
        _run("pg_dump", ["--format=custom", "--no-owner", "--file", str(output)], _postgres_env(database))
    elif database["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(database["NAME"]) as source, sqlite3.connect(output) as target:
            source.backup(target)
    else:
        raise BackupError(f"no backup for the database engine {database['ENGINE']}")


def restore(database: dict, source: Path) -> None:
    """Replace the database's content with the backup in `source` (made by `back_up` for the same engine).
    Close every connection to the database before (the restore drops and re-creates the tables)."""
    if not source.is_file():
        raise BackupError(f"{source} is not a file")
    if database["ENGINE"].endswith("postgresql"):
        arguments = ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction"]
        arguments += ["--exit-on-error", "--dbname", database["NAME"], str(source)]
        _run("pg_restore", arguments, _postgres_env(database))
    elif database["ENGINE"].endswith("sqlite3"):
        with sqlite3.connect(source) as backup, sqlite3.connect(database["NAME"]) as target:
            backup.backup(target)
    else:
        raise BackupError(f"no restore for the database engine {database['ENGINE']}")
