"""Identifiers and addresses that outlive edits.

A session's UID (iCalendar) and GUID (frab) are made from its edition's slug and its own slug, which are
permalinks: editing a session's title, abstract, time, room or speakers never changes them, so calendars
and conference apps update the event they already hold instead of adding a copy.
"""

import functools
import re
import uuid

from django.conf import settings
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext as _

from occupy.programme.models import Attendance

UID_DOMAIN = "occupylibrary.net"


def absolute_url(path: str) -> str:
    """An absolute URL on the public site (settings.SITE_URL), for documents read outside the site."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


@functools.lru_cache(maxsize=16)
def _session_path_pattern(script_prefix: str) -> str:
    path = reverse("programme:session", kwargs={"edition": "edition-mark", "slug": "slug-mark"})
    return path.replace("edition-mark", "{edition}").replace("slug-mark", "{slug}")


def session_path_pattern() -> str:
    """A session's path with `{edition}` and `{slug}` to fill in (format), reversed once per script prefix."""
    return _session_path_pattern(get_script_prefix())


def session_path(session) -> str:
    """session.get_absolute_url() from one reversed pattern: an export of 400 sessions spent a tenth of its
    time in reverse()."""
    return session_path_pattern().format(edition=session.edition.slug, slug=session.slug)


def session_uid(session) -> str:
    return f"{session.edition.slug}-{session.slug}@{UID_DOMAIN}"


@functools.lru_cache(maxsize=8192)
def _url_guid(name: str) -> str:
    # A name-based UUID never changes for its name; computing ~1,000 of them was a tenth of a frab export.
    return str(uuid.uuid5(uuid.NAMESPACE_URL, name))


def session_guid(session) -> str:
    return _url_guid(session_uid(session))


def person_guid(person) -> str:
    # From the public slug, never from the private e-mail address the frab schema suggests.
    return _url_guid(f"person-{person.slug}@{UID_DOMAIN}")


def room_guid(edition, room_name: str) -> str:
    return _url_guid(f"{edition.slug}-room-{room_name}@{UID_DOMAIN}")


@functools.lru_cache(maxsize=8192)
def format_slug(value: str) -> str:
    """Lower-case letters, digits and single hyphens, no hyphen at either end (the frab slug patterns)."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def conference_acronym(edition) -> str:
    """`occupy_library_2022`: the frab JSON schema allows hyphens only in a `-2022-name` suffix, so the
    words are joined with underscores."""
    return _acronym(edition.slug)


@functools.lru_cache(maxsize=64)
def _acronym(slug: str) -> str:
    return "occupy_library_" + re.sub(r"[^a-z0-9]+", "_", slug.lower()).strip("_")


def event_slug(session) -> str:
    """`<acronym>-<id>-<slug>`, the frab/pretalx form (unique thanks to the id, at least 4 characters after
    the first hyphen as the c3voc XSD requires)."""
    base = format_slug(session.slug) or "session"
    if len(base) < 4:
        base = f"session-{base}"
    return f"{conference_acronym(session.edition)}-{session.pk}-{base}"


def room_label(session) -> str:
    """Where a session happens, in words: its room, else "Online" for online sessions and editions, else
    the edition's venue or city."""
    if session.room_id:
        return session.room.name
    edition = session.edition
    if session.attendance == Attendance.ONLINE or not edition.has_live_attendance:
        return _("Online")
    return edition.venue_name or edition.city or _("Online")
