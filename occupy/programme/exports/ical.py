"""The programme as iCalendar (RFC 5545), for calendar subscriptions and "add to calendar".

Times are written in UTC (`DTSTART:20220602T070000Z`), which every calendar reads the same way and
which needs no VTIMEZONE; calendars show them in their owner's own time zone. UIDs come from
`identity.session_uid` and never change when a session is edited.
"""

import datetime

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from occupy.editions import sample
from occupy.editions.models import EditionMode, RoomKind
from occupy.programme.exports.identity import absolute_url, room_label, session_uid
from occupy.programme.exports.timing import session_end

PRODID = "-//Occupy Library//Programme//EN"


def _location(session) -> str:
    edition = session.edition
    place = room_label(session)
    if session.room_id and edition.mode != EditionMode.ONLINE and session.room.kind == RoomKind.PHYSICAL:
        where = ", ".join(part for part in (edition.venue_name, edition.city) if part)
        return f"{place}, {where}" if where else place
    return place


def _description(session) -> str:
    speakers = ", ".join(speaker.person.name for speaker in session.session_speakers.all())
    parts = [session.abstract.strip()]
    if speakers:
        parts.append(_("Speakers: %(names)s") % {"names": speakers})
    return "\n\n".join(part for part in parts if part)


def session_event(session, *, is_sample: bool = False) -> Event:
    """The session as an event; a sample one says so in its summary and at the top of its description, where
    a calendar shows it beside the person's real appointments."""
    event = Event()
    event.add("uid", session_uid(session))
    # DTSTAMP: without METHOD:REQUEST, the time the event's information was last revised (RFC 5545 3.8.7.2).
    event.add("dtstamp", session.updated_at.astimezone(datetime.UTC))
    event.add("last-modified", session.updated_at.astimezone(datetime.UTC))
    # SEQUENCE: how many published schedule versions changed the session (RFC 5545 3.8.7.4).
    event.add("sequence", getattr(session, "schedule_sequence", 0))
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session_end(session).astimezone(datetime.UTC))
    description = _description(session)
    if is_sample:
        event.add("summary", f"{sample.SUBJECT_PREFIX} {session.title}")
        event.add("description", f"{sample.notice_text()}\n\n{description}".strip())
    else:
        event.add("summary", session.title)
        event.add("description", description)
    event.add("location", _location(session))
    event.add("url", absolute_url(session.get_absolute_url()))
    categories = [session.format.name] + ([session.theme.title] if session.theme_id else [])
    event.add("categories", categories)
    return event


def build_calendar(edition, sessions, *, name: str) -> bytes:
    """A calendar of `sessions` named `name`; for a sample edition the name and every event say so."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", sample.marked(name, edition))
    calendar.add("x-wr-caldesc", sample.marked(edition.tagline or edition.title, edition))
    for session in sessions:
        calendar.add_component(session_event(session, is_sample=sample.is_sample(edition, session)))
    return calendar.to_ical()
