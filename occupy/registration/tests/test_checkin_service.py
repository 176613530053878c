"""Checking in at the venue: the service (the desk's pages are tested with the organise app)."""

import datetime

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode
from occupy.registration.services.checkin import CheckInError, check_in
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(time_zone="Europe/Bucharest")


@pytest.fixture
def ana(edition):
    return RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)


def test_check_in_service_twice_keeps_the_first_time(ana, edition):
    # Fixed local times: "now + 2 hours" would cross midnight in the edition's zone late in the evening.
    morning = datetime.datetime(2026, 5, 12, 9, 0, tzinfo=edition.tz)
    first = check_in(ana, by=None, at=morning)
    second = check_in(ana, by=None, at=morning + datetime.timedelta(hours=2))

    assert first.already is False
    assert second.already is True
    assert second.attendance.pk == first.attendance.pk
    assert second.attendance.first_seen_at == first.attendance.first_seen_at == morning


def test_check_in_after_midnight_in_the_editions_zone_is_a_new_day(ana, edition):
    late = datetime.datetime(2026, 5, 12, 23, 30, tzinfo=edition.tz)  # 20:30 UTC: still the 12th in UTC too
    first = check_in(ana, by=None, at=late)
    second = check_in(ana, by=None, at=late + datetime.timedelta(hours=1))

    assert second.already is False
    assert [first.attendance.day, second.attendance.day] == [datetime.date(2026, 5, 12), datetime.date(2026, 5, 13)]


def test_check_in_service_refuses_an_online_participant(edition):
    registration = RegistrationFactory(edition=edition, attendance=AttendanceMode.ONLINE)

    with pytest.raises(CheckInError):
        check_in(registration, by=None)
