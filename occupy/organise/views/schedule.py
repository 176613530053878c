"""The schedule editor: the DRAFT schedule of an edition as a grid of rooms × time slots per day, in the
edition's time zone, with the unscheduled sessions beside it, the warnings, and what publishing would change.

An unscheduled session carries a small form (room, day, start, minutes) that posts to `place`; a placed one a
"Move" link that opens the page with its form (`?move=<id>`), so a page of 500 sessions does not carry 500 forms.
It works by keyboard and without JavaScript; schedule-editor.js adds drag and drop and posts the same fields."""

import datetime

from django.contrib import messages
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import EDIT_SCHEDULE
from occupy.organise.permissions import require_permission
from occupy.programme import queries
from occupy.programme.conflicts import find_warnings
from occupy.programme.editor_grid import build_grid
from occupy.programme.forms import PlacementForm, edition_days
from occupy.programme.models import Session
from occupy.programme.services.schedule import (
    NothingToPublish,
    pending_changes,
    place_session,
    publish_schedule,
    unschedule_session,
)
from occupy.programme.timezones import zone_label
from occupy.registration.services.schedule_notices import notify_schedule_changes
from occupy.registration.views.headers import private_page


def _editor_context(edition, *, failed=None, form=None, moving: int = 0) -> dict:
    rooms = list(edition.rooms.order_by("order", "name"))
    sessions = queries.editor_sessions(edition)
    warnings = find_warnings(edition, sessions, queries.edition_unavailabilities(edition))
    warned = {session_id for warning in warnings for session_id in warning.session_ids}
    for session in sessions:
        session.has_warning = session.pk in warned
        session.draft_minutes = (
            int((session.draft_ends_at - session.draft_starts_at).total_seconds() // 60)
            if session.draft_starts_at and session.draft_ends_at
            else session.format.default_minutes
        )
    days, unscheduled = build_grid(edition, rooms, sessions)
    noon = datetime.datetime.combine(edition.start_date, datetime.time(12), tzinfo=edition.tz)
    return {
        "edition": edition,
        "rooms": rooms,
        "days": days,
        "edition_days": edition_days(edition),
        "unscheduled": unscheduled,
        "warnings": warnings,
        "pending": pending_changes(sessions),
        "zone_label": zone_label(edition.tz, noon),
        "failed": failed,  # the session whose form was refused, shown with what was typed
        "form": form,
        "moving": failed.pk if failed else moving,  # the placed session whose form is shown open
        "show_workspace_link": True,
    }


def _edition(slug):
    return get_edition_or_404(slug, published_only=False)


@private_page
@require_permission(EDIT_SCHEDULE)
@require_safe
def editor(request, edition):
    moving = request.GET.get("move", "")
    moving = int(moving) if moving.isdigit() and len(moving) < 12 else 0  # anything else opens no form
    return render(request, "organise/schedule.html", _editor_context(_edition(edition), moving=moving))


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _done(request, edition, session):
    """After a change: the session's id for the script, or the editor at the session for the plain form."""
    if _wants_json(request):
        return JsonResponse({"session": session.pk})
    return redirect(reverse("organise:schedule", kwargs={"edition": edition.slug}) + f"#session-{session.pk}")


@private_page
@require_permission(EDIT_SCHEDULE)
@require_POST
def place(request, edition):
    edition = _edition(edition)
    session = get_object_or_404(Session.objects.select_related("format"), pk=_session_id(request), edition=edition)
    form = PlacementForm(request.POST, edition=edition, rooms=edition.rooms.all())
    if not form.is_valid():
        if _wants_json(request):
            errors = [str(message) for messages_ in form.errors.values() for message in messages_]
            return JsonResponse({"errors": errors}, status=400)
        context = _editor_context(edition, failed=session, form=form)
        return render(request, "organise/schedule.html", context, status=400)
    place_session(
        session=session, room=form.cleaned_data["room"], starts_at=form.starts_at(), minutes=form.length(session)
    )
    return _done(request, edition, session)


@private_page
@require_permission(EDIT_SCHEDULE)
@require_POST
def unschedule(request, edition):
    edition = _edition(edition)
    session = get_object_or_404(Session, pk=_session_id(request), edition=edition)
    unschedule_session(session=session)
    return _done(request, edition, session)


@private_page
@require_permission(EDIT_SCHEDULE)
@require_POST
def publish(request, edition):
    """Publish the draft and tell the speakers and participants whose sessions moved or were cancelled, in
    one transaction: the new version and its e-mails exist together or not at all."""
    edition = _edition(edition)
    try:
        with transaction.atomic():
            version = publish_schedule(edition=edition, by=request.user)
            notified = notify_schedule_changes(version=version)
    except NothingToPublish:
        messages.info(request, _("Nothing to publish: the draft is the published schedule."))
    else:
        messages.success(
            request,
            _("Version %(number)s of the schedule is published; %(count)s people will be told of their changes.")
            % {"number": version.number, "count": notified},
        )
    return redirect("organise:schedule", edition=edition.slug)


def _session_id(request) -> int:
    """The posted session id; a missing or malformed one finds no session (404), like a forged one."""
    value = request.POST.get("session", "")
    return int(value) if value.isdigit() and len(value) < 12 else 0
