"""schema.org Event JSON-LD for editions and sessions: valid JSON that no title can break out of."""

import datetime
import json
import re

import pytest
from django.template import Context, Template

from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.content.queries import partners_by_role
from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.exports.jsonld import edition_jsonld, json_ld_script, session_jsonld
from occupy.programme.models import Attendance, Session
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db

MALICIOUS = "</script><script>alert(1)</script> & <!-- Ș"
SCRIPT = re.compile(r'^<script type="application/ld\+json">(.*)</script>$', re.DOTALL)


def parse(markup: str) -> dict:
    match = SCRIPT.match(str(markup))
    assert match, markup
    return json.loads(match.group(1))


@pytest.fixture
def hybrid():
    return EditionFactory(
        year=2022,
        mode=EditionMode.HYBRID,
        venue_name="National Library of Romania",
        venue_address="Bd. Unirii 22",
        city="Bucharest",
        country="RO",
        summary="Innovators from public libraries.",
    )


@pytest.fixture
def organiser(hybrid):
    organisation = Organisation.objects.create(name="Progress Foundation", slug="progress", url="https://progress.ro/")
    EditionPartner.objects.create(edition=hybrid, organisation=organisation, role=PartnerRole.ORGANISER)
    return organisation


def test_json_ld_script_escapes_markup_so_nothing_breaks_out():
    markup = json_ld_script({"name": MALICIOUS})

    inner = SCRIPT.match(markup).group(1)
    assert "<" not in inner and ">" not in inner and "&" not in inner
    assert markup.count("</script>") == 1
    assert json.loads(inner) == {"name": MALICIOUS}


def test_edition_jsonld_describes_a_hybrid_edition(hybrid, organiser):
    keynote = PersonFactory(name="Ioana Șerbănuță", slug="ioana", position="Director", organisation="Library")

    data = parse(edition_jsonld(hybrid, organiser=organiser, performers=[keynote]))

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Occupy Library 2022"
    assert data["description"] == "Innovators from public libraries."
    assert (data["startDate"], data["endDate"]) == ("2022-06-02", "2022-06-03")
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["url"] == "http://127.0.0.1:8000/2022/"
    assert data["location"] == [
        {
            "@type": "Place",
            "name": "National Library of Romania",
            "address": {
                "@type": "PostalAddress",
                "streetAddress": "Bd. Unirii 22",
                "addressLocality": "Bucharest",
                "addressCountry": "RO",
            },
        },
        {"@type": "VirtualLocation", "url": "http://127.0.0.1:8000/2022/"},
    ]
    assert data["organizer"] == {"@type": "Organization", "name": "Progress Foundation", "url": "https://progress.ro/"}
    assert data["performer"] == [
        {
            "@type": "Person",
            "name": "Ioana Șerbănuță",
            "url": "http://127.0.0.1:8000/speakers/ioana/",
            "jobTitle": "Director",
            "affiliation": {"@type": "Organization", "name": "Library"},
        }
    ]
    assert data["isAccessibleForFree"] is True
    assert data["offers"] == {
        "@type": "Offer",
        "price": 0,
        "priceCurrency": "EUR",
        "url": "http://127.0.0.1:8000/2022/register/",
        "availability": "https://schema.org/InStock",
    }


def test_edition_jsonld_gives_times_with_offset_when_known(hybrid):
    start = datetime.datetime(2022, 6, 2, 6, 30, tzinfo=datetime.UTC)

    data = parse(edition_jsonld(hybrid, starts_at=start, ends_at=start + datetime.timedelta(hours=30)))

    assert (data["startDate"], data["endDate"]) == ("2022-06-02T09:30:00+03:00", "2022-06-03T15:30:00+03:00")


def test_edition_jsonld_of_an_online_edition_is_online_only():
    online = EditionFactory(year=2020, mode=EditionMode.ONLINE, city="")

    data = parse(edition_jsonld(online))

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "http://127.0.0.1:8000/2020/"}
    assert "organizer" not in data and "performer" not in data


def test_edition_jsonld_of_a_live_edition_is_offline():
    live = EditionFactory(year=2030, mode=EditionMode.LIVE, venue_name="Hall", city="Chișinău", country="MD")

    data = parse(edition_jsonld(live))

    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Chișinău"


