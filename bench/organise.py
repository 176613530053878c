"""The organisers' heaviest pages under load, over HTTP against a running server (called by bench/run.py with
BENCH_URL): the review ranking and the schedule editor of an edition with 500 submissions.

It builds its own edition (year 2093, slug bench-organise, replaced on each run): 500 submitted contributions
over 4 themes and 4 formats, 3 weighted criteria, 12 reviewers with 3 reviews each per submission (1,500
reviews), and 500 sessions of which 400 are placed in 5 rooms over 3 days; an organiser account signed in through
a real session (the cookie wrk sends). Each page: SQL queries (Django test client), then wrk at 16 connections for
BENCH_SECONDS (default 10): requests/s and p99. Exit status 1 when a request failed.

Needs the server's environment (DATABASE_URL, SECRET_KEY, production settings), as bench/run.py passes it.
Stand-alone: BENCH_URL=http://127.0.0.1:8000 DATABASE_URL=postgres://… SECRET_KEY=… python bench/organise.py
"""

import datetime
import os
import sys
import zoneinfo
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench import wrk  # noqa: E402
from bench.review import session_cookie  # noqa: E402
from occupy.cfp.models import Review, ReviewAssignment, ReviewCriterion, Score, Submission, SubmissionState  # noqa: E402
from occupy.editions.models import Edition, EditionRole, Role, Room, SessionFormat, Theme  # noqa: E402
from occupy.programme.models import Session  # noqa: E402

SUBMISSIONS = 500
SCHEDULED = 400
REVIEWERS = 12
REVIEWS_PER_SUBMISSION = 3
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = 16
YEAR, SLUG = 2093, "bench-organise"
ZONE = zoneinfo.ZoneInfo("Europe/Bucharest")
# These pages are not cached and render hundreds of rows: a request may wait longer than wrk's 2 s default behind
# the others, which would count it as an error rather than measure it.
WRK_TIMEOUT_SECONDS = 30
PAGES = [
    ("review ranking", f"/organise/{SLUG}/review/ranking/"),
    ("schedule editor", f"/organise/{SLUG}/schedule/"),
]


@transaction.atomic
def build() -> "django.contrib.auth.models.AbstractUser":
    """The edition, its call's submissions, reviews and sessions; returns its organiser."""
    # Submissions and sessions first: they protect the formats the edition's deletion would take with it.
    Submission.objects.filter(edition__slug=SLUG).delete()
    Session.objects.filter(edition__slug=SLUG).delete()
    Edition.objects.filter(slug=SLUG).delete()
    User = get_user_model()
    User.objects.filter(username__startswith="bench-organise-").delete()
    edition = Edition.objects.create(
        year=YEAR,
        slug=SLUG,
        title="Benchmark edition (not real)",
        start_date=datetime.date(YEAR, 6, 2),
        end_date=datetime.date(YEAR, 6, 4),
        time_zone="Europe/Bucharest",
        is_published=False,
        is_sample=True,
    )
    themes = [Theme.objects.create(edition=edition, title=f"Theme {n}", slug=f"theme-{n}") for n in range(4)]
    formats = [
        SessionFormat.objects.create(edition=edition, name=f"Format {n}", slug=f"format-{n}", default_minutes=30)
        for n in range(4)
    ]
    rooms = [Room.objects.create(edition=edition, name=f"Room {n}", slug=f"room-{n}", order=n) for n in range(5)]
    criteria = [ReviewCriterion.objects.create(edition=edition, name=f"Criterion {n}", weight=n + 1) for n in range(3)]
    organiser = User.objects.create_user("bench-organise-organiser", "organiser@bench.example.org", "bench-pw-1")
    EditionRole.objects.create(edition=edition, user=organiser, role=Role.ORGANISER)
    reviewers = [
        User.objects.create_user(f"bench-organise-reviewer-{n}", f"reviewer{n}@bench.example.org", "bench-pw-1")
        for n in range(REVIEWERS)
    ]
    EditionRole.objects.bulk_create(EditionRole(edition=edition, user=r, role=Role.REVIEWER) for r in reviewers)
    submitter = User.objects.create_user("bench-organise-submitter", "submitter@bench.example.org", "bench-pw-1")
    submissions = Submission.objects.bulk_create(
        Submission(
            edition=edition,
            title=f"Contribution {n}",
            abstract="What we did, for whom, and what we learnt.",
            format=formats[n % 4],
            theme=themes[n % 4],
            submitter=submitter,
            state=SubmissionState.SUBMITTED,
            code=f"bench{n:05d}",
        )
        for n in range(SUBMISSIONS)
    )
    assignments, reviews = [], []
    for n, submission in enumerate(submissions):
        for k in range(REVIEWS_PER_SUBMISSION):
            reviewer = reviewers[(n + k) % REVIEWERS]
            assignments.append(ReviewAssignment(submission=submission, reviewer=reviewer))
            reviews.append(Review(submission=submission, reviewer=reviewer, comment="Clear and useful."))
    ReviewAssignment.objects.bulk_create(assignments)
    reviews = Review.objects.bulk_create(reviews)
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, value=(i + j) % 6)
        for i, review in enumerate(reviews)
        for j, criterion in enumerate(criteria)
    )
    sessions = []
    for n in range(SUBMISSIONS):
        session = Session(
            edition=edition, slug=f"session-{n}", title=f"Contribution {n}", format=formats[n % 4], theme=themes[n % 4]
        )
        if n < SCHEDULED:
            day, slot = divmod(n // len(rooms), 27)
            start = datetime.datetime(YEAR, 6, 2 + day % 3, 9, 0, tzinfo=ZONE) + datetime.timedelta(minutes=30 * slot)
            session.room = session.draft_room = rooms[n % len(rooms)]
            session.starts_at = session.draft_starts_at = start
            session.ends_at = session.draft_ends_at = start + datetime.timedelta(minutes=30)
        sessions.append(session)
    Session.objects.bulk_create(sessions)
    return organiser


def count_queries(user, path: str) -> tuple[int, int, int]:
    """Status, size in bytes and SQL queries of the page, as the organiser gets it."""
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response.status_code, len(response.content), len(queries)


def main() -> int:
    base = os.environ["BENCH_URL"]
    organiser = build()
    cookie = session_cookie(organiser)
    status = 0
    print(
        f"{'page':<16} {'path':<40} {'status':>6} {'bytes':>7} {'SQL':>4} {'conns':>5} {'req/s':>7} {'p50 ms':>7} "
        f"{'p99 ms':>7}"
    )
    for name, path in PAGES:
        code, size, queries = count_queries(organiser, path)
        result = wrk.run(
            base + path,
            connections=CONNECTIONS,
            seconds=SECONDS,
            headers=(f"Cookie: {cookie}",),
            timeout_seconds=WRK_TIMEOUT_SECONDS,
        )
        print(
            f"{name:<16} {path:<40} {code:>6} {size:>7} {queries:>4} {CONNECTIONS:>5} "
            f"{result.requests_per_second:>7.1f} {result.p50_ms:>7.2f} {result.p99_ms:>7.2f}"
        )
        status = status or int(code != 200 or result.errors > 0)
    print(f"({SUBMISSIONS} submissions, {SUBMISSIONS * REVIEWS_PER_SUBMISSION} reviews, {SUBMISSIONS} sessions)")
    return status


if __name__ == "__main__":
    sys.exit(main())
