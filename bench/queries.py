"""Count the SQL queries each benchmarked page issues, with a cold and then a warm page cache.

Run by bench/run.py in a subprocess with the benchmark's environment (same database, same Redis), so it
measures exactly what gunicorn serves. Prints JSON on stdout: one entry per page.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")


def sample_session_path(edition_slug: str) -> str:
    """A scheduled session of the edition, with speakers: the kind of page visitors open most."""
    from occupy.programme.models import Session

    session = (
        Session.objects.filter(edition__slug=edition_slug, starts_at__isnull=False, speakers__isnull=False)
        .order_by("starts_at", "pk")
        .select_related("edition")
        .first()
    )
    if session is None:
        raise SystemExit(f"No scheduled session in edition {edition_slug}: did load_demo --sample run?")
    return session.get_absolute_url()


def bench_pages(edition_slug: str) -> list[tuple[str, str]]:
    return [
        ("home", "/"),
        ("schedule", f"/{edition_slug}/schedule/"),
        ("session", sample_session_path(edition_slug)),
        ("schedule.json", f"/{edition_slug}/schedule.json"),
    ]


def measure(path: str) -> dict:
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    cache.clear()
    counts = []
    for _ in ("cold", "warm"):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        counts.append(len(queries))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return {"status": response.status_code, "bytes": len(body), "cold": counts[0], "warm": counts[1]}


def main() -> None:
    import django

    django.setup()
    edition_slug = sys.argv[1] if len(sys.argv) > 1 else "sample"
    pages = [{"name": name, "path": path, **measure(path)} for name, path in bench_pages(edition_slug)]
    json.dump(pages, sys.stdout)


if __name__ == "__main__":
    main()
