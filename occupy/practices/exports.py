"""The library as open data: every public practice as CSV and as JSON, under CC BY 4.0 (stated in both)."""

import csv
import io
import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

from occupy.practices.enums import TagKind
from occupy.web.spreadsheets import neutralise

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
COLUMNS = [
    "title",
    "url",
    "summary",
    "description",
    "organisation",
    "country",
    "city",
    "library_type",
    "audiences",
    "themes",
    "sdgs",
    "partners",
    "results",
    "slides_url",
    "video_url",
    "website_url",
    "edition",
    "session_url",
    "contact_name",
    "contact_email",
    "published_at",
    "is_sample",
]


def licence_statement() -> str:
    return _(
        "The good-practice library of Occupy Library, %(url)s, is published under the Creative Commons "
        "Attribution 4.0 International licence (%(licence)s, %(licence_url)s): share and adapt it, naming Occupy "
        "Library and the practice's organisation."
    ) % {"url": settings.SITE_URL + "/practices/", "licence": LICENCE, "licence_url": LICENCE_URL}


def row(practice) -> dict:
    tags = list(practice.tags.all())
    contact = practice.public_contact or ("", "")
    return {
        "title": practice.title,
        "url": settings.SITE_URL + practice.get_absolute_url(),
        "summary": practice.summary,
        "description": practice.description,
        "organisation": practice.organisation,
        "country": practice.country.code or "",
        "city": practice.city,
        "library_type": practice.library_type,
        "audiences": [t.value for t in tags if t.kind == TagKind.AUDIENCE],
        "themes": [t.label or t.value for t in tags if t.kind == TagKind.THEME],
        "sdgs": sorted(int(t.value) for t in tags if t.kind == TagKind.SDG),
        "partners": practice.partners,
        "results": practice.results,
        "slides_url": practice.slides_url,
        "video_url": practice.video_url,
        "website_url": practice.website_url,
        "edition": practice.edition.slug if practice.edition else "",
        "session_url": settings.SITE_URL + practice.session.get_absolute_url() if practice.session else "",
        "contact_name": contact[0],
        "contact_email": contact[1],
        "published_at": practice.published_at.isoformat() if practice.published_at else "",
        "is_sample": practice.is_sample,
    }


def _cell(value) -> str:
    """A list's items joined, every cell neutralised for spreadsheets."""
    if isinstance(value, list):
        value = "; ".join(str(v) for v in value)
    return neutralise(value)


def csv_response(practices) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([f"# {licence_statement()}"])
    writer.writerow(COLUMNS)
    for practice in practices:
        writer.writerow([_cell(value) for value in row(practice).values()])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="occupy-library-practices.csv"'
    return response


def json_response(practices) -> HttpResponse:
    document = {
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
        "licence_statement": licence_statement(),
        "practices": [row(practice) for practice in practices],
    }
    return HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
