"""The organisers' admin for editions, people, content and the programme."""

import datetime

import pytest
from django.core.cache import cache

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Session
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme

pytestmark = pytest.mark.django_db

MODELS = [
    "editions/edition",
    "editions/theme",
    "editions/sessionformat",
    "editions/room",
    "people/person",
    "content/organisation",
    "content/editionpartner",
    "content/project",
    "content/newspost",
    "programme/session",
    "programme/material",
]


@pytest.mark.parametrize("model", MODELS)
def test_admin_list_and_add_pages_open_for_organisers(organiser_client, model):
    SessionSpeakerFactory(session__edition=EditionFactory(year=2022))

    assert organiser_client.get(f"/admin/{model}/").status_code == 200
    assert organiser_client.get(f"/admin/{model}/add/").status_code == 200
    assert organiser_client.get(f"/admin/{model}/?q=%27%22%00").status_code == 200


def test_admin_edition_form_has_themes_formats_rooms_and_partners_inline(organiser_client):
    edition = EditionFactory(year=2022)

    html = organiser_client.get(f"/admin/editions/edition/{edition.pk}/change/").content.decode()

    for prefix in ("themes", "formats", "rooms", "partners"):
        assert f'name="{prefix}-TOTAL_FORMS"' in html


def test_admin_session_form_has_speakers_and_materials_inline(organiser_client):
    session = SessionFactory(edition=EditionFactory(year=2022))

    html = organiser_client.get(f"/admin/programme/session/{session.pk}/change/").content.decode()

    assert 'name="session_speakers-TOTAL_FORMS"' in html
    assert 'name="materials-TOTAL_FORMS"' in html
    assert 'name="starts_at_0"' in html and 'name="room"' in html


@pytest.mark.parametrize("sessions", [60, 400])
def test_admin_session_list_costs_the_same_queries_whatever_the_programme(
    organiser_client, django_assert_num_queries, sessions
):
    build_programme(EditionFactory(year=2022), sessions=sessions)
    cache.clear()

    # session, user, an edition, the latest real edition (its time zone is the list's), the three choice lists of
    # the editable columns, two counts, the sidebar filters (a count and the rows for format, theme and room
    # twice), the page of sessions and the date hierarchy (two): no query per row
    with django_assert_num_queries(20):
        response = organiser_client.get("/admin/programme/session/")

    assert response.status_code == 200


def list_edit(session, room, starts, ends):
    return {
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "1",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "form-0-id": str(session.pk),
        "form-0-room": str(room.pk),
        "form-0-starts_at_0": starts.strftime("%Y-%m-%d"),
        "form-0-starts_at_1": starts.strftime("%H:%M:%S"),
        "form-0-ends_at_0": ends.strftime("%Y-%m-%d"),
        "form-0-ends_at_1": ends.strftime("%H:%M:%S"),
        "_save": "Save",
    }


def test_admin_session_list_moves_a_slot(organiser_client):
    session = SessionFactory(edition=EditionFactory(year=2022))
    hall = RoomFactory(edition=session.edition, name="Main hall")
    starts = datetime.datetime(2022, 6, 3, 10, 0)

    response = organiser_client.post(
        "/admin/programme/session/", list_edit(session, hall, starts, starts + datetime.timedelta(minutes=30))
    )

    assert response.status_code == 302
    session.refresh_from_db()
    assert session.room == hall
    # typed in the edition's zone, Europe/Bucharest (UTC+3 in summer)
    assert session.starts_at == datetime.datetime(2022, 6, 3, 7, 0, tzinfo=datetime.UTC)
    assert session.duration_minutes == 30
    # The schedule editor's draft follows: nothing pending would undo the edit on the next publication.
    assert (session.draft_room, session.draft_starts_at, session.draft_ends_at) == (
        hall,
        session.starts_at,
        session.ends_at,
    )


def test_admin_session_list_refuses_a_room_of_another_edition_and_an_end_before_the_start(organiser_client):
    session = SessionFactory(edition=EditionFactory(year=2022))
    old_room = session.room
    other_room = RoomFactory(edition=EditionFactory(year=2020))
    starts = datetime.datetime(2022, 6, 3, 10, 0)

    response = organiser_client.post(
        "/admin/programme/session/", list_edit(session, other_room, starts, starts - datetime.timedelta(hours=1))
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose one of the 2022 edition" in html
    assert "The end must come after the start." in html
    session.refresh_from_db()
    assert session.room == old_room


def test_admin_person_autocomplete_finds_people_for_the_speaker_inline(organiser_client):
    PersonFactory(name="Loida Garcia-Febo")
    PersonFactory(name="Dan Perjovschi")

    response = organiser_client.get(
        "/admin/autocomplete/",
        {"app_label": "programme", "model_name": "sessionspeaker", "field_name": "person", "term": "loida"},
    )

    assert response.status_code == 200
    assert [item["text"] for item in response.json()["results"]] == ["Loida Garcia-Febo"]


def test_admin_is_closed_to_visitors(client):
    response = client.get("/admin/programme/session/")

    assert response.status_code == 302
    assert Session.objects.count() == 0
