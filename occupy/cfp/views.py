"""The submitter's pages: the public call, submitting and editing a contribution, "my contributions", and a
co-speaker's invitation. Everything but the call page is private (never cached)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from occupy.cfp import queries
from occupy.cfp.forms import CoSpeakerFormSet, SubmissionForm, co_speakers_of
from occupy.cfp.services import submissions as services
from occupy.editions.queries import get_edition_or_404
from occupy.registration.views.headers import private_page
from occupy.web import ratelimit
from occupy.web.pagecache import cached_page

SIGN_IN = "people:login"


@require_safe
@cached_page
def call_page(request, edition):
    """The call of a published edition: its dates in the edition's zone, guidance, themes and formats. The same
    for everyone (no personal content), so it is cached; whether it is open is worked out per request here and
    enforced again when anything is saved."""
    edition = get_edition_or_404(edition)
    call = queries.get_call_or_404(edition)
    now = timezone.now()
    context = {
        "edition": edition,
        "call": call,
        "themes": queries.call_themes(call),
        "formats": queries.call_formats(call),
        "status": "open" if call.is_open(now) else ("not_yet" if now < call.opens_at else "closed"),
    }
    return render(request, "cfp/call.html", context)


def _forms(request, call, submission=None, submitting=False):
    data = request.POST if request.method == "POST" else None
    answers = {answer.question_id: answer.answer for answer in submission.answers.all()} if submission else {}
    form = SubmissionForm(
        data,
        instance=submission,
        formats=queries.call_formats(call),
        themes=queries.call_themes(call),
        questions=call.questions.all(),
        answers=answers,
        submitting=submitting,
    )
    initial = (
        [
            {"name": speaker.name, "email": speaker.email}
            for speaker in submission.speakers.all()
            if not speaker.is_submitter
        ]
        if submission
        else []
    )
    speakers = CoSpeakerFormSet(data, initial=initial, prefix="speakers")
    return form, speakers


def _save(request, edition, call, submission=None):
    """Render or save the contribution form (one service call); refusals keep everything typed."""
    submitting = request.POST.get("action") == "submit"
    form, speakers = _forms(request, call, submission, submitting=submitting)
    context = {
        "edition": edition,
        "call": call,
        "form": form,
        "speakers": speakers,
        "submission": submission,
        "is_open": call.is_open(timezone.now()),
    }
    if request.method != "POST":
        return render(request, "cfp/submit.html", context)
    if ratelimit.ip_over_limit(request, "submission"):
        return render(
            request,
            "cfp/submit.html",
            {**context, "refusal": _("Too many attempts from here; please wait a while and try again.")},
            status=429,
        )
    if not (form.is_valid() and speakers.is_valid()):
        return render(request, "cfp/submit.html", context, status=400)
    content = {
        "edition": edition,
        "submitter": request.user,
        "fields": form.content(),
        "answers": form.answers(),
        "co_speakers": co_speakers_of(speakers),
        "submission": submission,
    }
    try:
        if submitting and (submission is None or submission.state == "draft"):
            saved = services.save_and_submit(**content)
            messages.success(request, _("Your contribution is submitted. You can change it until the call closes."))
        else:
            saved = services.save_draft(**content)
            messages.success(request, _("Your contribution is saved."))
    except services.SubmissionRefused as refusal:
        return render(request, "cfp/submit.html", {**context, "refusal": str(refusal)}, status=400)
    return redirect("cfp:edit-submission", code=saved.code)


@private_page
def submit(request, edition):
    # The edition and its call first: a draft edition's address answers 404 to everyone, signed in or not.
    edition = get_edition_or_404(edition)
    call = queries.get_call_or_404(edition)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), SIGN_IN)
    return _save(request, edition, call)


@private_page
@login_required(login_url=SIGN_IN)
def edit_submission(request, code):
    submission = queries.get_own_submission_or_404(code, request.user)
    edition = submission.edition
    call = queries.get_call_or_404(edition)
    return _save(request, edition, call, submission)


@private_page
@require_POST
@login_required(login_url=SIGN_IN)
def withdraw_submission(request, code):
    submission = queries.get_own_submission_or_404(code, request.user)
    try:
        services.withdraw(submission=submission)
    except services.SubmissionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your contribution is withdrawn."))
    return redirect("cfp:my-submissions")


@private_page
@login_required(login_url=SIGN_IN)
def my_submissions(request):
    return render(request, "cfp/my_submissions.html", {"submissions": queries.submissions_of(request.user)})


@private_page
def invitation(request, invitation):
    """A co-speaker's invitation: signed in, they agree or decline; otherwise they sign in or make an account
    first and come back here."""
    speaker = queries.get_invitation_or_404(invitation)
    context = {"speaker": speaker, "submission": speaker.submission, "edition": speaker.submission.edition}
    if request.method != "POST" or not request.user.is_authenticated:
        return render(request, "cfp/invitation.html", context)
    if request.POST.get("action") == "decline":
        services.decline_invitation(speaker=speaker)
        return render(request, "cfp/invitation_declined.html", context)
    try:
        services.accept_invitation(speaker=speaker, user=request.user)
    except services.SubmissionRefused as refusal:
        return render(request, "cfp/invitation.html", {**context, "refusal": str(refusal)}, status=400)
    messages.success(
        request, _("Thank you: you are a speaker of this contribution. Please complete your speaker profile.")
    )
    return redirect("people:profile")
