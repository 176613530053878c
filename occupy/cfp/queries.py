"""Named reads of the call for contributions, each declaring what it loads."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from occupy.cfp.models import Call, CallQuestion, Submission, SubmissionSpeaker
from occupy.editions.models import Edition, SessionFormat, Theme


def get_call_or_404(edition: Edition) -> Call:
    """The edition's call with its themes, formats and questions (four queries); 404 when it has none."""
    call = (
        Call.objects.filter(edition=edition)
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.order_by("order", "title")),
            Prefetch("formats", queryset=SessionFormat.objects.order_by("order", "name")),
            Prefetch("questions", queryset=CallQuestion.objects.order_by("order", "pk")),
        )
        .first()
    )
    if call is None:
        raise Http404(_("This edition has no call for contributions."))
    return call


def call_themes(call: Call) -> list[Theme]:
    """The themes a submitter may choose: the call's, or every theme of the edition when it names none."""
    themes = list(call.themes.all())
    return themes or list(Theme.objects.filter(edition_id=call.edition_id).order_by("order", "title"))


def call_formats(call: Call) -> list[SessionFormat]:
    formats = list(call.formats.all())
    return formats or list(SessionFormat.objects.filter(edition_id=call.edition_id).order_by("order", "name"))


def submissions_of(user) -> list[Submission]:
    """An account's contributions, newest first, with edition, format, theme and speakers (two queries)."""
    return list(
        Submission.objects.filter(submitter=user)
        .select_related("edition", "format", "theme")
        .prefetch_related(Prefetch("speakers", queryset=SubmissionSpeaker.objects.order_by("order", "pk")))
        .order_by("-created_at", "-pk")
    )


def get_own_submission_or_404(code: str, user) -> Submission:
    """The contribution `code` of this account, with its edition, call, speakers and answers; 404 for a code
    that is unknown or another account's (never 403: that would tell the code exists)."""
    submission = (
        Submission.objects.filter(code=code[:20], submitter=user)
        .select_related("edition__call", "format", "theme")
        .prefetch_related("speakers", "answers")
        .first()
    )
    if submission is None:
        raise Http404(_("There is no such contribution in your account."))
    return submission


def get_invitation_or_404(invitation: str) -> SubmissionSpeaker:
    speaker = (
        SubmissionSpeaker.objects.filter(invitation=invitation[:20], is_submitter=False)
        .select_related("submission__edition", "submission__submitter", "submission__format")
        .first()
    )
    if speaker is None:
        raise Http404(_("This invitation does not exist or was withdrawn."))
    return speaker
