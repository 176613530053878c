"""Participants' pages of outreach: unsubscribing from announcements, and answering the survey. Both are reached
by a secret link only, never cached."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from occupy.outreach.forms import SurveyForm
from occupy.outreach.services import announcements
from occupy.outreach.services.survey import AlreadyAnswered, has_answered, may_answer, open_survey_of, submit_answers
from occupy.registration.queries import get_registration_for_token
from occupy.registration.views.headers import private_page


# The token is the authentication (signed), and a mail program's one-click unsubscribe (RFC 8058) POSTs without a
# CSRF token: a forged POST can only unsubscribe the address whose signed link the forger already has.
@csrf_exempt
@private_page
def unsubscribe(request, token):
    address = announcements.address_for_token(token)
    if address is None:
        return render(request, "outreach/unsubscribe_invalid.html", status=404)
    if request.method == "POST":
        announcements.unsubscribe(address=address)
        return render(request, "outreach/unsubscribed.html", {"address": address})
    context = {"address": address, "already": announcements.is_unsubscribed(address)}
    return render(request, "outreach/unsubscribe.html", context)


@private_page
def survey(request, token):
    try:
        registration = get_registration_for_token(token)
    except Http404:
        return render(request, "registration/not_found.html", status=404)
    edition = registration.edition
    survey = open_survey_of(edition)
    context = {"registration": registration, "edition": edition, "survey": survey}
    if survey is None or not may_answer(registration):
        return render(request, "outreach/survey_closed.html", context, status=404 if survey is None else 403)
    if has_answered(survey, registration):
        return render(request, "outreach/survey_thanks.html", context)
    questions = survey.questions.all()
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                submit_answers(survey=survey, registration=registration, answers=form.answers())
            except AlreadyAnswered:
                pass  # a second click: the first answers stand
            return render(request, "outreach/survey_thanks.html", context)
        status = 400
    else:
        form = SurveyForm(questions=questions)
    context["form"] = form
    return render(request, "outreach/survey.html", context, status=status)
