"""The calendar invitation the confirmation e-mail carries: one event for the edition, times in UTC."""

import datetime
import hashlib

from django.conf import settings
from icalendar import Calendar, Event

from occupy.registration.event_days import event_days
from occupy.registration.models import AttendanceMode, Registration


def invitation_uid(registration: Registration) -> str:
    """Stable per registration (a second confirmation e-mail updates the same calendar entry); derived from the
    registration's id, not from a secret."""
    digest = hashlib.sha256(f"occupy-registration-{registration.pk}".encode()).hexdigest()[:24]
    return f"registration-{digest}@occupy-library"


def invitation_ics(registration: Registration, *, summary: str, location_online: str) -> bytes:
    """An iCalendar (METHOD:PUBLISH) with one event from the first session's start to the last session's end, in
    UTC; a whole-day event over the edition's dates when nothing is scheduled yet."""
    edition = registration.edition
    days = [day for day in event_days(edition) if day.starts_at]
    event = Event()
    event.add("uid", invitation_uid(registration))
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("summary", summary)
    if days:
        event.add("dtstart", days[0].starts_at.astimezone(datetime.UTC))
        event.add("dtend", max(day.ends_at or day.starts_at for day in days).astimezone(datetime.UTC))
    else:
        event.add("dtstart", edition.start_date)
        event.add("dtend", edition.end_date + datetime.timedelta(days=1))
    if registration.attendance == AttendanceMode.LIVE and edition.venue_name:
        parts = [edition.venue_name, edition.venue_address, edition.city]
        event.add("location", ", ".join(part for part in parts if part))
    else:
        event.add("location", location_online)
    event.add("url", settings.SITE_URL + edition.get_absolute_url())
    calendar = Calendar()
    calendar.add("prodid", "-//Occupy Library//Registration//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(event)
    return calendar.to_ical()
