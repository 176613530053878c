"""schedule.xml and schedule.json validate against the c3voc schemas (unchanged copies kept as test fixtures in
fixtures/c3voc/, see SOURCE.md there) and say what the programme says."""

import datetime
import hashlib
import json
import uuid
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory, ThemeFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Attendance, Material, MaterialKind
from occupy.programme.services.schedule import place_session, publish_schedule
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme

pytestmark = pytest.mark.django_db

TRICKY_TITLE = "Quotes \"double\" & 'single' <b>not markup</b> — Șerbănuță"


# The published schemas, kept unchanged beside these tests: a fresh clone needs nothing outside the repository.
FORMATS_DIR = Path(__file__).parent / "fixtures" / "c3voc"


def json_errors(document: dict) -> list[str]:
    schema = json.loads((FORMATS_DIR / "schedule.schema.json").read_text())
    validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def assert_valid_xml(content: bytes):
    schema = etree.XMLSchema(etree.parse(str(FORMATS_DIR / "schedule.xml.xsd")))
    document = etree.fromstring(content)
    schema.assertValid(document)
    return document


def tricky_programme(edition):
    """Sessions that test the writers: markup characters and non-Latin letters everywhere, a session with
    no room, one with no theme, one without speakers, one with no end, materials, and an unscheduled one."""
    keynote = SessionFormatFactory(edition=edition, name="Keynote & <talk>", slug="tricky-keynote", default_minutes=40)
    theme = ThemeFactory(edition=edition, title='Libraries & "digital" <skills>', slug="Digital-Skills_")
    room = RoomFactory(edition=edition, name="Sala „Mare” & <1>", slug="sala-mare", order=1)
    start = datetime.datetime.combine(edition.start_date, datetime.time(7, 0), tzinfo=datetime.UTC)
    rich = SessionFactory(
        edition=edition,
        slug="ab",
        title=TRICKY_TITLE,
        abstract="First <paragraph>\x0b & more.\n\nSecond paragraph: Șerbănuță, Київ.",
        format=keynote,
        theme=theme,
        room=room,
        starts_at=start,
        ends_at=start + datetime.timedelta(minutes=90),
    )
    for order, name in enumerate(["Ioana Șerbănuță", 'O\'Brien & <Co> "Ltd"']):
        SessionSpeakerFactory(session=rich, person=PersonFactory(name=name), order=order)
    Material.objects.create(session=rich, kind=MaterialKind.SLIDES, title="Slides <v2>", url="https://example.org/s")
    Material.objects.create(session=rich, kind=MaterialKind.VIDEO, title="Recording", file="materials/rec.mp4")
    Material.objects.create(session=rich, kind=MaterialKind.LINK, title="Project & site", url="https://example.org/")
    Material.objects.create(session=rich, kind=MaterialKind.LINK, title="Nothing to link")
    bare = SessionFactory(
        edition=edition,
        slug="online-no-room",
        title="No room, no theme, no speakers",
        abstract="",
        format=keynote,
        theme=None,
        room=None,
        attendance=Attendance.ONLINE,
        starts_at=start + datetime.timedelta(hours=2),
        ends_at=None,
    )
    live = SessionFactory(
        edition=edition,
        slug="at-the-venue",
        format=keynote,
        theme=theme,
        room=None,
        attendance=Attendance.LIVE,
        starts_at=start + datetime.timedelta(days=1),
        ends_at=start + datetime.timedelta(days=1, minutes=5),
    )
    unscheduled = SessionFactory(
        edition=edition, slug="not-yet", format=keynote, theme=theme, room=room, starts_at=None, ends_at=None
    )
    return {"rich": rich, "bare": bare, "live": live, "unscheduled": unscheduled}


@pytest.fixture
def hybrid_edition():
    return EditionFactory(
        year=2022, mode=EditionMode.HYBRID, venue_name="National Library", city="Bucharest", country="RO"
    )


