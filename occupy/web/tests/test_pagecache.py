"""The page cache: PageCacheMiddleware stores the pages of views marked with @cached_page and serves them again
until public content changes, from this process's copy first, then from the shared cache."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory

from occupy.editions.tests.factories import EditionFactory
from occupy.web.pagecache import LocalPages, PageCacheMiddleware, cached_page, current_version, local_pages, page_key

pytestmark = pytest.mark.django_db
rf = RequestFactory()


def site(calls, response_factory=lambda n: HttpResponse(f"render {n}")):
    """The page-cache middleware in front of a stand-in for the rest of the stack, counting the renders.

    The middleware decides by the view a path resolves to: /2022/…, /news/ and / are marked @cached_page,
    /registration/<token>/ is not.
    """

    def rest_of_the_stack(request):
        calls.append(request.path)
        return cached_page(lambda request: response_factory(len(calls)))(request)

    return PageCacheMiddleware(rest_of_the_stack)


def test_page_is_rendered_once_then_served_from_the_cache():
    calls = []
    serve = site(calls)

    first = serve(rf.get("/2022/schedule/"))
    second = serve(rf.get("/2022/schedule/"))

    assert first.content == second.content == b"render 1"
    assert calls == ["/2022/schedule/"]


def test_page_hit_costs_one_query_and_skips_the_shared_cache(django_assert_num_queries):
    calls = []
    serve = site(calls)
    serve(rf.get("/2022/schedule/"))
    cache.set(page_key(rf.get("/2022/schedule/")), HttpResponse("another process's copy"))

    with django_assert_num_queries(1):  # the content version, nothing else
        assert serve(rf.get("/2022/schedule/")).content == b"render 1"


def test_page_from_the_shared_cache_fills_this_process_copy():
    calls = []
    serve = site(calls)
    serve(rf.get("/news/"))
    local_pages.clear()

    assert serve(rf.get("/news/")).content == b"render 1"
    assert local_pages.get(page_key(rf.get("/news/"))) is not None


def test_page_cache_keys_on_query_string_and_language():
    calls = []
    serve = site(calls)

    serve(rf.get("/2022/schedule/"))
    serve(rf.get("/2022/schedule/?theme=x"))
    serve(rf.get("/2022/schedule/", HTTP_ACCEPT_LANGUAGE="ro"))
    rf.cookies["django_language"] = "uk"
    try:
        serve(rf.get("/2022/schedule/"))
    finally:
        del rf.cookies["django_language"]

    assert len(calls) == 4


def test_page_cache_is_invalidated_by_any_content_change():
    calls = []
    serve = site(calls)
    serve(rf.get("/2022/"))
    before = current_version()

    edition = EditionFactory()
    edition.title = "Renamed"
    edition.save()
    response = serve(rf.get("/2022/"))

    assert current_version() > before
    assert response.content == b"render 2"


def test_page_cache_stores_only_marked_views():
    calls = []
    serve = site(calls)

    serve(rf.get("/registration/abc/"))
    serve(rf.get("/registration/abc/"))

    assert len(calls) == 2


def test_page_cache_never_stores_errors_or_responses_that_set_cookies():
    calls = []
    site(calls, lambda n: HttpResponseNotFound("gone"))(rf.get("/2022/speakers/"))
    site(calls, lambda n: HttpResponseNotFound("gone"))(rf.get("/2022/speakers/"))

    def with_cookie(n):
        response = HttpResponse("personal")
        response.set_cookie("token", "secret")
        return response

    personal = site(calls, with_cookie)
    personal(rf.get("/2022/schedule/"))
    personal(rf.get("/2022/schedule/"))

    assert len(calls) == 4


def test_page_cache_passes_post_through():
    calls = []
    serve = site(calls)

    serve(rf.post("/2022/"))
    serve(rf.post("/2022/"))

    assert len(calls) == 2


def test_page_cache_each_hit_gets_its_own_response_object():
    serve = site([])
    serve(rf.get("/"))
    first = serve(rf.get("/"))
    first.set_cookie("sessionid", "someone-else")
    first["X-Personal"] = "yes"

    second = serve(rf.get("/"))

    assert second is not first
    assert "sessionid" not in second.cookies
    assert "X-Personal" not in second


def test_cached_page_varies_on_cookie_and_language():
    response = site([])(rf.get("/"))

    assert "Cookie" in response["Vary"]
    assert "Accept-Language" in response["Vary"]


def test_page_cache_refuses_a_host_outside_allowed_hosts(client):
    response = client.get("/", HTTP_HOST="evil.example")

    assert response.status_code == 400


def test_page_cache_hit_through_the_whole_stack_keeps_the_security_headers(client, django_assert_num_queries):
    EditionFactory(year=2022, slug="2022")
    client.get("/2022/")

    with django_assert_num_queries(1):
        response = client.get("/2022/")

    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Content-Language"] == "en"


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
