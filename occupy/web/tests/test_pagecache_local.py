"""The page cache's second level: each process's own copies of the pages it served last."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from occupy.editions.tests.factories import EditionFactory
from occupy.web.pagecache import LocalPages, cached_page, local_pages, page_key

pytestmark = pytest.mark.django_db
rf = RequestFactory()


@pytest.fixture(autouse=True)
def _empty_local_pages():
    local_pages.clear()
    yield
    local_pages.clear()


def counting_view(calls):
    @cached_page
    def view(request):
        calls.append(request.path)
        return HttpResponse(f"render {len(calls)}")

    return view


def test_cached_page_hit_uses_the_process_copy_without_reading_the_shared_cache(django_assert_num_queries):
    calls = []
    view = counting_view(calls)
    view(rf.get("/2022/schedule/"))
    cache.set(page_key(rf.get("/2022/schedule/")), HttpResponse("another process's copy"))

    with django_assert_num_queries(1):  # the content version, nothing else
        assert view(rf.get("/2022/schedule/")).content == b"render 1"
    assert calls == ["/2022/schedule/"]


def test_cached_page_content_change_skips_the_process_copy():
    calls = []
    view = counting_view(calls)
    view(rf.get("/2022/"))
    EditionFactory()

    assert view(rf.get("/2022/")).content == b"render 2"


def test_cached_page_shared_hit_fills_the_process_copy():
    calls = []
    view = counting_view(calls)
    view(rf.get("/news/"))
    local_pages.clear()

    assert view(rf.get("/news/")).content == b"render 1"
    assert local_pages.get(page_key(rf.get("/news/"))) is not None


def test_cached_page_each_hit_gets_its_own_response_object():
    view = counting_view([])
    view(rf.get("/"))
    first = view(rf.get("/"))
    first.set_cookie("sessionid", "someone-else")
    first["X-Personal"] = "yes"

    second = view(rf.get("/"))

    assert second is not first
    assert "sessionid" not in second.cookies
    assert "X-Personal" not in second


def test_local_pages_drops_the_least_recently_used_beyond_its_byte_budget():
    pages = LocalPages(max_bytes=10, ttl=60)
    pages.put("a", b"1234")
    pages.put("b", b"5678")
    pages.get("a")
    pages.put("c", b"90ab")

    assert pages.get("a") == b"1234"
    assert pages.get("b") is None
    assert pages.get("c") == b"90ab"


def test_local_pages_ignores_a_page_larger_than_its_budget():
    pages = LocalPages(max_bytes=3, ttl=60)
    pages.put("big", b"1234")

    assert pages.get("big") is None


def test_local_pages_forgets_copies_older_than_its_lifetime():
    pages = LocalPages(max_bytes=100, ttl=-1)
    pages.put("a", b"1234")

    assert pages.get("a") is None
