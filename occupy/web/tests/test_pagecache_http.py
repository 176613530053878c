"""What the page cache answers over HTTP: junk in the query string never makes a new cache entry, and public
pages carry validators and a shared-cache lifetime, with 304s served from the stored copy."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from occupy.editions.tests.factories import ThemeFactory
from occupy.programme.tests.programme_pages import make_online_edition
from occupy.web.pagecache import local_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return make_online_edition()


def shared_pages() -> int:
    """Pages in the shared cache (the tests' local-memory backend; Redis in production)."""
    return sum(1 for key in cache._cache if ":page:" in key)


def test_unique_junk_parameters_make_no_new_cache_entries(client, edition, django_assert_num_queries):
    clean = client.get("/2020/schedule/")

    with django_assert_num_queries(200):  # one query each (the content version): every one is a hit
        pages = [client.get(f"/2020/schedule/?cb={n}&utm_source=mail{n}") for n in range(200)]

    assert {page.status_code for page in pages} == {200}
    assert {page.content for page in pages} == {clean.content}
    assert len(local_pages) == 1
    assert shared_pages() == 1


def test_junk_parameters_leave_no_trace_in_the_page(client, edition):
    response = client.get("/2020/schedule/?utm_campaign=spring&theme=innovation")

    html = response.content.decode()
    assert "utm_campaign" not in html
    assert "spring" not in html
    assert "theme%3Dinnovation" in html  # the language switch comes back to the same filtered page


def test_a_real_filter_gets_its_own_entry(client, edition):
    everything = client.get("/2020/schedule/")
    filtered = client.get("/2020/schedule/?theme=innovation&cb=1")
    client.get("/2020/schedule/?cb=2&theme=innovation&theme=innovation")

    assert filtered.content != everything.content
    assert len(local_pages) == 2


def test_parameter_order_and_repeats_share_one_entry(client, edition):
    ThemeFactory(edition=edition, slug="other", title="Other theme")
    first = client.get("/2020/schedule/?tz=Europe/Kyiv&theme=innovation")
    client.get("/2020/schedule/?theme=innovation&tz=Europe/Kyiv")
    client.get("/2020/schedule/?theme=other&tz=+Europe/Kyiv+&theme=innovation")  # a view reads the last value

    assert first.status_code == 200
    assert len(local_pages) == 1


def test_a_bad_value_of_a_read_parameter_is_answered_clearly_and_not_stored(client, edition):
    responses = [client.get(f"/2020/schedule/?theme=nothing-{n}") for n in range(20)]

    assert {response.status_code for response in responses} == {400}
    assert "There is no theme “nothing-19” in this edition" in responses[-1].content.decode()
    assert len(local_pages) == 0


def test_session_page_keys_on_its_time_zone_only(client, edition):
    in_kyiv = client.get("/2020/sessions/opening/?tz=Europe/Kyiv&ref=newsletter")
    client.get("/2020/sessions/opening/?tz=Europe/Kyiv")
    client.get("/2020/sessions/opening/?theme=innovation")

    assert in_kyiv.status_code == 200
    assert "Europe/Kyiv" in in_kyiv.content.decode()
    assert len(local_pages) == 2


@override_settings(PUBLIC_MAX_AGE=17, PUBLIC_STALE_WHILE_REVALIDATE=5)
@pytest.mark.parametrize("path", ["/2020/schedule/", "/2020/sessions/opening/", "/2020/schedule.json", "/news/feed/"])
def test_public_pages_and_exports_carry_validators_and_a_shared_lifetime(client, edition, path):
    first = client.get(path)
    hit = client.get(path)

    assert first.status_code == hit.status_code == 200
    assert first["ETag"].startswith('"') and first["ETag"] == hit["ETag"]
    assert first["Last-Modified"] == hit["Last-Modified"]
    assert set(first["Cache-Control"].split(", ")) == {"public", "max-age=17", "stale-while-revalidate=5"}


@pytest.mark.parametrize("path", ["/2020/schedule/", "/2020/schedule.ics"])
def test_if_none_match_gets_304_from_the_stored_copy(client, edition, path, django_assert_num_queries):
    etag = client.get(path)["ETag"]

    with django_assert_num_queries(1):  # the content version: nothing is rendered
        response = client.get(path, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_if_modified_since_gets_304_from_the_stored_copy(client, edition, django_assert_num_queries):
    last_modified = client.get("/2020/schedule/")["Last-Modified"]

    with django_assert_num_queries(1):
        response = client.get("/2020/schedule/?utm_source=x", HTTP_IF_MODIFIED_SINCE=last_modified)

    assert response.status_code == 304


def test_a_conditional_request_after_a_content_change_gets_the_new_page(client, edition):
    etag = client.get("/2020/schedule/")["ETag"]
    edition.title = "Occupy Library 2020, renamed"
    edition.save()

    response = client.get("/2020/schedule/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 200
    assert "renamed" in response.content.decode()
    assert response["ETag"] != etag


def test_the_first_render_answers_a_matching_conditional_request_too(client, edition):
    etag = client.get("/2020/schedule/")["ETag"]
    local_pages.clear()
    cache.clear()

    response = client.get("/2020/schedule/", HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304


def test_pages_in_other_languages_have_other_validators(client, edition):
    english = client.get("/2020/schedule/")
    romanian = client.get("/2020/schedule/", HTTP_ACCEPT_LANGUAGE="ro")

    assert english["ETag"] != romanian["ETag"]
    assert (
        client.get("/2020/schedule/", HTTP_ACCEPT_LANGUAGE="ro", HTTP_IF_NONE_MATCH=english["ETag"]).status_code == 200
    )
