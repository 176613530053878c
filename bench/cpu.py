"""CPU per cache-miss render of the public pages and exports, in-process (Django's test client, page cache
emptied before each request), measured with time.process_time(): the figure of this process alone, much less
sensitive to what else the machine runs than wall-clock rates (it still varies by ~20% on a busy machine).

Target (issue 10): each at most 40 ms of CPU at 400 sessions.

Stand-alone, against a database loaded with `manage.py load_demo --sample --programme-size 400` and static
files collected: DATABASE_URL=postgres://… python bench/cpu.py [renders per page] [part of a path]
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-5f0c1a9e7d3b4c2a8e6f1d0b9a7c5e3f")

TARGET_MS = 40
PATHS = ("schedule/", "speakers/", "schedule.ics", "schedule.json", "schedule.xml")


def measure(edition: str = "sample", renders: int = 5, only: str = "") -> list[tuple[str, int, float, float]]:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    from occupy.web.pagecache import local_pages

    client = Client()
    rows = []
    for path in [f"/{edition}/{page}" for page in PATHS if only in page]:
        times = []
        for index in range(renders + 1):  # the first warms the process (templates, translations) and is left out
            local_pages.clear()
            cache.clear()
            started = time.process_time()
            response = client.get(path)
            if index:
                times.append((time.process_time() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path}: {response.status_code}")
        times.sort()
        rows.append((path, len(response.content), times[len(times) // 2], times[0]))
    return rows


def main() -> None:
    renders = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    print(f"{'page':<24} {'bytes':>8} {'median ms':>9} {'min ms':>7}  target ≤ {TARGET_MS} ms CPU per render")
    for path, size, median, least in measure(renders=renders, only=only):
        verdict = "met" if median <= TARGET_MS else "MISSED"
        print(f"{path:<24} {size:>8} {median:>9.1f} {least:>7.1f}  {verdict}")


if __name__ == "__main__":
    main()
