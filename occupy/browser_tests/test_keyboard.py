"""Everything a visitor does with a mouse works with Tab and Enter alone, with the focus visible (issue 2)."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]


def tab_to(page, selector: str, limit: int = 400) -> None:
    """Press Tab until the element matching `selector` has the focus; fail if it is never reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab on {page.url}")


def focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        }"""
    )


def test_navigation_and_schedule_filters_work_by_keyboard(demo, desktop_page):
    page = desktop_page
    page.goto("/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    expect(page.locator(".skip-link")).to_be_in_viewport()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    tab_to(page, '.main-nav a[href="/sample/"]')
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sample/$"))

    tab_to(page, 'main a[href="/sample/schedule/"]')
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/sample/schedule/$"))

    tab_to(page, "#filter-theme")
    assert focus_is_visible(page)
    page.keyboard.press("ArrowDown")
    theme = page.locator("#filter-theme").input_value()
    assert theme != ""
    tab_to(page, ".schedule-filters button[type=submit]")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"theme={theme}"))
    expect(page.locator("#filter-theme")).to_have_value(theme)

    tab_to(page, ".slot-session__title a")
    title = page.evaluate("document.activeElement.textContent").strip()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
