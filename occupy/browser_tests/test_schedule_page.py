"""The public schedule in Chromium (issue 9): a grid proportional to time on a wide screen, one day at a time
and folded filters on a phone, and the visitor's agenda and seats marked by js/schedule.js on the cached page."""

import re

import pytest
from playwright.sync_api import expect

from occupy.browser_tests.conftest import DESKTOP
from occupy.programme.tests.programme_pages import make_hybrid_edition, make_online_edition
from occupy.registration.models import AgendaItem, AgendaItemStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = [pytest.mark.browser]


def test_wide_schedule_draws_each_session_as_tall_as_it_is_long(transactional_db, open_page):
    make_hybrid_edition()
    page = open_page({"width": 1366, "height": 900})
    page.goto("/2022/schedule/")
    solar = page.locator('[data-session="solar"]').bounding_box()  # 30 minutes, Great Hall
    coding = page.locator('[data-session="coding"]').bounding_box()  # 90 minutes, Great Hall
    webinar = page.locator('[data-session="webinar"]').bounding_box()  # 30 minutes, Studio, with coding
    assert abs(coding["height"] - 3 * solar["height"]) <= 2, (coding, solar)
    assert abs(webinar["height"] - solar["height"]) <= 1
    # Rooms side by side, time running down: coding and the webinar start together in two columns, and the
    # hour between solar's start and coding's is two solar blocks of empty hall.
    assert abs(webinar["y"] - coding["y"]) <= 1 and webinar["x"] > coding["x"] + coding["width"] - 1
    assert abs(coding["x"] - solar["x"]) <= 1
    assert abs((coding["y"] - solar["y"]) - 2 * solar["height"]) <= 2
    # The theme's name is on the card beside its colour.
    expect(page.locator('[data-session="solar"] .slot-session__theme')).to_have_text("Theme: Green libraries")
    expect(page.locator(".day-head__zone").first).to_contain_text("Times in")


def test_phone_schedule_shows_one_day_and_folded_filters(transactional_db, phone_page):
    make_hybrid_edition()
    page = phone_page
    page.goto("/2022/schedule/")
    # The edition is over: its first day is open, the other one a tab away.
    expect(page.locator('[data-day="day-2022-06-02"]')).to_be_visible()
    expect(page.locator('[data-day="day-2022-06-03"]')).to_be_hidden()
    expect(page.locator('.day-nav a[href="#day-2022-06-02"]')).to_have_attribute("aria-current", "true")
    page.locator('.day-nav a[href="#day-2022-06-03"]').click()
    expect(page.locator('[data-day="day-2022-06-03"]')).to_be_visible()
    expect(page.locator('[data-day="day-2022-06-02"]')).to_be_hidden()

    expect(page.locator("#filter-theme")).to_be_hidden()
    page.locator(".schedule-filter-box > summary").click()
    page.locator("#filter-theme").select_option("digital")
    page.locator(".schedule-filters button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"\?theme=digital&.*#results$"))
    expect(page.locator("#results")).to_be_in_viewport()
    expect(page.locator("#results")).to_be_focused()
    expect(page.locator(".slot-session")).to_have_count(2)


def test_schedule_marks_the_remembered_participants_agenda_and_seats_left(transactional_db, open_page):
    edition, sessions = make_hybrid_edition()
    sessions["coding"].capacity = 12
    sessions["coding"].save()
    registration = RegistrationFactory(edition=edition)
    AgendaItem.objects.create(registration=registration, session=sessions["solar"], status=AgendaItemStatus.CHOSEN)
    AgendaItem.objects.create(registration=registration, session=sessions["coding"], status=AgendaItemStatus.CHOSEN)
    page = open_page(DESKTOP)

    page.goto("/2022/schedule/")  # a stranger: the edition is over, so no "add to my agenda"
    expect(page.locator('[data-session="coding"] [data-seats]')).to_have_text("Seats left: 11")
    expect(page.locator('[data-session="webinar"] [data-agenda]')).to_be_hidden()
    expect(page.locator(".is-chosen")).to_have_count(0)

    page.goto(f"/registration/{registration.token}/agenda/")  # as from the e-mail: the browser remembers
    page.goto("/2022/schedule/")
    solar = page.locator('[data-session="solar"]')
    expect(solar).to_have_class(re.compile(r"\bis-chosen\b"))
    expect(solar.locator(".mark--agenda")).to_have_text("In my agenda · Remove from my agenda")
    expect(page.locator('[data-session="webinar"] [data-agenda]')).to_be_visible()
    expect(page.locator('[data-session="webinar"]')).not_to_have_class(re.compile(r"\bis-chosen\b"))

    solar.locator(".mark__remove").click()
    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/2022/sessions/solar/$"))
    expect(page.locator("[data-agenda]")).to_be_visible()
    assert not AgendaItem.objects.filter(registration=registration, session=sessions["solar"]).exists()

    page.goto("/2022/sessions/coding/")
    expect(page.locator(".session-page [data-seats]")).to_have_text("Seats left: 11")
    expect(page.locator(".session-page .mark--agenda")).to_contain_text("In my agenda")


def test_during_the_event_the_current_day_opens_and_now_and_next_are_marked(transactional_db, open_page):
    make_hybrid_edition()
    page = open_page({"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    # 3 June 2022, 09:10 in Bucharest: the seed library (10:00, day two) is next; day two is the current day.
    page.clock.set_fixed_time("2022-06-03T06:10:00Z")
    page.goto("/2022/schedule/")
    expect(page.locator('[data-day="day-2022-06-03"]')).to_be_visible()
    expect(page.locator('[data-day="day-2022-06-02"]')).to_be_hidden()
    expect(page.locator('[data-session="seeds"] .mark--next')).to_have_text("Next")
    expect(page.locator(".mark--now")).to_have_count(0)

    # 2 June, 11:15: the workshop and the webinar are on now, nothing else starts later that day but the seeds.
    page.clock.set_fixed_time("2022-06-02T08:15:00Z")
    page.goto("/2022/schedule/")
    expect(page.locator('[data-day="day-2022-06-02"]')).to_be_visible()
    expect(page.locator(".is-now")).to_have_count(2)
    expect(page.locator('[data-session="coding"] .mark--now')).to_have_text("Now")
    expect(page.locator('[data-session="webinar"] .mark--now')).to_have_text("Now")
    expect(page.locator(".is-next")).to_have_count(0)  # the next start is tomorrow, more than 12 hours away


def test_a_five_minute_block_is_one_short_row_that_opens_when_focused(transactional_db, open_page):
    make_online_edition()
    page = open_page({"width": 1366, "height": 900})
    page.goto("/2020/schedule/")
    ignite = page.locator('[data-session="five-minutes"]')  # 5 minutes, beside the hour-long keynote
    keynote = page.locator('[data-session="opening"]').bounding_box()
    short = ignite.bounding_box()
    assert abs(keynote["height"] - 12 * short["height"]) <= 2, (keynote, short)
    ignite.locator("h4 a").focus()
    opened = ignite.bounding_box()
    assert opened["height"] > 2 * short["height"]  # its format, theme and speakers readable
    expect(ignite.locator(".slot-session__facts")).to_be_visible()
