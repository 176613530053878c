"""In Chromium: an organiser places a session in the schedule editor by keyboard alone, publishes, and the
session appears at the time typed (in the edition's zone) on the public schedule, in schedule.xml and in the
changelog."""

import datetime

import pytest
from playwright.sync_api import expect

from occupy.browser_tests.test_keyboard import tab_to
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory
from occupy.programme.models import ScheduleVersion
from occupy.programme.tests.factories import SessionFactory

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery staple"


def sign_in(page, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    page.goto("/admin/login/?next=/organise/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/organise/")


@pytest.fixture
def edition(transactional_db):
    edition = EditionFactory(
        year=2040,
        is_published=True,
        time_zone="Europe/Bucharest",
        start_date=datetime.date(2040, 6, 2),
        end_date=datetime.date(2040, 6, 3),
    )
    RoomFactory(edition=edition, name="Aula", order=0)
    RoomFactory(edition=edition, name="Lab", order=1)
    SessionFactory(
        edition=edition,
        title="Reading circles",
        format=SessionFormatFactory(edition=edition, name="Case study", default_minutes=20),
        room=None,
        starts_at=None,
        ends_at=None,
    )
    return edition


def test_organiser_places_a_session_by_keyboard_and_publishes(edition, desktop_page, django_user_model):
    page = desktop_page
    sign_in(page, django_user_model)
    page.goto("/organise/2040/schedule/")
    card = page.locator("article.editor-session", has_text="Reading circles")
    expect(card).to_have_count(1)
    session_id = card.get_attribute("data-session")

    tab_to(page, f"#session-{session_id} summary")
    page.keyboard.press("Enter")
    tab_to(page, f"#room-{session_id}")
    page.keyboard.press("ArrowDown")  # Aula → Lab
    tab_to(page, f"#day-{session_id}")
    page.keyboard.press("ArrowDown")  # the second day
    tab_to(page, f"#start-{session_id}")
    page.keyboard.type("1000A")  # hours, minutes and, where the browser shows a 12-hour clock, AM
    expect(page.locator(f"#start-{session_id}")).to_have_value("10:00")
    tab_to(page, f"#session-{session_id} form.placement button[type=submit]")
    page.keyboard.press("Enter")

    # The script posted the form and redrew the grid: the session now sits in Lab's 10:00 cell of 3 June.
    lab = edition.rooms.get(name="Lab")
    placed = page.locator(f'#day-2040-06-03 td[data-room="{lab.pk}"][data-start="10:00"] #session-{session_id}')
    expect(placed).to_have_count(1)
    expect(placed).to_contain_text("10:00–10:20")
    expect(page.locator(".editor-publish")).to_contain_text("Reading circles — added")
    expect(page.locator("#editor-status")).to_have_text("Saved: the draft is updated.")

    tab_to(page, ".editor-publish button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".notice")).to_contain_text("Version 1 of the schedule is published")
    assert ScheduleVersion.objects.filter(edition=edition, number=1).exists()

    page.goto("/2040/schedule/")
    expect(page.locator("main")).to_contain_text("Reading circles")
    expect(page.locator("main")).to_contain_text("10:00")
    xml = page.request.get("/2040/schedule.xml").text()
    assert "<title>Reading circles</title>" in xml and "<start>10:00</start>" in xml and "<version>1</version>" in xml
    page.goto("/2040/changes/")
    expect(page.locator("main")).to_contain_text("Version 1")
    expect(page.locator("main")).to_contain_text("Added: Reading circles")


def test_organiser_drags_a_session_onto_a_grid_cell(edition, desktop_page, django_user_model):
    page = desktop_page
    sign_in(page, django_user_model)
    page.goto("/organise/2040/schedule/")
    card = page.locator("article.editor-session", has_text="Reading circles")
    session_id = card.get_attribute("data-session")
    aula = edition.rooms.get(name="Aula")

    card.drag_to(page.locator(f'#day-2040-06-02 td[data-room="{aula.pk}"][data-start="11:30"]'))

    placed = page.locator(f'#day-2040-06-02 td[data-room="{aula.pk}"][data-start="11:30"] #session-{session_id}')
    expect(placed).to_contain_text("11:30–11:50")
    session = edition.sessions.get(pk=session_id)
    assert (session.draft_room, session.draft_starts_at) == (
        aula,
        datetime.datetime(2040, 6, 2, 8, 30, tzinfo=datetime.UTC),  # 11:30 in Bucharest
    )
    assert session.starts_at is None  # a draft until published
