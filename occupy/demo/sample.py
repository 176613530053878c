"""The sample edition: an invented, clearly labelled edition whose dates follow today, so that a newcomer who
runs `make run` can walk the participant's journey (register, confirm, agenda, ticket, cancel). Its programme,
people and registrations are invented, deterministic (fixed random seeds) and marked `is_sample=True`
everywhere. Nothing of it touches the real editions.

Writes of sessions, people and registrations are bulk and idempotent (see upsert.sync_rows), so they send no
signals: callers bump the page-cache version once at the end (load_demo does)."""

import datetime
import random
from zoneinfo import ZoneInfo

from django.db.models import F, Max
from django.utils import timezone

from occupy.cfp.models import Call
from occupy.demo import names
from occupy.demo.programme_plan import ROOMS, invent_person, plan_people, plan_programme
from occupy.demo.registrations_plan import plan_registrations
from occupy.demo.sample_titles import SESSIONS
from occupy.demo.scheduling import RoomDay
from occupy.demo.seed_texts import FORMATS, THEMES_2022
from occupy.demo.upsert import sync_rows, upsert
from occupy.editions.models import Edition, EditionMode, Room, RoomKind, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, SessionSpeaker
from occupy.registration.models import Registration

SLUG = "sample"
TIME_ZONE = "Europe/Bucharest"
LIVE_CAPACITY = 120
SAMPLE_FORMATS = ["keynote", "case-study", "ignite-talk", "workshop", "interactive-debate", "panel"]

PERSON_FIELDS = ["name", "position", "organisation", "country", "bio", "is_sample"]
SESSION_FIELDS = [
    "title",
    "abstract",
    "format",
    "theme",
    "language",
    "attendance",
    "room",
    "starts_at",
    "ends_at",
    "capacity",
    "is_sample",
]
REGISTRATION_FIELDS = [
    "name",
    "country",
    "organisation",
    "role",
    "attendance",
    "status",
    "language",
    "created_at",
    "confirmed_at",
    "privacy_consent_at",
    "newsletter_consent",
    "is_sample",
]


def sample_dates(today: datetime.date) -> dict:
    """The sample edition's dates: a Thursday and Friday four to five weeks after `today` (a week or two later when
    those would fall in the year-end holidays, when no conference meets); registration opened two weeks ago and
    closes the evening before the first day (in the edition's time zone)."""
    soon = today + datetime.timedelta(weeks=4)
    start = soon + datetime.timedelta(days=(3 - soon.weekday()) % 7)
    while (start.month, start.day) >= (12, 20) or (start.month, start.day) <= (1, 7):
        start += datetime.timedelta(weeks=1)
    tz = ZoneInfo(TIME_ZONE)
    return {
        "year": start.year,
        "start_date": start,
        "end_date": start + datetime.timedelta(days=1),
        "registration_opens_at": datetime.datetime.combine(
            today - datetime.timedelta(days=14), datetime.time(9), tzinfo=tz
        ),
        "registration_closes_at": datetime.datetime.combine(
            start - datetime.timedelta(days=1), datetime.time(18), tzinfo=tz
        ),
    }


SAMPLE_EDITION = {
    "title": "Sample edition (demo data)",
    "tagline": "An invented edition to try the platform",
    "summary": (
        "This edition does not exist: it is sample data, so that you can try registering, confirming, building "
        "an agenda and cancelling. Its programme, speakers and venue are invented."
    ),
    "description": (
        "The sample edition shows what the platform does for an edition that is coming up: a hybrid "
        "conference in Bucharest and online, with open registration, a limited number of places at the venue, "
        "a workshop with a limited number of seats and a two-day programme.\n\n"
        "Everything in it is invented for the demo: the sessions, the speakers and their libraries, the venue "
        "and the participants. Its themes repeat those of Occupy Library 2022."
    ),
    "time_zone": TIME_ZONE,
    "mode": EditionMode.HYBRID,
    "venue_name": "Sample Conference Hall",
    "venue_address": "1 Example Street",
    "city": "Bucharest",
    "country": "RO",
    "live_capacity": LIVE_CAPACITY,
    "is_published": True,
    "is_sample": True,
    "programme_is_complete": True,
}


SAMPLE_CALL_GUIDANCE = (
    "This call is sample data: try submitting a contribution. Tell us what your library did, for whom, and what "
    "other librarians can learn from it."
)


