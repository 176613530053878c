"""The public schedule and session pages. Both are cached whole (occupy.web.pagecache) and carry nothing
personal: "add to my agenda" is a plain link to a page that holds its own form. What is personal (the visitor's agenda,
seats left) is asked for by js/schedule.js from a private endpoint and marked on the cards; "now" and "next"
are marked by the same script, from the cards' times.

Bad input (an unknown theme, format, attendance or time zone) gets the page without that filter, a message
saying so, and status 400, which the page cache does not keep.
"""

import datetime
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from occupy.editions.models import RegistrationWindow
from occupy.editions.sample import image_mark
from occupy.programme import queries
from occupy.programme.cards import CardLabels, slot_html
from occupy.programme.filters import ATTENDANCE_FILTERS, parse_schedule_filters
from occupy.programme.timetable import build_timetable, theme_classes
from occupy.programme.timezones import (
    edition_zone,
    resolve_display_zone,
    zone_choices,
    zone_label,
    zone_options_html,
)
from occupy.web.pagecache import cached_page
from occupy.web.social import social_card


def _agenda_context(edition) -> dict:
    """Whether pages carry "add to my agenda" links (offers_agenda), and whether they show them to everyone
    (agenda_open: registration is open, so a visitor can still register and get an agenda). Otherwise the links
    stay hidden until js/schedule.js learns that this browser belongs to a participant."""
    offers = queries.offers_personal_agenda(edition)
    return {
        "offers_agenda": offers,
        "agenda_open": offers and edition.registration_window() == RegistrationWindow.OPEN,
    }


def _zone_context(edition, display, at: datetime.datetime | None) -> dict:
    """What the pages say about time zones, with the zone's abbreviation and offset on the conference's dates."""
    at = at or datetime.datetime.combine(edition.start_date, datetime.time(12), tzinfo=edition_zone(edition))
    return {
        "display": display,
        "display_label": zone_label(display.zone, at),
        "edition_zone_label": zone_label(edition_zone(edition), at),
        "zone_options": zone_options_html(display.requested),
        "requested_zone_listed": any(display.requested in names for _, names in zone_choices()),
    }


@cached_page(params=("theme", "format", "attendance", "tz"))
def schedule(request, edition):
    edition = queries.get_published_edition_or_404(edition)
    display = resolve_display_zone(edition, request.GET.get("tz", ""))
    themes, formats = queries.schedule_facets(edition)
    filters = parse_schedule_filters(request.GET, themes=themes, formats=formats, tz=display.requested)
    sessions = queries.schedule_entries(
        edition, themes, formats, theme=filters.theme, format=filters.format, attendance=filters.attendance
    )
    errors = [message for message in [display.error, *filters.errors] if message]
    days = build_timetable(sessions, display.zone, themes)
    agenda = _agenda_context(edition)
    tz_query = filters.query(theme="", format="", attendance="")
    labels = CardLabels.for_page(edition, tz_query=tz_query, **agenda)
    for day in days:
        for slot in day.slots:
            slot.html = slot_html(slot, labels, display.zone)
    context = {
        "edition": edition,
        "themes": themes,
        "formats": formats,
        "attendance_choices": ATTENDANCE_FILTERS.items(),
        "filters": filters,
        "errors": errors,
        "days": days,
        "theme_legend": [
            (theme, href, colour)
            for (theme, href), colour in zip(
                filters.theme_links(themes, request.path), theme_classes(themes).values(), strict=True
            )
        ],
        "session_count": len(sessions),
        "tz_query": tz_query,
        "all_sessions_href": request.path + filters.query(theme="", format="", attendance=""),
        "all_themes_href": request.path + filters.query(theme=""),
        "theme_links": filters.theme_links(themes, request.path),
        "edition_zone_href": request.path + filters.query(tz=""),
        **agenda,
        **_zone_context(edition, display, sessions[0].starts_at if sessions else None),
    }
    return render(request, "programme/schedule.html", context, status=400 if errors else 200)


@cached_page(params=("tz",))
def session_detail(request, edition, slug):
    session = queries.get_public_session_or_404(edition, slug)
    display = resolve_display_zone(session.edition, request.GET.get("tz", ""))
    context = {
        "edition": session.edition,
        "session": session,
        "errors": [display.error] if display.error else [],
        "tz_query": "?" + urlencode({"tz": display.requested}) if display.requested else "",
        "edition_zone_href": request.path,
        **_agenda_context(session.edition),
        **_zone_context(session.edition, display, session.starts_at),
    }
    return render(request, "programme/session.html", context, status=400 if display.error else 200)


@cached_page
def changes(request, edition):
    """The public changelog: every published version of the schedule, newest first, with what it added,
    moved (from → to) and cancelled, in the edition's time zone."""
    edition = queries.get_published_edition_or_404(edition)
    versions = queries.schedule_versions(edition)
    zone = edition_zone(edition)
    at = datetime.datetime.combine(edition.start_date, datetime.time(12), tzinfo=zone)
    context = {"edition": edition, "versions": versions, "zone": zone, "edition_zone_label": zone_label(zone, at)}
    return render(request, "programme/changes.html", context)


@require_safe
def session_social_image(request, edition, slug):
    """The session's social preview card (og:image), 1200 × 630 PNG: its title, edition and speakers."""
    session = queries.get_public_session_or_404(edition, slug)
    speakers = ", ".join(link.person.name for link in session.session_speakers.all())
    png = social_card(
        kicker=session.edition.title, title=session.title, footer=speakers, mark=image_mark(session.edition)
    )
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=86400)
    return response
