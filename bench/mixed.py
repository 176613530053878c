"""The mixed load, and page reads with Redis stopped halfway (called by bench/run.py; stand-alone below).

It starts its own redis-server (127.0.0.1, a free port, no persistence) and its own gunicorn (bench/server.py's
options) with that Redis as the shared cache, so stopping Redis touches nothing else. Then, with wrk driving
bench/mixed.lua:

(a) 80% page reads (home, edition, schedule, session pages, schedule.json, speakers), 15% agenda changes (a
    confirmed participant adds or removes a session, half each) and 5% registrations, at 64 and 256 connections
    for BENCH_MIXED_SECONDS (default 60) each: requests/s, p50/p99, errors, and the peak memory (RSS) of the
    gunicorn processes (sampled every 0.2 s; the sum over master and workers);
(b) page reads only at 64 connections, Redis stopped half way through (target: no error). Each process keeps its
    own copy of a page for 60 s (occupy/web/pagecache.py), so this run lasts at least 2 x 65 s: every copy
    expires while Redis is down and the pages must come from the database.

Page reads and agenda changes go to the published edition with the most scheduled sessions (the demo's largest);
registrations to an edition of its own (year 2092, slug bench-mixed, open, no limit), emptied first. Its 200
participants are confirmed registrations it creates (e-mails @mixed.bench.example.org, replaced on each run).
Needs the server's environment (DATABASE_URL, SECRET_KEY, production settings, RATELIMIT_ENABLED=false), as
bench/run.py passes it; REDIS_URL is replaced by the bench's own Redis. Exit status 1 when a request failed.
"""

import datetime
import os
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

from bench import server, wrk  # noqa: E402

SECONDS = int(os.environ.get("BENCH_MIXED_SECONDS", "60"))
CONNECTIONS = (64, 256)
REDIS_DOWN_CONNECTIONS = 64
PARTICIPANTS = 200
AGENDA_SESSIONS = 40
DOMAIN = "mixed.bench.example.org"
SCRIPT = str(ROOT / "bench" / "mixed.lua")
# At 256 connections on four gunicorn threads a request waits in line; wrk's 2 s default would count that as an
# error, which is not what a browser (30 s and more) does.
WRK_TIMEOUT_SECONDS = 30
# pagecache.LOCAL_TTL_SECONDS plus a margin: Redis stays down longer than a process keeps its copy of a page.
REDIS_DOWN_SECONDS = max(SECONDS, 2 * (60 + 5))


def start_redis(port: int) -> subprocess.Popen:
    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    redis = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    import redis as redis_client

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            redis_client.Redis(port=port, socket_connect_timeout=0.5).ping()
            return redis
        except redis_client.ConnectionError:
            time.sleep(0.1)
    redis.kill()
    raise SystemExit(f"redis-server on port {port} did not start")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class PeakMemory:
    """Samples the resident memory of gunicorn's master and workers (Linux /proc) until stopped."""

    def __init__(self, gunicorn: subprocess.Popen, interval: float = 0.2):
        self.gunicorn, self.interval, self.peak_kib = gunicorn, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def pids(self) -> list[int]:
        pid = self.gunicorn.pid
        return [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]

    def _sample(self):
        while not self._stop.is_set():
            total = 0
            for pid in self.pids():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except FileNotFoundError:
                    continue
                total += int(status.split("VmRSS:")[1].split()[0])
            self.peak_kib = max(self.peak_kib, total)
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def lua(value) -> str:
    """A Lua literal for a str, a list or a dict (the data file bench/mixed.lua loads)."""
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "{" + ", ".join(lua(item) for item in value) + "}"
    return "{" + ", ".join(f"[{lua(key)}] = {lua(item)}" for key, item in value.items()) + "}"