def load_sample(*, today: datetime.date | None = None) -> Edition:
    """Write the sample edition, dated from `today` (default: today in its time zone), with its themes,
    formats, rooms, programme, invented speakers and registrations. Returns the edition.

    Idempotent: rows are keyed by slug (edition, people, sessions), by (session, person) (speakers) and by
    e-mail (registrations); a second load on the same day writes nothing, a load on a later day moves the dates
    (and the times of the sessions and registrations) and adds nothing. Speaker links of a sample session that
    the plan no longer names are deleted. Sends no signals for the bulk writes.
    """
    today = today or timezone.localdate(timezone=ZoneInfo(TIME_ZONE))
    tz = ZoneInfo(TIME_ZONE)
    edition, _ = upsert(Edition, lookup={"slug": SLUG}, values={**SAMPLE_EDITION, **sample_dates(today)})
    for order, (theme_slug, title, description) in enumerate(THEMES_2022):
        upsert(
            Theme,
            lookup={"edition": edition, "slug": theme_slug},
            values={"title": title, "description": description, "order": order},
        )
    formats = {}
    for order, format_slug in enumerate(SAMPLE_FORMATS):
        formats[format_slug], _ = upsert(
            SessionFormat,
            lookup={"edition": edition, "slug": format_slug},
            values={**FORMATS[format_slug], "order": order},
        )
    rooms = {}
    for order, (room_slug, name, kind, capacity, _attendance, _formats) in enumerate(ROOMS):
        rooms[room_slug], _ = upsert(
            Room,
            lookup={"edition": edition, "slug": room_slug},
            # A sample stream per room (example.org, never a real platform), so that a newcomer can try the
            # participant's join links; real editions get only the streams their organisers set.
            values={
                "name": name,
                "kind": kind,
                "capacity": capacity,
                "order": order,
                "stream_url": f"https://stream.example.org/sample-edition/{room_slug}",
            },
        )

    people = plan_people()
    sync_rows(
        Person.objects.filter(slug__in=[p.slug for p in people]), people, key=lambda p: p.slug, fields=PERSON_FIELDS
    )
    person_ids = dict(Person.objects.filter(slug__in=[p.slug for p in people]).values_list("slug", "id"))
    plan = plan_programme(
        edition, formats=formats, themes=list(edition.themes.order_by("order")), rooms=rooms, people=people
    )
    planned_slugs = [session.slug for session in plan.sessions]
    sync_rows(
        Session.objects.filter(edition=edition, slug__in=planned_slugs),
        plan.sessions,
        key=lambda s: s.slug,
        fields=SESSION_FIELDS,
    )
    publish_as_planned(edition)
    session_ids = dict(Session.objects.filter(edition=edition, slug__in=planned_slugs).values_list("slug", "id"))
    links = [
        SessionSpeaker(session_id=session_ids[s], person_id=person_ids[p], role=role, order=order)
        for s, p, role, order in plan.speakers
    ]
    existing = SessionSpeaker.objects.filter(session_id__in=session_ids.values())
    wanted = {(link.session_id, link.person_id) for link in links}
    existing.exclude(pk__in=[link.pk for link in existing if (link.session_id, link.person_id) in wanted]).delete()
    sync_rows(existing.all(), links, key=lambda link: (link.session_id, link.person_id), fields=["role", "order"])

    # An open call for contributions, so that a newcomer can try submitting: opened two weeks ago, it closes
    # three weeks before the first day (at 23:59 in the edition's time zone).
    upsert(
        Call,
        lookup={"edition": edition},
        values={
            "opens_at": datetime.datetime.combine(today - datetime.timedelta(days=14), datetime.time(9), tzinfo=tz),
            "closes_at": datetime.datetime.combine(
                edition.start_date - datetime.timedelta(days=21), datetime.time(23, 59), tzinfo=tz
            ),
            "guidance": SAMPLE_CALL_GUIDANCE,
        },
    )

    # Registrations made by the start of today, so that two loads on one day plan the same rows.
    now = datetime.datetime.combine(today, datetime.time(0), tzinfo=ZoneInfo(TIME_ZONE))
    registrations = plan_registrations(edition, now=now)
    sync_rows(
        Registration.objects.filter(edition=edition, email__in=[r.email for r in registrations]),
        registrations,
        key=lambda r: r.email.lower(),
        fields=REGISTRATION_FIELDS,
    )
    return edition


