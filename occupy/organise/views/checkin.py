"""Check-in at the venue, for organisers and the check-in desk on a phone: scan a ticket or search by name, then
check in. Walk-ins and moves to a live place are in `desk`."""

from django.contrib import messages
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import CHECK_IN, PRINT_BADGES, VIEW_PARTICIPANTS
from occupy.organise.forms import WalkInForm
from occupy.organise.permissions import may, require_permission
from occupy.registration.models import Registration
from occupy.registration.services.checkin import (
    MAX_SEARCH_LENGTH,
    MIN_SEARCH_LENGTH,
    CheckInError,
    ScanTimeError,
    check_in,
    checked_in_counts,
    registration_for_check_in_code,
    scan_time,
    search_participants,
)
from occupy.web.middleware import policy_allowing_webassembly


def _time(edition, moment) -> str:
    return timezone.localtime(moment, edition.tz).strftime("%H:%M")


def desk_page(request, edition, *, error: str = "", status: int = 200, walk_in_form=None):
    """The desk: scan, search, walk-ins. Without the participants permission (the check-in desk's role) the
    search looks at names only and no page shows an e-mail address or accessibility needs."""
    by_email = may(request.user, VIEW_PARTICIPANTS, edition_slug=edition.slug)
    query = request.GET.get("q", "").strip()
    query_error = ""
    if query and not MIN_SEARCH_LENGTH <= len(query) <= MAX_SEARCH_LENGTH:
        what = _("a name or e-mail address") if by_email else _("a name")
        query_error = _("Type between %(min)d and %(max)d characters of %(what)s.") % {
            "min": MIN_SEARCH_LENGTH,
            "max": MAX_SEARCH_LENGTH,
            "what": what,
        }
    results = None
    if query and not query_error:
        results = search_participants(edition=edition, query=query, by_email=by_email)
    context = {
        "edition": edition,
        "query": query[:MAX_SEARCH_LENGTH],
        "query_error": query_error,
        "results": results,
        "search_by_email": by_email,
        "can_print_badges": may(request.user, PRINT_BADGES, edition_slug=edition.slug),
        "walk_in_form": walk_in_form or WalkInForm(),
        "counts": checked_in_counts(edition),
        "error": error,
        "today": timezone.localtime(timezone.now(), edition.tz).date(),
        "show_workspace_link": True,  # a page never cached, so the header may depend on who is signed in
    }
    response = render(request, "organise/checkin.html", context, status=status if not query_error else 400)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = policy_allowing_webassembly()  # the QR decoder of js/checkin.js
    return response


def _registration_from_post(request, edition) -> tuple[Registration | None, str]:
    """The registration a POST names by its ticket's code or (from the search results) by its id."""
    code = request.POST.get("code", "").strip()
    if code:
        registration = registration_for_check_in_code(edition=edition, code=code)
        if registration is None:
            return None, _("This code is not a ticket for %(edition)s. Try again, or search by name.") % {
                "edition": edition.title
            }
        return registration, ""
    pk = request.POST.get("registration", "").strip()
    # ASCII digits only: "²" is a digit to str.isdigit() but int() refuses it. 18 digits fit a bigint.
    if pk.isascii() and pk.isdigit() and len(pk) < 19:
        registration = Registration.objects.filter(edition=edition, pk=int(pk)).first()
        if registration is not None:
            return registration, ""
    return None, _("Scan a ticket, type its code, or search for the person by name.")


@require_permission(CHECK_IN)
@never_cache
@require_http_methods(["GET", "POST"])
def check_in_page(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    if request.method == "GET":
        return desk_page(request, edition)
    # js/checkin.js sends scans (queued while the network was down) with the time they were made and asks for JSON;
    # the form without JavaScript gets the page back.
    wants_json = "application/json" in request.headers.get("Accept", "")
    at, registration, error = None, None, ""
    try:
        if request.POST.get("scanned_at", "").strip():
            at = scan_time(request.POST["scanned_at"], now=timezone.now())
    except ScanTimeError as exc:
        error = str(exc)
    if not error:
        registration, error = _registration_from_post(request, edition)
    if registration is None:
        if wants_json:
            return JsonResponse({"kind": "error", "message": error}, status=400)
        return desk_page(request, edition, error=error, status=400)
    registration.edition = edition
    try:
        result = check_in(registration, by=request.user, at=at)
    except CheckInError as exc:
        if wants_json:
            return JsonResponse({"kind": "error", "message": str(exc), "name": registration.name}, status=409)
        return desk_page(request, edition, error=str(exc), status=409)
    values = {"name": registration.name, "time": _time(edition, result.attendance.first_seen_at)}
    if result.already:
        kind, message = "info", _("%(name)s was already checked in at %(time)s. Nothing changed.") % values
    else:
        kind, message = "success", _("%(name)s is checked in (%(time)s).") % values
    if wants_json:
        return JsonResponse({"kind": kind, "message": message, "name": registration.name, "already": result.already})
    messages.add_message(request, messages.INFO if result.already else messages.SUCCESS, message)
    return HttpResponseRedirect(reverse("organise:check-in", kwargs={"edition": edition.slug}), status=303)


@require_permission(CHECK_IN)
@never_cache
@require_GET
def check_in_count(request, edition):
    """The live count the check-in page polls: {"today": n, "total": n}."""
    edition = get_edition_or_404(edition, published_only=False)
    return JsonResponse(checked_in_counts(edition))
