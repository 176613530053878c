"""The production-like stack the end-to-end test starts and always stops: a fresh PostgreSQL database, gunicorn
with the README's options, a real Celery worker, Redis (a database number of its own), DEBUG off, e-mail written
to files. Everything listens on 127.0.0.1 and every wait is bounded."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent.parent

# The README's deployment line ("Deploying at scale"), with two workers for this machine.
GUNICORN = ["-m", "gunicorn", "occupy.wsgi:application", "--workers", "2", "--worker-class", "gthread"]
GUNICORN += ["--threads", "2", "--keep-alive", "5", "--worker-tmp-dir", "/dev/shm", "--log-level", "warning"]
CELERY = ["-m", "celery", "-A", "occupy", "worker", "--concurrency", "1", "--loglevel", "warning"]
CELERY += ["--without-gossip", "--without-mingle"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_database(database_url: str) -> None:
    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(database_url: str) -> None:
    server, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def manage(env: dict, *args: str, timeout: float = 120) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode:
        raise AssertionError(f"manage.py {args[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def start(env: dict, arguments: list[str], log: Path) -> subprocess.Popen:
    # A session of its own, so stopping it stops the processes it forked (gunicorn's and Celery's workers).
    with log.open("wb") as out:
        return subprocess.Popen(
            [sys.executable, *arguments],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def wait_until_serving(url: str, process: subprocess.Popen, log: Path, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError(f"nothing answered {url} within {seconds} s:\n{log.read_text()}")


def wait_for(find, what: str, seconds: float):
    """Poll `find()` until it returns something, for at most `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = find()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"no {what} within {seconds} s")
