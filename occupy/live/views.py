"""The live page (public: what is on now and next, never a stream link) and the participant's own pages, reached
by their secret registration link: the live page with join links, joining a stream, questions, feedback.

Stream addresses leave the server only as the Location of a join link's redirect, for a confirmed registration's
own token: no page, JSON or export carries them.
"""

import datetime

from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from occupy.editions.models import Room
from occupy.live import queries, services
from occupy.live.models import COMMENT_MAX_LENGTH, QUESTION_MAX_LENGTH, Feedback, Question
from occupy.live.rules import feedback_open, questions_open
from occupy.programme.queries import get_published_edition_or_404
from occupy.programme.timezones import edition_zone, resolve_display_zone, zone_choices, zone_label
from occupy.registration.models import RegistrationStatus
from occupy.registration.queries import get_registration_for_token
from occupy.registration.views.headers import private_page
from occupy.web import ratelimit

# A participant may ask this many questions per window (seconds), over every session.
QUESTIONS_PER_WINDOW = 10
QUESTION_WINDOW = 600


def _live_context(request, edition, now: datetime.datetime) -> dict:
    display = resolve_display_zone(edition, request.GET.get("tz", ""))
    return {
        "edition": edition,
        "rooms": queries.rooms_now(edition, now),
        "now": now,
        "display": display,
        "edition_zone": edition_zone(edition),
        "display_label": zone_label(display.zone, now),
        "edition_zone_label": zone_label(edition_zone(edition), now),
        "zone_choices": zone_choices(),
        "requested_zone_listed": any(display.requested in names for _, names in zone_choices()),
        "edition_zone_href": request.path,
        "errors": [display.error] if display.error else [],
    }


def _rooms_json(request, context, *, template_context=None) -> JsonResponse:
    html = render_to_string("live/_rooms.html", {**context, **(template_context or {})}, request=request)
    rooms = [
        {
            "room": slot.room.name,
            "current": slot.current and _session_json(slot.current),
            "next": slot.next and _session_json(slot.next),
        }
        for slot in context["rooms"]
    ]
    return JsonResponse({"now": context["now"].isoformat(), "rooms": rooms, "html": html})


def _session_json(session) -> dict:
    return {
        "title": session.title,
        "url": session.get_absolute_url(),
        "starts_at": session.starts_at.isoformat(),
        "ends_at": session.ends_at.isoformat(),
    }


@require_GET
def live_page(request, edition):
    """What is on now and next in every room. Not in the page cache (it changes with the clock, not with the
    content): browsers and proxies may keep it 15 seconds."""
    edition = get_published_edition_or_404(edition)
    context = _live_context(request, edition, timezone.now())
    response = render(request, "live/live.html", context, status=400 if context["errors"] else 200)
    patch_cache_control(response, public=True, max_age=15)
    return response


@require_GET
def now_json(request, edition):
    edition = get_published_edition_or_404(edition)
    response = _rooms_json(request, _live_context(request, edition, timezone.now()))
    patch_cache_control(response, public=True, max_age=15)
    return response


# The participant's own pages.


def _registration_or_none(token):
    try:
        return get_registration_for_token(token)
    except Http404:
        return None


def notice(request, *, title, message, status, registration=None):
    context = {
        "title": title,
        "message": message,
        "registration": registration,
        "edition": registration.edition if registration else None,
    }
    return render(request, "live/notice.html", context, status=status)


def _invalid_link(request):
    return render(request, "registration/not_found.html", status=404)


def _confirmed(request, token):
    """(registration, None) for a confirmed registration's token, else (None, the response to give)."""
    registration = _registration_or_none(token)
    if registration is None:
        return None, _invalid_link(request)
    if registration.status != RegistrationStatus.CONFIRMED:
        return None, notice(
            request,
            title=_("Your registration is not confirmed"),
            message=_("Only confirmed registrations can follow the streams, ask questions and give feedback."),
            status=403,
            registration=registration,
        )
    return registration, None


def _session_or_404(registration, slug):
    session = queries.get_scheduled_session(registration.edition, slug)
    if session is None:
        raise Http404
    return session


@private_page
@require_GET
def my_live(request, token):
    registration, refusal = _confirmed(request, token)
    if refusal:
        return refusal
    context = _live_context(request, registration.edition, timezone.now())
    context["registration"] = registration
    return render(request, "live/live.html", context, status=400 if context["errors"] else 200)


@private_page
@require_GET
def my_now_json(request, token):
    registration, refusal = _confirmed(request, token)
    if refusal:
        return JsonResponse({"error": _("This link does not open the live page.")}, status=refusal.status_code)
    context = _live_context(request, registration.edition, timezone.now())
    return _rooms_json(request, context, template_context={"registration": registration})


@private_page
@require_GET
def join_session(request, token, session):
    """Record that the participant joins and forward them to the session's stream (its own, its room's or the
    edition's), from 15 minutes before it starts until it ends."""
    registration = _registration_or_none(token)
    if registration is None:
        return _invalid_link(request)
    session = _session_or_404(registration, session)
    try:
        url = services.join_session(registration=registration, session=session, at=timezone.now())
    except services.LiveError as exc:
        status = 403
        return notice(
            request, title=_("The stream cannot be opened"), message=str(exc), status=status, registration=registration
        )
    return _forward(request, registration, url)


