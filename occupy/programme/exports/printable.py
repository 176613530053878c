"""The printable programme: the PUBLISHED schedule as an A4 PDF (WeasyPrint), day by day, times in the
edition's zone: an HTML template with its own styles, printed by occupy/web/pdf.py."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext

from occupy.editions import sample
from occupy.programme.exports.identity import room_label
from occupy.programme.timetable import build_timetable
from occupy.programme.timezones import edition_zone, zone_label
from occupy.web.pdf import html_to_pdf


def programme_html(edition, sessions, *, version_number: int) -> str:
    """The HTML the PDF is printed from (autoescaped: markup in titles and names stays text)."""
    zone = edition_zone(edition)
    for session in sessions:
        session.place = room_label(session)
    days = build_timetable(sessions, zone)
    at = sessions[0].starts_at if sessions else timezone.now()
    context = {
        "edition": edition,
        "days": days,
        "zone": zone,
        "zone_label": zone_label(zone, at),
        "version_number": version_number,
        "sample_mark": gettext(sample.MARK) if sample.is_sample(edition) else "",
    }
    return render_to_string("programme/programme.pdf.html", context)


def render_programme_pdf(edition, sessions, *, version_number: int) -> bytes:
    return html_to_pdf(programme_html(edition, sessions, version_number=version_number))
