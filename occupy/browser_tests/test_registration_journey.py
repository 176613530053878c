"""A participant's journey in Chromium (issue 3): register, confirm from the e-mail, build an agenda, download
it and the ticket, switch to online, cancel; the organisers' check-in page on a phone; axe-core on the private pages.

They walk the demo's sample edition, as a newcomer after `make run` does: its dates follow today, so its
registration is open and the agenda is offered whatever the day the tests run.
"""

import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.db.models import Count
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import PHONE
from occupy.editions import sample as sample_data
from occupy.editions.models import Edition
from occupy.programme.models import Session
from occupy.registration.models import Registration
from occupy.registration.tests.pdfs import pdf_text

pytestmark = [pytest.mark.browser]

EMAIL = "ana.popescu@biblioteca.example"


@pytest.fixture
def sample(demo):
    return Edition.objects.get(slug="sample")


def three_sessions(edition) -> list[Session]:
    """Two sessions at the same time in different rooms (they overlap) and one at another time."""
    sessions = Session.objects.filter(edition=edition, starts_at__isnull=False, capacity__isnull=True)
    busy = (
        sessions.values("starts_at")
        .annotate(n=Count("pk"))
        .filter(n__gte=2)
        .order_by("starts_at")
        .first()["starts_at"]
    )
    pair = list(sessions.filter(starts_at=busy).order_by("pk")[:2])
    other = sessions.exclude(starts_at__lt=pair[0].ends_at, ends_at__gt=busy).order_by("starts_at", "pk").first()
    return [*pair, other]


def confirmation_path() -> str:
    [message] = [m for m in mail.outbox if EMAIL in m.to]
    return re.search(r"https?://[^/\s]+(/sample/register/confirm/\S+/)", message.body).group(1)


def register(page, attendance: str = "live") -> None:
    page.goto("/")  # the home page leads to the sample edition's open registration
    page.locator('main a[href="/sample/register/"]').first.click()
    expect(page).to_have_url(re.compile(r"/sample/register/$"))
    page.fill("[name=name]", "Ana Popescu")
    page.fill("[name=email]", EMAIL)
    page.select_option("[name=country]", "RO")
    page.fill("[name=organisation]", "Biblioteca Județeană")
    page.select_option("[name=role]", index=1)
    page.check(f"[name=attendance][value={attendance}]")
    page.check("[name=privacy_consent]")
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/sample/register/sent/$"))


def test_participant_registers_builds_an_agenda_switches_online_and_cancels(sample, desktop_page):
    page = desktop_page
    mail.outbox.clear()
    register(page)
    assert Registration.objects.get(email=EMAIL).status == "pending"

    page.goto(confirmation_path())
    assert Registration.objects.get(email=EMAIL).status == "pending"  # opening the link alone confirms nothing
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page).to_have_url(re.compile(r"/registration/[^/]+/$"))
    registration = Registration.objects.get(email=EMAIL)
    assert registration.status == "confirmed"
    assert registration.attendance == "live"
    manage_url = page.url
    assert manage_url.endswith(registration.get_absolute_url())

    chosen = three_sessions(sample)
    for session in chosen:
        page.goto(session.get_absolute_url())
        page.locator(f'main a[href="/sample/agenda/add/{session.slug}/"]').click()
        page.locator("main form button[type=submit]").click()
        expect(page.locator("main")).to_contain_text(f"“{session.title}” is in your agenda.")
    # The agenda itself is on the manage link's pages, never linked from those the remember-me cookie opens.
    page.goto(manage_url)
    page.locator("main a[href$='/agenda/']").click()
    expect(page.locator(".agenda-overlaps")).to_be_visible()
    expect(page.locator(".agenda-overlaps")).to_contain_text(chosen[0].title)
    expect(page.locator(".agenda-overlaps")).to_contain_text(chosen[1].title)
    expect(page.locator(".session-item")).to_have_count(3)

    with page.expect_download() as download_info:
        page.locator("main a[download]").click()
    calendar = download_info.value.path().read_text(encoding="utf-8")
    unfolded = calendar.replace("\r\n ", "").replace("\\,", ",").replace("\\;", ";")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert unfolded.count("BEGIN:VEVENT") == 3
    assert all(f"SUMMARY:{sample_data.SUBJECT_PREFIX} {session.title}" in unfolded for session in chosen)

    # The ticket of the live place, from the manage page: a PDF with the participant's name and the sample mark.
    page.goto(manage_url)
    ticket = page.request.get(page.get_by_role("link", name="Download your ticket (PDF)").get_attribute("href"))
    assert ticket.ok
    assert "Ana Popescu" in pdf_text(ticket.body()) and str(sample_data.MARK) in pdf_text(ticket.body())

    page.goto(manage_url)
    page.locator("main form[action$='/attendance/'] button[type=submit]").click()
    # Giving up the live place asks first, and says it goes to the next person waiting.
    expect(page.locator("h1")).to_have_text("Give up your live place?")
    assert Registration.objects.get(pk=registration.pk).attendance == "live"
    page.get_by_role("button", name="Yes, switch to online").click()
    registration.refresh_from_db()
    assert registration.attendance == "online"
    expect(page.locator("main")).to_contain_text(registration.get_attendance_display())

    page.locator("main a[href$='/cancel/']").click()
    page.locator("main form button[type=submit]").click()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
    expect(page.locator("main")).to_contain_text(registration.get_status_display())


