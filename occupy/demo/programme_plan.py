"""The sample programme as unsaved objects, computed from fixed random seeds only (never from the database),
so every load plans exactly the same rows. sample.py writes them."""

import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from occupy.demo import names
from occupy.demo.sample_titles import APPROACHES, POSITIONS, SESSIONS_2020, SESSIONS_2022, TAKEAWAYS, TOPICS
from occupy.demo.scheduling import place_evenly, room_days
from occupy.demo.seed import KEYNOTE_SPEAKERS_2020, PEOPLE
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, SpeakerRole

SAMPLE_SPEAKERS_2020 = 86  # with the seven named guests: 93 speakers, "over 90" as the press release says
NEW_SPEAKERS_2022 = 40
RETURNING_SPEAKERS_2022 = 8

ROOMS = {
    # edition: [(slug, name, kind, capacity, attendance of its sessions, formats it hosts)]
    "2020": [
        ("main-stage", "Main stage", "virtual", None, Attendance.ONLINE, ("keynote", "panel", "interactive-debate")),
        ("case-study-room-1", "Case study room 1", "virtual", None, Attendance.ONLINE, ("case-study",)),
        ("case-study-room-2", "Case study room 2", "virtual", None, Attendance.ONLINE, ("case-study",)),
        ("workshop-room", "Workshop room", "virtual", None, Attendance.ONLINE, ("workshop",)),
    ],
    # Rooms at the Bucharest venue are sample data (the About page names no venue); the main hall is streamed.
    "2022": [
        (
            "main-hall",
            "Main hall",
            "physical",
            250,
            Attendance.HYBRID,
            ("keynote", "ignite-talk", "panel", "interactive-debate"),
        ),
        ("studio", "Studio", "physical", 80, Attendance.LIVE, ("case-study",)),
        ("workshop-room", "Workshop room", "physical", 30, Attendance.LIVE, ("workshop",)),
        ("online-stage", "Online stage", "virtual", None, Attendance.ONLINE, ("case-study",)),
    ],
}

# Which named guest joins which sample session (the line-ups are invented; the guests are real).
GUESTS_2020 = {
    "Libraries as strategic partners in democratic societies": "christine-mackenzie",
    "Library associations and the road ahead": "gerald-leitner",
    "Sustaining library innovation after the funding ends": "deborah-jacobs",
}
KEYNOTE_TITLES = [
    "Opening keynote",
    "Keynote of the second day",
    "Keynote of the third day",
    "Keynote of the fourth day",
]
SPEAKERS_PER_FORMAT = {"panel": 3, "interactive-debate": 3, "ignite-talk": 1}  # panels also have a moderator
# Minutes between two case studies in one room, so that they spread over the whole day.
CASE_STUDY_BREAK = {"2020": 25, "2022": 40}
SAMPLE_NOTE = "This programme is sample data: the title, time and line-up of this session are invented for the demo."


@dataclass
class ProgrammePlan:
    people: dict[str, Person] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    speakers: list[tuple[str, str, str, int]] = field(default_factory=list)  # session, person, role, order


def invent_person(rng: random.Random, unique: names.UniqueNames, country: str) -> Person:
    name, slug = unique.take(rng, country)
    city = names.invent_city(rng, country)
    position = rng.choice(POSITIONS)
    organisation = rng.choice([f"{city} Public Library", f"Municipal Library of {city}", f"{city} County Library"])
    first_name = name.split()[0]
    bio = f"{first_name} is a {position[0].lower()}{position[1:]} in {city} who works on {rng.choice(TOPICS)}."
    return Person(
        slug=slug, name=name, position=position, organisation=organisation, country=country, bio=bio, is_sample=True
    )


def plan_people() -> tuple[list[Person], list[Person]]:
    """The sample speakers of 2020 (every one of the 25 countries at least once) and of 2022 (new ones and
    some who also spoke in 2020)."""
    rng = random.Random("occupy-people")
    unique = names.UniqueNames(slug for slug, *_ in PEOPLE)
    countries = list(names.COUNTRIES_2020)
    rng.shuffle(countries)
    countries += [names.weighted_country(rng) for _ in range(SAMPLE_SPEAKERS_2020 - len(countries))]
    people_2020 = [invent_person(rng, unique, country) for country in countries]
    returning = rng.sample(people_2020, RETURNING_SPEAKERS_2022)
    people_2022 = returning + [
        invent_person(rng, unique, names.weighted_country(rng)) for _ in range(NEW_SPEAKERS_2022)
    ]
    return people_2020, people_2022


