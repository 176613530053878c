"""The page where an accepted speaker confirms, reached by their invitation code (unguessable) alone."""

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from occupy.cfp.confirmation_forms import ConfirmationForm
from occupy.cfp.models import SubmissionSpeaker, SubmissionState
from occupy.cfp.services.confirmation import confirm_speaker, decline_speaker
from occupy.registration.views.headers import private_page


@private_page
@require_http_methods(["GET", "POST"])
def confirm(request, invitation):
    speaker = get_object_or_404(
        SubmissionSpeaker.objects.select_related("submission__edition", "submission__format"),
        invitation=invitation[:20],
    )
    submission = speaker.submission
    edition = submission.edition
    form = ConfirmationForm(request.POST if request.method == "POST" else None)
    context = {
        "speaker": speaker,
        "submission": submission,
        "edition": edition,
        "form": form,
        "zone": edition.time_zone,
        "waiting": submission.state == SubmissionState.ACCEPTED and speaker.confirmed_at is None,
    }
    with timezone.override(edition.tz):
        if request.method != "POST":
            return render(request, "cfp/confirm.html", context)
        if form.is_valid():
            try:
                if form.cleaned_data["answer"] == "decline":
                    decline_speaker(speaker=speaker)
                    return render(request, "cfp/confirm.html", {**context, "waiting": False, "declined": True})
                answer = form.cleaned_data
                confirm_speaker(speaker=speaker, attendance=answer["attendance"], unavailable=answer["periods"])
                return redirect(request.path)
            except ValidationError as error:
                form.add_error(None, error)
        return render(request, "cfp/confirm.html", context, status=400)
