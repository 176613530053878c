"""The good-practice library's search at 10,000 practices (called by bench/run.py with BENCH_URL; PostgreSQL).

Builds 10,000 approved practices (slugs bench-practice-*, replaced on each run; marked sample: invented) with
realistic words, some Romanian with diacritics, over 8 countries, 17 goals, 12 themes and 6 audiences. Then:
- in-process latency of the search (count, page, snippets and the facet counts, as the page runs them) for
  realistic queries: single words, phrases, and with facets: p50 and p95 per kind and overall, first as never asked
  before (the search cache off) then as asked again (cached facets and first pages); target p95 under 50 ms for the
  first;
- the search page over HTTP with wrk at 16 connections, each request a search picked at random from many
  different ones (400 of them, so most miss the page cache): requests/s, p50, p99.
Exit status 1 when a request failed or the p95 target is missed.

Stand-alone: BENCH_URL=http://127.0.0.1:8000 DATABASE_URL=postgres://… SECRET_KEY=… python bench/practices.py
(without BENCH_URL, only the in-process figures).
"""

import datetime
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from bench import wrk  # noqa: E402
from occupy.practices.enums import Audience, Status, TagKind  # noqa: E402
from occupy.practices.models import Practice, PracticeTag  # noqa: E402
from occupy.practices.queries import search_practices  # noqa: E402
from occupy.practices.search import clean_query  # noqa: E402
from occupy.practices.services import reindex  # noqa: E402

