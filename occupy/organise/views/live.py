"""The event as it happens, for organisers: stream and recording links per room and per session (one page, a
small form per row), and every session's feedback with the way to each session's questions (the chair's view).

Links typed here can change during the event: participants' join links name the room or session, never the
address, so nobody's link changes."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from occupy.editions.models import Room
from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_STREAMS, READ_FEEDBACK
from occupy.live import queries as live_queries
from occupy.live.services import set_room_stream, set_session_stream
from occupy.organise.permissions import require_permission
from occupy.programme.models import Session
from occupy.programme.timezones import edition_zone
from occupy.registration.views.headers import private_page


def _row_errors(error: ValidationError) -> list[str]:
    return [message for messages_ in error.message_dict.values() for message in messages_]


@private_page
@require_permission(MANAGE_STREAMS)
@require_http_methods(["GET", "POST"])
def streams(request, edition):
    edition = get_edition_or_404(edition)
    failed = {}
    status = 200
    if request.method == "POST":
        kind, pk = request.POST.get("kind", ""), request.POST.get("id", "")
        model = {"room": Room, "session": Session}.get(kind)
        target = model.objects.filter(edition=edition, pk=pk).first() if model and pk.isdigit() else None
        if target is None:
            failed = {"errors": [_("That room or session is not in this edition.")]}
            status = 400
        else:
            try:
                if kind == "room":
                    set_room_stream(room=target, stream_url=request.POST.get("stream_url", ""))
                else:
                    set_session_stream(
                        session=target,
                        stream_url=request.POST.get("stream_url", ""),
                        recording_url=request.POST.get("recording_url", ""),
                        recording_is_public=request.POST.get("recording_is_public") == "on",
                    )
            except ValidationError as exc:
                failed = {"kind": kind, "id": target.pk, "errors": _row_errors(exc), "data": request.POST}
                status = 400
            else:
                messages.success(request, _("Saved: “%(name)s”.") % {"name": str(target)})
                return redirect(reverse("organise:live-streams", kwargs={"edition": edition.slug}) + f"#{kind}-{pk}")
    rooms, sessions = live_queries.streams_for_organisers(edition)
    context = {
        "edition": edition,
        "rooms": rooms,
        "sessions": sessions,
        "failed": failed,
        "zone": edition_zone(edition),
        "show_workspace_link": True,  # a page never cached, so the header may depend on who is signed in
    }
    return render(request, "organise/live_streams.html", context, status=status)


@private_page
@require_permission(READ_FEEDBACK)
@require_safe
def feedback(request, edition):
    edition = get_edition_or_404(edition)
    summary = live_queries.feedback_summary(edition)
    sessions = list(Session.objects.filter(edition=edition, starts_at__isnull=False).order_by("starts_at", "title"))
    comments = live_queries.feedback_comments(sessions)
    by_session = {row["session_id"]: row for row in summary}
    rows = [
        {"session": session, "summary": by_session.get(session.pk), "comments": comments.get(session.pk, [])}
        for session in sessions
    ]
    return render(
        request,
        "organise/live_feedback.html",
        {"edition": edition, "rows": rows, "zone": edition_zone(edition), "show_workspace_link": True},
    )
