import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core import mail
from django.db import connection, connections

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, Registration, RegistrationStatus
from occupy.registration.services import lifecycle
from occupy.registration.services.register import register
from occupy.registration.tests.factories import RegistrationFactory


@pytest.fixture
def full_edition(db):
    edition = EditionFactory(year=2031, live_capacity=2)
    RegistrationFactory.create_batch(2, edition=edition, attendance=AttendanceMode.LIVE)
    return edition


def waiting(edition, **kwargs):
    registration = RegistrationFactory(
        edition=edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING
    )
    lifecycle.confirm(registration=registration)
    registration.refresh_from_db()
    return registration


@pytest.mark.django_db
def test_capacity_cancelling_a_live_place_promotes_the_first_waiting_and_emails_them(
    full_edition, django_capture_on_commit_callbacks
):
    first, second = waiting(full_edition), waiting(full_edition)
    assert first.status == second.status == RegistrationStatus.WAITLISTED
    holder = Registration.objects.confirmed_live().filter(edition=full_edition).first()
    with django_capture_on_commit_callbacks(execute=True):
        lifecycle.cancel(registration=holder)
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, second.status) == (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)
    promoted = [message for message in mail.outbox if message.to == [first.email]]
    assert [message.subject for message in promoted] == [f"A live place is yours at {full_edition.title}"]
    assert EmailLog.objects.get(kind=EmailKind.PROMOTED).registration == first


@pytest.mark.django_db
def test_capacity_switching_live_to_online_promotes_the_first_waiting(full_edition):
    first = waiting(full_edition)
    holder = Registration.objects.confirmed_live().filter(edition=full_edition).first()
    lifecycle.switch_attendance(registration=holder, attendance=AttendanceMode.ONLINE)
    holder.refresh_from_db(), first.refresh_from_db()
    assert (holder.status, holder.attendance) == (RegistrationStatus.CONFIRMED, AttendanceMode.ONLINE)
    assert first.status == RegistrationStatus.CONFIRMED


@pytest.mark.django_db
def test_capacity_waiting_person_switching_to_online_leaves_the_list(full_edition):
    first, second = waiting(full_edition), waiting(full_edition)
    lifecycle.switch_attendance(registration=first, attendance=AttendanceMode.ONLINE)
    first.refresh_from_db()
    assert (first.status, first.attendance, first.waitlisted_at) == (RegistrationStatus.CONFIRMED, "online", None)
    assert list(Registration.objects.waiting()) == [second]


@pytest.mark.django_db
def test_capacity_cancelling_online_or_waiting_promotes_nobody(full_edition):
    first, second = waiting(full_edition), waiting(full_edition)
    lifecycle.cancel(registration=first)
    lifecycle.cancel(registration=RegistrationFactory(edition=full_edition))
    second.refresh_from_db()
    assert second.status == RegistrationStatus.WAITLISTED
    assert Registration.objects.confirmed_live().filter(edition=full_edition).count() == 2


@pytest.mark.django_db
def test_capacity_raised_by_organisers_fills_free_places_in_order(full_edition):
    first, second, third = waiting(full_edition), waiting(full_edition), waiting(full_edition)
    full_edition.live_capacity = 4
    full_edition.save()
    promoted = lifecycle.fill_free_places(edition=full_edition)
    assert promoted == [first, second]
    third.refresh_from_db()
    assert third.status == RegistrationStatus.WAITLISTED
    # Promoted people are confirmed like anyone who found a place at once: they wait no more.
    assert list(Registration.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", "waitlisted_at")) == [
        (RegistrationStatus.CONFIRMED, None),
        (RegistrationStatus.CONFIRMED, None),
    ]


@pytest.mark.django_db
def test_capacity_pending_and_waitlisted_never_count(full_edition):
    waiting(full_edition)
    RegistrationFactory(edition=full_edition, attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING)
    assert lifecycle.live_places_left(full_edition) == 0
    full_edition.live_capacity = 3
    assert lifecycle.live_places_left(full_edition) == 1


def _register_and_confirm(edition, number):
    try:
        data = {
            "name": f"Person {number}",
            "email": f"person{number}@example.org",
            "country": "RO",
            "organisation": "",
            "role": "librarian",
            "attendance": AttendanceMode.LIVE,
            "accessibility_needs": "",
            "newsletter_consent": False,
        }
        registration = register(edition=edition, data=data, answers={}, language="en")
        return lifecycle.confirm(registration=registration)
    finally:
        connection.close()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_capacity_200_concurrent_registrations_for_the_last_50_live_places():
    if connection.vendor != "postgresql":
        pytest.skip("row locks and real concurrency need PostgreSQL")
    edition = EditionFactory(year=2031, live_capacity=250)
    Registration.objects.bulk_create(
        Registration(
            edition=edition, name=f"Early {n}", email=f"early{n}@example.org", attendance="live", status="confirmed"
        )
        for n in range(200)
    )
    start = threading.Barrier(40)

    def attempt(number):
        if number < 40:
            start.wait()  # the first 40 start together, the rest follow as threads free up
        return _register_and_confirm(edition, number)

    # 40 threads, each with its own connection (the server allows 100 for every test database together).
    with ThreadPoolExecutor(max_workers=40) as pool:
        outcomes = list(pool.map(attempt, range(200)))
    connections.close_all()
    assert outcomes.count(lifecycle.Outcome.CONFIRMED) == 50
    assert outcomes.count(lifecycle.Outcome.WAITLISTED) == 150
    late = Registration.objects.filter(edition=edition).exclude(name__startswith="Early")
    assert late.count() == 200
    assert late.filter(status=RegistrationStatus.CONFIRMED, attendance="live").count() == 50
    assert late.filter(status=RegistrationStatus.WAITLISTED).count() == 150
    assert Registration.objects.confirmed_live().filter(edition=edition).count() == 250
    assert len({email.lower() for email in late.values_list("email", flat=True)}) == 200


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_capacity_concurrent_duplicates_make_one_registration():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrency needs PostgreSQL")
    edition = EditionFactory(year=2032, live_capacity=10)
    start = threading.Barrier(20)

    def attempt(number):
        start.wait()
        try:
            data = {
                "name": f"Same {number}",
                "email": "Same@Example.org" if number % 2 else "same@example.org",
                "country": "RO",
                "organisation": "",
                "role": "librarian",
                "attendance": "online",
                "accessibility_needs": "",
                "newsletter_consent": False,
            }
            return register(edition=edition, data=data, answers={}, language="en").pk
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=20) as pool:
        ids = set(pool.map(attempt, range(20)))
    connections.close_all()
    assert len(ids) == 1
    assert Registration.objects.filter(edition=edition).count() == 1
