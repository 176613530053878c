import datetime

import factory

from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory, ThemeFactory
from occupy.programme.models import Session, SessionSpeaker


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    title = factory.Sequence(lambda n: f"Session {n}")
    abstract = "What we learnt."
    format = factory.SubFactory(SessionFormatFactory, edition=factory.SelfAttribute("..edition"))
    theme = factory.SubFactory(ThemeFactory, edition=factory.SelfAttribute("..edition"))
    room = factory.SubFactory(RoomFactory, edition=factory.SelfAttribute("..edition"))
    starts_at = factory.LazyAttribute(lambda o: datetime.datetime(o.edition.year, 6, 2, 7, 0, tzinfo=datetime.UTC))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=45))
    # Nothing pending: the draft placement is the published one.
    draft_room = factory.SelfAttribute("room")
    draft_starts_at = factory.SelfAttribute("starts_at")
    draft_ends_at = factory.SelfAttribute("ends_at")


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("occupy.people.tests.factories.PersonFactory")


def build_programme(edition, *, sessions: int, themes: int = 3, rooms: int = 3, speakers_per_session: int = 2):
    """A scheduled programme of `sessions` sessions with two speakers each, made with a few bulk inserts,
    for tests that compare pages at two programme sizes."""
    from occupy.editions.models import Room, SessionFormat, Theme
    from occupy.people.models import Person

    formats = SessionFormat.objects.bulk_create(
        [
            SessionFormat(edition=edition, name="Keynote", slug="keynote", is_keynote=True, default_minutes=45),
            SessionFormat(edition=edition, name="Case study", slug="case-study", default_minutes=20),
        ]
    )
    theme_objs = Theme.objects.bulk_create(
        [Theme(edition=edition, title=f"Theme {i}", slug=f"theme-{i}", order=i) for i in range(themes)]
    )
    room_objs = Room.objects.bulk_create(
        [Room(edition=edition, name=f"Room {i}", slug=f"room-{i}", order=i) for i in range(rooms)]
    )
    day0 = datetime.datetime.combine(edition.start_date, datetime.time(7, 0), tzinfo=datetime.UTC)
    days = (edition.end_date - edition.start_date).days + 1
    per_day = -(-sessions // days)
    session_objs = []
    for i in range(sessions):
        day, slot_in_day = divmod(i, per_day)
        slot, room_index = divmod(slot_in_day, rooms)
        starts = day0 + datetime.timedelta(days=day, minutes=30 * slot)
        session_objs.append(
            Session(
                edition=edition,
                slug=f"{edition.slug}-session-{i}",
                title=f"Session {i}",
                abstract="A practice worth sharing.",
                format=formats[0] if i % 10 == 0 else formats[1],
                theme=theme_objs[i % themes],
                room=room_objs[room_index],
                starts_at=starts,
                ends_at=starts + datetime.timedelta(minutes=25),
                draft_room=room_objs[room_index],
                draft_starts_at=starts,
                draft_ends_at=starts + datetime.timedelta(minutes=25),
            )
        )
    session_objs = Session.objects.bulk_create(session_objs)
    countries = ["RO", "UA", "MD", "GE", "AM", "AZ", "GR", "BG", "DE", "US"]
    people = Person.objects.bulk_create(
        [
            Person(
                name=f"{edition.slug} Speaker {i}",
                slug=f"{edition.slug}-speaker-{i}",
                organisation="Public Library",
                country=countries[i % len(countries)],
            )
            for i in range(sessions * speakers_per_session)
        ]
    )
    SessionSpeaker.objects.bulk_create(
        [
            SessionSpeaker(session=session, person=people[i * speakers_per_session + k], order=k)
            for i, session in enumerate(session_objs)
            for k in range(speakers_per_session)
        ]
    )
    return session_objs
