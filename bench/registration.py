"""Registration under load, over HTTP against a running server (called by bench/run.py with BENCH_URL).

(a) Throughput: 64 concurrent clients each register (POST /sample/register/) and confirm (POST to the
    confirmation link, as its button does) in a loop for BENCH_REG_SECONDS (default 15); prints registrations/s.
(b) Burst: 1,000 concurrent attempts (one thread each) at 800 free live places: all register at once, then all
    confirm at once. Exactly 800 must be confirmed live and 200 waiting, with 0 errors.

Both run at the sample edition of `load_demo --sample` (its registration is open whatever the day). The script
sets its live capacity for each case (the sample participants already confirmed live plus the places the case
needs), deletes its own earlier registrations (addresses at bench.example.org) first, and puts the capacity back
at the end.

The server must run with RATELIMIT_ENABLED=false. Confirmation links are not read from e-mail: this script
reads each registration's confirmation key from the database (one shared connection) and signs it as the
server does (django.core.signing with the same SECRET_KEY), so it needs the server's DATABASE_URL and
SECRET_KEY in its environment.

Stand-alone: BENCH_URL=http://127.0.0.1:8000 DATABASE_URL=postgres://… SECRET_KEY=… python bench/registration.py
"""

import http.client
import os
import re
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from occupy.editions.models import Edition  # noqa: E402
from occupy.registration.models import Registration  # noqa: E402
from occupy.registration.services.tokens import make_confirmation_token  # noqa: E402

BASE = os.environ.get("BENCH_URL", "http://127.0.0.1:8000").rstrip("/")
SECONDS = float(os.environ.get("BENCH_REG_SECONDS", "15"))
CLIENTS = 64
BURST_ATTEMPTS, BURST_PLACES = 1000, 800
SAMPLE = "sample"
BENCH_DOMAIN = "@bench.example.org"
TIMEOUT = 60


def sample_edition(free_live_places: int) -> Edition:
    """The sample edition with none of this script's registrations and exactly `free_live_places` left at the
    venue (delete cascades to the registrations' answers and e-mails)."""
    edition = Edition.objects.filter(slug=SAMPLE, is_sample=True).first()
    if edition is None:
        raise SystemExit(f"No sample edition /{SAMPLE}/: run `manage.py load_demo --sample` first.")
    Registration.objects.filter(edition=edition, email__endswith=BENCH_DOMAIN).delete()
    taken = Registration.objects.filter(edition=edition).confirmed().filter(attendance="live").count()
    Edition.objects.filter(pk=edition.pk).update(live_capacity=taken + free_live_places)
    return edition


class Client:
    """Plain HTTP/1.1 over http.client; a new connection per request (gunicorn's sync workers close them)."""

    def __init__(self, base: str):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return (
                response.status,
                response.getheader("Location", ""),
                response.getheader("Set-Cookie", ""),
                response.read(),
            )
        finally:
            conn.close()


def csrf_pair(client: Client, edition: Edition) -> tuple[str, str]:
    """One CSRF cookie and form token, reused by every client (the token is not tied to a session)."""
    status, _, cookie, body = client.request("GET", f"/{edition.slug}/register/")
    if status != 200:
        raise SystemExit(f"GET /{edition.slug}/register/ answered {status}")
    cookie_value = re.search(r"csrftoken=([^;]+)", cookie).group(1)
    form_token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    return cookie_value, form_token


# Django opens one database connection per thread: all look-ups go through this one thread, so the
# benchmark holds a single connection and the server gets the rest of PostgreSQL's max_connections.
_database = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bench-db")


def _confirmation_key(edition_id: int, email: str) -> Registration | None:
    return Registration.objects.filter(edition_id=edition_id, email=email).only("confirmation_key").first()


def confirmation_path(edition: Edition, email: str) -> str | None:
    registration = _database.submit(_confirmation_key, edition.pk, email).result()
    if registration is None:
        return None
    return f"/{edition.slug}/register/confirm/{make_confirmation_token(registration)}/"


def register_and_confirm(client: Client, edition: Edition, csrf: tuple[str, str], email: str) -> str:
    """One participant's journey; returns "ok" or what went wrong."""
    cookie, token = csrf
    form = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "name": "Bench Participant",
            "email": email,
            "country": "RO",
            "role": "librarian",
            "attendance": "live",
            "privacy_consent": "on",
        }
    )
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}"}
    status, location, _, _ = client.request("POST", f"/{edition.slug}/register/", form, headers)
    if status != 302 or not location.endswith("/register/sent/"):
        return f"register {status}"
    path = confirmation_path(edition, email)
    if path is None:
        return "no registration"
    confirm_form = urllib.parse.urlencode({"csrfmiddlewaretoken": token})
    status, location, _, _ = client.request("POST", path, confirm_form, headers)
    if status != 302 or "/registration/" not in location:
        return f"confirm {status}"
    return "ok"


