"""The public changelog at /<edition>/changes/, the version the exports carry, iCalendar SEQUENCE, and the
printable programme at /<edition>/programme.pdf."""

import datetime
import io

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Session
from occupy.programme.services.schedule import place_session, publish_schedule, unschedule_session
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def at(hour, minute=0):
    return datetime.datetime(2040, 6, 2, hour, minute, tzinfo=UTC)


@pytest.fixture
def edition():
    return EditionFactory(year=2040, is_published=True, time_zone="Europe/Bucharest")


@pytest.fixture
def rooms(edition):
    return RoomFactory(edition=edition, name="Aula"), RoomFactory(edition=edition, name="Lab <2>")


def test_changes_lists_each_version_newest_first_in_the_edition_zone(client, edition, rooms):
    aula, lab = rooms
    talk = SessionFactory(edition=edition, title="Talk <i>one</i>", room=None, starts_at=None, ends_at=None)
    gone = SessionFactory(edition=edition, title="Gone", room=None, starts_at=None, ends_at=None)
    place_session(session=talk, room=aula, starts_at=at(7), minutes=30)
    place_session(session=gone, room=aula, starts_at=at(8), minutes=30)
    publish_schedule(edition=edition, now=at(5))
    place_session(session=talk, room=lab, starts_at=at(9, 30), minutes=30)
    unschedule_session(session=gone)
    publish_schedule(edition=edition, now=at(6))

    response = client.get(f"/{edition.slug}/changes/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Times are in Europe/Bucharest (EEST, UTC+03:00)" in page
    assert page.index("Version 2") < page.index("Version 1")
    version_2, version_1 = page.split("Version 1", 1)[0], page.split("Version 1", 1)[1]
    assert "Moved:" in version_2 and "Cancelled:" in version_2 and "Added:" not in version_2
    assert "from Sat 2 Jun, 10:00, Aula to Sat 2 Jun, 12:30–13:00, Lab &lt;2&gt;" in " ".join(version_2.split())
    assert "was Sat 2 Jun, 11:00, Aula" in " ".join(version_2.split())
    assert version_1.count("Added:") == 2
    assert "Talk &lt;i&gt;one&lt;/i&gt;" in page and "<i>one" not in page


def test_the_schedule_links_to_its_changes_and_printable_programme(client, edition):
    SessionFactory(edition=edition)
    page = client.get(f"/{edition.slug}/schedule/").content.decode()
    assert f'href="/{edition.slug}/changes/"' in page and f'href="/{edition.slug}/programme.pdf"' in page


def test_changes_before_any_publication(client, edition):
    assert "The schedule has not been published yet." in client.get(f"/{edition.slug}/changes/").content.decode()


def test_changes_of_an_unknown_or_unpublished_edition_is_404(client):
    EditionFactory(year=2041, is_published=False)
    assert client.get("/2041/changes/").status_code == 404
    assert client.get("/nope/changes/").status_code == 404


@pytest.mark.parametrize("size", [10, 100])
def test_changes_issues_the_same_queries_at_any_size(client, django_assert_num_queries, edition, size):
    sessions = build_programme(edition, sessions=size)
    Session.objects.filter(pk__in=[s.pk for s in sessions]).update(draft_starts_at=None, draft_ends_at=None)
    publish_schedule(edition=edition)  # every session cancelled
    Session.objects.filter(edition=edition).update(
        draft_starts_at=at(7), draft_ends_at=at(8), draft_room=sessions[0].room
    )
    publish_schedule(edition=edition)  # every session added again

    # content version, edition, versions, their changes with sessions and rooms, the header's editions
    with django_assert_num_queries(5):
        response = client.get(f"/{edition.slug}/changes/")
    assert response.content.decode().count('<li class="change-') == 2 * size
    with django_assert_num_queries(1):  # from the page cache
        assert client.get(f"/{edition.slug}/changes/").status_code == 200


def test_ics_sequence_counts_the_publications_that_changed_the_session(client, edition, rooms):
    talk = SessionFactory(edition=edition, slug="talk", room=None, starts_at=None, ends_at=None)
    place_session(session=talk, room=rooms[0], starts_at=at(7), minutes=30)
    publish_schedule(edition=edition)
    place_session(session=talk, room=rooms[1], starts_at=at(8), minutes=30)
    publish_schedule(edition=edition)
    calendar = Calendar.from_ical(client.get(f"/{edition.slug}/sessions/talk/session.ics").content)
    [event] = calendar.walk("VEVENT")
    assert event["SEQUENCE"] == 2
    assert event["DTSTART"].dt == at(8)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_programme_pdf_prints_the_published_schedule_in_the_edition_zone(client, edition, rooms):
    talk = SessionFactory(
        edition=edition, title="Libraries <b>&</b> care", room=rooms[1], starts_at=at(7), ends_at=at(7, 45)
    )
    SessionSpeakerFactory(session=talk, person=PersonFactory(name="Ioana Șerbănuță"))
    draft = SessionFactory(edition=edition, title="Not yet public", room=None, starts_at=None, ends_at=None)
    place_session(session=draft, room=rooms[0], starts_at=at(9), minutes=30)

    response = client.get(f"/{edition.slug}/programme.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response.has_header("ETag")
    text = pdf_text(response.content)
    assert "Libraries <b>&</b> care" in text
    assert "Ioana Șerbănuță" in text
    assert "10:00–10:45" in text and "Lab <2>" in text
    assert "Not yet public" not in text
    assert "Sample data" not in text


def test_programme_pdf_of_a_sample_edition_is_marked(client):
    edition = EditionFactory(year=2042, is_published=True, is_sample=True)
    SessionFactory(edition=edition, title="Invented talk")
    text = pdf_text(client.get(f"/{edition.slug}/programme.pdf").content)
    assert "Sample data – not a real event" in text and "Invented talk" in text


@pytest.mark.parametrize("size", [10, 100])
def test_programme_pdf_issues_the_same_queries_at_any_size(client, django_assert_num_queries, edition, size):
    build_programme(edition, sessions=size)
    # content versions, edition with its version, sessions, speakers, materials, the edition's formats/themes/rooms
    with django_assert_num_queries(8):
        assert client.get(f"/{edition.slug}/programme.pdf").status_code == 200
