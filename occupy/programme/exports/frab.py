"""The programme as a frab/c3voc schedule, built once as plain data: `frab_json` writes it as JSON and
`frab_xml` as XML, so both say the same thing.

Times are in the edition's time zone with their UTC offset; days run from the edition's first to its
last day (widened if a session falls outside them), each holding its rooms in room order.
"""

import datetime
from collections import defaultdict

from django.urls import reverse

from occupy.editions import sample
from occupy.editions.models import RoomKind
from occupy.programme.exports.identity import (
    absolute_url,
    conference_acronym,
    event_slug,
    format_slug,
    person_guid,
    room_guid,
    room_label,
    session_guid,
    session_path_pattern,
)
from occupy.programme.exports.timing import hours_minutes, session_end
from occupy.programme.models import MaterialKind

GENERATOR = {"name": "occupy-library", "version": "1.0"}
TIMESLOT_DURATION = "00:05"
ATTACHMENT_TYPES = {MaterialKind.SLIDES: "slides", MaterialKind.VIDEO: "media"}


def _abstract_and_description(text: str):
    """frab's abstract is the teaser (the first paragraph), its description the whole text."""
    text = text.strip()
    return text.split("\n\n", 1)[0].strip(), text


def _references(session):
    links, attachments = [], []
    for material in session.material_list:
        if not material.href:
            continue
        reference = {"url": absolute_url(material.href), "title": material.title}
        if material.kind in ATTACHMENT_TYPES:
            attachments.append({**reference, "type": ATTACHMENT_TYPES[material.kind]})
        else:
            links.append({**reference, "type": "related"})
    return links, attachments


def _event(session, start, tz, room_name, url_pattern):
    end = session_end(session).astimezone(tz)
    abstract, description = _abstract_and_description(session.abstract)
    links, attachments = _references(session)
    return {
        "guid": session_guid(session),
        "id": session.pk,
        "date": start.isoformat(),
        "start": f"{start.hour:02d}:{start.minute:02d}",
        "end": end.isoformat(),
        "duration": hours_minutes(end - start),
        "room": room_name,
        "slug": event_slug(session),
        "url": url_pattern.format(edition=session.edition.slug, slug=session.slug),
        "title": session.title,
        "subtitle": "",
        "track": session.theme.title if session.theme_id else None,
        "type": session.format.name,
        "language": session.language,
        "abstract": abstract,
        "description": description,
        "recording_license": "",
        "do_not_record": False,
        "persons": [
            {"id": person.pk, "guid": person_guid(person), "public_name": person.name} for person in session.people
        ],
        "links": links,
        "attachments": attachments,
    }


def _room(edition, session, name):
    room = {"name": name, "guid": room_guid(edition, name)}
    if session.room_id:
        if slug := format_slug(session.room.slug):
            room["slug"] = slug
        room["type"] = "online" if session.room.kind == RoomKind.VIRTUAL else "other"
        room["capacity"] = session.room.capacity
    else:
        room["type"] = "online"
    return room


def _room_order(session):
    # Rooms in their own order; the sessions without a room come last.
    return (0, session.room.order, session.room.name) if session.room_id else (1, 0, "")


def _instant(iso: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(iso)


def _days(edition, by_date, first, last):
    tz = edition.tz
    days = []
    for index in range((last - first).days + 1):
        date = first + datetime.timedelta(days=index)
        rooms = by_date.get(date, {})
        events = [event for room_events in rooms.values() for event in room_events]
        midnight = datetime.datetime.combine(date, datetime.time(0, 0), tzinfo=tz)
        day_start = min((event["date"] for event in events), key=_instant, default=midnight.isoformat())
        day_end = max(
            (event["end"] for event in events), key=_instant, default=midnight.replace(hour=23, minute=59).isoformat()
        )
        days.append(
            {"index": index + 1, "date": date.isoformat(), "day_start": day_start, "day_end": day_end, "rooms": rooms}
        )
    return days


def build_schedule(edition, sessions, *, version: int = 0) -> dict:
    """The frab schedule of `sessions` (scheduled, loaded by `export_sessions`); `version` is
    the number of the published schedule version (0 before the first publication)."""
    tz = edition.tz
    by_date = defaultdict(dict)  # date -> room name -> events, in room order
    rooms = {}
    url_pattern = absolute_url(session_path_pattern())
    for session in sorted(sessions, key=lambda s: (_room_order(s), s.starts_at, s.title, s.pk)):
        name = room_label(session)
        if name not in rooms:
            rooms[name] = _room(edition, session, name)
        start = session.starts_at.astimezone(tz)
        by_date[start.date()].setdefault(name, []).append(_event(session, start, tz, name, url_pattern))
    for room_events in (events for day in by_date.values() for events in day.values()):
        room_events.sort(key=lambda event: (event["date"], event["title"], event["id"]))
    first = min([edition.start_date, *by_date])
    last = max([edition.end_date, *by_date])
    tracks = {}
    for session in sessions:
        if session.theme_id and session.theme.title not in tracks:
            track = {"name": session.theme.title}
            if slug := format_slug(session.theme.slug):
                track["slug"] = slug
            tracks[session.theme.title] = track
    edition_url = absolute_url(reverse("editions:detail", kwargs={"edition": edition.slug}))
    conference = {
        "acronym": conference_acronym(edition),
        "title": sample.marked(edition.title, edition),  # what schedule apps show as the conference's name
        "start": first.isoformat(),
        "end": last.isoformat(),
        "daysCount": (last - first).days + 1,
        "timeslot_duration": TIMESLOT_DURATION,
        "time_zone_name": edition.time_zone,
        "url": edition_url,
        "tracks": list(tracks.values()),
        "rooms": list(rooms.values()),
        "days": _days(edition, by_date, first, last),
    }
    return {
        "version": str(version),
        "base_url": edition_url,
        "conference": conference,
    }
