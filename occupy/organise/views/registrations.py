"""Organisers' view of an edition's registrations: list, figures, chart and CSV.

Needs the registration.view_participants permission (e-mail addresses, accessibility needs).
"""

import csv

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django_countries import countries

from occupy.editions.queries import get_edition_or_404
from occupy.editions.sample import is_sample
from occupy.organise.permissions import require_permission
from occupy.registration.charts import bar_chart
from occupy.registration.models import AttendanceMode, ParticipantRole, RegistrationStatus
from occupy.registration.queries import (
    ORGANISER_STATUSES,
    confirmations_by_day,
    questions_for,
    registration_figures,
    registrations_for_export,
    registrations_for_organisers,
)
from occupy.web.spreadsheets import neutralise

PAGE_SIZE = 50


def _filters(request) -> dict:
    get = request.GET
    status = get.get("status", "confirmed")
    return {
        "search": get.get("q", "").replace("\x00", "").strip()[:200],
        "status": status if status in ORGANISER_STATUSES else "confirmed",
        "attendance": get.get("attendance", "") if get.get("attendance") in AttendanceMode.values else "",
        "country": get.get("country", "") if get.get("country", "") in dict(countries) else "",
        "role": get.get("role", "") if get.get("role") in ParticipantRole.values else "",
    }


@require_permission("registration.view_participants")
def registrations(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    filters = _filters(request)
    page = Paginator(registrations_for_organisers(edition, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "edition": edition,
        "filters": filters,
        "page": page,
        "query": query.urlencode(),
        "figures": registration_figures(edition),
        "chart": bar_chart(confirmations_by_day(edition)),
        "statuses": [
            (value, RegistrationStatus(value).label if value != "all" else "") for value in ORGANISER_STATUSES
        ],
        "attendances": AttendanceMode.choices,
        "roles": ParticipantRole.choices,
        "countries": list(countries),
        "show_workspace_link": True,  # a page never cached, so the header may depend on who is signed in
    }
    response = render(request, "organise/registrations.html", context)
    response["Cache-Control"] = "private, no-store"
    return response


@require_permission("registration.view_participants")
def registrations_csv(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    questions = questions_for(edition)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    # A file saved from a sample edition says so in its name (the rows are the plain data a spreadsheet reads).
    suffix = "-sample-data" if is_sample(edition) else ""
    response["Content-Disposition"] = f'attachment; filename="registrations-{edition.slug}{suffix}.csv"'
    response["Cache-Control"] = "private, no-store"
    writer = csv.writer(response)
    header = ["name", "email", "country", "organisation", "role", "attendance", "status", "language"]
    header += ["accessibility_needs", "newsletter", "registered_at", "confirmed_at", "cancelled_at"]
    writer.writerow(header + [question.label for question in questions])
    for registration in registrations_for_export(edition):
        answers = {answer.question_id: answer.value for answer in registration.answers.all()}
        row = [
            registration.name,
            registration.email,
            registration.country.code or "",
            registration.organisation,
            registration.role,
            registration.attendance,
            registration.status,
            registration.language,
            registration.accessibility_needs,
            "yes" if registration.newsletter_consent else "no",
            registration.created_at.isoformat(),
            registration.confirmed_at.isoformat() if registration.confirmed_at else "",
            registration.cancelled_at.isoformat() if registration.cancelled_at else "",
        ]
        row += [answers.get(question.pk, "") for question in questions]
        writer.writerow([neutralise(cell) for cell in row])
    return response
