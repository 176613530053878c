"""The ranking, decisions in bulk and the decision e-mails' templates (cfp.manage_call)."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from occupy.cfp.models import Decision, DecisionTemplate, Submission
from occupy.cfp.queries import DECIDABLE, decidable_submissions, ranking
from occupy.cfp.services.decisions import decide, preview, save_template, template_text
from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_CALL
from occupy.organise.permissions import require_permission
from occupy.organise.review_forms import DecideForm, RankingFilterForm, TemplateChoiceForm, TemplateForm
from occupy.registration.views.headers import private_page


def _page(request, template, context, status=200):
    return render(request, template, {"show_workspace_link": True, **context}, status=status)


@private_page
@require_permission(MANAGE_CALL)
@require_http_methods(["GET", "POST"])
def ranking_page(request, edition):
    """The ranking, filtered by GET; a POST takes one decision on the ticked contributions."""
    edition = get_edition_or_404(edition, published_only=False)
    filters = RankingFilterForm(request.GET, edition=edition)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    rows = list(
        ranking(
            edition,
            theme=chosen.get("theme"),
            session_format=chosen.get("format"),
            order=chosen.get("order") or "-average",
        )
    )
    form = DecideForm(codes=[row.code for row in rows])
    status = 200
    if request.method == "POST":
        # A forged or stale reference is not among the choices: the form says so and nothing is decided.
        decidable = decidable_submissions(edition, request.POST.getlist("submissions")[:1000])
        form = DecideForm(request.POST, codes=[submission.code for submission in decidable])
        if form.is_valid():
            changed = decide(submissions=decidable, decision=form.cleaned_data["decision"], by=request.user)
            messages.success(
                request,
                _("%(decision)s: %(count)d contributions changed; their speakers are being e-mailed.")
                % {"decision": Decision(form.cleaned_data["decision"]).label, "count": changed},
            )
            return redirect(request.get_full_path())
        status = 400
    ticked = set(request.POST.getlist("submissions"))
    context = {
        "edition": edition,
        "filters": filters,
        "rows": rows,
        "form": form,
        "ticked": ticked,
        "decidable": DECIDABLE,
    }
    return _page(request, "organise/review/ranking.html", context, status)


@private_page
@require_permission(MANAGE_CALL)
@require_http_methods(["GET", "POST"])
def templates(request, edition):
    """Edit a decision's e-mail in one language (chosen by GET), and preview it for one contribution."""
    edition = get_edition_or_404(edition, published_only=False)
    choice = TemplateChoiceForm(request.GET)
    chosen = choice.cleaned_data if choice.is_valid() else {}
    decision = chosen.get("decision") or Decision.ACCEPT
    language = chosen.get("language") or settings.LANGUAGE_CODE
    subject, body = template_text(edition, decision, language)
    stored = DecisionTemplate.objects.filter(edition=edition, decision=decision, language=language).first()
    form = TemplateForm(request.POST if request.method == "POST" else None, initial={"subject": subject, "body": body})
    status = 200
    if request.method == "POST":
        if form.is_valid():
            save_template(edition=edition, decision=decision, language=language, **form.cleaned_data)
            messages.success(request, _("The template is saved."))
            return redirect(request.get_full_path())
        status = 400
    submissions = Submission.objects.filter(edition=edition).exclude(state="draft").order_by("title", "pk")
    emails, previewed = [], None
    if chosen.get("preview"):
        previewed = submissions.filter(code=chosen["preview"]).select_related("edition").first()
        emails = preview(submission=previewed, decision=decision, language=language) if previewed else []
        if previewed is None:
            status = 404
    context = {
        "edition": edition,
        "choice": choice,
        "decision": Decision(decision),
        "language": dict(settings.LANGUAGES)[language],
        "language_code": language,
        "form": form,
        "stored": stored,
        "submissions": submissions.values_list("code", "title"),
        "previewed": previewed,
        "emails": emails,
    }
    return _page(request, "organise/review/templates.html", context, status)
