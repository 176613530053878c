"""The sample edition's programme as unsaved objects, computed from fixed random seeds and the edition's dates
only (never from other rows), so every load on one day plans exactly the same rows. sample.py writes them.
Everything here is invented: no real person, institution or session."""

import random
from dataclasses import dataclass, field

from django.utils.text import slugify

from occupy.demo import names
from occupy.demo.sample_titles import APPROACHES, POSITIONS, SESSIONS, TAKEAWAYS, TOPICS
from occupy.demo.scheduling import place_evenly, room_days
from occupy.demo.seed import PEOPLE
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, SpeakerRole

SAMPLE_SPEAKERS = 44

ROOMS = [
    # (slug, name, kind, capacity, attendance of its sessions, formats it hosts): an invented venue whose main
    # hall is streamed, and an online stage.
    (
        "main-hall",
        "Main hall",
        "physical",
        120,
        Attendance.HYBRID,
        ("keynote", "ignite-talk", "panel", "interactive-debate"),
    ),
    ("studio", "Studio", "physical", 60, Attendance.LIVE, ("case-study",)),
    ("workshop-room", "Workshop room", "physical", 24, Attendance.LIVE, ("workshop",)),
    ("online-stage", "Online stage", "virtual", None, Attendance.ONLINE, ("case-study",)),
]

KEYNOTE_TITLES = ["Opening keynote", "Keynote of the second day", "Keynote of the third day"]
SPEAKERS_PER_FORMAT = {"panel": 3, "interactive-debate": 3, "ignite-talk": 1}  # panels also have a moderator
# Minutes between two case studies in one room, so that they spread over the whole day.
CASE_STUDY_BREAK = 40
SAMPLE_NOTE = "This session is sample data: its title, time and speakers are invented for the demo."


@dataclass
class ProgrammePlan:
    people: dict[str, Person] = field(default_factory=dict)
    sessions: list[Session] = field(default_factory=list)
    speakers: list[tuple[str, str, str, int]] = field(default_factory=list)  # session, person, role, order


def invent_person(rng: random.Random, unique: names.UniqueNames, country: str) -> Person:
    """An invented speaker. Their library is invented too ("Sample Library, Iași"), so no real institution is
    made to speak through an invented person."""
    name, slug = unique.take(rng, country)
    city = names.invent_city(rng, country)
    position = rng.choice(POSITIONS)
    first_name = name.split()[0]
    bio = f"{first_name} is a {position[0].lower()}{position[1:]} who works on {rng.choice(TOPICS)}."
    return Person(
        slug=slug,
        name=name,
        position=position,
        organisation=f"Sample Library, {city}",
        country=country,
        bio=bio,
        is_sample=True,
    )


def plan_people() -> list[Person]:
    """The sample edition's invented speakers."""
    rng = random.Random("occupy-people")
    unique = names.UniqueNames(slug for slug, *_ in PEOPLE)
    return [invent_person(rng, unique, names.weighted_country(rng)) for _ in range(SAMPLE_SPEAKERS)]


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


def plan_programme(edition, *, formats, themes, rooms, people: list[Person]) -> ProgrammePlan:
    """Sessions, slots and speakers of the sample edition. `formats`, `themes` and `rooms` come from the database
    (keyed by slug, themes in order); everything else comes from a fixed random seed and the edition's dates."""
    rng = random.Random("occupy-programme-sample")
    plan = ProgrammePlan(people={person.slug: person for person in people})
    timelines = room_days(rooms.values(), edition, case_study_break=CASE_STUDY_BREAK)
    room_spec = {slug: spec for slug, *spec in ROOMS}
    cycle = SpeakerCycle(rng, people)

    busy: dict[str, list[tuple]] = {}  # person slug: their slots so far, so nobody speaks twice at once

    def free_at(start, end) -> set[str]:
        return {slug for slug, slots in busy.items() if any(s < end and start < e for s, e in slots)}

    def add(format_slug, title, abstract, theme, *, count, with_moderator=False):
        hosts = [slug for slug, spec in room_spec.items() if format_slug in spec[4]]
        minutes = formats[format_slug].default_minutes
        room, starts_at, ends_at = place_evenly([t for slug in hosts for t in timelines[slug]], format_slug, minutes)
        taken = free_at(starts_at, ends_at)
        speakers = cycle.take(count, taken)
        if with_moderator:
            speakers += cycle.take(1, taken | set(speakers))
        # Workshops have as many seats as their room.
        capacity = (room.capacity or 30) if format_slug == "workshop" else None
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
                attendance=room_spec[room.slug][3],
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
    for title in KEYNOTE_TITLES[:days]:
        add("keynote", title, SAMPLE_NOTE, None, count=1)
    order = {"ignite-talk": 0, "panel": 1, "interactive-debate": 1, "workshop": 2, "case-study": 3}
    for format_slug, theme_index, title, sentence in sorted(SESSIONS, key=lambda item: order[item[0]]):
        count = SPEAKERS_PER_FORMAT.get(format_slug, 2 if rng.random() < 0.3 else 1)
        add(
            format_slug,
            title,
            abstract_for(rng, sentence),
            themes[theme_index],
            count=count,
            with_moderator=format_slug == "panel",
        )
    return plan
