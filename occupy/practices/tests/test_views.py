"""The library's public pages through the test client: search, facets, pagination, bad input, a practice and its
similar ones, the country and goal pages, the open data and the feed; proposed practices stay private."""

import json

import pytest
from django.urls import reverse

from occupy.live.models import SessionStream
from occupy.practices.enums import Status
from occupy.practices.queries import PER_PAGE
from occupy.practices.tests.factories import DAY, bulk_practices, make_practice
from occupy.programme.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


@pytest.fixture
def library():
    return {
        "code": make_practice(title="CODE club", country="MD", sdgs=[4], themes=["Coding"], audiences=["children"]),
        "repair": make_practice(title="Repair café", country="RO", sdgs=[12], themes=["Repair"], audiences=["adults"]),
        "seeds": make_practice(title="Seed library", country="RO", sdgs=[4, 12], themes=["Repair", "Gardening"]),
    }


def test_the_search_page_lists_every_public_practice_with_facet_counts(client, library):
    html = page(client, "/practices/")
    assert "3 practices" in html
    assert 'Moldova <span class="facet__count">(1)</span>' in html
    assert 'Romania <span class="facet__count">(2)</span>' in html
    assert '4. Quality education <span class="facet__count">(2)</span>' in html
    assert 'Repair <span class="facet__count">(2)</span>' in html


def test_facets_combine_and_their_counts_follow_the_narrowed_results(client, library):
    html = page(client, "/practices/?country=RO&sdg=4")
    assert "1 practice" in html
    assert "Seed library" in html and "Repair café" not in html and "CODE club" not in html
    # The chosen facets link to the search without them; the others narrow further.
    assert 'href="/practices/?sdg=4" aria-current="true"' in html
    assert 'href="/practices/?country=RO" aria-current="true"' in html
    assert 'Gardening <span class="facet__count">(1)</span>' in html
    assert "Moldova" not in html.split('id="facets-heading"')[1].split("</aside>")[0]


def test_a_search_and_its_facets_keep_each_other_in_their_links(client, library):
    html = page(client, "/practices/?q=library&theme=repair")
    assert "Seed library" in html
    assert 'href="/practices/?q=library&amp;country=RO&amp;theme=repair"' in html
    assert '<input type="hidden" name="theme" value="repair">' in html


def test_results_are_paginated_with_shareable_page_links(client):
    bulk_practices(PER_PAGE + 5)
    first = page(client, "/practices/?audience=children")
    assert f"{PER_PAGE + 5} practices" in first
    assert first.count('class="card practice-card"') == PER_PAGE
    assert 'href="/practices/?audience=children&amp;page=2" rel="next"' in first
    second = page(client, "/practices/?audience=children&page=2")
    assert second.count('class="card practice-card"') == 5
    # A page that does not exist shows the last one; a page that is not a number, the first.
    assert page(client, "/practices/?audience=children&page=99").count('class="card practice-card"') == 5
    assert page(client, "/practices/?audience=children&page=x").count('class="card practice-card"') == PER_PAGE
    huge = page(client, "/practices/?audience=children&page=99999999999999999999999999")
    assert huge.count('class="card practice-card"') == 5


def test_sort_by_date_puts_the_newest_first(client):
    import datetime

    make_practice(title="Old library robots", published_at=DAY)
    make_practice(title="New", summary="Robots in the library.", published_at=DAY + datetime.timedelta(days=5))
    relevance = page(client, "/practices/?q=robots")
    assert relevance.index("Old library robots") < relevance.index(">New<")
    newest = page(client, "/practices/?q=robots&sort=date")
    assert newest.index(">New<") < newest.index("Old library robots")


@pytest.mark.parametrize(
    "query",
    [
        "sdg=99",
        "sdg=abc",
        "country=XX",
        "country=Romania",
        "audience=dragons",
        "type=castle",
        "sort=random",
        "theme=not a slug!",
        "edition=%3Cscript%3E",
    ],
)
def test_an_impossible_facet_value_is_refused_with_a_message(client, library, query):
    html = page(client, f"/practices/?{query}", status=400)
    assert "This search cannot be made" in html
    assert "<script>" not in html


