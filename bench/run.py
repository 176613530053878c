"""`make bench`: the public pages under load, served as in production.

Creates a fresh PostgreSQL database (occupy_bench), migrates it, loads the demo with the sample edition grown
to a 400-session programme, collects static files, counts the SQL queries of each page (cold and warm page
cache), serves the site with gunicorn (2 workers, production settings, Redis as the shared cache) on 127.0.0.1
only, drives each page with wrk at 16 and 64 connections for a bounded time, and prints a table. Then runs
bench/registration.py if it exists, with the server still up and its address in BENCH_URL. gunicorn is stopped
in all cases. Then bench/cache.py (cache misses, an edit storm, compression, nginx). Then bench/organise.py:
the review ranking and the schedule editor at 500 submissions, and bench/practices.py: the good-practice
library's search at 10,000 practices (in-process latency, and the search page over HTTP).

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/occupy_bench),
BENCH_REDIS_URL (redis://127.0.0.1:6379/1), BENCH_SECONDS (10 per run), BENCH_PROGRAMME_SIZE (400).
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import server, wrk  # noqa: E402

PYTHON = sys.executable
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/occupy_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WARM_SECONDS = 2
PROGRAMME_SIZE = int(os.environ.get("BENCH_PROGRAMME_SIZE", "400"))
CONNECTIONS = (16, 64)
EDITION = "sample"  # the sample edition of `load_demo --sample`: the real editions hold no programme

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
        # As in production: e-mails and other tasks go through Redis to a Celery worker (started beside
        # gunicorn), not rendered and sent inside the request. They are delivered to nowhere.
        "CELERY_BROKER_URL": REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
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


def warm(base: str, pages: list[dict]) -> None:
    """Fill the page cache, then load every thread of every worker for a moment (each process keeps its own
    copies of pages, and a fresh process is slow for its first thousand requests), so the runs measure the
    steady state that a server which has been up for a while is in."""
    for page in pages:
        with urllib.request.urlopen(base + page["path"], timeout=10) as response:
            response.read()
        wrk.run(base + page["path"], connections=16, seconds=WARM_SECONDS)


def print_table(pages: list[dict], results: dict) -> None:
    header = (
        f"{'page':<15} {'path':<42} {'bytes':>7} {'conns':>5} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'cpu ms':>6} {'SQL cold':>8} {'SQL warm':>8}"
    )
    print(header)
    print("-" * len(header))
    for page in pages:
        for connections in CONNECTIONS:
            r, cpu_ms = results[page["name"], connections]
            print(
                f"{page['name']:<15} {page['path'][:42]:<42} {page['bytes']:>7} {connections:>5} "
                f"{r.requests_per_second:>8.0f} {r.p50_ms:>7.2f} {r.p99_ms:>7.2f} {r.errors:>6} {cpu_ms:>6.2f} "
                f"{page['cold']:>8} {page['warm']:>8}"
            )
    print("cpu ms: CPU time the gunicorn workers spent per request (user + system), whatever else the machine ran.")


def print_targets(results: dict) -> None:
    print()
    for name, connections, what, limit, check in TARGETS:
        r = results[name, connections][0]
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
    manage(env, "load_demo", "--sample", "--programme-size", str(PROGRAMME_SIZE), "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    step("SQL queries per page (Django test client, cold then warm cache)")
    pages = count_queries(env)
    bad = [p for p in pages if p["status"] != 200]
    if bad:
        print(f"pages that do not answer 200: {bad}")
        return 1
    empty_cache()

    port = server.free_port()
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile("w+", prefix="occupy-bench-gunicorn-", suffix=".log", delete=False)
    step(f"gunicorn on {base} ({' '.join(server.GUNICORN_OPTIONS)}), log {log.name}")
    gunicorn = server.start(env, port, log)
    step(f"a Celery worker ({' '.join(server.CELERY_OPTIONS)}), log {log.name}")
    worker = server.start_worker(env, log)
    try:
        server.wait_until_serving(base + "/", gunicorn)
        warm(base, pages)
        results = {}
        for page in pages:
            for connections in CONNECTIONS:
                step(f"wrk {page['path']} with {connections} connections for {SECONDS} s")
                cpu_before = server.workers_cpu_seconds(gunicorn)
                result = wrk.run(base + page["path"], connections=connections, seconds=SECONDS)
                cpu_ms = (server.workers_cpu_seconds(gunicorn) - cpu_before) * 1000 / max(result.requests, 1)
                results[page["name"], connections] = (result, cpu_ms)
        print()
        print_table(pages, results)
        load = " ".join(f"{n:.1f}" for n in os.getloadavg())
        print(f"load average of the machine at the end: {load} ({os.cpu_count()} cores)")
        print_targets(results)
        status = 1 if any(r.errors for r, _ in results.values()) else 0
        registration = ROOT / "bench" / "registration.py"
        if registration.exists():
            print()
            step("registration (bench/registration.py)")
            done = subprocess.run([PYTHON, str(registration)], cwd=ROOT, env={**env, "BENCH_URL": base}, check=False)
            status = status or done.returncode
        print()
        step("when the cache cannot help (bench/cache.py): cache misses, an edit storm, compression, nginx")
        done = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "cache.py")], cwd=ROOT, env={**env, "BENCH_URL": base}, check=False
        )
        status = status or done.returncode
        print()
        step("organiser pages at 500 submissions (bench/organise.py)")
        done = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "organise.py")], cwd=ROOT, env={**env, "BENCH_URL": base}, check=False
        )
        status = status or done.returncode
        print()
        step("the good-practice library's search at 10,000 practices (bench/practices.py)")
        done = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "practices.py")], cwd=ROOT, env={**env, "BENCH_URL": base}, check=False
        )
        status = status or done.returncode
        print()
        step("load spread over the workers: one shared socket against --reuse-port (bench/spread.py)")
        done = subprocess.run([PYTHON, str(ROOT / "bench" / "spread.py")], cwd=ROOT, env=env, check=False)
        status = status or done.returncode
        if int(os.environ.get("BENCH_MIXED_SECONDS", "60")) > 0:
            print()
            step("mixed load and Redis stopped halfway (bench/mixed.py, its own gunicorn and Redis)")
            done = subprocess.run([PYTHON, str(ROOT / "bench" / "mixed.py")], cwd=ROOT, env=env, check=False)
            status = status or done.returncode
        return status
    finally:
        server.stop(gunicorn)
        server.stop(worker)
        log.close()


if __name__ == "__main__":
    sys.exit(main())
