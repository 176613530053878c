"""schedule.ics and a session's .ics parse with icalendar, carry what RFC 5545 requires, and keep each
event's UID when the session is edited."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import build_programme
from occupy.programme.tests.test_export_frab import TRICKY_TITLE, tricky_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(
        year=2022, mode=EditionMode.HYBRID, venue_name="National Library", city="Bucharest", country="RO"
    )


def get_calendar(client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response, Calendar.from_ical(response.content)


def events_by_uid(calendar):
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_schedule_ics_has_one_complete_event_per_scheduled_session(client, edition):
    build_programme(edition, sessions=6)
    tricky_programme(edition)

    response, calendar = get_calendar(client, "/2022/schedule.ics")

    assert response["Content-Disposition"] == 'attachment; filename="occupy-library-2022.ics"'
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]) == "-//Occupy Library//Programme//EN"
    assert str(calendar["X-WR-CALNAME"]) == "Occupy Library 2022"
    events = calendar.walk("VEVENT")
    assert len(events) == 9  # 6 + 3 scheduled tricky sessions; the unscheduled one is left out
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"} <= set(event)
        assert event.decoded("DTSTART").tzinfo is not None
        assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(0)
        assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert len({str(event["UID"]) for event in events}) == 9
    assert "not-yet" not in response.content.decode()


def test_schedule_ics_writes_times_in_utc(client, edition):
    tricky_programme(edition)

    response, _ = get_calendar(client, "/2022/schedule.ics")

    assert "DTSTART:20220602T070000Z" in response.content.decode()
    assert "DTEND:20220602T083000Z" in response.content.decode()


def test_schedule_ics_describes_each_session(client, edition):
    sessions = tricky_programme(edition)

    _, calendar = get_calendar(client, "/2022/schedule.ics")
    events = events_by_uid(calendar)

    rich = events["2022-ab@occupylibrary.net"]
    assert str(rich["SUMMARY"]) == TRICKY_TITLE
    assert str(rich["LOCATION"]) == "Sala „Mare” & <1>, National Library, Bucharest"
    assert str(rich["URL"]) == "http://127.0.0.1:8000/2022/sessions/ab/"
    assert str(rich["DESCRIPTION"]).endswith('Speakers: Ioana Șerbănuță, O\'Brien & <Co> "Ltd"')
    assert [str(c) for c in rich["CATEGORIES"].cats] == ["Keynote & <talk>", 'Libraries & "digital" <skills>']
    assert rich.decoded("DTSTAMP") == sessions["rich"].updated_at.replace(microsecond=0)
    bare = events["2022-online-no-room@occupylibrary.net"]
    assert str(bare["LOCATION"]) == "Online"
    assert str(bare["DESCRIPTION"]) == ""
    assert bare.decoded("DTEND") - bare.decoded("DTSTART") == datetime.timedelta(minutes=40)
    assert [str(c) for c in bare["CATEGORIES"].cats] == ["Keynote & <talk>"]
    assert str(events["2022-at-the-venue@occupylibrary.net"]["LOCATION"]) == "National Library"


def test_online_edition_sessions_are_located_online(client):
    online = EditionFactory(year=2020, mode=EditionMode.ONLINE, city="")
    build_programme(online, sessions=6)

    _, calendar = get_calendar(client, "/2020/schedule.ics")

    assert {str(event["LOCATION"]) for event in calendar.walk("VEVENT")} == {"Room 0", "Room 1", "Room 2"}


def test_session_uid_is_stable_when_the_session_is_edited(client, edition):
    sessions = tricky_programme(edition)
    _, before = get_calendar(client, "/2022/schedule.ics")

    rich = sessions["rich"]
    rich.title = "Renamed"
    rich.starts_at += datetime.timedelta(hours=3)
    rich.ends_at += datetime.timedelta(hours=3)
    rich.room = None
    rich.save()
    _, after = get_calendar(client, "/2022/schedule.ics")

    assert set(events_by_uid(after)) == set(events_by_uid(before))
    assert str(events_by_uid(after)["2022-ab@occupylibrary.net"]["SUMMARY"]) == "Renamed"


def test_session_ics_has_exactly_that_session(client, edition):
    tricky_programme(edition)
    url = reverse("programme:session-ics", kwargs={"edition": "2022", "slug": "ab"})

    response, calendar = get_calendar(client, url)

    assert url == "/2022/sessions/ab/session.ics"
    assert response["Content-Disposition"] == 'attachment; filename="occupy-library-2022-ab.ics"'
    assert [str(event["UID"]) for event in calendar.walk("VEVENT")] == ["2022-ab@occupylibrary.net"]
    assert str(calendar["X-WR-CALNAME"]) == f"{TRICKY_TITLE} (Occupy Library 2022)"


@pytest.mark.parametrize(
    "url",
    [
        "/1999/schedule.ics",
        "/2022/sessions/nobody/session.ics",
        "/2022/sessions/not-yet/session.ics",  # unscheduled: nothing to put in a calendar
        "/1999/sessions/ab/session.ics",
    ],
)
def test_ics_of_unknown_edition_or_session_is_404(client, edition, url):
    tricky_programme(edition)

    assert client.get(url, secure=True).status_code == 404


def test_ics_of_unpublished_edition_is_404(client):
    hidden = EditionFactory(year=2024, is_published=False)
    build_programme(hidden, sessions=2)

    assert client.get("/2024/schedule.ics", secure=True).status_code == 404