@pytest.fixture
def online_edition():
    return EditionFactory(
        year=2020,
        mode=EditionMode.ONLINE,
        city="",
        start_date=datetime.date(2020, 9, 22),
        end_date=datetime.date(2020, 9, 25),
    )


def get_json(client, edition):
    response = client.get(f"/{edition.slug}/schedule.json", secure=True)
    assert response.status_code == 200
    return json.loads(response.content)


def get_xml(client, edition):
    response = client.get(f"/{edition.slug}/schedule.xml", secure=True)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("edition_fixture", ["hybrid_edition", "online_edition"])
def test_schedule_json_validates_against_the_c3voc_schema(client, request, edition_fixture):
    edition = request.getfixturevalue(edition_fixture)
    build_programme(edition, sessions=12)
    tricky_programme(edition)

    document = get_json(client, edition)

    assert json_errors(document) == []


@pytest.mark.parametrize("edition_fixture", ["hybrid_edition", "online_edition"])
def test_schedule_xml_validates_against_the_c3voc_xsd(client, request, edition_fixture):
    edition = request.getfixturevalue(edition_fixture)
    build_programme(edition, sessions=12)
    tricky_programme(edition)

    response = get_xml(client, edition)

    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert_valid_xml(response.content)


def test_schema_validation_rejects_the_upstream_invalid_example():
    """The validator is the real thing: the upstream valid example passes, the invalid one does not."""
    examples = FORMATS_DIR / "examples"
    assert json_errors(json.loads((examples / "pretalx-democon.json").read_text())) == []
    assert json_errors(json.loads((examples / "invalid-example.json").read_text())) != []


def test_schedule_json_states_conference_days_and_events(client, hybrid_edition):
    sessions = tricky_programme(hybrid_edition)

    schedule = get_json(client, hybrid_edition)["schedule"]
    conference = schedule["conference"]

    assert conference["acronym"] == "occupy_library_2022"
    assert conference["title"] == "Occupy Library 2022"
    assert (conference["start"], conference["end"], conference["daysCount"]) == ("2022-06-02", "2022-06-03", 2)
    assert conference["time_zone_name"] == "Europe/Bucharest"
    assert schedule["base_url"] == "http://127.0.0.1:8000/2022/"
    day1, day2 = conference["days"]
    assert (day1["index"], day1["date"], day1["day_start"]) == (1, "2022-06-02", "2022-06-02T10:00:00+03:00")
    assert list(day1["rooms"]) == ["Sala „Mare” & <1>", "Online"]
    assert list(day2["rooms"]) == ["National Library"]
    rich = day1["rooms"]["Sala „Mare” & <1>"][0]
    assert rich["guid"] == str(uuid.uuid5(uuid.NAMESPACE_URL, "2022-ab@occupylibrary.net"))
    assert rich["id"] == sessions["rich"].pk
    assert (rich["date"], rich["start"], rich["duration"]) == ("2022-06-02T10:00:00+03:00", "10:00", "01:30")
    assert rich["slug"] == f"occupy_library_2022-{sessions['rich'].pk}-session-ab"
    assert rich["title"] == TRICKY_TITLE
    assert (rich["track"], rich["type"], rich["language"]) == (
        'Libraries & "digital" <skills>',
        "Keynote & <talk>",
        "en",
    )
    assert rich["abstract"] == "First <paragraph>\x0b & more."
    assert rich["description"].endswith("Second paragraph: Șerbănuță, Київ.")
    assert rich["url"] == "http://127.0.0.1:8000/2022/sessions/ab/"
    assert [p["public_name"] for p in rich["persons"]] == ["Ioana Șerbănuță", 'O\'Brien & <Co> "Ltd"']
    assert rich["attachments"] == [
        {"url": "https://example.org/s", "title": "Slides <v2>", "type": "slides"},
        {"url": "http://127.0.0.1:8000/media/materials/rec.mp4", "title": "Recording", "type": "media"},
    ]
    assert rich["links"] == [{"url": "https://example.org/", "title": "Project & site", "type": "related"}]
    bare = day1["rooms"]["Online"][0]
    assert (bare["track"], bare["persons"], bare["duration"]) == (None, [], "00:40")


