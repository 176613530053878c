import pytest

from occupy.live.tests.world import Event


@pytest.fixture
def event(db):
    return Event()
