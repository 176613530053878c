"""Starting an edition as a draft, copying the previous one: exactly what it should, and nothing else (the
workspace's service over the editions and registration services)."""

import datetime

import pytest

from occupy.content.models import NewsPost
from occupy.editions import services
from occupy.editions.models import Edition, EditionMode, EditionRole, Role, Room, RoomKind, SessionFormat
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory, ThemeFactory
from occupy.organise.services import start_edition
from occupy.programme.models import Session, SessionSpeaker
from occupy.programme.tests.factories import SessionSpeakerFactory
from occupy.registration.models import Question, QuestionKind, Registration
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

NEW = {"year": 2032, "slug": "2032", "title": "Occupy Library 2032", "start_date": datetime.date(2032, 6, 3)}


def previous_edition(size: int) -> Edition:
    """An edition with `size` themes, formats, rooms and questions, a session with a speaker, a registration and
    a news post."""
    edition = EditionFactory(
        year=2030,
        tagline="Libraries on the rise",
        summary="Two days.",
        description="<b>Bold</b> ideas.",
        venue_name="National Library",
        venue_address="Bd. Unirii 22",
        city="Bucharest",
        country="RO",
        contact_name="Ana",
        contact_role="Coordinator",
        contact_email="ana@example.org",
        time_zone="Europe/Kyiv",
        mode=EditionMode.LIVE,
        live_capacity=150,
        online_stream_url="https://stream.example.org/2030",
        registration_opens_at=datetime.datetime(2030, 4, 1, 7, tzinfo=datetime.UTC),
        stated_speakers="90+",
    )
    for n in range(size):
        ThemeFactory(edition=edition, title=f"Track {n}", slug=f"track-{n}", description=f"About {n}", order=n)
        SessionFormatFactory(edition=edition, name=f"Kind {n}", slug=f"kind-{n}", default_minutes=5 + n, order=n)
        RoomFactory(edition=edition, name=f"Hall {n}", slug=f"hall-{n}", kind=RoomKind.VIRTUAL, capacity=10 + n)
        Question.objects.create(
            edition=edition, label=f"Question {n}", kind=QuestionKind.CHOICE, choices="a\nb", required=True, order=n
        )
    SessionSpeakerFactory(session__edition=edition)
    RegistrationFactory(edition=edition)
    NewsPost.objects.create(title="News", slug="news-2030", body="…", edition=edition)
    return edition


def test_a_new_edition_is_a_draft_with_its_creator_as_organiser(organiser):
    edition = start_edition(organiser=organiser, end_date=datetime.date(2032, 6, 4), **NEW)
    assert edition.is_published is False
    assert list(EditionRole.objects.filter(edition=edition).values_list("user", "role")) == [
        (organiser.pk, Role.ORGANISER)
    ]
    assert (edition.themes.count(), edition.formats.count(), edition.rooms.count()) == (0, 0, 0)


@pytest.mark.parametrize("size", [1, 4])
def test_copying_takes_themes_formats_rooms_questions_and_texts_only(organiser, size):
    source = previous_edition(size)
    edition = start_edition(organiser=organiser, copy_from=source, end_date=datetime.date(2032, 6, 4), **NEW)
    edition.refresh_from_db()

    themes = edition.themes.filter(title__startswith="Track ").order_by("order")
    assert list(themes.values_list("title", "slug", "description", "order")) == [
        (f"Track {n}", f"track-{n}", f"About {n}", n) for n in range(size)
    ]
    formats = SessionFormat.objects.filter(edition=edition, name__startswith="Kind ").order_by("order")
    assert list(formats.values_list("name", "default_minutes")) == [(f"Kind {n}", 5 + n) for n in range(size)]
    # The session's own format, theme and room were made by its factory: they are copied too.
    assert edition.themes.count() == edition.formats.count() == edition.rooms.count() == size + 1
    rooms = Room.objects.filter(edition=edition, name__startswith="Hall ").order_by("name")
    assert list(rooms.values_list("name", "kind", "capacity", "stream_url")) == [
        (f"Hall {n}", RoomKind.VIRTUAL, 10 + n, "") for n in range(size)
    ]
    assert list(edition.registration_questions.values_list("label", "kind", "choices", "required", "order")) == [
        (f"Question {n}", QuestionKind.CHOICE, "a\nb", True, n) for n in range(size)
    ]
    for name in services.COPIED_TEXTS:
        assert getattr(edition, name) == getattr(source, name), name
    # Its own dates and title; never the source's registration window, stream, figures, sessions, people or news.
    assert (edition.title, edition.start_date, edition.end_date) == (
        "Occupy Library 2032",
        datetime.date(2032, 6, 3),
        datetime.date(2032, 6, 4),
    )
    assert (edition.registration_opens_at, edition.online_stream_url, edition.stated_speakers) == (None, "", "")
    assert edition.is_published is False
    assert not Session.objects.filter(edition=edition).exists()
    assert not SessionSpeaker.objects.filter(session__edition=edition).exists()
    assert not Registration.objects.filter(edition=edition).exists()
    assert not NewsPost.objects.filter(edition=edition).exists()
    # The source is untouched.
    assert (source.themes.count(), source.rooms.count(), source.registration_questions.count()) == (
        size + 1,
        size + 1,
        size,
    )