def test_schedule_leaves_out_unscheduled_sessions(client, hybrid_edition):
    tricky_programme(hybrid_edition)

    conference = get_json(client, hybrid_edition)["schedule"]["conference"]
    slugs = [e["url"] for day in conference["days"] for events in day["rooms"].values() for e in events]

    assert len(slugs) == 3
    assert not any("not-yet" in slug for slug in slugs)


def test_schedule_xml_escapes_markup_and_keeps_unicode(client, hybrid_edition):
    tricky_programme(hybrid_edition)

    document = assert_valid_xml(get_xml(client, hybrid_edition).content)

    event = document.find("day/room/event")
    assert event.findtext("title") == TRICKY_TITLE
    assert event.findtext("track") == 'Libraries & "digital" <skills>'
    assert event.findtext("abstract") == "First <paragraph> & more."  # the control character XML cannot carry
    assert [p.text for p in event.findall("persons/person")] == ["Ioana Șerbănuță", 'O\'Brien & <Co> "Ltd"']
    assert document.findtext("conference/acronym") == "occupy_library_2022"
    bare = document.find("day/room[@name='Online']/event")
    assert (bare.findtext("track"), bare.find("persons").getchildren()) == ("", [])


def test_schedule_version_is_the_published_version_number(client, hybrid_edition):
    sessions = tricky_programme(hybrid_edition)
    assert get_json(client, hybrid_edition)["schedule"]["version"] == "0"  # never published from the editor

    live = sessions["live"]
    room = RoomFactory(edition=hybrid_edition, name="Hall", slug="hall")
    place_session(session=live, room=room, starts_at=live.starts_at + datetime.timedelta(hours=1), minutes=30)
    publish_schedule(edition=hybrid_edition)
    place_session(session=live, room=room, starts_at=live.starts_at + datetime.timedelta(hours=2), minutes=30)
    publish_schedule(edition=hybrid_edition)

    document = get_json(client, hybrid_edition)
    assert document["schedule"]["version"] == "2"
    assert json_errors(document) == []
    xml = assert_valid_xml(get_xml(client, hybrid_edition).content)
    assert xml.findtext("version") == "2"


def test_schedule_of_an_edition_without_sessions_still_validates(client, online_edition):
    document = get_json(client, online_edition)

    assert json_errors(document) == []
    assert [day["rooms"] for day in document["schedule"]["conference"]["days"]] == [{}, {}, {}, {}]
    assert_valid_xml(get_xml(client, online_edition).content)


def test_schema_fixtures_are_the_published_files_unchanged():
    """The copies must stay byte for byte what c3voc published (SHA256SUMS, see SOURCE.md)."""
    listed = dict(
        reversed(line.split(maxsplit=1)) for line in (FORMATS_DIR / "SHA256SUMS").read_text().splitlines() if line
    )

    assert {"schedule.xml.xsd", "schedule.schema.json", "examples/invalid-example.json"} <= set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((FORMATS_DIR / name).read_bytes()).hexdigest() == digest, name


def test_schedule_json_leaves_out_a_time_zone_name_the_schema_cannot_hold(client):
    edition = EditionFactory(year=2022, time_zone="Etc/GMT-3")
    build_programme(edition, sessions=4)

    document = get_json(client, edition)

    assert json_errors(document) == []
    assert "time_zone_name" not in document["schedule"]["conference"]
    assert document["schedule"]["conference"]["days"][0]["day_start"] == "2022-06-02T10:00:00+03:00"
    assert assert_valid_xml(get_xml(client, edition).content).findtext("conference/time_zone_name") == "Etc/GMT-3"