def throughput() -> dict:
    edition = sample_edition(free_live_places=1_000_000)
    client = Client(BASE)
    csrf = csrf_pair(client, edition)
    deadline = time.monotonic() + SECONDS
    counter = iter(range(10**9))
    counter_lock = threading.Lock()
    results: list[tuple[str, float]] = []

    def run_client():
        mine = []
        while time.monotonic() < deadline:
            with counter_lock:
                number = next(counter)
            started = time.monotonic()
            outcome = register_and_confirm(client, edition, csrf, f"t{number}@bench.example.org")
            mine.append((outcome, time.monotonic() - started))
        return mine

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        for mine in pool.map(lambda _: run_client(), range(CLIENTS)):
            results.extend(mine)
    elapsed = time.monotonic() - started
    ok = [seconds for outcome, seconds in results if outcome == "ok"]
    ok.sort()
    confirmed = Registration.objects.filter(edition=edition, email__endswith=BENCH_DOMAIN, status="confirmed").count()
    return {
        "attempts": len(results),
        "ok": len(ok),
        "errors": len(results) - len(ok),
        "seconds": elapsed,
        "per_second": len(ok) / elapsed,
        "p50_ms": 1000 * ok[len(ok) // 2] if ok else 0,
        "p99_ms": 1000 * ok[min(len(ok) - 1, int(len(ok) * 0.99))] if ok else 0,
        "confirmed_in_db": confirmed,
    }


def burst() -> dict:
    edition = sample_edition(free_live_places=BURST_PLACES)
    client = Client(BASE)
    csrf = csrf_pair(client, edition)
    start = threading.Barrier(BURST_ATTEMPTS)

    def attempt(number):
        start.wait()
        try:
            return register_and_confirm(client, edition, csrf, f"b{number}@bench.example.org")
        except Exception as exc:  # a refused or dropped connection is an error to count, not a crash
            return f"{type(exc).__name__}"

    threading.stack_size(256 * 1024)
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=BURST_ATTEMPTS) as pool:
        outcomes = list(pool.map(attempt, range(BURST_ATTEMPTS)))
    elapsed = time.monotonic() - started
    registrations = Registration.objects.filter(edition=edition, email__endswith=BENCH_DOMAIN)
    errors = [outcome for outcome in outcomes if outcome != "ok"]
    return {
        "attempts": BURST_ATTEMPTS,
        "places": BURST_PLACES,
        "confirmed_live": registrations.filter(status="confirmed", attendance="live").count(),
        "waiting": registrations.filter(status="waitlisted").count(),
        "registrations": registrations.count(),
        "errors": len(errors),
        "error_kinds": sorted(set(errors))[:5],
        "seconds": elapsed,
    }


def main() -> int:
    print(f"registration benchmark against {BASE}, edition /{SAMPLE}/", flush=True)
    capacity = Edition.objects.filter(slug=SAMPLE).values_list("live_capacity", flat=True).first()
    try:
        a = throughput()
        b = burst()
    finally:
        Edition.objects.filter(slug=SAMPLE).update(live_capacity=capacity)
    _database.submit(lambda: connection.close()).result()
    _database.shutdown()
    connection.close()
    print()
    print(f"{'case':<44} {'result':>34}")
    print("-" * 79)
    print(f"{'(a) register + confirm, 64 clients':<44} {a['per_second']:>24.1f} regs/s")
    print(f"{'    completed / errors / seconds':<44} {a['ok']:>16} / {a['errors']} / {a['seconds']:.1f} s")
    print(f"{'    one journey p50 / p99':<44} {a['p50_ms']:>20.0f} / {a['p99_ms']:.0f} ms")
    print(f"{'(b) burst: 1,000 attempts at 800 places':<44} {b['seconds']:>26.1f} s total")
    print(f"{'    confirmed live / waiting / errors':<44} {b['confirmed_live']:>18} / {b['waiting']} / {b['errors']}")
    exact = b["confirmed_live"] == BURST_PLACES and b["waiting"] == BURST_ATTEMPTS - BURST_PLACES
    exact = exact and b["errors"] == 0 and b["registrations"] == BURST_ATTEMPTS and a["errors"] == 0
    if b["error_kinds"]:
        print(f"    errors seen: {', '.join(b['error_kinds'])}")
    print(f"target burst exact (800 confirmed, 200 waiting, 0 errors): {'met' if exact else 'MISSED'}")
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
