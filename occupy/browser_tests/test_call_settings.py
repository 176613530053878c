"""The organiser's call settings in Chromium, and axe-core on them with and without errors (issue 8).

The submitter's side of the call is walked in test_call_to_schedule_journey.py."""

import re

import pytest
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP
from occupy.editions.models import Edition, EditionRole, Role

pytestmark = [pytest.mark.browser]


def test_call_settings_page_has_no_wcag_violations(demo, open_page, django_user_model):
    organiser = django_user_model.objects.create_user(
        "org@example.org", "org@example.org", "correct horse battery", is_staff=True
    )
    EditionRole.objects.create(edition=Edition.objects.get(slug="sample"), user=organiser, role=Role.ORGANISER)
    page = open_page(DESKTOP)
    page.goto("/organise/sample/call/")
    expect(page).to_have_url(re.compile(r"/account/login/\?next="))  # accounts with a role sign in there
    page.get_by_label("E-mail address").fill("org@example.org")
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/organise/sample/call/$"))
    found = {"settings": wcag_violations(page)}
    page.fill("#id_closes_at", "2000-01-01T10:00")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("The call must close after it opens.")
    found["settings (errors)"] = wcag_violations(page)
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())