class SpeakerCycle:
    """Hands out speakers in a shuffled round, so every sample speaker gets at least one session."""

    def __init__(self, rng: random.Random, people: list[Person]):
        self.queue = list(people)
        rng.shuffle(self.queue)
        self.position = 0

    def take(self, count: int, exclude: set[str]) -> list[str]:
        chosen = []
        for _ in range(len(self.queue) * 2):
            if len(chosen) == count:
                break
            person = self.queue[self.position % len(self.queue)]
            self.position += 1
            if person.slug not in exclude and person.slug not in chosen:
                chosen.append(person.slug)
        return chosen


def abstract_for(rng: random.Random, first_sentence: str) -> str:
    return f"{first_sentence} {rng.choice(APPROACHES)} {rng.choice(TAKEAWAYS)}"


def plan_programme(edition, *, formats, themes, rooms, people: list[Person], guests=None) -> ProgrammePlan:
    """Sessions, slots and speakers of one edition. `formats`, `themes` and `rooms` come from the database
    (keyed by slug, themes in order); everything else comes from the edition's own random seed."""
    rng = random.Random(f"occupy-programme-{edition.slug}")
    plan = ProgrammePlan(people={person.slug: person for person in people})
    timelines = room_days(rooms.values(), edition, case_study_break=CASE_STUDY_BREAK[edition.slug])
    room_spec = {slug: spec for slug, *spec in ROOMS[edition.slug]}
    cycle = SpeakerCycle(rng, people)

    busy: dict[str, list[tuple]] = {}  # person slug: their slots so far, so nobody speaks twice at once

    def free_at(start, end) -> set[str]:
        return {slug for slug, slots in busy.items() if any(s < end and start < e for s, e in slots)}

    def add(format_slug, title, abstract, theme, *, count, guest=None, with_moderator=False):
        hosts = [slug for slug, spec in room_spec.items() if format_slug in spec[4]]
        minutes = formats[format_slug].default_minutes
        room, starts_at, ends_at = place_evenly([t for slug in hosts for t in timelines[slug]], format_slug, minutes)
        taken = free_at(starts_at, ends_at) | {guest}
        speakers = ([guest] if guest else []) + cycle.take(count - (1 if guest else 0), taken)
        if with_moderator:
            speakers += cycle.take(1, taken | set(speakers))
        attendance = room_spec[room.slug][3]
        capacity = (room.capacity or rng.choice([30, 40, 50])) if format_slug == "workshop" else None
        slug = slugify(title)[:200]
        plan.sessions.append(
            Session(
                edition=edition,
                slug=slug,
                title=title,
                abstract=abstract,
                format=formats[format_slug],
                theme=theme,
                language="en",
                attendance=attendance,
                room=room,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=capacity,
                is_sample=True,
            )
        )
        for order, person_slug in enumerate(speakers):
            role = SpeakerRole.MODERATOR if with_moderator and order == count else SpeakerRole.SPEAKER
            plan.speakers.append((slug, person_slug, role, order))
            busy.setdefault(person_slug, []).append((starts_at, ends_at))

    days = (edition.end_date - edition.start_date).days + 1
    if edition.slug == "2020":
        people_by_slug = {slug: name for slug, name, *_ in PEOPLE}
        for title, person_slug in zip(KEYNOTE_TITLES[:days], KEYNOTE_SPEAKERS_2020, strict=True):
            abstract = (
                f"Keynote by {people_by_slug[person_slug]}. {SAMPLE_NOTE} The speaker is named among the guests "
                "of Occupy Library 2020 in its press release."
            )
            add("keynote", title, abstract, None, count=1, guest=person_slug)
        catalogue = SESSIONS_2020
    else:
        for title in KEYNOTE_TITLES[:days]:
            abstract = f"{SAMPLE_NOTE} The keynote speakers of this edition are invented."
            add("keynote", title, abstract, None, count=1)
        catalogue = SESSIONS_2022
    order = {"ignite-talk": 0, "panel": 1, "interactive-debate": 1, "workshop": 2, "case-study": 3}
    for format_slug, theme_index, title, sentence in sorted(catalogue, key=lambda item: order[item[0]]):
        guest = (guests or {}).get(title)
        count = SPEAKERS_PER_FORMAT.get(format_slug, 2 if rng.random() < 0.3 else 1)
        abstract = abstract_for(rng, sentence)
        if guest:
            abstract = f"{abstract} {SAMPLE_NOTE} The named guest is listed in the Occupy Library 2020 press release."
        add(
            format_slug,
            title,
            abstract,
            themes[theme_index],
            count=count,
            guest=guest,
            with_moderator=format_slug == "panel",
        )
    return plan