def test_bad_input_is_refused_in_the_page_language(client, library):
    response = client.get("/practices/?sdg=99", HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 400
    assert "This search cannot be made" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "(((",
        "a & | !",
        "'; DROP TABLE practices_practice; --",
        "%00",
        "club%00reading",
        "🙂",
        "x" * 10_000,
        "<script>alert(1)</script>",
        "-",
        "%E2%80%AE",
    ],
)
def test_any_query_in_the_url_gives_a_page(client, library, query):
    html = page(client, f"/practices/?q={query}")
    assert "<script>alert" not in html


def test_markup_in_every_field_is_shown_escaped(client):
    markup = "<img src=x onerror=alert(1)>"
    practice = make_practice(
        title=f"Title {markup}",
        summary=f"Summary {markup}",
        description=f"Text {markup}",
        organisation=markup,
        city=markup,
        partners=markup,
        results=markup,
        contact_name=markup,
        contact_email="a@example.org",
        contact_is_public=True,
        themes=[f"Theme {markup}"],
        sdgs=[4],
    )
    for url in [
        practice.get_absolute_url(),
        "/practices/",
        "/practices/?q=summary",
        "/practices/sdg/4/",
        "/practices/countries/ro/",
    ]:
        html = page(client, url)
        assert "<img src=x" not in html, url
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, url
    assert "<img" not in page(client, "/practices/feed/").replace("&lt;img", "")


def test_a_proposed_or_rejected_practice_is_nowhere_in_public(client, library):
    proposed = make_practice(title="Secret proposal", status=Status.PROPOSED, published_at=None, sdgs=[4])
    rejected = make_practice(title="Rejected idea", status=Status.REJECTED, published_at=None, sdgs=[4])
    for practice in (proposed, rejected):
        assert client.get(practice.get_absolute_url()).status_code == 404
    for url in [
        "/practices/",
        "/practices/?q=secret+proposal",
        "/practices/?q=rejected",
        "/practices/sdg/4/",
        "/practices/countries/ro/",
        "/practices/feed/",
        "/practices/practices.csv",
        "/practices/practices.json",
    ]:
        body = page(client, url)
        assert "Secret proposal" not in body and "Rejected idea" not in body, url


def test_a_practice_page_shows_the_practice_and_similar_ones(client, library):
    make_practice(title="Unrelated", country="GE", sdgs=[1])
    html = page(client, library["seeds"].get_absolute_url())
    assert "Seed library" in html
    similar = html.split('id="similar-heading"')[1]
    # Repair café shares a goal, a theme and the country; CODE club a goal only; Unrelated nothing.
    assert similar.index("Repair café") < similar.index("CODE club")
    assert "Unrelated" not in similar
    assert 'href="/practices/sdg/12/"' in html
    assert 'href="/practices/countries/RO/"' in html


def test_a_contact_is_shown_only_where_the_presenter_agreed(client):
    shown = make_practice(title="Shown", contact_name="Ana", contact_email="ana@example.org", contact_is_public=True)
    hidden = make_practice(title="Hidden", contact_name="Bob", contact_email="bob@example.org")
    assert "ana@example.org" in page(client, shown.get_absolute_url())
    assert "bob@example.org" not in page(client, hidden.get_absolute_url())
    data = json.loads(page(client, "/practices/practices.json"))
    contacts = {p["title"]: p["contact_email"] for p in data["practices"]}
    assert contacts == {"Shown": "ana@example.org", "Hidden": ""}
    assert "bob@example.org" not in page(client, "/practices/practices.csv")


def test_the_country_and_goal_pages_list_their_practices(client, library):
    html = page(client, "/practices/countries/md/")
    assert "Good practices from Moldova" in html and "CODE club" in html and "Repair café" not in html
    html = page(client, "/practices/sdg/12/")
    assert "12. Responsible consumption and production" in html
    assert "Repair café" in html and "Seed library" in html and "CODE club" not in html
    page(client, "/practices/countries/xx/", status=404)
    page(client, "/practices/sdg/18/", status=404)
    page(client, "/practices/sdg/0/", status=404)


