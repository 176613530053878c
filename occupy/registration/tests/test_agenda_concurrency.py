"""Workshop seats under real concurrency: PostgreSQL only (SQLite runs one write transaction at a time)."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AgendaItem, AgendaItemStatus, Registration
from occupy.registration.services.agenda import AgendaOutcome, add_to_agenda, remove_from_agenda

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and real concurrency need PostgreSQL")


def participants(edition, count, prefix="P"):
    return list(
        Registration.objects.bulk_create(
            Registration(edition=edition, name=f"{prefix} {n}", email=f"{prefix}{n}@example.org", status="confirmed")
            for n in range(count)
        )
    )


def run_together(function, items, *, threads=40):
    """Call function(item) for every item from `threads` threads, the first `threads` calls released at once."""
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


def test_agenda_40_people_at_once_for_10_workshop_seats_get_exactly_10():
    edition = EditionFactory(year=2041)
    workshop = SessionFactory(edition=edition, capacity=10)
    people = participants(edition, 40)

    outcomes = run_together(lambda person: add_to_agenda(registration=person, session=workshop), people)

    assert Counter(outcomes) == {AgendaOutcome.ADDED: 10, AgendaOutcome.FULL: 30}
    assert AgendaItem.objects.filter(session=workshop, status=AgendaItemStatus.CHOSEN).count() == 10
    assert AgendaItem.objects.filter(session=workshop).count() == 10


def test_agenda_200_attempts_for_the_last_50_seats_give_50_seats_and_150_waiting():
    edition = EditionFactory(year=2042)
    workshop = SessionFactory(edition=edition, capacity=250)
    early = participants(edition, 200, prefix="Early")
    AgendaItem.objects.bulk_create(AgendaItem(registration=person, session=workshop) for person in early)
    late = participants(edition, 200, prefix="Late")

    outcomes = run_together(
        lambda person: add_to_agenda(registration=person, session=workshop, join_waiting_list=True), late
    )

    assert Counter(outcomes) == {AgendaOutcome.ADDED: 50, AgendaOutcome.WAITING: 150}
    items = AgendaItem.objects.filter(session=workshop)
    assert items.filter(status=AgendaItemStatus.CHOSEN).count() == 250
    assert items.filter(status=AgendaItemStatus.WAITING).count() == 150
    assert items.values("registration").distinct().count() == 400


def test_agenda_seats_freed_while_others_ask_are_never_given_twice():
    edition = EditionFactory(year=2043)
    workshop = SessionFactory(edition=edition, capacity=10)
    holders = participants(edition, 10, prefix="Holder")
    for person in holders:
        add_to_agenda(registration=person, session=workshop)
    waiting = participants(edition, 30, prefix="Waiting")

    def act(step):
        kind, person = step
        if kind == "leave":
            return remove_from_agenda(registration=person, session=workshop)
        return add_to_agenda(registration=person, session=workshop, join_waiting_list=True)

    steps = [("leave", person) for person in holders[:5]] + [("ask", person) for person in waiting]
    run_together(act, steps)

    items = AgendaItem.objects.filter(session=workshop)
    assert items.filter(status=AgendaItemStatus.CHOSEN).count() == 10
    assert items.filter(status=AgendaItemStatus.WAITING).count() == 25
    assert not items.filter(registration__in=holders[:5]).exists()
