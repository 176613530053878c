"""A visitor's journey through the public site, in Chromium, on a desktop and on a phone (issue 2)."""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from occupy.browser_tests.conftest import DESKTOP, PHONE
from occupy.editions import sample
from occupy.programme.models import Session

pytestmark = [pytest.mark.browser]


def test_site_css_loads_through_whitenoise(demo, desktop_page):
    desktop_page.goto("/")
    stylesheet = desktop_page.locator("link[rel=stylesheet]").first.get_attribute("href")
    assert stylesheet.startswith("/static/css/site.") and stylesheet != "/static/css/site.css"  # hashed name
    # The skip link is moved off screen by site.css: an unstyled page would leave it in the flow.
    assert desktop_page.locator(".skip-link").evaluate("el => getComputedStyle(el).position") == "absolute"


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_visitor_finds_a_session_in_romanian_and_downloads_its_calendar(demo, open_page, viewport):
    page = open_page(viewport)
    page.goto("/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.locator(".languages a[hreflang=ro]").click()
    expect(page.locator("html")).to_have_attribute("lang", "ro")
    assert page.url.endswith("/")

    page.locator('main a[href="/sample/schedule/"]').first.click()
    expect(page).to_have_url(re.compile(r"/sample/schedule/$"))
    expect(page.locator("html")).to_have_attribute("lang", "ro")

    if not page.locator(".schedule-filter-box").evaluate("box => box.open"):  # folded on a phone
        page.locator(".schedule-filter-box > summary").click()
    theme_select = page.locator("#filter-theme")
    theme_slug = theme_select.locator("option").nth(1).get_attribute("value")
    theme_title = theme_select.locator("option").nth(1).inner_text().strip()
    theme_select.select_option(theme_slug)
    page.locator(".schedule-filters button[type=submit]").click()
    assert f"theme={theme_slug}" in page.url
    expect(theme_select).to_have_value(theme_slug)
    sessions = page.locator(".slot-session")
    expected = Session.objects.filter(edition__slug="sample", theme__slug=theme_slug, starts_at__isnull=False).count()
    expect(sessions).to_have_count(expected)
    assert all(theme_title in facts for facts in page.locator(".slot-session__facts").all_inner_texts())

    first = sessions.first.locator(".slot-session__title a")
    title = first.inner_text().strip()
    first.click()
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", "ro")

    with page.expect_download() as download_info:
        page.locator('a[href$="session.ics"]').first.click()
    calendar = download_info.value.path().read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "BEGIN:VEVENT" in calendar
    unfolded = calendar.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    with translation.override("ro"):  # the sample edition's events say they are sample data, in the page's language
        assert f"SUMMARY:{sample.SUBJECT_PREFIX} {title}" in unfolded
