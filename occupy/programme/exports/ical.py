"""The programme as iCalendar (RFC 5545), for calendar subscriptions and "add to calendar".

Times are written in UTC (`DTSTART:20220602T070000Z`), which every calendar reads the same way and
which needs no VTIMEZONE; calendars show them in their owner's own time zone. UIDs come from
`identity.session_uid` and never change when a session is edited.
"""

import datetime
import functools

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from occupy.editions import sample
from occupy.editions.models import EditionMode, RoomKind
from occupy.programme.exports.identity import absolute_url, room_label, session_path, session_uid
from occupy.programme.exports.timing import session_end

PRODID = "-//Occupy Library//Programme//EN"
CALENDAR_END = b"END:VCALENDAR\r\n"
# The written events a process keeps (least recently used go first): a few editions' programmes.
EVENTS_KEPT = 4096


def _location(session) -> str:
    edition = session.edition
    place = room_label(session)
    if session.room_id and edition.mode != EditionMode.ONLINE and session.room.kind == RoomKind.PHYSICAL:
        where = ", ".join(part for part in (edition.venue_name, edition.city) if part)
        return f"{place}, {where}" if where else place
    return place


def _description(session, speakers_label: str) -> str:
    people = getattr(session, "people", None)  # an export's row carries its people; a model its speakers
    if people is None:
        people = [speaker.person for speaker in session.session_speakers.all()]
    speakers = ", ".join(person.name for person in people)
    parts = [session.abstract.strip()]
    if speakers:
        parts.append(speakers_label % {"names": speakers})
    return "\n\n".join(part for part in parts if part)


def _event_values(session, *, is_sample: bool, words: dict | None = None) -> tuple:
    """Everything a session's event says, as a hashable tuple (the key of its cached text). `words`: the
    translated phrases, looked up once per calendar instead of once per session."""
    words = words or _words()
    description = _description(session, words["speakers"])
    if is_sample:
        summary = f"{sample.SUBJECT_PREFIX} {session.title}"
        description = f"{words['sample_notice']}\n\n{description}".strip()
    else:
        summary = session.title
    return (
        session_uid(session),
        # DTSTAMP: without METHOD:REQUEST, the time the event's information was last revised (RFC 5545 3.8.7.2).
        session.updated_at.astimezone(datetime.UTC),
        # SEQUENCE: how many published schedule versions changed the session (RFC 5545 3.8.7.4).
        getattr(session, "schedule_sequence", 0),
        session.starts_at.astimezone(datetime.UTC),
        session_end(session).astimezone(datetime.UTC),
        summary,
        description,
        _location(session),
        absolute_url(session_path(session)),
        (session.format.name, *([session.theme.title] if session.theme_id else [])),
    )


def _words() -> dict:
    return {"speakers": _("Speakers: %(names)s"), "sample_notice": sample.notice_text()}


def _event(values: tuple) -> Event:
    uid, stamp, sequence, start, end, summary, description, location, url, categories = values
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", sequence)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("description", description)
    event.add("location", location)
    event.add("url", url)
    event.add("categories", list(categories))
    return event


@functools.lru_cache(maxsize=EVENTS_KEPT)
def _event_text(values: tuple) -> bytes:
    # icalendar spends ~1 ms of CPU on an event (folding lines byte by byte): a calendar of 400 sessions took
    # ~400 ms. Keyed by what the event says, an entry can never be stale; only changed sessions are written again.
    return _event(values).to_ical()


def session_event(session, *, is_sample: bool = False) -> Event:
    """The session as an event; a sample one says so in its summary and at the top of its description, where
    a calendar shows it beside the person's real appointments."""
    return _event(_event_values(session, is_sample=is_sample))


def build_calendar(edition, sessions, *, name: str) -> bytes:
    """A calendar of `sessions` named `name`; for a sample edition the name and every event say so."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", sample.marked(name, edition))
    calendar.add("x-wr-caldesc", sample.marked(edition.tagline or edition.title, edition))
    head = calendar.to_ical()  # BEGIN:VCALENDAR … END:VCALENDAR, the events go before its last line
    assert head.endswith(CALENDAR_END)
    words = _words()
    events = [
        _event_text(_event_values(session, is_sample=sample.is_sample(edition, session), words=words))
        for session in sessions
    ]
    return b"".join([head[: -len(CALENDAR_END)], *events, CALENDAR_END])