PRACTICES = int(os.environ.get("BENCH_PRACTICES", "10000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
TARGET_P95_MS = 50
PREFIX = "bench-practice-"
REPEAT = 15
COUNTRIES = ["RO", "MD", "UA", "GE", "AM", "AZ", "BG", "GR"]
THEMES = [
    "Coding",
    "Reading",
    "Repair",
    "Climate",
    "Citizenship",
    "Makerspace",
    "Seniors online",
    "Gardening",
    "Storytelling",
    "Open data",
    "Inclusion",
    "Lifelong learning",
]
SUBJECTS = [
    "coding club",
    "reading circle",
    "repair café",
    "seed library",
    "makerspace",
    "book club",
    "story time",
    "digital skills course",
    "library of things",
    "citizen science project",
    "club de lectură",
    "atelier de robotică",
    "bibliotecă publică",
    "cercul de învățare",
    "școală de vară",
]
PLACES = [
    "public library",
    "school library",
    "rural library",
    "county library",
    "mobile library",
    "city library",
    "biblioteca județeană",
    "biblioteca din Chișinău",
    "biblioteca din Timişoara",
    "library in Tbilisi",
]
FOR = ["children", "teenagers", "seniors", "refugees", "families", "students", "librarians", "volunteers"]
VERBS = [
    "meet every week",
    "learn to code",
    "repair old books",
    "grow vegetables",
    "read together",
    "build robots",
    "measure air quality",
    "write their stories",
    "share tools",
    "debate local issues",
]
QUERIES = {
    "word": [
        {"q": w}
        for w in [
            "library",
            "children",
            "coding",
            "repair",
            "reading",
            "biblioteca",
            "seniors",
            "robots",
            "chisinau",
            "timisoara",
        ]
    ],
    "phrase": [
        {"q": w}
        for w in [
            '"book club"',
            '"public library"',
            "coding club children",
            "biblioteca publica",
            "learn to code",
            '"repair café" seniors',
            "club de lectura",
            "scoala de vara",
        ]
    ],
    "facets": [
        {"q": "library", "country": "RO"},
        {"q": "children", "sdg": "4"},
        {"q": "reading", "country": "MD", "sdg": "4"},
        {"q": "coding", "theme": "coding", "audience": "children"},
        {"country": "UA"},
        {"sdg": "13", "audience": "seniors"},
        {},
    ],
}


def text(rng: random.Random) -> tuple[str, str, str]:
    subject, place, who, verb = rng.choice(SUBJECTS), rng.choice(PLACES), rng.choice(FOR), rng.choice(VERBS)
    title = f"{subject.capitalize()} in the {place}" if rng.random() < 0.6 else f"{subject.capitalize()} for {who}"
    summary = f"In our {place}, {who} {verb}: a {subject} that began with a few people and grew every season."
    description = " ".join(
        f"The {rng.choice(PLACES)} invited {rng.choice(FOR)} to {rng.choice(VERBS)}; the {rng.choice(SUBJECTS)} "
        f"became a regular meeting place."
        for _ in range(6)
    )
    return title, summary, description


@transaction.atomic
def build() -> None:
    """10,000 practices (bench-practice-*) with their tags and search columns."""
    Practice.objects.filter(slug__startswith=PREFIX).delete()
    rng = random.Random(11)
    day = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    practices = []
    for n in range(PRACTICES):
        title, summary, description = text(rng)
        practices.append(
            Practice(
                title=title,
                slug=f"{PREFIX}{n}",
                summary=summary,
                description=description,
                organisation=f"{rng.choice(PLACES).title()} {n}",
                country=rng.choice(COUNTRIES),
                status=Status.APPROVED,
                is_sample=True,
                published_at=day + datetime.timedelta(hours=n),
            )
        )
    practices = Practice.objects.bulk_create(practices, batch_size=1000)
    audiences = Audience.values
    tags = []
    for practice in practices:
        for goal in rng.sample(range(1, 18), 3):
            tags.append(PracticeTag(practice=practice, kind=TagKind.SDG, value=str(goal)))
        for theme in rng.sample(THEMES, 2):
            tags.append(
                PracticeTag(practice=practice, kind=TagKind.THEME, value=theme.lower().replace(" ", "-"), label=theme)
            )
        for audience in rng.sample(audiences, 2):
            tags.append(PracticeTag(practice=practice, kind=TagKind.AUDIENCE, value=audience))
    PracticeTag.objects.bulk_create(tags, batch_size=5000)
    reindex([p.pk for p in practices])


def vacuum() -> None:
    """The table as a library built over years has it: the bulk build writes each row three times at once (insert,
    search columns, tsvector), which no library does; autovacuum would let later writes reuse that space, here it
    is given back at once (VACUUM FULL), and the planner's statistics made (ANALYZE)."""
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL ANALYZE practices_practice")
        cursor.execute("VACUUM ANALYZE practices_practicetag")


def search_once(params: dict) -> float:
    started = time.perf_counter()
    filters = {name: params.get(name) for name in ("country", "sdg", "theme", "audience", "type", "edition")}
    result = search_practices(filters=filters, query=clean_query(params.get("q", "")), sort="relevance", page=1)
    list(result.page.object_list)
    return (time.perf_counter() - started) * 1000


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1] if len(values) > 1 else values[0]


def row(name: str, timings: list[float]) -> None:
    print(f"{name:<16} {len(timings):>8} {p(timings, 50):>8.1f} {p(timings, 95):>8.1f} {max(timings):>8.1f}")


def in_process() -> bool:
    """Each search first as nobody asked it before (the search cache off: every search finds, ranks and counts its
    matches in the database), then as asked again (another page, another address: the search cache on). The
    target holds for the first: a search seen before is only faster."""
    every = {}
    print(f"{'queries':<16} {'searches':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    for cached in (False, True):
        settings.PAGE_CACHE = cached
        label = "cached" if cached else "first"
        every[cached] = []
        for kind, queries in QUERIES.items():
            for params in queries:  # warm the plans and the buffers (and, for the second round, the cache)
                search_once(params)
            timings = [search_once(params) for _ in range(REPEAT) for params in queries]
            every[cached] += timings
            row(f"{kind} {label}", timings)
        row(f"all {label}", every[cached])
    settings.PAGE_CACHE = True
    p95 = p(every[False], 95)
    met = p95 < TARGET_P95_MS
    print(
        f"target search p95 < {TARGET_P95_MS} ms at {PRACTICES} practices (first searches, no cache): {p95:.1f} "
        f"({'met' if met else 'MISSED'})"
    )
    return met


def search_paths() -> list[str]:
    words = ["library", "children", "coding", "repair", "reading", "biblioteca", "seniors", "club", "robots", ""]
    countries = ["", *COUNTRIES[:4]]
    goals = ["", "4", "11", "13"]
    pages = ["", "2"]
    paths = []
    for q, country, sdg, page in itertools.product(words, countries, goals, pages):
        params = {"q": q, "country": country, "sdg": sdg, "page": page}
        query = urlencode({k: v for k, v in params.items() if v})
        paths.append(f"/practices/?{query}" if query else "/practices/")
    return paths


def over_http(base: str) -> bool:
    paths = search_paths()
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as data:
        data.write("return {\n" + ",\n".join(f'"{path}"' for path in paths) + "\n}\n")
    result = wrk.run(
        base + "/practices/",
        connections=CONNECTIONS,
        seconds=SECONDS,
        script=str(ROOT / "bench" / "practices.lua"),
        script_args=(data.name,),
        timeout_seconds=30,
    )
    os.unlink(data.name)
    print(
        f"search page over HTTP, {len(paths)} different searches at random, {CONNECTIONS} connections, {SECONDS} s: "
        f"{result.requests_per_second:.0f} requests/s, p50 {result.p50_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, "
        f"{result.errors} errors"
    )
    return result.errors == 0


def main() -> int:
    if connection.vendor != "postgresql":
        print("bench/practices.py measures PostgreSQL's search: set DATABASE_URL to a PostgreSQL database.")
        return 1
    started = time.perf_counter()
    build()
    vacuum()
    print(f"{PRACTICES} practices built and indexed in {time.perf_counter() - started:.1f} s")
    ok = in_process()
    base = os.environ.get("BENCH_URL")
    if base:
        ok = over_http(base) and ok
    load = " ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"load average of the machine at the end: {load} ({os.cpu_count()} cores, shared)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
