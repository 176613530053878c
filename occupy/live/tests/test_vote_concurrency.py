"""200 participants vote for one question at the same moment: PostgreSQL only (SQLite writes one at a time)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone

from occupy.live import services
from occupy.live.models import Question, Vote
from occupy.live.queries import questions_for
from occupy.registration.models import Registration

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL")


def run_together(function, items, *, threads=50):
    start = threading.Barrier(min(threads, len(items)))

    def attempt(index_item):
        index, item = index_item
        try:
            if index < threads:
                start.wait()
            return function(item)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=threads) as pool:
        results = list(pool.map(attempt, enumerate(items)))
    connections.close_all()
    return results


def test_200_concurrent_votes_on_one_question_give_exactly_200(event):
    asker = event.participant
    question = Question.objects.create(session=event.session, registration=asker, text="Who decides?")
    voters = list(
        Registration.objects.bulk_create(
            Registration(edition=event.edition, name=f"Voter {n}", email=f"voter{n}@example.org", status="confirmed")
            for n in range(200)
        )
    )
    now = timezone.now()

    # Each voter votes twice, both at once: the second must never count.
    outcomes = run_together(
        lambda voter: services.vote(registration=voter, question=question, at=now), voters + voters
    )

    assert outcomes.count(True) == 200
    assert Vote.objects.filter(question=question).count() == 200
    assert questions_for(event.session)[0].vote_count == 200
