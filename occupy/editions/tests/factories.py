import datetime

import factory

from occupy.editions.models import Edition, EditionMode, Room, SessionFormat, Theme


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition
        django_get_or_create = ("year",)

    year = factory.Sequence(lambda n: 2030 + n)
    slug = factory.LazyAttribute(lambda o: str(o.year))
    title = factory.LazyAttribute(lambda o: f"Occupy Library {o.year}")
    start_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 2))
    end_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 6, 3))
    mode = EditionMode.HYBRID
    city = "Bucharest"
    live_capacity = 200
    # Most tests are about public pages; a draft (the model's default) is asked for by name.
    is_published = True


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class SessionFormatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionFormat

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Format {n}")
    slug = factory.Sequence(lambda n: f"format-{n}")


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Room {n}")
    slug = factory.Sequence(lambda n: f"room-{n}")
