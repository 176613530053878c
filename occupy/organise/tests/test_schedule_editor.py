"""The schedule editor at /organise/<edition>/schedule/: the draft as a grid in the edition's time zone, the
small forms that place and unschedule a session, bad input, publishing, and its fixed number of queries."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape

from occupy.editions.models import EditionRole, Role
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory
from occupy.programme.models import ScheduleVersion, Session
from occupy.programme.tests.factories import SessionFactory, build_programme

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def edition():
    # Bucharest: UTC+3 in June.
    return EditionFactory(year=2040, is_published=True, time_zone="Europe/Bucharest")


@pytest.fixture
def room(edition):
    return RoomFactory(edition=edition, name="Aula")


@pytest.fixture
def session(edition):
    return SessionFactory(
        edition=edition,
        title="Reading <b>circles</b>",
        format=SessionFormatFactory(edition=edition, name="Case study", default_minutes=20),
        room=None,
        starts_at=None,
        ends_at=None,
    )


def url(edition, name="organise:schedule"):
    return reverse(name, kwargs={"edition": edition.slug})


def test_editor_shows_the_grid_in_the_edition_zone_with_unscheduled_sessions(organiser_client, edition, room, session):
    placed = SessionFactory(
        edition=edition, title="Opening", room=room, starts_at=datetime.datetime(2040, 6, 2, 7, 0, tzinfo=UTC)
    )
    response = organiser_client.get(url(edition))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Times are in Europe/Bucharest (EEST, UTC+03:00), the edition's time zone." in page
    assert "Reading &lt;b&gt;circles&lt;/b&gt;" in page and "<b>circles" not in page
    assert page.index("Unscheduled sessions") < page.index("Reading &lt;b&gt;") < page.index("Draft schedule")
    assert f'id="session-{placed.pk}"' in page
    assert '<th scope="row">10:00</th>' in page  # 07:00 UTC
    assert "10:00–10:45" in page
    assert 'src="/static/js/schedule-editor.' in page


def test_editor_needs_the_edit_schedule_permission_of_that_edition(client, django_user_model, edition):
    reviewer = django_user_model.objects.create_user("rev", "rev@example.org", "pw-long-enough-1", is_staff=True)
    EditionRole.objects.create(edition=edition, user=reviewer, role=Role.REVIEWER)
    other = django_user_model.objects.create_user("org", "org@example.org", "pw-long-enough-1", is_staff=True)
    EditionRole.objects.create(edition=EditionFactory(year=2041), user=other, role=Role.ORGANISER)
    organiser = django_user_model.objects.create_user("own", "own@example.org", "pw-long-enough-1")
    EditionRole.objects.create(edition=edition, user=organiser, role=Role.ORGANISER)
    assert client.get(url(edition))["Location"].startswith("/account/login/")
    for user, status in ((reviewer, 403), (other, 403), (organiser, 200)):
        client.force_login(user)
        assert client.get(url(edition)).status_code == status, user
        assert client.post(url(edition, "organise:schedule-publish")).status_code in (
            (403,) if status == 403 else (302,)
        )


def place(client, edition, session, **fields):
    data = {"session": session.pk, "day": "2040-06-02", "start": "10:00", "minutes": "", **fields}
    return client.post(url(edition, "organise:schedule-place"), data)


def test_place_types_a_time_in_the_edition_zone_with_the_format_length(organiser_client, edition, room, session):
    response = place(organiser_client, edition, session, room=room.pk)
    assert response.status_code == 302
    assert response["Location"] == f"{url(edition)}#session-{session.pk}"
    session.refresh_from_db()
    assert (session.draft_room, session.draft_starts_at, session.draft_ends_at) == (
        room,
        datetime.datetime(2040, 6, 2, 7, 0, tzinfo=UTC),
        datetime.datetime(2040, 6, 2, 7, 20, tzinfo=UTC),
    )
    assert session.starts_at is None  # the draft only


def test_place_with_a_length_and_json_for_the_script(organiser_client, edition, room, session):
    response = organiser_client.post(
        url(edition, "organise:schedule-place"),
        {"session": session.pk, "room": room.pk, "day": "2040-06-03", "start": "16:30", "minutes": "90"},
        HTTP_ACCEPT="application/json",
    )
    assert (response.status_code, response.json()) == (200, {"session": session.pk})
    session.refresh_from_db()
    assert session.draft_ends_at - session.draft_starts_at == datetime.timedelta(minutes=90)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"room": "999999"}, "Choose one of this edition&#x27;s rooms."),
        ({"room": "abc"}, "Choose one of this edition&#x27;s rooms."),
        ({"day": "2040-06-09"}, "Choose one of the edition&#x27;s days."),
        ({"start": "25:99"}, "Type the start time as hours and minutes, for example 10:30."),
        ({"start": "<script>"}, "Type the start time as hours and minutes, for example 10:30."),
        ({"minutes": "100000"}, "Ensure this value is less than or equal to 720."),
        ({"room": "", "day": "", "start": ""}, "Room: This field is required."),
    ],
)
def test_place_bad_input_gets_a_clear_400_and_keeps_what_was_typed(
    organiser_client, edition, room, session, fields, message
):
    before = Session.objects.get(pk=session.pk)
    response = place(organiser_client, edition, session, **{"room": room.pk, **fields})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert "was not placed: see the form below." in page
    typed_start = escape(fields.get("start", "10:00"))
    assert f'id="start-{session.pk}" name="start" type="time" step="300" required value="{typed_start}"' in page
    session.refresh_from_db()
    assert (session.draft_room_id, session.draft_starts_at) == (before.draft_room_id, before.draft_starts_at)


def test_place_bad_input_as_json_lists_the_errors(organiser_client, edition, room, session):
    response = organiser_client.post(
        url(edition, "organise:schedule-place"),
        {"session": session.pk, "room": room.pk, "day": "2041-01-01", "start": "10:00"},
        HTTP_ACCEPT="application/json",
    )
    assert (response.status_code, response.json()) == (400, {"errors": ["Choose one of the edition's days."]})


def test_place_a_room_or_session_of_another_edition_is_refused(organiser_client, edition, room, session):
    other = EditionFactory(year=2041)
    foreign_session = SessionFactory(edition=other)
    assert place(organiser_client, edition, foreign_session, room=room.pk).status_code == 404
    assert place(organiser_client, edition, session, room=RoomFactory(edition=other).pk).status_code == 400
    assert organiser_client.post(url(edition, "organise:schedule-place"), {"session": "x"}).status_code == 404
    assert organiser_client.post(url(edition, "organise:schedule-unschedule"), {}).status_code == 404
    foreign_session.refresh_from_db()
    assert foreign_session.draft_starts_at == foreign_session.starts_at


def test_unschedule_takes_a_session_out_of_the_draft(organiser_client, edition, room):
    session = SessionFactory(edition=edition, room=room)
    response = organiser_client.post(url(edition, "organise:schedule-unschedule"), {"session": session.pk})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.draft_starts_at, session.draft_room) == (None, None)
    assert session.starts_at is not None
    assert "1 change waits to be published" in organiser_client.get(url(edition)).content.decode()


def test_publish_from_the_editor_then_the_public_schedule_and_exports_show_10_00(
    organiser_client, client, edition, room, session
):
    place(organiser_client, edition, session, room=room.pk)
    page = organiser_client.get(url(edition)).content.decode()
    assert "1 change waits to be published" in page and "Publish the schedule" in page

    response = organiser_client.post(url(edition, "organise:schedule-publish"), follow=True)

    assert "Version 1 of the schedule is published; 0 people will be told of their changes." in (
        response.content.decode()
    )
    assert ScheduleVersion.objects.get(edition=edition).number == 1
    schedule = client.get(f"/{edition.slug}/schedule/").content.decode()
    assert "Reading &lt;b&gt;circles&lt;/b&gt;" in schedule and ">10:00<" in schedule
    assert "<start>10:00</start>" in client.get(f"/{edition.slug}/schedule.xml").content.decode()
    event = client.get(f"/{edition.slug}/schedule.json").json()["schedule"]["conference"]["days"][0]["rooms"]
    assert event["Aula"][0]["date"] == "2040-06-02T10:00:00+03:00"
    assert "DTSTART:20400602T070000Z" in client.get(f"/{edition.slug}/schedule.ics").content.decode()
    again = organiser_client.post(url(edition, "organise:schedule-publish"), follow=True).content.decode()
    assert "Nothing to publish: the draft is the published schedule." in again


@pytest.mark.parametrize("size", [50, 500])
def test_editor_reads_a_fixed_number_of_queries(client, django_user_model, django_assert_num_queries, size):
    edition = EditionFactory(year=2045)
    build_programme(edition, sessions=size)
    user = django_user_model.objects.create_user("ed", "ed@example.org", "pw-long-enough-1", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="edit_schedule"))
    client.force_login(user)
    # Session, user, the user's and their groups' permissions, the edition, rooms, sessions, their speakers,
    # the unavailabilities, the header's editions.
    with django_assert_num_queries(10):
        response = client.get(url(edition))
    assert response.content.decode().count(' data-session="') == size


def test_a_placed_session_offers_a_move_link_whose_page_opens_its_form(organiser_client, edition, room, session):
    organiser_client.post(
        url(edition, "organise:schedule-place"),
        {"session": session.pk, "room": room.pk, "day": edition.start_date.isoformat(), "start": "10:00"},
    )

    grid = organiser_client.get(url(edition)).content.decode()
    moving = organiser_client.get(url(edition), {"move": session.pk}).content.decode()
    forged = organiser_client.get(url(edition), {"move": "<b>1</b>"})

    assert f'href="?move={session.pk}#session-{session.pk}"' in grid
    assert f'id="room-{session.pk}"' not in grid  # no form of its own until asked: 500 sessions, not 500 forms
    assert f'id="room-{session.pk}"' in moving and '<details class="editor-session__move" open>' in moving
    assert forged.status_code == 200 and f'id="room-{session.pk}"' not in forged.content.decode()