def test_the_open_data_states_its_licence_and_lists_public_practices(client, library):
    data = json.loads(page(client, "/practices/practices.json"))
    assert data["licence"] == "CC BY 4.0"
    assert "creativecommons.org/licenses/by/4.0" in data["licence_url"]
    assert {p["title"] for p in data["practices"]} == {"CODE club", "Repair café", "Seed library"}
    seeds = next(p for p in data["practices"] if p["title"] == "Seed library")
    assert seeds["sdgs"] == [4, 12] and seeds["country"] == "RO"
    csv_text = page(client, "/practices/practices.csv")
    assert csv_text.splitlines()[0].startswith('"# ') and "CC BY 4.0" in csv_text.splitlines()[0]
    assert "Seed library" in csv_text


def test_a_cell_that_a_spreadsheet_would_run_is_neutralised(client):
    make_practice(title='=HYPERLINK("http://evil")')
    assert "'=HYPERLINK" in page(client, "/practices/practices.csv")


def test_the_feed_lists_new_practices_and_marks_sample_ones(client, library):
    make_practice(title="Invented practice", is_sample=True)
    feed = page(client, "/practices/feed/")
    assert "<feed" in feed and "Seed library" in feed
    assert "[Sample] Invented practice" in feed


def test_a_sample_practice_says_so_on_its_page_and_in_results(client):
    from occupy.editions.tests.factories import EditionFactory

    sample = EditionFactory(year=2039, slug="sample", is_sample=True)
    practice = make_practice(title="Invented practice", is_sample=True, edition=sample)
    html = page(client, practice.get_absolute_url())
    assert 'class="sample-notice"' in html
    assert "Sample data" in page(client, "/practices/")


def test_the_layout_links_to_the_library(client):
    assert 'href="/practices/"' in page(client, reverse("content:about"))


@pytest.mark.parametrize("size", [100, 5000])
def test_the_search_page_queries_are_fixed_whatever_the_size(client, django_assert_max_num_queries, size):
    bulk_practices(size)
    for url in [
        "/practices/",
        "/practices/?q=club+children&country=RO&sdg=4",
        "/practices/?theme=theme-3&page=2",
        "/practices/?q=reading&sort=date",
    ]:
        # The content version, the editions of the menu, the versions again (the search's cache key), the matches
        # with every facet's counts and the page's ids, the page's practices, their tags.
        with django_assert_max_num_queries(6):
            response = client.get(url)
        assert response.status_code == 200
    # A page past the end, beyond the first pages the search cache keeps, asks once more for the last page.
    with django_assert_max_num_queries(7):
        assert client.get("/practices/?q=library&page=999").status_code == 200
    # The same search at another page: its facets and first pages' ids come from the cache, without an aggregate.
    with django_assert_max_num_queries(5):
        assert client.get("/practices/?q=club+children&country=RO&sdg=4&page=2").status_code == 200


def test_a_search_seen_before_shows_a_practice_approved_since(client, library):
    from occupy.practices import services

    assert "Story time" not in page(client, "/practices/?q=library&page=2")
    assert "Story time" not in page(client, "/practices/?q=library")
    proposed = make_practice(title="Story time in the library", status=Status.PROPOSED)
    assert "Story time" not in page(client, "/practices/?q=library")
    services.decide(practice=proposed, status=Status.APPROVED)
    assert "Story time in the library" in page(client, "/practices/?q=library")
    assert "Story time in the library" in page(client, "/practices/?q=library&page=1&country=RO")


@pytest.mark.parametrize("size", [10, 60])
def test_a_practice_page_queries_are_fixed_whatever_the_size(client, django_assert_max_num_queries, size):
    ids = bulk_practices(size)
    from occupy.practices.models import Practice

    with django_assert_max_num_queries(7):
        assert client.get(Practice.objects.get(pk=ids[0]).get_absolute_url()).status_code == 200


def test_a_practice_shows_its_sessions_recording_once_an_organiser_made_it_public(client):
    session = SessionFactory(title="Seed libraries in villages")
    stream = SessionStream.objects.create(session=session, recording_url="https://video.example.org/seeds")
    practice = make_practice(title="Seed library", edition=session.edition, session=session)
    assert "https://video.example.org/seeds" not in page(client, practice.get_absolute_url())
    stream.recording_is_public = True
    stream.save()
    html = page(client, practice.get_absolute_url())
    assert '<a href="https://video.example.org/seeds">Watch the recording of this session</a>' in html
