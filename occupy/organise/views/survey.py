"""The post-event survey: organisers set its questions, open and close it, read the results and download them."""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_SURVEY
from occupy.editions.sample import is_sample
from occupy.organise.permissions import require_permission
from occupy.outreach.forms import QuestionForm
from occupy.outreach.models import QuestionKind
from occupy.outreach.services import survey as service
from occupy.registration.views.headers import private_page
from occupy.web.spreadsheets import neutralise

ACTIONS = ("add", "delete", "open", "close")


def _page(request, edition, survey, *, form=None, error="", status=200):
    context = {
        "edition": edition,
        "survey": survey,
        "questions": survey.questions.all(),
        "form": form or QuestionForm(initial={"kind": QuestionKind.SCALE}),
        "error": error,
        "show_workspace_link": True,
    }
    return render(request, "organise/survey/settings.html", context, status=status)


@require_permission(MANAGE_SURVEY)
@private_page
def survey_settings(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    survey = service.survey_of(edition)
    if request.method != "POST":
        return _page(request, edition, survey)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return _page(request, edition, survey, error=_("Choose what to do with the survey."), status=400)
    if action == "add":
        form = QuestionForm(request.POST)
        if not form.is_valid():
            return _page(request, edition, survey, form=form, status=400)
        service.add_question(survey=survey, **form.cleaned_data)
        messages.success(request, _("The question is added."))
    elif action == "delete":
        question = request.POST.get("question", "")
        if not (question.isdigit() and service.delete_question(survey=survey, question_id=int(question))):
            return _page(request, edition, survey, error=_("There is no such question in this survey."), status=400)
        messages.success(request, _("The question and its answers are removed."))
    elif action == "open":
        if not survey.questions.exists():
            return _page(request, edition, survey, error=_("Add a question before opening the survey."), status=400)
        service.set_open(survey=survey, is_open=True)
        messages.success(request, _("The survey is open: confirmed participants find it on their registration page."))
    else:
        service.set_open(survey=survey, is_open=False)
        messages.success(request, _("The survey is closed."))
    return redirect("organise:survey", edition=edition.slug)


@require_permission(MANAGE_SURVEY)
@private_page
def results(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    survey = service.survey_of(edition)
    context = {"edition": edition, "survey": survey, "results": service.results(survey), "show_workspace_link": True}
    return render(request, "organise/survey/results.html", context)


@require_permission(MANAGE_SURVEY)
@private_page
def results_csv(request, edition):
    """One row per response, one column per question; no name or address (the answers are the participants')."""
    edition = get_edition_or_404(edition, published_only=False)
    survey = service.survey_of(edition)
    questions = list(survey.questions.all())
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    suffix = "-sample-data" if is_sample(edition) else ""
    response["Content-Disposition"] = f'attachment; filename="survey-{edition.slug}{suffix}.csv"'
    writer = csv.writer(response)
    writer.writerow([neutralise(cell) for cell in ["answered_at"] + [question.label for question in questions]])
    for answer_set in service.answers_for_export(survey):
        values = {
            answer.question_id: answer.number if answer.number is not None else answer.text
            for answer in answer_set.answers.all()
        }
        row = [answer_set.created_at.isoformat()] + [values.get(question.pk, "") for question in questions]
        writer.writerow([neutralise(cell) for cell in row])
    return response
