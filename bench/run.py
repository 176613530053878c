"""`make bench`: the public pages under load, served as in production.

Creates a fresh PostgreSQL database (occupy_bench), migrates it, loads the demo with a 400-session 2022
programme, collects static files, counts the SQL queries of each page (cold and warm page cache), serves the
site with gunicorn (2 workers, production settings, Redis as the shared cache) on 127.0.0.1 only, drives each
page with wrk at 16 and 64 connections for a bounded time, and prints a table. Then runs bench/registration.py
if it exists, with the server still up and its address in BENCH_URL. gunicorn is stopped in all cases.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/occupy_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/1), BENCH_SECONDS (10 per run), BENCH_PROGRAMME_SIZE (400).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import wrk  # noqa: E402

PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/occupy_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PROGRAMME_SIZE = int(os.environ.get("BENCH_PROGRAMME_SIZE", "400"))
CONNECTIONS = (16, 64)
EDITION = "2022"

# Two synchronous workers, one per core: a cached page costs well under a millisecond of Python, so a
# thread pool would add switching, not throughput. Keep-alive is irrelevant to sync workers (they close
# each connection), and wrk reconnects cheaply over loopback.
GUNICORN_OPTIONS = ["--workers", "2", "--worker-class", "sync", "--backlog", "2048", "--log-level", "warning"]

TARGETS = [
    # (page, connections, what, limit, check)
    ("schedule", 64, "requests/s", 1500, lambda r: r.requests_per_second >= 1500 and r.errors == 0),
    ("schedule", 16, "p99 ms", 25, lambda r: r.p99_ms < 25),
    ("schedule.json", 64, "requests/s", 500, lambda r: r.requests_per_second >= 500 and r.errors == 0),
]


def production_env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "occupy.settings",
        "DATABASE_URL": DATABASE_URL,
        "REDIS_URL": REDIS_URL,
        "CELERY_BROKER_URL": "",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-secret-key-5f0c1a9e7d3b4c2a8e6f1d0b9a7c5e3f",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "CACHE_KEY_PREFIX": "bench",
        "LOG_LEVEL": "WARNING",
        # The registration benchmark sends thousands of sign-ups from one address: no rate limit there.
        "RATELIMIT_ENABLED": "false",
    }


def step(title: str) -> None:
    print(f"== {title}", flush=True)


def recreate_database() -> None:
    import psycopg
    from psycopg import sql

    url, name = DATABASE_URL.rsplit("/", 1)
    with psycopg.connect(f"{url}/postgres", autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def empty_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(env: dict, *args: str) -> None:
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def count_queries(env: dict) -> list[dict]:
    done = subprocess.run(
        [PYTHON, "bench/queries.py", EDITION], cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True
    )
    return json.loads(done.stdout)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, log) -> subprocess.Popen:
    command = [PYTHON, "-m", "gunicorn", "occupy.wsgi:application", "--bind", f"127.0.0.1:{port}", *GUNICORN_OPTIONS]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def warm(base: str, pages: list[dict]) -> None:
    for page in pages:
        with urllib.request.urlopen(base + page["path"], timeout=10) as response:
            response.read()


def print_table(pages: list[dict], results: dict) -> None:
    header = (
        f"{'page':<15} {'path':<42} {'bytes':>7} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'SQL cold':>8} {'SQL warm':>8}"
    )
    print(header)
    print("-" * len(header))
    for page in pages:
        for connections in CONNECTIONS:
            r = results[page["name"], connections]
            print(
                f"{page['name']:<15} {page['path'][:42]:<42} {page['bytes']:>7} {connections:>5} "
                f"{r.requests_per_second:>8.0f} {r.p50_ms:>7.2f} {r.p99_ms:>7.2f} {r.errors:>6} "
                f"{page['cold']:>8} {page['warm']:>8}"
            )


def print_targets(results: dict) -> None:
    print()
    for name, connections, what, limit, check in TARGETS:
        r = results[name, connections]
        value = r.requests_per_second if what == "requests/s" else r.p99_ms
        verdict = "met" if check(r) else "MISSED"
        comparison = ">=" if what == "requests/s" else "<"
        print(f"target {name} @ {connections} conns: {what} {comparison} {limit}: {value:.1f} ({verdict})")


def main() -> int:
    env = production_env()
    step(f"database {DATABASE_URL}")
    recreate_database()
    empty_cache()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    step(f"demo content, {PROGRAMME_SIZE} sessions in {EDITION}")
    manage(env, "load_demo", "--programme-size", str(PROGRAMME_SIZE), "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    step("SQL queries per page (Django test client, cold then warm cache)")
    pages = count_queries(env)
    bad = [p for p in pages if p["status"] != 200]
    if bad:
        print(f"pages that do not answer 200: {bad}")
        return 1
    empty_cache()

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile("w+", prefix="occupy-bench-gunicorn-", suffix=".log", delete=False)
    step(f"gunicorn on {base} ({' '.join(GUNICORN_OPTIONS)}), log {log.name}")
    server = start_gunicorn(env, port, log)
    try:
        wait_until_serving(base + "/", server)
        warm(base, pages)
        results = {}
        for page in pages:
            for connections in CONNECTIONS:
                step(f"wrk {page['path']} with {connections} connections for {SECONDS} s")
                results[page["name"], connections] = wrk.run(
                    base + page["path"], connections=connections, seconds=SECONDS
                )
        print()
        print_table(pages, results)
        print_targets(results)
        status = 1 if any(r.errors for r in results.values()) else 0
        registration = ROOT / "bench" / "registration.py"
        if registration.exists():
            print()
            step("registration (bench/registration.py)")
            done = subprocess.run([PYTHON, str(registration)], cwd=ROOT, env={**env, "BENCH_URL": base}, check=False)
            status = status or done.returncode
        return status
    finally:
        stop(server)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
