"""The export endpoints: thin views over `queries` and the writers, each cached until the content
changes (the page cache's content version) and issuing a fixed number of queries on a cache miss."""

import re

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from occupy.programme.exports import queries
from occupy.programme.exports.frab import build_schedule
from occupy.programme.exports.frab_json import render_schedule_json
from occupy.programme.exports.frab_xml import render_schedule_xml
from occupy.programme.exports.ical import build_calendar
from occupy.programme.exports.printable import render_programme_pdf
from occupy.web.pagecache import cached_page


def _download(content, content_type: str, filename: str, *, disposition: str = "attachment") -> HttpResponse:
    """A file response: calendars download (`attachment`); schedules display inline for their readers."""
    response = HttpResponse(content, content_type=content_type)
    safe_name = re.sub(r"[^A-Za-z0-9._-]+", "-", filename)
    response["Content-Disposition"] = f'{disposition}; filename="{safe_name}"'
    response["Access-Control-Allow-Origin"] = "*"  # public data, read by schedule apps in browsers too
    return response


@require_safe
@cached_page
def schedule_ics(request, edition):
    edition = queries.get_edition_for_export_or_404(edition)
    sessions = queries.export_sessions(edition)
    calendar = build_calendar(edition, sessions, name=edition.title)
    return _download(calendar, "text/calendar; charset=utf-8", f"occupy-library-{edition.slug}.ics")


@require_safe
@cached_page
def session_ics(request, edition, slug):
    edition = queries.get_edition_for_export_or_404(edition)
    session = queries.get_scheduled_session_for_export(edition, slug)
    name = _("%(session)s (%(edition)s)") % {"session": session.title, "edition": edition.title}
    calendar = build_calendar(edition, [session], name=name)
    return _download(calendar, "text/calendar; charset=utf-8", f"occupy-library-{edition.slug}-{session.slug}.ics")


@require_safe
@cached_page
def schedule_xml(request, edition):
    edition = queries.get_edition_for_export_or_404(edition)
    schedule = build_schedule(edition, queries.export_sessions(edition), version=edition.schedule_version)
    return _download(
        render_schedule_xml(schedule),
        "application/xml; charset=utf-8",
        f"schedule-{edition.slug}.xml",
        disposition="inline",
    )


@require_safe
@cached_page
def schedule_json(request, edition):
    edition = queries.get_edition_for_export_or_404(edition)
    schedule = build_schedule(edition, queries.export_sessions(edition), version=edition.schedule_version)
    return _download(
        render_schedule_json(schedule),
        "application/json; charset=utf-8",
        f"schedule-{edition.slug}.json",
        disposition="inline",
    )


@require_safe
@cached_page
def programme_pdf(request, edition):
    """The printable programme of the published schedule (A4)."""
    edition = queries.get_edition_for_export_or_404(edition)
    sessions = queries.scheduled_sessions_for_export(edition)
    pdf = render_programme_pdf(edition, sessions, version_number=edition.schedule_version)
    return _download(pdf, "application/pdf", f"occupy-library-{edition.slug}-programme.pdf", disposition="inline")
