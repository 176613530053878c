"""The review ranking under load, signed in as an organiser, at 500 submissions (called by bench/run.py with
BENCH_URL, like registration.py).

`seed_ranking(edition, count)` is the set-up, also used by the query-count tests: it replaces the edition's
earlier benchmark contributions (titles starting "[bench]") with `count` submitted ones, each reviewed on two
weighted criteria by two of three reviewers, in bulk inserts, and returns the organiser account. `main()` then
opens a session for that account (the cookie wrk sends) and drives /organise/<edition>/review/ranking/ with wrk
at 16 connections, printing requests/s and p99.

Stand-alone: BENCH_URL=http://127.0.0.1:8000 DATABASE_URL=postgres://… SECRET_KEY=… python bench/review.py
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "occupy.settings")

SUBMISSIONS = int(os.environ.get("BENCH_REVIEW_SUBMISSIONS", "500"))
PREFIX = "[bench]"


def _account(username: str, edition, role: str):
    from django.contrib.auth import get_user_model

    from occupy.editions.models import EditionRole

    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@bench.example.org"}
    )
    EditionRole.objects.get_or_create(edition=edition, user=user, role=role)
    return user


def seed_ranking(edition, count: int = SUBMISSIONS):
    """`count` reviewed submissions in `edition` (see the module's docstring); returns the organiser account."""
    from django.db import transaction
    from django.utils import timezone

    from occupy.cfp.models import Review, ReviewCriterion, Score, Submission, SubmissionState
    from occupy.editions.models import Role, SessionFormat, Theme

    with transaction.atomic():
        organiser = _account("bench-organiser", edition, Role.ORGANISER)
        reviewers = [_account(f"bench-reviewer-{n}", edition, Role.REVIEWER) for n in range(3)]
        session_format = SessionFormat.objects.filter(edition=edition).first() or SessionFormat.objects.create(
            edition=edition, name="Case study", slug="bench-case-study"
        )
        themes = list(Theme.objects.filter(edition=edition)[:3]) or [None]
        criteria = [
            ReviewCriterion.objects.get_or_create(edition=edition, name=f"{PREFIX} {name}", defaults={"weight": w})[0]
            for name, w in (("Relevance", 3), ("Clarity", 1))
        ]
        Submission.objects.filter(edition=edition, title__startswith=PREFIX).delete()
        now = timezone.now()
        submissions = Submission.objects.bulk_create(
            Submission(
                edition=edition,
                title=f"{PREFIX} Contribution {n}",
                abstract="What our library did, for whom, and what others can learn from it.",
                format=session_format,
                theme=themes[n % len(themes)],
                submitter=organiser,
                state=SubmissionState.SUBMITTED,
                submitted_at=now,
            )
            for n in range(count)
        )
        reviews = Review.objects.bulk_create(
            Review(submission=submission, reviewer=reviewers[(n + k) % len(reviewers)])
            for n, submission in enumerate(submissions)
            for k in range(2)
        )
        Score.objects.bulk_create(
            Score(review=review, criterion=criterion, value=(n + c) % 6)
            for n, review in enumerate(reviews)
            for c, criterion in enumerate(criteria)
        )
    return organiser


def session_cookie(user) -> str:
    """A signed-in session for `user`, as the login view makes it: the value of the session cookie."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    return f"{settings.SESSION_COOKIE_NAME}={store.session_key}"


def main() -> int:
    import django

    django.setup()
    from bench import wrk
    from occupy.editions.models import Edition

    base = os.environ.get("BENCH_URL", "http://127.0.0.1:8000").rstrip("/")
    seconds = int(os.environ.get("BENCH_SECONDS", "10"))
    edition = Edition.objects.get(slug=os.environ.get("BENCH_EDITION", "sample"))
    cookie = session_cookie(seed_ranking(edition))
    url = f"{base}/organise/{edition.slug}/review/ranking/"
    result = wrk.run(url, connections=16, seconds=seconds, headers=(f"Cookie: {cookie}",))
    print(
        f"review ranking, {SUBMISSIONS} submissions, 16 connections: {result.requests_per_second:.0f} requests/s, "
        f"p99 {result.p99_ms:.1f} ms, {result.errors} errors"
    )
    return 0 if result.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
