import datetime

import pytest
from django.utils import timezone

from occupy.cfp.tests.factories import CallFactory, UserFactory
from occupy.editions.tests.factories import SessionFormatFactory, ThemeFactory

# Fixed instants, far from midnight and from any real clock: the call runs through June 2031.
OPENS = datetime.datetime(2031, 5, 1, 9, 0, tzinfo=datetime.UTC)
CLOSES = datetime.datetime(2031, 6, 30, 20, 59, tzinfo=datetime.UTC)  # 23:59 in Bucharest (summer time)
DURING = datetime.datetime(2031, 6, 10, 12, 0, tzinfo=datetime.UTC)
AFTER = datetime.datetime(2031, 7, 1, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def call(db):
    """An open call of a published edition in Bucharest, with an Ignite talk (5 minutes) and a theme."""
    call = CallFactory(opens_at=timezone.now() - datetime.timedelta(days=1))
    call.ignite = SessionFormatFactory(edition=call.edition, name="Ignite talk", default_minutes=5)
    call.theme = ThemeFactory(edition=call.edition, title="Libraries as places")
    return call


@pytest.fixture
def fixed_call(db):
    """A call with fixed dates (OPENS to CLOSES), for deadline tests that pass `now`."""
    call = CallFactory(opens_at=OPENS, closes_at=CLOSES)
    call.ignite = SessionFormatFactory(edition=call.edition, name="Ignite talk", default_minutes=5)
    return call


@pytest.fixture
def submitter(db):
    return UserFactory(username="ana@example.org", email="ana@example.org", first_name="Ana Popescu")
