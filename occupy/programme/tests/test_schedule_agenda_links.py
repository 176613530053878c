""" "Add to my agenda" on the cached schedule and session pages: shown to everyone while registration is open,
otherwise hidden until js/schedule.js learns the browser belongs to a participant (never a link that ends at a
closed registration); the cards carry what the script needs (times, slug, a place for seats left)."""

import datetime

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.programme.tests.programme_pages import make_hybrid_edition

pytestmark = pytest.mark.django_db

START = datetime.datetime(2040, 5, 2, 8, tzinfo=datetime.UTC)


def future_edition(**fields):
    edition = EditionFactory(
        year=2040, start_date=datetime.date(2040, 5, 2), end_date=datetime.date(2040, 5, 3), **fields
    )
    SessionFactory(
        edition=edition, slug="repair", title="Repair café", capacity=20, starts_at=START,
        ends_at=START + datetime.timedelta(minutes=90),
    )  # fmt: skip
    return edition


def test_agenda_links_show_while_registration_is_open(client):
    future_edition()
    schedule = client.get("/2040/schedule/").content.decode()
    assert '<p class="slot-session__agenda" data-agenda><a href="/2040/agenda/add/repair/">' in schedule
    assert '<p class="slot-session__seats" data-seats hidden></p>' in schedule
    assert 'data-session="repair">' in schedule
    assert '<time data-starts datetime="2040-05-02T11:00:00+03:00">11:00</time>' in schedule
    assert '<time data-ends datetime="2040-05-02T12:30:00+03:00">12:30</time>' in schedule
    assert 'data-mine="/2040/agenda/mine.json"' in schedule
    session = client.get("/2040/sessions/repair/").content.decode()
    assert '<li data-agenda><a class="button button--ghost" href="/2040/agenda/add/repair/">' in session


def test_agenda_links_wait_for_a_known_participant_once_registration_closed(client):
    future_edition(registration_closes_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    schedule = client.get("/2040/schedule/").content.decode()
    assert '<p class="slot-session__agenda" data-agenda hidden><a href="/2040/agenda/add/repair/">' in schedule
    session = client.get("/2040/sessions/repair/").content.decode()
    assert '<li data-agenda hidden><a class="button button--ghost" href="/2040/agenda/add/repair/">' in session


def test_pages_of_a_past_edition_do_not_ask_for_the_visitors_agenda(client):
    make_hybrid_edition()
    EditionFactory(year=2040)  # 2022 is no longer the latest edition, and it is over
    assert "data-mine=" not in client.get("/2022/schedule/").content.decode()
    assert "data-mine=" not in client.get("/2022/sessions/solar/").content.decode()


def test_schedule_cards_are_placed_on_the_grid_and_coloured_by_theme(client):
    make_hybrid_edition()
    html = client.get("/2022/schedule/").content.decode()
    # Day one starts at 10:00 (Bucharest): solar 10:00–10:30 in the hall, coding 11:00–12:30 in the hall.
    assert 'class="slot-session col-1 r-1 s-6 theme-2"' in html
    assert 'class="slot-session col-1 r-13 s-18 theme-1"' in html
    assert '<h3 class="slot-time r-13">' in html
    assert '<span class="theme-swatch" aria-hidden="true"></span>Green libraries</a>' in html
    assert "Times in Europe/Bucharest" in html
