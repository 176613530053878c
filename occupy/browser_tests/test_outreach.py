"""Announcements, the survey and the dashboard in Chromium: an organiser composes an announcement, previews it,
sends it and sees every message sent; opens the survey and the dashboard; a participant answers the survey.
axe-core finds no WCAG violation on any of these pages."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.outreach.models import Announcement, AnnouncementRecipient, AnnouncementStatus, QuestionKind
from occupy.outreach.services import survey as survey_service
from occupy.outreach.services.announcements import send_remainder
from occupy.programme.tests.factories import build_programme
from occupy.registration.models import AttendanceMode
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery"


@pytest.fixture
def edition(transactional_db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    edition = EditionFactory(slug="outreach", year=2031, time_zone="Europe/Bucharest")
    RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Bohdan Shevchuk", country="UA")
    RegistrationFactory(edition=edition, name="Cristina Ionescu", language="ro")
    build_programme(edition, sessions=6)
    return edition


@pytest.fixture
def organiser_page(edition, desktop_page, django_user_model):
    user = django_user_model.objects.create_user("organiser", "organiser@example.org", PASSWORD)
    grant_role(edition=edition, user=user, role=Role.ORGANISER)
    page = desktop_page
    page.goto(f"/organise/{edition.slug}/announcements/")
    page.fill("[name=username]", "organiser")
    page.fill("[name=password]", PASSWORD)
    page.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/organise/{edition.slug}/announcements/$"))
    return page


def test_an_organiser_sends_an_announcement_and_opens_the_dashboard(organiser_page, edition):
    page = organiser_page
    assert wcag_violations(page) == []

    page.locator("#id_subject").fill("Doors open at nine")
    page.locator("#id_body").fill("Welcome to Bucharest.\n\nThe map: https://example.org/map")
    page.get_by_label("Everyone confirmed").check()
    page.get_by_role("button", name="Save and preview").click()

    expect(page.get_by_text("It reaches 3 people.")).to_be_visible()
    expect(page.locator(".email-preview")).to_contain_text("Welcome to Bucharest.")
    assert wcag_violations(page) == []

    page.get_by_role("button", name="Send to 3 people").click()
    expect(page.locator("#progress-text")).to_contain_text("3 of 3 sent")
    assert len(mail.outbox) == 3
    assert wcag_violations(page) == []

    page.goto(f"/organise/{edition.slug}/dashboard/")
    expect(page.get_by_role("heading", name=f"Dashboard: {edition.title}")).to_be_visible()
    page.locator("details summary").first.click()
    assert wcag_violations(page) == []


def test_the_survey_pages_for_organisers_and_participants(organiser_page, edition, open_page):
    page = organiser_page
    page.goto(f"/organise/{edition.slug}/survey/")
    page.locator("#id_label").fill("How useful was the conference?")
    page.get_by_label("A scale from 1 to 5").check()
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_text("The question is added.")).to_be_visible()
    page.get_by_role("button", name="Open the survey").click()
    expect(page.get_by_text("The survey is open", exact=False).first).to_be_visible()
    assert wcag_violations(page) == []

    participant = open_page()
    registration = edition.registrations.get(name="Ana Popescu")
    participant.goto(registration.get_absolute_url())
    participant.get_by_role("link", name="The survey about this edition").click()
    assert wcag_violations(participant) == []
    participant.get_by_role("button", name="Send my answers").click()  # the question is optional: no answer
    expect(participant.get_by_role("heading", name="Thank you")).to_be_visible()

    survey = survey_service.survey_of(edition)
    survey_service.add_question(
        survey=survey, label="Anything else?", kind=QuestionKind.TEXT, options="", required=True
    )
    page.goto(f"/organise/{edition.slug}/survey/results/")
    expect(page.get_by_text("1 participant answered.")).to_be_visible()
    assert wcag_violations(page) == []


def test_the_progress_bar_follows_the_sending_without_a_reload(organiser_page, edition):
    """Recipients frozen, nothing sent yet (as when the worker is busy): the page polls and shows each step."""
    announcement = Announcement.objects.create(
        edition=edition, subject="Doors open", body="At nine.", status=AnnouncementStatus.SENDING, recipients_count=3
    )
    AnnouncementRecipient.objects.bulk_create(
        [
            AnnouncementRecipient(announcement=announcement, address=r.email.lower(), name=r.name)
            for r in edition.registrations.all()
        ]
    )
    page = organiser_page
    page.goto(f"/organise/{edition.slug}/announcements/{announcement.pk}/")
    expect(page.locator("#progress-text")).to_contain_text("0 of 3 sent")
    expect(page.get_by_role("link", name="Show the progress again")).to_be_hidden()  # the script polls instead
    assert wcag_violations(page) == []
    page.evaluate("window.__sameDocument = true")

    send_remainder(announcement=announcement)

    expect(page.locator("#progress-text")).to_contain_text("3 of 3 sent · All sent.")
    assert page.evaluate("window.__sameDocument") is True  # no reload
    assert page.locator("#progress-bar").get_attribute("value") == "3"
