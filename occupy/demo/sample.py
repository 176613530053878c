"""The sample programme and registrations around the seed's facts: invented, deterministic (fixed random
seeds) and marked `is_sample=True` everywhere. Writes are bulk and idempotent (see upsert.sync_rows), so they
send no signals: callers bump the page-cache version once at the end (load_demo does)."""

import datetime
import random
from zoneinfo import ZoneInfo

from django.db.models import Max

from occupy.demo import names
from occupy.demo.programme_plan import GUESTS_2020, ROOMS, invent_person, plan_people, plan_programme
from occupy.demo.registrations_plan import plan_registrations
from occupy.demo.sample_titles import SESSIONS_2020, SESSIONS_2022
from occupy.demo.scheduling import RoomDay
from occupy.demo.seed import KEYNOTE_SPEAKERS_2020, SCHEDULE_2020
from occupy.demo.upsert import sync_rows, upsert
from occupy.editions.models import Edition, Room, RoomKind
from occupy.people.models import Person
from occupy.programme.models import Attendance, Material, MaterialKind, Session, SessionSpeaker
from occupy.registration.models import Registration

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


def load_sample(editions: dict[str, Edition]) -> None:
    """Write the sample programme of both editions and their sample registrations.

    Idempotent: rows are keyed by slug (people, sessions), by (session, person) (speakers) and by e-mail
    (registrations); a second load writes nothing. Speaker links of a sample session that the plan no longer
    names are deleted. Sends no signals for the bulk writes.
    """
    people_by_edition = dict(zip(("2020", "2022"), plan_people(), strict=True))
    everyone = {person.slug: person for people in people_by_edition.values() for person in people}
    sync_rows(
        Person.objects.filter(slug__in=everyone), list(everyone.values()), key=lambda p: p.slug, fields=PERSON_FIELDS
    )
    person_ids = dict(
        Person.objects.filter(slug__in=[*everyone, *GUESTS_2020.values(), *KEYNOTE_SPEAKERS_2020]).values_list(
            "slug", "id"
        )
    )

    for slug, edition in editions.items():
        upsert(Edition, lookup={"pk": edition.pk}, values={"is_sample": True})
        rooms = {}
        for order, (room_slug, name, kind, capacity, _attendance, _formats) in enumerate(ROOMS[slug]):
            rooms[room_slug], _ = upsert(
                Room,
                lookup={"edition": edition, "slug": room_slug},
                values={"name": name, "kind": kind, "capacity": capacity, "order": order},
            )
        plan = plan_programme(
            edition,
            formats={f.slug: f for f in edition.formats.all()},
            themes=list(edition.themes.order_by("order")),
            rooms=rooms,
            people=people_by_edition[slug],
            guests=GUESTS_2020 if slug == "2020" else None,
        )
        planned_slugs = [session.slug for session in plan.sessions]
        sync_rows(
            Session.objects.filter(edition=edition, slug__in=planned_slugs),
            plan.sessions,
            key=lambda s: s.slug,
            fields=SESSION_FIELDS,
        )
        session_ids = dict(Session.objects.filter(edition=edition, slug__in=planned_slugs).values_list("slug", "id"))
        links = [
            SessionSpeaker(session_id=session_ids[s], person_id=person_ids[p], role=role, order=order)
            for s, p, role, order in plan.speakers
        ]
        existing = SessionSpeaker.objects.filter(session_id__in=session_ids.values())
        wanted = {(link.session_id, link.person_id) for link in links}
        existing.exclude(pk__in=[link.pk for link in existing if (link.session_id, link.person_id) in wanted]).delete()
        sync_rows(existing.all(), links, key=lambda link: (link.session_id, link.person_id), fields=["role", "order"])

        registrations = plan_registrations(edition)
        sync_rows(
            Registration.objects.filter(edition=edition, email__in=[r.email for r in registrations]),
            registrations,
            key=lambda r: r.email.lower(),
            fields=REGISTRATION_FIELDS,
        )

    opening = Session.objects.get(edition=editions["2020"], slug="opening-keynote")
    upsert(
        Material,
        lookup={"session": opening, "url": SCHEDULE_2020},
        values={"kind": MaterialKind.LINK, "title": "Full 2020 schedule", "order": 0},
    )


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
    catalogue = SESSIONS_2020 if edition.year == 2020 else SESSIONS_2022
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
