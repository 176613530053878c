"""The participant's own page, reached by the secret link only: details, attendance, cancel, data."""

import json

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from occupy.registration.forms import AttendanceForm, DetailsForm
from occupy.registration.manage_links import manage_links
from occupy.registration.models import AttendanceMode, RegistrationStatus
from occupy.registration.queries import get_registration_for_token, questions_for, venue_is_full
from occupy.registration.remember import remember_registration
from occupy.registration.services import lifecycle, privacy
from occupy.registration.services.checkin import printed_short_code
from occupy.registration.services.register import DETAIL_FIELDS, update_details
from occupy.registration.views.headers import private_page

SWITCH_MESSAGES = {
    lifecycle.Outcome.CONFIRMED: _("Done: your attendance is changed."),
    lifecycle.Outcome.WAITLISTED: _(
        "The venue is full, so you are on the waiting list for a live place. You can follow online meanwhile; "
        "we will e-mail you if a place frees up."
    ),
    lifecycle.Outcome.UNCHANGED: _("Your attendance is recorded; it takes effect once you confirm your e-mail."),
}


def _registration(token):
    try:
        return get_registration_for_token(token)
    except Http404:
        return None


def _not_found(request):
    return render(request, "registration/not_found.html", status=404)


def _initial(registration) -> dict:
    initial = {field: getattr(registration, field) for field in DETAIL_FIELDS}
    initial["country"] = registration.country.code or ""
    for answer in registration.answers.all():
        initial[f"q_{answer.question_id}"] = answer.value
    return initial


@private_page
def manage(request, token):
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    edition = registration.edition
    questions = questions_for(edition)
    editable = registration.is_editable
    status = 200
    if request.method == "POST" and editable:
        form = DetailsForm(request.POST, questions=questions)
        if form.is_valid():
            update_details(registration=registration, data=form.cleaned_data, answers=form.answers())
            messages.success(request, _("Your details are saved."))
            return redirect(registration)
        status = 400
    else:
        form = DetailsForm(initial=_initial(registration), questions=questions)
    context = {
        "registration": registration,
        "edition": edition,
        "form": form,
        "editable": editable,
        "attendance_choices": _attendance_choices(registration),
        "short_code": printed_short_code(registration),
        "extra_links": manage_links(registration) if registration.is_active else [],
    }
    response = render(request, "registration/manage.html", context, status=status)
    if registration.status == RegistrationStatus.CONFIRMED:
        remember_registration(response, registration)  # so "add to my agenda" on the schedule knows them
    return response


def _attendance_choices(registration) -> list:
    """The ways to attend offered on the manage page; the live one says "full" unless this person holds a place."""
    full = registration.attendance != AttendanceMode.LIVE and venue_is_full(registration.edition)
    return AttendanceForm(edition=registration.edition, venue_full=full).fields["attendance"].choices


def _gives_up_live_place(registration, attendance: str) -> bool:
    """Whether switching to `attendance` gives up a live place held, or a turn on its waiting list."""
    if attendance == AttendanceMode.LIVE or registration.attendance != AttendanceMode.LIVE:
        return False
    return registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


@private_page
@require_POST
def switch_attendance(request, token):
    """Switch live/online. Giving up a live place (or a turn for one) first shows a page that asks, whose button
    posts here again with `confirmed`: no JavaScript needed."""
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    form = AttendanceForm(request.POST, edition=registration.edition)
    if not form.is_valid():
        messages.error(request, _("Choose live or online attendance."))
        return redirect(registration)
    attendance = form.cleaned_data["attendance"]
    if _gives_up_live_place(registration, attendance) and not form.cleaned_data["confirmed"]:
        context = {"registration": registration, "edition": registration.edition, "attendance": attendance}
        return render(request, "registration/switch_confirm.html", context)
    try:
        outcome = lifecycle.switch_attendance(registration=registration, attendance=attendance)
    except lifecycle.TransitionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.info(request, SWITCH_MESSAGES[outcome])
    return redirect(registration)


@private_page
def cancel(request, token):
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    if request.method == "POST":
        lifecycle.cancel(registration=registration)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return redirect(registration)
    return render(request, "registration/cancel.html", {"registration": registration})


@private_page
@require_POST
def reinstate(request, token):
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    outcome = lifecycle.reinstate(registration=registration)
    if outcome == lifecycle.Outcome.WAITLISTED:
        messages.info(request, SWITCH_MESSAGES[outcome])
    elif outcome == lifecycle.Outcome.CONFIRMED:
        messages.success(request, _("Welcome back: your registration is confirmed again."))
    return redirect(registration)


@private_page
def download_data(request, token):
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    data = privacy.export_data(registration=registration)
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="occupy-library-{registration.edition.slug}-my-data.json"'
    return response


@private_page
def erase(request, token):
    registration = _registration(token)
    if registration is None:
        return _not_found(request)
    if request.method == "POST":
        privacy.erase(registration=registration)
        return render(request, "registration/erased.html", {"edition": registration.edition})
    return render(request, "registration/erase.html", {"registration": registration})
