"""The chair's view of a session's questions (hide, mark answered, pin) and the presenter view for projection.

The chair is a moderator of the session whose speaker profile is linked to the signed-in account, or anyone who
holds `live.moderate_questions` for the edition (its organisers)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from occupy.editions.models import published_through
from occupy.editions.roles import MODERATE_QUESTIONS, holds
from occupy.live import queries, services
from occupy.live.models import Question
from occupy.programme.models import Session


def _chaired_session(request, edition, slug):
    """The session, once the signed-in account is known to chair it; else a redirect to sign in or a 403."""
    # A draft edition's sessions are not found here, as on every public URL of an edition.
    session = (
        Session.objects.select_related("edition", "room")
        .filter(published_through("edition"), edition__slug=edition, slug=slug)
        .first()
    )
    if session is None:
        raise Http404
    if not request.user.is_authenticated:
        return None, redirect_to_login(request.get_full_path())
    if not (
        holds(request.user, MODERATE_QUESTIONS, edition_slug=edition) or queries.chairs_session(request.user, session)
    ):
        raise PermissionDenied
    return session, None


def _context(session, *, include_hidden=True):
    return {
        "session": session,
        "edition": session.edition,
        "questions": queries.questions_for(session, include_hidden=include_hidden),
    }


@never_cache
@require_GET
def chair(request, edition, slug):
    session, refusal = _chaired_session(request, edition, slug)
    if refusal:
        return refusal
    return render(request, "live/chair.html", _context(session))


@never_cache
@require_GET
def chair_json(request, edition, slug):
    session, refusal = _chaired_session(request, edition, slug)
    if refusal:
        return JsonResponse({"error": _("Sign in as this session's chair to see its questions.")}, status=403)
    context = _context(session)
    html = render_to_string("live/_chair_list.html", context, request=request)
    return JsonResponse({"count": len(context["questions"]), "html": html})


@never_cache
@require_GET
def present(request, edition, slug):
    """Large type for the projector: the questions shown to participants, pinned first, then by votes."""
    session, refusal = _chaired_session(request, edition, slug)
    if refusal:
        return refusal
    return render(request, "live/present.html", _context(session, include_hidden=False))


@never_cache
@require_GET
def present_json(request, edition, slug):
    session, refusal = _chaired_session(request, edition, slug)
    if refusal:
        return JsonResponse({"error": _("Sign in as this session's chair to see its questions.")}, status=403)
    context = _context(session, include_hidden=False)
    html = render_to_string("live/_present_list.html", context, request=request)
    return JsonResponse({"count": len(context["questions"]), "html": html})


@never_cache
@require_POST
def moderate(request, edition, slug):
    """The chair's action (POST `action`) on one of the session's questions (POST `question`)."""
    session, refusal = _chaired_session(request, edition, slug)
    if refusal:
        return refusal
    question_id = request.POST.get("question", "")
    question = Question.objects.filter(pk=question_id, session=session).first() if question_id.isdigit() else None
    if question is None:
        raise Http404
    try:
        services.moderate(question=question, action=request.POST.get("action", ""))
    except services.LiveError as exc:
        context = {**_context(session), "error": str(exc)}
        return render(request, "live/chair.html", context, status=400)
    return redirect(reverse("live:chair", kwargs={"edition": edition, "slug": slug}) + f"#question-{question.pk}")
