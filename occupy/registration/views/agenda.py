"""The personal agenda: "add to my agenda" (linked from the cached schedule), the agenda page, its calendar feed."""

from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from occupy.editions.queries import get_edition_or_404
from occupy.programme.exports.ical import build_calendar
from occupy.registration.agenda_queries import (
    agenda_for,
    agenda_sessions_for_calendar,
    get_session_or_404,
)
from occupy.registration.models import AgendaItem, Registration, RegistrationStatus
from occupy.registration.queries import get_registration_for_token
from occupy.registration.remember import remember_registration, remembered_registration
from occupy.registration.services.agenda import (
    AgendaError,
    AgendaOutcome,
    add_to_agenda,
    remove_from_agenda,
    seats_left,
)
from occupy.registration.views.headers import private_page


def registration_or_none(token: str) -> Registration | None:
    """The registration a secret link opens, or None: a wrong token never reaches anyone's data."""
    try:
        return get_registration_for_token(token)
    except Http404:
        return None


def notice(request, *, title: str, message: str, status: int, edition=None, registration=None):
    """A page that explains why something cannot be done (invalid link, not confirmed, not yet…)."""
    context = {"title": title, "message": message, "edition": edition, "registration": registration}
    return render(request, "registration/agenda_notice.html", context, status=status)


def invalid_link(request):
    return render(request, "registration/not_found.html", status=404)


def not_confirmed(request, registration):
    return notice(
        request,
        title=_("Your registration is not confirmed"),
        message=_("Only confirmed registrations have a personal agenda."),
        status=403,
        edition=registration.edition,
        registration=registration,
    )


OUTCOME_MESSAGES = {
    AgendaOutcome.ADDED: _("“%(title)s” is in your agenda."),
    AgendaOutcome.ALREADY_CHOSEN: _("“%(title)s” was already in your agenda."),
    AgendaOutcome.WAITING: _("You are on the waiting list for “%(title)s”. We will e-mail you if a seat frees up."),
    AgendaOutcome.ALREADY_WAITING: _("You were already on the waiting list for “%(title)s”."),
}


@never_cache
@require_http_methods(["GET", "POST"])
def agenda_add(request, edition, session):
    """Confirm (GET) and add (POST) a session to the agenda of the registration this browser remembers."""
    edition = get_edition_or_404(edition)
    session = get_session_or_404(edition, session)
    registration = remembered_registration(request, edition)
    if registration is None:
        status = 200 if request.method == "GET" else 403
        return render(
            request, "registration/agenda_add_unknown.html", {"edition": edition, "session": session}, status=status
        )
    # This page is reached by the remember-me cookie, maybe on a shared computer: it offers the agenda action
    # only, and never links or redirects to a page of the secret manage token (that stays in the e-mail).
    if registration.status != RegistrationStatus.CONFIRMED:
        return notice(
            request,
            title=_("Your registration is not confirmed"),
            message=_("Only confirmed registrations have a personal agenda."),
            status=403,
            edition=edition,
        )
    context = {"edition": edition, "session": session, "registration": registration}
    if request.method == "POST":
        try:
            outcome = add_to_agenda(
                registration=registration, session=session, join_waiting_list=request.POST.get("waitlist") == "1"
            )
        except AgendaError as exc:
            return notice(request, title=_("Not added"), message=str(exc), status=400, edition=edition)
        if outcome == AgendaOutcome.FULL:
            context.update(full=True, seats_left=0)
            return render(request, "registration/agenda_add.html", context, status=409)
        messages.success(request, OUTCOME_MESSAGES[outcome] % {"title": session.title})
        return HttpResponseRedirect(request.path, status=303)  # this page again, which says where it stands
    item = AgendaItem.objects.filter(registration=registration, session=session).first()
    free = seats_left(session)
    context.update(item=item, seats_left=free, full=free == 0 and item is None)
    return render(request, "registration/agenda_add.html", context)


@private_page
@require_GET
def agenda(request, token):
    """My agenda by day, with the overlaps; opening it makes this browser remember the registration."""
    registration = registration_or_none(token)
    if registration is None:
        return invalid_link(request)
    if registration.status != RegistrationStatus.CONFIRMED:
        return not_confirmed(request, registration)
    edition = registration.edition
    ics_path = reverse("registration:agenda-ics", kwargs={"token": registration.token})
    context = {
        "registration": registration,
        "edition": edition,
        "agenda": agenda_for(registration),
        "ics_url": request.build_absolute_uri(ics_path),
        "webcal_url": "webcal://" + request.get_host() + ics_path,
    }
    response = render(request, "registration/agenda.html", context)
    remember_registration(response, registration)
    return response


@private_page
@require_POST
def agenda_remove(request, token, session):
    registration = registration_or_none(token)
    if registration is None:
        return invalid_link(request)
    session = get_session_or_404(registration.edition, session)
    if remove_from_agenda(registration=registration, session=session):
        messages.success(request, _("“%(title)s” is no longer in your agenda.") % {"title": session.title})
    else:
        messages.info(request, _("“%(title)s” was not in your agenda.") % {"title": session.title})
    return HttpResponseRedirect(reverse("registration:agenda", kwargs={"token": registration.token}), status=303)


@private_page
@require_GET
def agenda_ics(request, token):
    """The agenda as a calendar feed, built on every request so that it follows changes to the schedule.
    UIDs are the public export's, so a calendar holding both keeps one event per session."""
    registration = registration_or_none(token)
    if registration is None or registration.status != RegistrationStatus.CONFIRMED:
        return HttpResponse(
            _("This calendar link is not valid."), status=404, content_type="text/plain; charset=utf-8"
        )
    edition = registration.edition
    body = build_calendar(
        edition,
        agenda_sessions_for_calendar(registration),
        name=_("%(edition)s: my agenda") % {"edition": edition.title},
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="occupy-library-{edition.slug}-agenda.ics"'
    return response
