"""Walk-ins and moves to a live place at the check-in desk: the capacity rules (the pages are tested with the
organise app)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.services import lifecycle
from occupy.registration.services.desk import register_walk_in
from occupy.registration.tests.factories import RegistrationFactory


def test_walk_in_takes_a_free_live_place_and_queues_its_confirmation(db):
    edition = EditionFactory(year=2031, live_capacity=1)
    walter = register_walk_in(edition=edition, name=" Walter ", email="walter@example.org", language="uk")
    assert (walter.name, walter.status, walter.attendance, walter.language) == ("Walter", "confirmed", "live", "uk")
    assert list(EmailLog.objects.values_list("registration_id", "kind")) == [(walter.pk, EmailKind.CONFIRMED)]


def test_walk_in_is_refused_at_an_online_edition(db):
    edition = EditionFactory(year=2031, mode=EditionMode.ONLINE)
    with pytest.raises(lifecycle.TransitionRefused, match="no places at the venue"):
        register_walk_in(edition=edition, name="Walter", email="walter@example.org", language="en")
    assert Registration.objects.count() == 0


def test_moving_to_live_only_if_free_refuses_instead_of_waitlisting(db):
    edition = EditionFactory(year=2031, live_capacity=1)
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    olena = RegistrationFactory(edition=edition, attendance=AttendanceMode.ONLINE)
    with pytest.raises(lifecycle.TransitionRefused, match="No live place is free"):
        lifecycle.switch_attendance(registration=olena, attendance=AttendanceMode.LIVE, only_if_free=True)
    olena.refresh_from_db()
    assert (olena.status, olena.attendance) == (RegistrationStatus.CONFIRMED, AttendanceMode.ONLINE)
    # Without only_if_free (the participant's own switch) the same move waits for a place, as before.
    assert lifecycle.switch_attendance(registration=olena, attendance=AttendanceMode.LIVE) == "waitlisted"


def test_moving_to_live_gives_a_freed_place_to_the_people_waiting_first(db):
    edition = EditionFactory(year=2031, live_capacity=2)
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    waiting = RegistrationFactory(
        edition=edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.WAITLISTED
    )
    olena = RegistrationFactory(edition=edition, attendance=AttendanceMode.ONLINE)
    with pytest.raises(lifecycle.TransitionRefused, match="No live place is free"):
        lifecycle.switch_attendance(registration=olena, attendance=AttendanceMode.LIVE, only_if_free=True)
    waiting.refresh_from_db()
    olena.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert olena.attendance == AttendanceMode.ONLINE
    assert list(EmailLog.objects.values_list("registration_id", "kind")) == [(waiting.pk, EmailKind.PROMOTED)]


def test_a_walk_in_is_refused_when_the_free_place_goes_to_the_person_waiting(db):
    edition = EditionFactory(year=2031, live_capacity=2)
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    waiting = RegistrationFactory(
        edition=edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.WAITLISTED
    )
    with pytest.raises(lifecycle.TransitionRefused, match="No live place is free"):
        register_walk_in(edition=edition, name="Walter", email="walter@example.org", language="en")
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert not Registration.objects.filter(email="walter@example.org").exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_walk_ins_for_the_last_three_places_confirm_three():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and real concurrency need PostgreSQL")
    edition = EditionFactory(year=2031, live_capacity=3)
    start = threading.Barrier(10)

    def attempt(number):
        start.wait()
        try:
            register_walk_in(edition=edition, name=f"Walk {number}", email=f"w{number}@example.org", language="en")
            return "confirmed"
        except lifecycle.TransitionRefused:
            return "refused"
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(attempt, range(10)))
    connections.close_all()
    assert sorted(outcomes) == ["confirmed"] * 3 + ["refused"] * 7
    assert Registration.objects.confirmed_live().filter(edition=edition).count() == 3