def grow_programme(edition: Edition, *, sessions: int) -> int:
    """Add sample case studies, each with one or two new sample speakers, until the edition has `sessions`
    sessions (for benchmarks). They go into online breakout rooms, created as needed, in daytime slots that
    never overlap. Bulk writes, no signals. Returns the number of sessions added."""
    current = edition.sessions.count()
    missing = sessions - current
    if missing <= 0:
        return 0
    case_study = edition.formats.filter(slug="case-study").first() or edition.formats.order_by("order").first()
    if case_study is None:
        raise ValueError(f"Edition {edition.slug} has no session format to grow its programme with.")
    rng = random.Random(f"occupy-grow-{edition.slug}-{current}")
    themes = list(edition.themes.order_by("order")) or [None]
    catalogue = SESSIONS
    timelines = _breakout_timelines(edition)
    unique = names.UniqueNames(Person.objects.values_list("slug", flat=True))
    taken = set(edition.sessions.values_list("slug", flat=True))
    new_sessions, new_people, pairs = [], [], []
    number = current
    for _ in range(missing):
        timeline = next((t for t in timelines if t.slot("case-study", case_study.default_minutes)), None)
        if timeline is None:
            added = _new_breakout_room(edition)
            timelines.extend(added)
            timeline = added[0]
        starts_at, ends_at = timeline.place("case-study", case_study.default_minutes)
        while f"extra-{number}" in taken:
            number += 1
        taken.add(f"extra-{number}")
        country = names.weighted_country(rng)
        _fmt, theme_index, title, sentence = rng.choice(catalogue)
        new_sessions.append(
            Session(
                edition=edition,
                slug=f"extra-{number}",
                title=f"{title} ({names.invent_city(rng, country)})",
                abstract=sentence,
                format=case_study,
                theme=themes[theme_index % len(themes)],
                attendance=Attendance.ONLINE,
                room=timeline.room,
                starts_at=starts_at,
                ends_at=ends_at,
                is_sample=True,
            )
        )
        speakers = [invent_person(rng, unique, country) for _ in range(2 if rng.random() < 0.3 else 1)]
        new_people.extend(speakers)
        pairs.append([person.slug for person in speakers])
    Session.objects.bulk_create(new_sessions, batch_size=500)
    publish_as_planned(edition)
    Person.objects.bulk_create(new_people, batch_size=500)
    session_ids = dict(edition.sessions.filter(slug__in=[s.slug for s in new_sessions]).values_list("slug", "id"))
    person_ids = dict(Person.objects.filter(slug__in=[p.slug for p in new_people]).values_list("slug", "id"))
    SessionSpeaker.objects.bulk_create(
        [
            SessionSpeaker(session_id=session_ids[session.slug], person_id=person_ids[person_slug], order=order)
            for session, slugs in zip(new_sessions, pairs, strict=True)
            for order, person_slug in enumerate(slugs)
        ],
        batch_size=500,
    )
    return missing


def publish_as_planned(edition: Edition) -> None:
    """The sample's draft schedule is what it publishes: the editor starts with nothing pending."""
    Session.objects.filter(edition=edition).update(
        draft_room=F("room"), draft_starts_at=F("starts_at"), draft_ends_at=F("ends_at")
    )


def _days(edition):
    return [
        edition.start_date + datetime.timedelta(days=n)
        for n in range((edition.end_date - edition.start_date).days + 1)
    ]


def _breakout_timelines(edition) -> list[RoomDay]:
    """Timelines of the existing breakout rooms, each starting after the last session already in it that day."""
    tz = ZoneInfo(edition.time_zone)
    rooms = list(edition.rooms.filter(slug__startswith="breakout-").order_by("order", "slug"))
    last_end = {}
    for room_id, ends_at in Session.objects.filter(room__in=rooms, ends_at__isnull=False).values_list(
        "room", "ends_at"
    ):
        key = (room_id, ends_at.astimezone(tz).date())
        last_end[key] = max(ends_at, last_end.get(key, ends_at))
    timelines = []
    for room in rooms:
        for day in _days(edition):
            timeline = RoomDay(room, day, tz)
            if (room.pk, day) in last_end:
                timeline.cursor = max(timeline.cursor, last_end[room.pk, day])
                timeline.last_format = "case-study"
                timeline.count = 1
            timelines.append(timeline)
    return timelines


def _new_breakout_room(edition) -> list[RoomDay]:
    number = edition.rooms.filter(slug__startswith="breakout-").count() + 1
    while edition.rooms.filter(slug=f"breakout-{number}").exists():
        number += 1
    order = (edition.rooms.aggregate(last=Max("order"))["last"] or 0) + 1
    room = Room.objects.create(
        edition=edition, slug=f"breakout-{number}", name=f"Breakout room {number}", kind=RoomKind.VIRTUAL, order=order
    )
    return [RoomDay(room, day, ZoneInfo(edition.time_zone)) for day in _days(edition)]
