"""The export endpoints: a fixed number of queries whatever the programme's size, served from the page
cache and refreshed the moment the programme changes."""

import json

import pytest
from django.urls import reverse

from occupy.editions.tests.factories import EditionFactory
from occupy.people.models import Person
from occupy.programme.models import Material, MaterialKind, Session
from occupy.programme.tests.factories import build_programme

pytestmark = pytest.mark.django_db

EXPORTS = ["/2022/schedule.ics", "/2022/schedule.xml", "/2022/schedule.json"]


@pytest.fixture
def edition():
    return EditionFactory(year=2022)


def with_materials(sessions):
    Material.objects.bulk_create(
        [Material(session=s, kind=MaterialKind.SLIDES, title="Slides", url="https://example.org/") for s in sessions]
    )
    return sessions


@pytest.mark.parametrize("size", [40, 400])
@pytest.mark.parametrize("url", EXPORTS)
def test_export_issues_the_same_queries_at_any_programme_size(client, django_assert_num_queries, edition, size, url):
    with_materials(build_programme(edition, sessions=size))

    # content versions, edition, sessions, their speakers, their materials, the edition's formats, themes, rooms
    with django_assert_num_queries(8):
        response = client.get(url, secure=True)

    assert response.status_code == 200


@pytest.mark.parametrize("size", [40, 400])
def test_session_ics_issues_the_same_queries_at_any_programme_size(client, django_assert_num_queries, edition, size):
    with_materials(build_programme(edition, sessions=size))

    with django_assert_num_queries(5):
        response = client.get("/2022/sessions/2022-session-7/session.ics", secure=True)

    assert response.status_code == 200


@pytest.mark.parametrize("url", EXPORTS)
def test_export_is_served_from_the_cache_with_one_query(client, django_assert_num_queries, edition, url):
    build_programme(edition, sessions=40)
    first = client.get(url, secure=True)

    with django_assert_num_queries(1):
        second = client.get(url, secure=True)

    assert second.content == first.content


@pytest.mark.parametrize("url", EXPORTS + ["/2022/sessions/2022-session-1/session.ics"])
def test_export_shows_an_edited_session_at_once(client, edition, url):
    build_programme(edition, sessions=4)
    assert "Session 1" in client.get(url, secure=True).content.decode()

    session = Session.objects.get(slug="2022-session-1")
    session.title = "Reading clubs rewritten"
    session.save()

    content = client.get(url, secure=True).content.decode()
    assert "Reading clubs rewritten" in content
    assert "Session 1" not in content


def test_export_shows_a_renamed_speaker_at_once(client, edition):
    build_programme(edition, sessions=4)
    client.get("/2022/schedule.json", secure=True)

    person = Person.objects.get(slug="2022-speaker-0")
    person.name = "Ana Ionescu"
    person.save()

    document = json.loads(client.get("/2022/schedule.json", secure=True).content)
    names = [
        p["public_name"]
        for day in document["schedule"]["conference"]["days"]
        for events in day["rooms"].values()
        for event in events
        for p in event["persons"]
    ]
    assert "Ana Ionescu" in names


def test_export_leaves_out_a_session_unscheduled_at_once(client, edition):
    build_programme(edition, sessions=4)
    client.get("/2022/schedule.json", secure=True)

    session = Session.objects.get(slug="2022-session-2")
    session.starts_at = session.ends_at = None
    session.save()

    assert "2022-session-2" not in client.get("/2022/schedule.json", secure=True).content.decode()
    assert client.get("/2022/sessions/2022-session-2/session.ics", secure=True).status_code == 404


def test_export_urls_are_named(edition):
    assert reverse("programme:schedule-ics", kwargs={"edition": "2022"}) == "/2022/schedule.ics"
    assert reverse("programme:schedule-xml", kwargs={"edition": "2022"}) == "/2022/schedule.xml"
    assert reverse("programme:schedule-json", kwargs={"edition": "2022"}) == "/2022/schedule.json"


def test_schedule_json_and_xml_headers(client, edition):
    build_programme(edition, sessions=2)

    as_json = client.get("/2022/schedule.json", secure=True)
    as_xml = client.get("/2022/schedule.xml", secure=True)

    assert as_json["Content-Type"] == "application/json; charset=utf-8"
    assert as_json["Content-Disposition"] == 'inline; filename="schedule-2022.json"'
    assert as_json["Access-Control-Allow-Origin"] == "*"
    assert as_xml["Content-Disposition"] == 'inline; filename="schedule-2022.xml"'
    assert as_xml.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")


@pytest.mark.parametrize(
    "url",
    [
        "/1999/schedule.xml",
        "/1999/schedule.json",
        "/nope/schedule.ics",
        "/" + "x" * 3000 + "/schedule.json",
        "/2022/sessions/%22%3Cscript%3E/session.ics",
    ],
)
def test_export_of_unknown_edition_is_404(client, edition, url):
    assert client.get(url, secure=True).status_code == 404


def test_export_answers_head_and_refuses_post(client, edition):
    build_programme(edition, sessions=2)

    assert client.head("/2022/schedule.ics", secure=True).status_code == 200
    assert client.post("/2022/schedule.ics", secure=True).status_code == 405


def test_export_ignores_garbage_query_strings(client, edition):
    build_programme(edition, sessions=2)

    response = client.get("/2022/schedule.json?day=%27%22%3C&x=" + "9" * 500, secure=True)

    assert response.status_code == 200


def test_schedule_json_days_follow_the_edition_time_zone(client):
    edition = EditionFactory(year=2022, time_zone="Asia/Tbilisi")
    build_programme(edition, sessions=2)

    conference = json.loads(client.get("/2022/schedule.json", secure=True).content)["schedule"]["conference"]

    assert conference["time_zone_name"] == "Asia/Tbilisi"
    assert conference["days"][0]["day_start"] == "2022-06-02T11:00:00+04:00"
