"""The sample-data notice in Chromium (issue 6): seen at the top of a sample edition's pages, announced as a
note, readable at a phone's width, and with no WCAG 2.2 A/AA violation (its contrast included)."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP, PHONE
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def sample_pages(transactional_db):
    start = timezone.now().date() + datetime.timedelta(days=21)
    edition = EditionFactory(
        year=2039, slug="sample", start_date=start, end_date=start + datetime.timedelta(days=1), is_sample=True
    )
    starts = datetime.datetime.combine(start, datetime.time(9), tzinfo=datetime.UTC)
    session = SessionFactory(edition=edition, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))
    speaker = PersonFactory(is_sample=True)
    SessionSpeakerFactory(session=session, person=speaker)
    return [
        "/sample/",
        "/sample/schedule/",
        f"/sample/sessions/{session.slug}/",
        "/sample/speakers/",
        f"/speakers/{speaker.slug}/",
        "/sample/register/",
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_sample_pages_show_the_notice_accessibly(sample_pages, open_page, viewport):
    page = open_page(viewport)
    found = {}
    for path in sample_pages:
        assert page.goto(path).status == 200, path
        notice = page.get_by_role("note", name="Sample data")
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("It is not a real Occupy Library edition.")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        if violations := wcag_violations(page):
            found[path] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())
