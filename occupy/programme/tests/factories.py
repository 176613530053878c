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
    starts_at = factory.LazyAttribute(
        lambda o: datetime.datetime(o.edition.year, 6, 2, 7, 0, tzinfo=datetime.UTC)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(minutes=45))


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("occupy.people.tests.factories.PersonFactory")
