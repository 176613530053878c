"""One edition whose pages look the same in every run: fixed names, dates far from now (2041, in Bucharest's
time zone), fixed slugs, and a registration with a fixed pk and manage token, so screenshots and byte budgets
compare like with like. Nothing here reads the clock: every timestamp a page could show is given."""

import datetime

from occupy.editions.models import Edition, EditionMode, Room, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Session, SessionSpeaker
from occupy.registration.models import AttendanceMode, ParticipantRole, Registration, RegistrationStatus

# 43 URL-safe characters, shaped like secrets.token_urlsafe(32) (so log redaction treats it as the real thing).
TOKEN = "VisualBaselineToken0123456789abcdefghijklmn"
KEY = "VisualBaselineKey0123456789abcdefghijklmnop"
REGISTRATION_PK = 4141
SIGNED_UP = datetime.datetime(2041, 3, 14, 9, 30, tzinfo=datetime.UTC)

# (slug, title, room index, day, local start "HH:MM", minutes, format index, theme index, speaker indexes)
SESSIONS = [
    ("opening-keynote", "Libraries as common ground", 0, 0, "10:00", 45, 0, 0, [0]),
    ("reading-rooms", "Reading rooms that stay open late", 1, 0, "10:00", 30, 1, 1, [1]),
    ("repair-cafe", "A repair café in the children's section", 2, 0, "10:00", 90, 2, 2, [2, 3]),
    ("ignite-maps", "Five minutes of community maps", 0, 0, "11:00", 5, 3, 1, [4]),
    ("open-catalogue", "An open catalogue in three languages", 1, 0, "11:00", 30, 1, 0, [5]),
    ("archives-at-war", "Keeping archives safe in wartime", 0, 1, "10:00", 45, 0, 2, [6]),
    ("zine-workshop", "Zine workshop for teenagers", 1, 1, "10:00", 90, 2, 1, [7]),
    ("closing-panel", "What we take home", 0, 1, "14:00", 60, 1, 0, [0, 6]),
]
FORMATS = [
    ("Keynote", "keynote", 45, True),
    ("Talk", "talk", 30, False),
    ("Workshop", "workshop", 90, False),
    ("Ignite", "ignite", 5, False),
]
THEMES = ["Community", "Access", "Heritage"]
ROOMS = ["Main hall", "Reading room", "Workshop space"]
SPEAKERS = [
    ("Ana Popescu", "Bucharest Metropolitan Library", "RO"),
    ("Olena Kovalenko", "Lviv Regional Library", "UA"),
    ("Mihai Ionescu", "Cluj County Library", "RO"),
    ("Irina Rusu", "Chișinău Public Library", "MD"),
    ("Nino Beridze", "Tbilisi City Library", "GE"),
    ("Taras Shevchuk", "Kyiv Youth Library", "UA"),
    ("Elena Dumitru", "National Archives of Romania", "RO"),
    ("Sofia Melnyk", "Odesa Children's Library", "UA"),
]


def build_fixed_edition(*, year: int = 2041, slug: str = "fixed") -> Edition:
    """The edition, its rooms, formats, themes, eight speakers and eight scheduled sessions over two days."""
    edition = Edition.objects.create(
        year=year,
        slug=slug,
        title=f"Occupy Library {year}",
        tagline="Libraries that stay open",
        summary="Two days of talks and workshops by librarians from six countries.",
        start_date=datetime.date(year, 6, 12),
        end_date=datetime.date(year, 6, 13),
        time_zone="Europe/Bucharest",
        mode=EditionMode.HYBRID,
        venue_name="Central University Library",
        venue_address="Bulevardul Carol I 19",
        city="Bucharest",
        country="RO",
        live_capacity=120,
        is_published=True,
        programme_is_complete=True,
    )
    formats = [
        SessionFormat.objects.create(edition=edition, name=name, slug=s, default_minutes=m, is_keynote=k, order=i)
        for i, (name, s, m, k) in enumerate(FORMATS)
    ]
    themes = [
        Theme.objects.create(edition=edition, title=title, slug=title.lower(), order=i)
        for i, title in enumerate(THEMES)
    ]
    rooms = [
        Room.objects.create(edition=edition, name=name, slug=name.lower().replace(" ", "-"), order=i, capacity=40)
        for i, name in enumerate(ROOMS)
    ]
    people = [
        Person.objects.create(
            name=name,
            slug=f"{slug}-{name.lower().replace(' ', '-')}",
            organisation=org,
            country=country,
            bio=f"{name} works at {org}.",
        )
        for name, org, country in SPEAKERS
    ]
    for s, title, room, day, start, minutes, fmt, theme, speakers in SESSIONS:
        hour, minute = map(int, start.split(":"))
        # Bucharest is UTC+3 in June.
        starts = datetime.datetime(year, 6, 12 + day, hour - 3, minute, tzinfo=datetime.UTC)
        ends = starts + datetime.timedelta(minutes=minutes)
        session = Session.objects.create(
            edition=edition,
            slug=s,
            title=title,
            abstract=f"{title}: what we tried, what worked, what did not.",
            format=formats[fmt],
            theme=themes[theme],
            room=rooms[room],
            starts_at=starts,
            ends_at=ends,
            draft_room=rooms[room],
            draft_starts_at=starts,
            draft_ends_at=ends,
        )
        for order, index in enumerate(speakers):
            SessionSpeaker.objects.create(session=session, person=people[index], order=order)
    return edition


def fixed_registration(edition: Edition, *, language: str = "en") -> Registration:
    """A confirmed live registration with a fixed pk and token (the manage page and the ticket show them)."""
    return Registration.objects.create(
        pk=REGISTRATION_PK,
        edition=edition,
        token=TOKEN,
        confirmation_key=KEY,
        name="Maria Constantinescu",
        email="maria.constantinescu@example.org",
        country="RO",
        organisation="Iași County Library",
        role=ParticipantRole.LIBRARIAN,
        attendance=AttendanceMode.LIVE,
        status=RegistrationStatus.CONFIRMED,
        language=language,
        privacy_consent_at=SIGNED_UP,
        created_at=SIGNED_UP,
        confirmed_at=SIGNED_UP,
    )
