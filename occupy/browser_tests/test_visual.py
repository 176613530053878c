"""The pages a participant meets look as recorded (issue 9): the schedule, a session, the manage page and an e-mail,
in Chromium at 390 px and 1366 px, and the ticket PDF drawn by poppler, compared with the PNGs in
occupy/browser_tests/screenshots/ (screens.py says how, and with what tolerance).

Record them again after an intended change of the layout:
    UPDATE_SCREENSHOTS=1 .venv/bin/pytest -p no:cacheprovider occupy/browser_tests/test_visual.py
"""

import re
from pathlib import Path

import pytest
from django.utils import translation

from occupy.browser_tests.fixed_edition import build_fixed_edition, fixed_registration
from occupy.browser_tests.screens import assert_looks_like, difference, pdf_page_as_png, recording, screenshot

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 900}
VIEWPORTS = {"390": PHONE, "1366": WIDE}


# The visitor's own clock and language, which a page may show ("Show in my time (UTC)"), are fixed too.
SAME_EVERYWHERE = {"timezone_id": "UTC", "locale": "en-GB"}


@pytest.fixture
def fixed(transactional_db, settings):
    settings.SECRET_KEY = "a fixed key, so the signed check-in code on the ticket is the same in every run"
    edition = build_fixed_edition(year=2041, slug="fixed")
    return edition, fixed_registration(edition)


def open_in_english(open_page, width: str):
    viewport = VIEWPORTS[width]
    page = open_page(viewport, is_mobile=viewport is PHONE, has_touch=viewport is PHONE, **SAME_EVERYWHERE)
    page.goto("/language/?lang=en&next=/")
    return page


@pytest.mark.parametrize("width", VIEWPORTS)
def test_schedule_session_and_manage_page_look_as_recorded(fixed, open_page, width):
    edition, registration = fixed
    page = open_in_english(open_page, width)
    pages = {
        "schedule": f"/{edition.slug}/schedule/",
        "session": f"/{edition.slug}/sessions/repair-cafe/",
        "manage": registration.get_absolute_url(),
    }
    mismatches = []  # every page is compared, so one run shows every diff
    for name, path in pages.items():
        assert page.goto(path).status == 200, path
        try:
            assert_looks_like(f"{name}-{width}.png", screenshot(page))
        except AssertionError as mismatch:
            mismatches.append(str(mismatch))
    assert mismatches == [], "\n".join(mismatches)


def offline(page):
    """Like WeasyPrint and a careful mail client: only data: URIs load, no request leaves the page."""
    page.route(re.compile(r"^(?!data:)"), lambda route: route.abort())


def test_ticket_looks_as_recorded(fixed, tmp_path):
    """The ticket PDF as the participant downloads it (WeasyPrint's own layout), its first page drawn by poppler."""
    from occupy.registration.services.tickets import render_ticket_pdf

    _, registration = fixed
    with translation.override("en"):
        pdf = render_ticket_pdf(registration)
    assert_looks_like("ticket.png", pdf_page_as_png(pdf, tmp_path))


@pytest.mark.parametrize("width", VIEWPORTS)
def test_confirmation_email_looks_as_recorded(fixed, open_page, width):
    """The HTML part of the e-mail that confirms a registration, as a mail client about that wide shows it."""
    from occupy.registration.mailing import build_message
    from occupy.registration.models import EmailKind, EmailLog

    _, registration = fixed
    log = EmailLog(registration=registration, kind=EmailKind.CONFIRMED, to=registration.email)
    message = build_message(log)
    (html,) = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    page = open_page(VIEWPORTS[width], **SAME_EVERYWHERE)
    offline(page)
    page.set_content(html)
    assert_looks_like(f"email-confirmed-{width}.png", screenshot(page))


def test_screenshot_comparison_fails_when_the_layout_breaks(fixed, open_page, tmp_path, monkeypatch):
    """The same page twice matches; the page with its main column squeezed does not, and the failure names a
    diff image that exists."""
    monkeypatch.delenv("UPDATE_SCREENSHOTS", raising=False)
    assert not recording()
    edition, _ = fixed
    page = open_in_english(open_page, "1366")
    page.goto(f"/{edition.slug}/schedule/")
    before = screenshot(page)
    (tmp_path / "schedule.png").write_bytes(before)
    page.reload()
    assert_looks_like("schedule.png", screenshot(page), folder=tmp_path)
    # Script run by the test (not the page) may set styles under the site's CSP.
    page.evaluate("document.querySelector('main').style.maxWidth = '420px'")
    with pytest.raises(AssertionError) as failure:
        assert_looks_like("schedule.png", screenshot(page), folder=tmp_path)
    diff = re.search(r"See (\S+\.diff\.png)", str(failure.value)).group(1)
    assert Path(diff).exists() and "of the pixels differ" in str(failure.value)


def test_difference_counts_pixels_outside_the_common_area():
    from PIL import Image

    white = Image.new("RGB", (10, 10), (255, 255, 255))
    taller = Image.new("RGB", (10, 20), (255, 255, 255))
    assert difference(white, white)[0] == 0
    assert difference(white, taller)[0] == 0.5