@private_page
@require_GET
def join_room(request, token, room):
    registration = _registration_or_none(token)
    if registration is None:
        return _invalid_link(request)
    room = Room.objects.select_related("edition").filter(edition=registration.edition, slug=room).first()
    if room is None:
        raise Http404
    try:
        url = services.join_room(registration=registration, room=room, at=timezone.now())
    except services.LiveError as exc:
        status = 403
        return notice(
            request, title=_("The stream cannot be opened"), message=str(exc), status=status, registration=registration
        )
    return _forward(request, registration, url)


def _forward(request, registration, url):
    if not url:
        return notice(
            request,
            title=_("The stream is not open yet"),
            message=_("The organisers have not set the stream address yet. Come back to this link in a moment."),
            status=200,
            registration=registration,
        )
    # A 302 to another site: the Location header is the only place the stream's address appears.
    return HttpResponseRedirect(url)


def _questions_context(request, registration, session, *, error="", text=""):
    now = timezone.now()
    return {
        "registration": registration,
        "edition": registration.edition,
        "session": session,
        "questions": queries.questions_for(session),
        "voted": queries.voted_question_ids(registration, session),
        "is_open": questions_open(session, now),
        "error": error,
        "text": text,
        "max_length": QUESTION_MAX_LENGTH,
    }


@private_page
@require_http_methods(["GET", "POST"])
def questions(request, token, session):
    """A session's questions, for a participant: ask one (POST), vote for others'."""
    registration, refusal = _confirmed(request, token)
    if refusal:
        return refusal
    session = _session_or_404(registration, session)
    if request.method == "POST":
        text = request.POST.get("text", "")
        if ratelimit.key_over_limit(
            "live:question", registration.token, limit=QUESTIONS_PER_WINDOW, window=QUESTION_WINDOW
        ):
            context = _questions_context(
                request,
                registration,
                session,
                text=text[:QUESTION_MAX_LENGTH],
                error=_("You have asked many questions in a short time: wait a few minutes, then ask again."),
            )
            return render(request, "live/questions.html", context, status=429)
        try:
            services.ask_question(registration=registration, session=session, text=text, at=timezone.now())
        except services.LiveError as exc:
            context = _questions_context(request, registration, session, error=str(exc), text=text[:2000])
            return render(request, "live/questions.html", context, status=400)
        return redirect(request.path + "#questions")
    return render(request, "live/questions.html", _questions_context(request, registration, session))


@private_page
@require_GET
def questions_json(request, token, session):
    registration, refusal = _confirmed(request, token)
    if refusal:
        return JsonResponse({"error": _("This link does not open the questions.")}, status=refusal.status_code)
    session = _session_or_404(registration, session)
    context = _questions_context(request, registration, session)
    html = render_to_string("live/_question_list.html", context, request=request)
    return JsonResponse({"count": len(context["questions"]), "html": html})


@private_page
@require_POST
def vote(request, token, session, question):
    registration, refusal = _confirmed(request, token)
    if refusal:
        return refusal
    session = _session_or_404(registration, session)
    question = Question.objects.select_related("session__edition").filter(pk=question, session=session).first()
    if question is None:
        raise Http404
    try:
        services.vote(registration=registration, question=question, at=timezone.now())
    except services.LiveError as exc:
        context = _questions_context(request, registration, session, error=str(exc))
        return render(request, "live/questions.html", context, status=400)
    return redirect(reverse("live:questions", kwargs={"token": token, "session": session.slug}) + "#questions")


@private_page
@require_http_methods(["GET", "POST"])
def feedback(request, token, session):
    """A participant's rating and comment on a session, once, after it starts."""
    registration, refusal = _confirmed(request, token)
    if refusal:
        return refusal
    session = _session_or_404(registration, session)
    given = Feedback.objects.filter(session=session, registration=registration).first()
    context = {
        "registration": registration,
        "edition": registration.edition,
        "session": session,
        "given": given,
        "is_open": feedback_open(session, timezone.now()),
        "max_length": COMMENT_MAX_LENGTH,
        "ratings": range(1, 6),
        "error": "",
        "rating": "",
        "comment": "",
    }
    if request.method == "POST" and given is None:
        try:
            services.give_feedback(
                registration=registration,
                session=session,
                rating=request.POST.get("rating"),
                comment=request.POST.get("comment", ""),
                at=timezone.now(),
            )
        except services.LiveError as exc:
            context.update(
                error=str(exc), rating=request.POST.get("rating", ""), comment=request.POST.get("comment", "")[:2000]
            )
            return render(request, "live/feedback.html", context, status=400)
        return redirect(request.path)
    if request.method == "POST":
        context["error"] = _("You have already given feedback on this session: thank you.")
        return render(request, "live/feedback.html", context, status=409)
    return render(request, "live/feedback.html", context)