def prepare(base: str) -> dict:
    """Editions, participants and sessions for the load, and one CSRF cookie and form token for its forms."""
    import re

    import django

    django.setup()
    from django.core.signing import get_cookie_signer
    from django.db.models import Count, Q

    from occupy.editions.models import Edition, EditionMode
    from occupy.programme.models import Session
    from occupy.registration.models import AttendanceMode, Registration, RegistrationStatus
    from occupy.registration.remember import SALT, cookie_name

    largest = (
        Edition.objects.published()
        .annotate(scheduled=Count("sessions", filter=Q(sessions__starts_at__isnull=False)))
        .order_by("-scheduled")
        .first()
    )
    if largest is None or largest.scheduled == 0:
        raise SystemExit("no published edition with scheduled sessions (load the demo first)")
    Registration.objects.filter(email__endswith=f"@{DOMAIN}").delete()
    Edition.objects.update_or_create(
        year=2092,
        defaults={
            "slug": "bench-mixed",
            "title": "Mixed load benchmark 2092",
            "start_date": datetime.date(2092, 6, 1),
            "end_date": datetime.date(2092, 6, 2),
            "mode": EditionMode.HYBRID,
            "live_capacity": 1_000_000,
            "registration_opens_at": None,
            "registration_closes_at": None,
            "is_published": True,
        },
    )
    participants = Registration.objects.bulk_create(
        Registration(
            edition=largest,
            name=f"Mixed Participant {i}",
            email=f"p{i}@{DOMAIN}",
            attendance=AttendanceMode.ONLINE,
            status=RegistrationStatus.CONFIRMED,
            confirmed_at=datetime.datetime.now(datetime.UTC),
        )
        for i in range(PARTICIPANTS)
    )
    # Sessions without a seat limit: a full workshop answers 409, which is right but not what this measures.
    sessions = Session.objects.filter(edition=largest, starts_at__isnull=False, capacity__isnull=True)
    session_slugs = list(sessions.order_by("starts_at", "pk").values_list("slug", flat=True))
    agenda_slugs = session_slugs[:: max(1, len(session_slugs) // AGENDA_SESSIONS)][:AGENDA_SESSIONS]
    remember = cookie_name(largest.slug)
    signer = get_cookie_signer(salt=remember + SALT)

    with urllib.request.urlopen(f"{base}/bench-mixed/register/", timeout=30) as response:
        cookie = re.search(r"csrftoken=([^;]+)", response.headers["Set-Cookie"]).group(1)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', response.read()).group(1).decode()
    e = largest.slug
    reads = ["/", f"/{e}/", f"/{e}/schedule/", f"/{e}/schedule.json", f"/{e}/speakers/"]
    reads += [f"/{e}/sessions/{slug}/" for slug in session_slugs[:: max(1, len(session_slugs) // 20)][:20]]
    return {
        "reads": reads,
        "agenda_edition": e,
        "register_edition": "bench-mixed",
        "sessions": agenda_slugs,
        "participants": [{"token": p.token, "remember": signer.sign(str(p.pk))} for p in participants],
        "remember_cookie": remember,
        "csrf_cookie": cookie,
        "csrf_token": token,
    }


def statuses(result: wrk.WrkResult) -> str:
    line = next((line for line in result.output.splitlines() if line.startswith("STATUSES")), "STATUSES")
    return " ".join(sorted(line.split()[1:], key=lambda pair: int(pair.split("=")[0])))


def run_phase(base: str, data_file: str, mode: str, connections: int, gunicorn, seconds: int, halfway=None) -> dict:
    tag = f"{int(time.time())}{connections}"
    cpu_before = server.workers_cpu_seconds(gunicorn)
    with PeakMemory(gunicorn) as memory:
        timer = threading.Timer(seconds / 2, halfway) if halfway else None
        if timer:
            timer.start()
        try:
            result = wrk.run(
                base + "/",
                connections=connections,
                seconds=seconds,
                script=SCRIPT,
                script_args=(data_file, mode, tag),
                timeout_seconds=WRK_TIMEOUT_SECONDS,
            )
        finally:
            if timer:
                timer.cancel()
    cpu_ms = (server.workers_cpu_seconds(gunicorn) - cpu_before) * 1000 / max(result.requests, 1)
    return {"result": result, "peak_mib": memory.peak_kib / 1024, "statuses": statuses(result), "cpu_ms": cpu_ms}


def print_table(rows: list[tuple[str, dict]]) -> None:
    header = (
        f"{'load':<30} {'conns':>5} {'secs':>4} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>8} {'errors':>6} {'cpu ms':>6} "
        f"{'peak RSS MiB':>12}"
    )
    print(header)
    print("-" * len(header))
    for name, row in rows:
        r = row["result"]
        print(
            f"{name:<30} {r.connections:>5} {row['seconds']:>4} {r.requests_per_second:>7.0f} {r.p50_ms:>7.1f} "
            f"{r.p99_ms:>8.1f} {r.errors:>6} {row['cpu_ms']:>6.2f} {row['peak_mib']:>12.0f}"
        )
        print(f"{'':<30} responses by status: {row['statuses']}")
    print("errors: responses 4xx/5xx and socket errors (wrk). cpu ms: the workers' CPU time per request.")
    print("peak RSS: gunicorn's master and workers together, the highest of samples taken every 0.2 s.")


def main() -> int:
    redis_port, port = server.free_port(), server.free_port()
    redis = start_redis(redis_port)
    env = {**os.environ, "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0", "CELERY_BROKER_URL": ""}
    os.environ.update(env)
    base = f"http://127.0.0.1:{port}"
    log = tempfile.NamedTemporaryFile("w+", prefix="occupy-bench-mixed-", suffix=".log", delete=False)
    data = tempfile.NamedTemporaryFile("w", prefix="occupy-bench-mixed-", suffix=".lua", delete=False)
    print(f"mixed load: gunicorn on {base}, its own Redis on port {redis_port}, {SECONDS} s per run, log {log.name}")
    gunicorn = server.start(env, port, log)
    try:
        server.wait_until_serving(base + "/healthz", gunicorn)
        data.write("return " + lua(prepare(base)) + "\n")
        data.close()
        wrk.run(base + "/", connections=16, seconds=3, script=SCRIPT, script_args=(data.name, "reads", "warm"))
        rows = []
        for connections in CONNECTIONS:
            print(f"== mixed 80/15/5 with {connections} connections for {SECONDS} s", flush=True)
            row = run_phase(base, data.name, "mix", connections, gunicorn, SECONDS)
            rows.append(("mixed 80/15/5", {**row, "seconds": SECONDS}))
        print(f"== page reads for {REDIS_DOWN_SECONDS} s, Redis stopped halfway", flush=True)
        stop_redis = lambda: stop(redis)  # noqa: E731
        row = run_phase(base, data.name, "reads", REDIS_DOWN_CONNECTIONS, gunicorn, REDIS_DOWN_SECONDS, stop_redis)
        rows.append(("reads, Redis stopped halfway", {**row, "seconds": REDIS_DOWN_SECONDS}))
        print()
        print_table(rows)
        errors = sum(row["result"].errors for _, row in rows)
        print(f"target: no error in any run: {'met' if errors == 0 else f'MISSED ({errors} errors)'}")
        return 1 if errors else 0
    finally:
        server.stop(gunicorn)
        stop(redis)
        log.close()
        os.unlink(data.name)


if __name__ == "__main__":
    sys.exit(main())
