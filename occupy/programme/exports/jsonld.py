"""schema.org `Event` descriptions of an edition and of a session, as JSON-LD for search engines.

The JSON is written inside a <script> element, so `<`, `>` and `&` are escaped as JSON unicode escapes:
a title such as `</script><script>…` stays data and cannot end the element (the same escapes as Django's
`json_script`).
"""

import json

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from occupy.editions import sample
from occupy.editions.models import RoomKind
from occupy.programme.exports.identity import absolute_url
from occupy.programme.exports.timing import session_end
from occupy.programme.models import Attendance

SCHEMA = "https://schema.org/"
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
MODES = {
    (True, False): SCHEMA + "OfflineEventAttendanceMode",
    (False, True): SCHEMA + "OnlineEventAttendanceMode",
    (True, True): SCHEMA + "MixedEventAttendanceMode",
}


def json_ld_script(data: dict) -> SafeString:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def _edition_url(edition) -> str:
    return absolute_url(reverse("editions:detail", kwargs={"edition": edition.slug}))


def _place(edition, room_name: str = ""):
    address = {
        "@type": "PostalAddress",
        "streetAddress": edition.venue_address,
        "addressLocality": edition.city,
        "addressCountry": edition.country,
    }
    address = {key: value for key, value in address.items() if value}
    name = ", ".join(part for part in (room_name, edition.venue_name or edition.city) if part)
    place = {"@type": "Place", "name": name or edition.title}
    if len(address) > 1:
        place["address"] = address
    return place


def _location(edition, *, live: bool, online: bool, url: str, room_name: str = ""):
    locations = []
    if live:
        locations.append(_place(edition, room_name))
    if online:
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations[0] if len(locations) == 1 else locations


def _offer(edition) -> dict:
    """Free registration, on the edition's registration page."""
    url = absolute_url(reverse("registration:register", kwargs={"edition": edition.slug}))
    offer = {"@type": "Offer", "price": 0, "priceCurrency": "EUR", "url": url, "availability": SCHEMA + "InStock"}
    if edition.registration_opens_at:
        offer["validFrom"] = edition.registration_opens_at.astimezone(edition.tz).isoformat()
    return offer


def _person(person) -> dict:
    data = {"@type": "Person", "name": person.name, "url": absolute_url(person.get_absolute_url())}
    if person.position:
        data["jobTitle"] = person.position
    if person.organisation:
        data["affiliation"] = {"@type": "Organization", "name": person.organisation}
    return data


def _organisation(organisation) -> dict:
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.url:
        data["url"] = organisation.url
    return data


def _event(name, description, url, start, end, mode, location, offer):
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": name,
        "description": description,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": mode,
        "location": location,
        "isAccessibleForFree": True,
        "offers": offer,
    }


def edition_jsonld(edition, *, organiser=None, starts_at=None, ends_at=None, performers=()) -> SafeString:
    """The edition as an Event. `starts_at`/`ends_at` (its first session's start and last session's end)
    give times with their UTC offset; without them startDate/endDate are the edition's days as ISO dates,
    which schema.org accepts and which claim no time the programme has not set."""
    tz = edition.tz
    start = starts_at.astimezone(tz).isoformat() if starts_at else edition.start_date.isoformat()
    end = ends_at.astimezone(tz).isoformat() if ends_at else edition.end_date.isoformat()
    url = _edition_url(edition)
    live, online = edition.has_live_attendance, edition.has_online_attendance
    data = _event(
        sample.marked(edition.title, edition),  # a search engine must not list a sample edition as real
        edition.summary or edition.tagline or edition.description,
        url,
        start,
        end,
        MODES[(live, online)],
        _location(edition, live=live, online=online, url=url),
        _offer(edition),
    )
    if organiser is not None:
        data["organizer"] = _organisation(organiser)
    if performers:
        data["performer"] = [_person(person) for person in performers]
    return json_ld_script(data)


def session_jsonld(session, *, organiser=None) -> SafeString:
    """One session as an Event, at the venue, online or both as the session and its edition allow.
    Reads the session's edition, format, room and speakers (prefetch them to spare queries)."""
    edition = session.edition
    tz = edition.tz
    url = absolute_url(session.get_absolute_url())
    live = edition.has_live_attendance and session.attendance in (Attendance.LIVE, Attendance.HYBRID)
    online = edition.has_online_attendance and session.attendance in (Attendance.ONLINE, Attendance.HYBRID)
    if not (live or online):  # a session that contradicts its edition: trust the edition
        live, online = edition.has_live_attendance, edition.has_online_attendance
    room = session.room if session.room_id else None
    room_name = room.name if room is not None and room.kind == RoomKind.PHYSICAL else ""
    data = _event(
        sample.marked(session.title, edition, session),
        session.abstract,
        url,
        session.starts_at.astimezone(tz).isoformat() if session.starts_at else edition.start_date.isoformat(),
        session_end(session).astimezone(tz).isoformat() if session.starts_at else edition.end_date.isoformat(),
        MODES[(live, online)],
        _location(edition, live=live, online=online, url=url, room_name=room_name),
        _offer(edition),
    )
    data["inLanguage"] = session.language
    data["superEvent"] = {
        "@type": "Event",
        "name": sample.marked(edition.title, edition),
        "url": _edition_url(edition),
    }
    if organiser is not None:
        data["organizer"] = _organisation(organiser)
    performers = [speaker.person for speaker in session.session_speakers.all()]
    if performers:
        data["performer"] = [_person(person) for person in performers]
    return json_ld_script(data)
