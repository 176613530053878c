"""Small editions for the schedule and session page tests: an online 2020-like one and a hybrid 2022-like one."""

import datetime

from occupy.editions.models import EditionMode, RoomKind
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory, ThemeFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Attendance
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory


def utc(year, month, day, hour, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


def make_online_edition():
    """2020-like: online over four days, two virtual stages, every session online."""
    edition = EditionFactory(
        year=2020,
        title="Occupy Library 2020",
        start_date=datetime.date(2020, 9, 22),
        end_date=datetime.date(2020, 9, 25),
        mode=EditionMode.ONLINE,
        live_capacity=None,
    )
    stage = RoomFactory(edition=edition, name="Main stage", slug="main-stage", kind=RoomKind.VIRTUAL, order=0)
    side = RoomFactory(edition=edition, name="Side stage", slug="side-stage", kind=RoomKind.VIRTUAL, order=1)
    innovation = ThemeFactory(edition=edition, title="Innovation in libraries", slug="innovation")
    keynote = SessionFormatFactory(edition=edition, name="Keynote", slug="keynote")
    ignite = SessionFormatFactory(edition=edition, name="Ignite talk", slug="ignite")
    online = Attendance.ONLINE
    opening = SessionFactory(
        edition=edition, slug="opening", title="Opening keynote", format=keynote, theme=innovation, room=stage,
        attendance=online, starts_at=utc(2020, 9, 22, 7), ends_at=utc(2020, 9, 22, 8),
    )  # fmt: skip
    SessionFactory(
        edition=edition, slug="five-minutes", title="Five minutes of makerspace", format=ignite, theme=innovation,
        room=side, attendance=online, starts_at=utc(2020, 9, 22, 7), ends_at=utc(2020, 9, 22, 7, 5),
    )  # fmt: skip
    SessionFactory(
        edition=edition, slug="closing", title="Closing debate", format=keynote, theme=innovation, room=stage,
        attendance=online, starts_at=utc(2020, 9, 25, 12), ends_at=utc(2020, 9, 25, 13),
    )  # fmt: skip
    SessionSpeakerFactory(session=opening, person=PersonFactory(name="Ana Popescu", slug="ana-popescu"), order=0)
    return edition


def make_hybrid_edition():
    """2022-like: Bucharest and online over two days, three themes, live, online and hybrid sessions."""
    edition = EditionFactory(
        year=2022,
        title="The E+Libraries On The Rise!",
        start_date=datetime.date(2022, 6, 2),
        end_date=datetime.date(2022, 6, 3),
        mode=EditionMode.HYBRID,
        live_capacity=150,
    )
    hall = RoomFactory(edition=edition, name="Great Hall", slug="great-hall", order=0)
    studio = RoomFactory(edition=edition, name="Studio", slug="studio", kind=RoomKind.VIRTUAL, order=1)
    green = ThemeFactory(edition=edition, title="Green libraries", slug="green")
    digital = ThemeFactory(edition=edition, title="Digital skills", slug="digital")
    case = SessionFormatFactory(edition=edition, name="Case study", slug="case-study")
    workshop = SessionFormatFactory(edition=edition, name="Workshop", slug="workshop")
    sessions = {
        "solar": SessionFactory(
            edition=edition, slug="solar", title="Solar panels on the library roof", format=case, theme=green,
            room=hall, attendance=Attendance.HYBRID, starts_at=utc(2022, 6, 2, 7), ends_at=utc(2022, 6, 2, 7, 30),
        ),
        "coding": SessionFactory(
            edition=edition, slug="coding", title="Coding clubs for children", format=workshop, theme=digital,
            room=hall, attendance=Attendance.LIVE, starts_at=utc(2022, 6, 2, 8), ends_at=utc(2022, 6, 2, 9, 30),
        ),
        "webinar": SessionFactory(
            edition=edition, slug="webinar", title="Webinars that work", format=case, theme=digital,
            room=studio, attendance=Attendance.ONLINE, starts_at=utc(2022, 6, 2, 8), ends_at=utc(2022, 6, 2, 8, 30),
        ),
        "seeds": SessionFactory(
            edition=edition, slug="seeds", title="A seed library", format=workshop, theme=green,
            room=hall, attendance=Attendance.LIVE, starts_at=utc(2022, 6, 3, 7), ends_at=utc(2022, 6, 3, 8),
        ),
    }  # fmt: skip
    return edition, sessions