def test_session_jsonld_describes_a_session(hybrid):
    room = RoomFactory(edition=hybrid, name="Main hall")
    start = datetime.datetime(2022, 6, 2, 7, 0, tzinfo=datetime.UTC)
    session = SessionFactory(
        edition=hybrid, slug="reading", title="Reading clubs", room=room, starts_at=start, language="ro"
    )
    SessionSpeakerFactory(session=session, person=PersonFactory(name="Ana", slug="ana"))

    data = parse(session_jsonld(session))

    assert data["name"] == "Reading clubs"
    assert data["description"] == "What we learnt."
    assert (data["startDate"], data["endDate"]) == ("2022-06-02T10:00:00+03:00", "2022-06-02T10:45:00+03:00")
    assert data["url"] == "http://127.0.0.1:8000/2022/sessions/reading/"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["location"][0]["name"] == "Main hall, National Library of Romania"
    assert data["location"][1] == {"@type": "VirtualLocation", "url": "http://127.0.0.1:8000/2022/sessions/reading/"}
    assert [p["name"] for p in data["performer"]] == ["Ana"]
    assert data["inLanguage"] == "ro"
    assert data["superEvent"]["url"] == "http://127.0.0.1:8000/2022/"
    assert data["isAccessibleForFree"] is True and data["offers"]["price"] == 0


@pytest.mark.parametrize(
    ("attendance", "mode"),
    [
        (Attendance.ONLINE, "OnlineEventAttendanceMode"),
        (Attendance.LIVE, "OfflineEventAttendanceMode"),
        (Attendance.HYBRID, "MixedEventAttendanceMode"),
    ],
)
def test_session_jsonld_attendance_mode_follows_the_session(hybrid, attendance, mode):
    session = SessionFactory(edition=hybrid, attendance=attendance, room=None)

    assert parse(session_jsonld(session))["eventAttendanceMode"] == f"https://schema.org/{mode}"


def test_session_of_an_online_edition_is_online_whatever_it_says():
    online = EditionFactory(year=2020, mode=EditionMode.ONLINE)
    session = SessionFactory(edition=online, attendance=Attendance.LIVE)

    assert parse(session_jsonld(session))["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_session_jsonld_of_an_unscheduled_session_without_speakers(hybrid):
    session = SessionFactory(edition=hybrid, starts_at=None, ends_at=None, abstract="")

    data = parse(session_jsonld(session))

    assert (data["startDate"], data["endDate"]) == ("2022-06-02", "2022-06-03")
    assert "performer" not in data


def test_malicious_session_title_cannot_break_out(hybrid):
    session = SessionFactory(edition=hybrid, title=MALICIOUS, abstract=MALICIOUS)
    SessionSpeakerFactory(session=session, person=PersonFactory(name=MALICIOUS))

    markup = str(session_jsonld(session))

    assert markup.count("<script") == 1 and markup.count("</script>") == 1
    assert "<!--" not in markup
    data = parse(markup)
    assert data["name"] == data["description"] == data["performer"][0]["name"] == MALICIOUS


def test_template_tags_render_the_json_ld_without_queries(hybrid, organiser, django_assert_num_queries):
    session = (
        Session.objects.select_related("edition", "format", "room")
        .prefetch_related("session_speakers__person")
        .get(pk=SessionFactory(edition=hybrid, title=MALICIOUS).pk)
    )
    groups = partners_by_role(hybrid)
    template = Template(
        "{% load programme_jsonld %}{% edition_jsonld edition partner_groups=groups %}{% session_jsonld session %}"
    )

    with django_assert_num_queries(0):
        markup = template.render(Context({"edition": hybrid, "groups": groups, "session": session}))

    edition_markup, session_markup = markup.split("</script>", 1)
    assert parse(edition_markup + "</script>")["organizer"]["name"] == "Progress Foundation"
    assert parse(session_markup)["name"] == MALICIOUS


def test_edition_tag_finds_the_organiser_itself(hybrid, organiser, django_assert_num_queries):
    template = Template("{% load programme_jsonld %}{% edition_jsonld edition %}")

    with django_assert_num_queries(1):
        markup = template.render(Context({"edition": hybrid}))

    assert parse(markup)["organizer"]["name"] == "Progress Foundation"


def test_edition_and_session_pages_carry_their_json_ld(client, hybrid, organiser):
    session = SessionFactory(edition=hybrid, slug="reading", title=MALICIOUS)

    edition_page = client.get("/2022/", secure=True).content.decode()
    session_page = client.get("/2022/sessions/reading/", secure=True).content.decode()

    edition_data = parse(re.search(r'<script type="application/ld\+json">.*?</script>', edition_page).group(0))
    session_data = parse(re.search(r'<script type="application/ld\+json">.*?</script>', session_page).group(0))
    assert edition_data["name"] == "Occupy Library 2022"
    assert edition_data["organizer"]["name"] == "Progress Foundation"
    assert session_data["name"] == MALICIOUS
    assert session_data["url"] == f"http://127.0.0.1:8000{session.get_absolute_url()}"
    assert "<script>alert(1)" not in session_page
