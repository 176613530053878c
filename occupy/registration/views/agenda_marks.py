"""What the cached schedule and session pages cannot carry, asked for by js/schedule.js: whether this browser
is a known participant, which sessions are in their agenda (or waiting list), and the seats left in sessions
with limited seats. Private and never cached. And "remove from my agenda" for the browser that remembers a
registration, offered next to the marked sessions."""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from occupy.editions.queries import get_edition_or_404
from occupy.registration.agenda_queries import agenda_marks, get_session_or_404, seats_left_by_session
from occupy.registration.models import AgendaItem, RegistrationStatus
from occupy.registration.remember import remembered_registration
from occupy.registration.services.agenda import remove_from_agenda
from occupy.registration.views.headers import private_page


@private_page
@require_GET
def mine(request, edition):
    """{"known": bool, "chosen": [slug…], "waiting": [slug…], "seats": {slug: seats left}} for this browser."""
    edition = get_edition_or_404(edition)
    registration = remembered_registration(request, edition)
    known = registration is not None and registration.status == RegistrationStatus.CONFIRMED
    chosen, waiting = agenda_marks(registration) if known else ([], [])
    body = {"known": known, "chosen": chosen, "waiting": waiting, "seats": seats_left_by_session(edition)}
    return JsonResponse(body)


@private_page
@require_http_methods(["GET", "POST"])
def remove(request, edition, session):
    """Ask (GET) and take (POST) a session out of the agenda of the registration this browser remembers."""
    edition = get_edition_or_404(edition)
    session = get_session_or_404(edition, session)
    registration = remembered_registration(request, edition)
    if registration is None:
        status = 200 if request.method == "GET" else 403
        context = {"edition": edition, "session": session}
        return render(request, "registration/agenda_add_unknown.html", context, status=status)
    if request.method == "POST":
        if remove_from_agenda(registration=registration, session=session):
            messages.success(request, _("“%(title)s” is no longer in your agenda.") % {"title": session.title})
        else:
            messages.info(request, _("“%(title)s” was not in your agenda.") % {"title": session.title})
        return HttpResponseRedirect(session.get_absolute_url(), status=303)
    item = AgendaItem.objects.filter(registration=registration, session=session).first()
    context = {"edition": edition, "session": session, "registration": registration, "item": item}
    return render(request, "registration/agenda_remove.html", context)
