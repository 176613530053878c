import pytest
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory
from django.utils import translation

from occupy.editions.tests.factories import EditionFactory
from occupy.web.pagecache import cached_page, current_version

pytestmark = pytest.mark.django_db
rf = RequestFactory()


def counting_view(calls, response_factory=lambda n: HttpResponse(f"render {n}")):
    @cached_page
    def view(request):
        calls.append(request.path)
        return response_factory(len(calls))

    return view


def test_cached_page_renders_once_then_serves_the_copy():
    calls = []
    view = counting_view(calls)

    first = view(rf.get("/2022/schedule/"))
    second = view(rf.get("/2022/schedule/"))

    assert first.content == second.content == b"render 1"
    assert calls == ["/2022/schedule/"]


def test_cached_page_hit_costs_one_query(django_assert_num_queries):
    view = counting_view([])
    view(rf.get("/"))

    with django_assert_num_queries(1):
        view(rf.get("/"))


def test_cached_page_keys_on_query_string_and_language():
    calls = []
    view = counting_view(calls)

    view(rf.get("/2022/schedule/"))
    view(rf.get("/2022/schedule/?theme=x"))
    with translation.override("ro"):
        view(rf.get("/2022/schedule/"))

    assert len(calls) == 3


def test_cached_page_is_invalidated_by_any_content_change():
    calls = []
    view = counting_view(calls)
    view(rf.get("/2022/"))
    before = current_version()

    edition = EditionFactory()
    edition.title = "Renamed"
    edition.save()
    response = view(rf.get("/2022/"))

    assert current_version() > before
    assert response.content == b"render 2"


def test_cached_page_never_stores_errors_or_responses_that_set_cookies():
    calls = []
    not_found = counting_view(calls, lambda n: HttpResponseNotFound("gone"))
    not_found(rf.get("/x/"))
    not_found(rf.get("/x/"))

    def with_cookie(n):
        response = HttpResponse("personal")
        response.set_cookie("token", "secret")
        return response

    personal = counting_view(calls, with_cookie)
    personal(rf.get("/y/"))
    personal(rf.get("/y/"))

    assert len(calls) == 4


def test_cached_page_passes_post_through():
    calls = []
    view = counting_view(calls)

    view(rf.post("/z/"))
    view(rf.post("/z/"))

    assert len(calls) == 2


def test_cached_page_varies_on_cookie_and_language():
    response = counting_view([])(rf.get("/"))

    assert "Cookie" in response["Vary"]
    assert "Accept-Language" in response["Vary"]
