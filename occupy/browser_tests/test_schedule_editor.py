"""In Chromium: an organiser drags a session onto a cell of the schedule editor's grid, and it lands there as a
draft at the cell's time in the edition's zone. Placing by keyboard and publishing is walked in
test_call_to_schedule_journey.py."""

import datetime

import pytest
from playwright.sync_api import expect

from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory
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

    # Placed, it carries a "Move" link, not a form; dragged again, the page's shared form moves it, keeping its
    # length, and dropped on "Unscheduled sessions" it leaves the grid.
    lab = edition.rooms.get(name="Lab")
    placed_card = page.locator(f"#session-{session_id}")
    expect(placed_card.locator("form.placement")).to_have_count(0)
    placed_card.drag_to(page.locator(f'#day-2040-06-02 td[data-room="{lab.pk}"][data-start="12:00"]'))
    expect(
        page.locator(f'#day-2040-06-02 td[data-room="{lab.pk}"][data-start="12:00"] #session-{session_id}')
    ).to_contain_text("12:00–12:20")
    session.refresh_from_db()
    assert (session.draft_room, session.draft_starts_at, session.draft_ends_at) == (
        lab,
        datetime.datetime(2040, 6, 2, 9, 0, tzinfo=datetime.UTC),  # 12:00 in Bucharest
        datetime.datetime(2040, 6, 2, 9, 20, tzinfo=datetime.UTC),
    )
    page.locator(f"#session-{session_id}").drag_to(page.locator("[data-drop='unschedule']"))
    expect(page.locator(f"[data-drop='unschedule'] #session-{session_id}")).to_have_count(1)
    session.refresh_from_db()
    assert session.draft_starts_at is None
