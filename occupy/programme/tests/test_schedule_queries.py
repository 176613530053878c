import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import build_programme

pytestmark = pytest.mark.django_db

# Content version, edition, themes, formats, sessions with format/theme/room, their speakers, and the
# editions for the navigation.
SCHEDULE_QUERIES = 7


@pytest.mark.parametrize("size", [40, 400])
def test_schedule_queries_do_not_grow_with_the_programme(client, django_assert_num_queries, size):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=size)
    with django_assert_num_queries(SCHEDULE_QUERIES):
        response = client.get("/2022/schedule/")
    assert response.status_code == 200
    assert response.content.decode().count('class="slot-session col-') == size


@pytest.mark.parametrize("size", [40, 400])
def test_schedule_filtered_and_in_another_zone_issues_the_same_queries(client, django_assert_num_queries, size):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=size)
    with django_assert_num_queries(SCHEDULE_QUERIES):
        response = client.get("/2022/schedule/?theme=theme-1&format=case-study&attendance=online&tz=Europe/Kyiv")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [40, 400])
def test_schedule_cache_hit_is_one_query(client, django_assert_num_queries, size):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=size)
    first = client.get("/2022/schedule/")
    with django_assert_num_queries(1):
        second = client.get("/2022/schedule/")
    assert second.content == first.content
