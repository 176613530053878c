"""A librarian in the good-practice library, in Chromium: searches, narrows the results by a country and by a
goal, opens a practice and follows a similar one; axe-core finds no WCAG 2.2 A/AA violation on any of these
pages, nor on the proposal form showing its errors (issue 11)."""

import pytest

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP, PHONE
from occupy.practices.tests.factories import make_practice

pytestmark = [pytest.mark.browser]


@pytest.fixture
def library(transactional_db):
    make_practice(
        title="Coding clubs in Chișinău",
        summary="Children learn to code in the public library.",
        country="MD",
        city="Chișinău",
        sdgs=[4],
        themes=["Coding"],
        audiences=["children"],
    )
    make_practice(
        title="Robotics for girls",
        summary="A library robotics club for girls.",
        country="MD",
        sdgs=[4, 5],
        themes=["Coding"],
        audiences=["youth"],
    )
    make_practice(
        title="Book club for seniors",
        summary="A library club where seniors read together.",
        country="MD",
        sdgs=[10],
        themes=["Reading"],
    )
    make_practice(
        title="Library garden",
        summary="A public library grows vegetables with its readers.",
        country="MD",
        sdgs=[2, 15],
        themes=["Gardening"],
    )
    make_practice(
        title="Biblioteca publică de cartier",
        summary="A neighbourhood library club for children.",
        country="RO",
        sdgs=[4],
        themes=["Reading"],
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_search_narrow_open_and_follow_a_similar_practice(library, open_page, viewport):
    page = open_page(viewport)
    found = {}

    def check(label):
        if violations := wcag_violations(page):
            found[label] = violations

    page.goto("/")
    page.get_by_role("link", name="Practices", exact=True).click()
    page.wait_for_url("**/practices/")
    check("search")
    page.get_by_label("Search the practices").fill("library club")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/practices/?q=library+club")
    assert "4 practices" in page.locator("#results-heading").inner_text()
    check("results")

    page.locator("#facet-country + ul").get_by_role("link", name="Moldova").click()
    page.wait_for_url("**country=MD**")
    assert "3 practices" in page.locator("#results-heading").inner_text()
    page.locator("#facet-sdg + ul").get_by_role("link", name="4. Quality education").click()
    page.wait_for_url("**sdg=4**")
    assert "2 practices" in page.locator("#results-heading").inner_text()
    assert "q=library+club" in page.url and "country=MD" in page.url
    check("narrowed")

    page.get_by_role("link", name="Coding clubs in Chișinău").click()
    page.wait_for_url("**/practices/coding-clubs-in-chisinau/")
    assert page.get_by_role("heading", level=1).inner_text() == "Coding clubs in Chișinău"
    check("practice")

    similar = page.locator(".similar")
    similar.get_by_role("link", name="Robotics for girls").click()
    page.wait_for_url("**/practices/robotics-for-girls/")
    assert page.get_by_role("heading", level=1).inner_text() == "Robotics for girls"
    check("similar practice")

    page.goto("/practices/propose/")
    page.get_by_role("button", name="Send the proposal").click()
    assert "Please correct the fields marked below" in page.content()
    check("proposal form with errors")
    assert found == {}, "\n".join(f"{label}\n  " + "\n  ".join(lines) for label, lines in found.items())