def test_check_in_page_works_on_a_phone(sample, open_page, django_user_model):
    desk = django_user_model.objects.create_user("desk", "desk@example.org", "correct horse battery", is_staff=True)
    desk.user_permissions.add(Permission.objects.get(content_type__app_label="registration", codename="check_in"))
    participant = (
        Registration.objects.filter(edition=sample, status="confirmed", attendance="live").order_by("pk").first()
    )
    page = open_page(PHONE, is_mobile=True, has_touch=True)
    page.goto("/organise/sample/check-in/")
    page.fill("[name=username]", "desk")
    page.fill("[name=password]", "correct horse battery")
    page.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/organise/sample/check-in/$"))
    page.wait_for_load_state("load")  # the page's own stylesheet too, before measuring
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.fill("#q", participant.name)
    page.locator("form[role=search] button[type=submit]").click()
    result = page.locator(".checkin-result").filter(has_text=participant.name).first
    result.locator("button[type=submit]").click()
    expect(page.locator(".checkin-messages")).to_contain_text(participant.name)
    assert participant.attendance_days.filter(mode="live").count() == 1
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(page) == []


WIDE = {"width": 1366, "height": 900}


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["phone", "wide"])
def test_registration_pages_have_no_wcag_violations(sample, open_page, viewport):
    page = open_page(viewport)
    mail.outbox.clear()
    page.goto("/sample/register/")
    found = {"/sample/register/": wcag_violations(page)}
    page.locator("main form button[type=submit]").click()  # empty form: the page with every error shown
    # The error summary comes first and has the focus; its links lead to the fields.
    expect(page.locator("#error-summary")).to_be_focused()
    page.locator("#error-summary a[href='#id_name']").click()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    found["/sample/register/ (errors)"] = wcag_violations(page)
    register(page)
    found["/sample/register/sent/"] = wcag_violations(page)
    page.goto("/sample/register/resend/")
    found["/sample/register/resend/"] = wcag_violations(page)
    page.goto(confirmation_path())
    found["confirm"] = wcag_violations(page)
    page.get_by_role("button", name="Confirm my registration").click()
    expect(page).to_have_url(re.compile(r"/registration/[^/]+/$"))
    found["manage"] = wcag_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    manage_url = page.url
    page.fill("#id_name", "")
    page.locator("main form:has(#id_name) button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_focused()
    found["manage (errors)"] = wcag_violations(page)
    page.goto(manage_url)
    page.locator("main form[action$='/attendance/'] button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Give up your live place?")
    found["switch to online (asks)"] = wcag_violations(page)
    session = three_sessions(sample)[0]
    page.goto(f"/sample/agenda/add/{session.slug}/")
    found["agenda add"] = wcag_violations(page)
    page.locator("main form button[type=submit]").click()
    found["agenda added"] = wcag_violations(page)
    page.goto(manage_url + "agenda/")
    found["agenda"] = wcag_violations(page)
    page.goto(manage_url + "cancel/")
    found["cancel"] = wcag_violations(page)
    for language in ("ro", "uk"):
        page.context.add_cookies([{"name": "django_language", "value": language, "url": page.url}])
        page.goto(manage_url)
        found[f"manage ({language})"] = wcag_violations(page)
        page.goto("/sample/register/")
        found[f"/sample/register/ ({language})"] = wcag_violations(page)
        page.locator("main form button[type=submit]").click()
        found[f"/sample/register/ ({language}, errors)"] = wcag_violations(page)
    page.context.clear_cookies()
    page.goto(manage_url + "erase/")
    found["erase"] = wcag_violations(page)
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())
