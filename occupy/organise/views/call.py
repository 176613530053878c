"""The call's settings: dates (typed and shown in the edition's time zone), guidance, themes, formats and the
extra questions."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from occupy.cfp.forms import CallForm, QuestionFormSet
from occupy.cfp.models import Call, CallQuestion
from occupy.cfp.services.call import save_call
from occupy.editions.admin_time import zone_note
from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_CALL
from occupy.organise.permissions import require_permission
from occupy.registration.views.headers import private_page


@private_page
@require_permission(MANAGE_CALL)
def call_settings(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    call = Call.objects.filter(edition=edition).prefetch_related("themes", "formats").first()
    initial = {}
    if call is not None:
        initial = {
            "opens_at": call.opens_at,
            "closes_at": call.closes_at,
            "guidance": call.guidance,
            "themes": list(call.themes.all()),
            "formats": list(call.formats.all()),
        }
    questions = CallQuestion.objects.filter(call=call) if call else CallQuestion.objects.none()
    data = request.POST if request.method == "POST" else None
    # Django's forms read and show datetimes in the current zone: the edition's, for typing and for rendering.
    with timezone.override(edition.tz):
        form = CallForm(data, initial=initial, edition=edition)
        formset = QuestionFormSet(data, queryset=questions, prefix="questions")
        context = {
            "edition": edition,
            "form": form,
            "formset": formset,
            "zone_note": zone_note(edition.tz),
            "call": call,
            "show_workspace_link": True,
        }
        if request.method == "POST":
            if form.is_valid() and formset.is_valid():
                save_call(
                    edition=edition,
                    opens_at=form.cleaned_data["opens_at"],
                    closes_at=form.cleaned_data["closes_at"],
                    guidance=form.cleaned_data["guidance"],
                    themes=form.cleaned_data["themes"],
                    formats=form.cleaned_data["formats"],
                    questions=[
                        _question_row(question_form)
                        for question_form in formset.forms
                        if question_form.has_changed() or question_form.instance.pk
                    ],
                )
                messages.success(request, _("The call is saved."))
                return redirect("organise:call", edition=edition.slug)
            return render(request, "organise/call.html", context, status=400)
        return render(request, "organise/call.html", context)


def _question_row(question_form) -> dict:
    data = question_form.cleaned_data
    return {
        "id": question_form.instance.pk,
        "label": data.get("label", ""),
        "help_text": data.get("help_text", ""),
        "required": data.get("required", False),
        "order": data.get("order", 0),
        "delete": data.get("DELETE", False),
    }
