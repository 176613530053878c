"""No stampede: while one request renders a page again after a change, the others get the previous copy and
only one renders it; with the cache unreachable, every request renders (never an error)."""

import threading

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory

from occupy.web.cacheguard import breaker
from occupy.web.pagecache import PageCacheMiddleware, bump_scopes, cached_page, edition_scope, local_pages
from occupy.web.tests.test_health import closed_port

rf = RequestFactory()


class SlowSite:
    """The page-cache middleware in front of a view (test code) that takes `seconds` to render, counting
    renders and saying when one has begun."""

    def __init__(self, seconds: float):
        self.seconds, self.renders, self.rendering = seconds, 0, threading.Event()
        self.lock = threading.Lock()
        self.middleware = PageCacheMiddleware(self._rest_of_the_stack)

    def _rest_of_the_stack(self, request):
        with self.lock:
            self.renders += 1
            number = self.renders
        self.rendering.set()
        threading.Event().wait(self.seconds)
        return cached_page(lambda request: HttpResponse(f"render {number}"))(request)

    def get(self, path: str) -> bytes:
        try:
            return self.middleware(rf.get(path)).content
        finally:
            if threading.current_thread() is not threading.main_thread():
                connection.close()


@pytest.mark.django_db(transaction=True)
def test_after_a_change_one_request_renders_and_the_others_get_the_previous_copy():
    site = SlowSite(seconds=0.0)
    assert site.get("/2022/schedule/") == b"render 1"
    bump_scopes(edition_scope("2022"))  # an organiser moved a session of 2022
    site.seconds = 0.5
    site.rendering.clear()
    results = {}

    renderer = threading.Thread(target=lambda: results.setdefault("first", site.get("/2022/schedule/")))
    renderer.start()
    assert site.rendering.wait(5)
    others = [site.get("/2022/schedule/") for _ in range(5)]  # while the first is still rendering
    renderer.join()

    assert others == [b"render 1"] * 5
    assert results["first"] == b"render 2"
    assert site.renders == 2
    local_pages.clear()
    assert site.get("/2022/schedule/") == b"render 2"  # the new copy, from the shared cache


@pytest.mark.django_db(transaction=True)
def test_a_page_never_stored_is_rendered_even_while_another_request_renders_it():
    site = SlowSite(seconds=0.5)
    results = {}

    renderer = threading.Thread(target=lambda: results.setdefault("first", site.get("/2020/schedule/")))
    renderer.start()
    assert site.rendering.wait(5)
    second = site.get("/2020/schedule/")
    renderer.join()

    assert {results["first"], second} == {b"render 1", b"render 2"}  # nothing older to give: no one waits


@pytest.mark.django_db
def test_with_the_cache_unreachable_every_request_renders_and_none_fails(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        }
    }
    breaker.reset()
    site = SlowSite(seconds=0.0)
    try:
        first = site.get("/2022/schedule/")
        bump_scopes(edition_scope("2022"))
        local_pages.clear()
        second = site.get("/2022/schedule/")
    finally:
        breaker.reset()

    assert (first, second) == (b"render 1", b"render 2")
