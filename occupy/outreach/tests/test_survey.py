"""The post-event survey: organisers set it up and open it, participants answer once through their own link,
organisers read the results and download them."""

import csv
import io

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.outreach.models import QuestionKind, Survey, SurveyAnswer, SurveyResponse
from occupy.outreach.services import survey as service
from occupy.registration.models import RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031)


@pytest.fixture
def organiser_of(django_user_model, edition):
    user = django_user_model.objects.create_user("org", "org@example.org", "pw-long-1")
    grant_role(edition=edition, user=user, role=Role.ORGANISER)
    client = Client()
    client.force_login(user)
    return client


def settings_url(edition):
    return reverse("organise:survey", kwargs={"edition": edition.slug})


def survey_url(registration):
    return reverse("outreach:survey", kwargs={"token": registration.token})


@pytest.fixture
def open_survey(edition):
    survey = service.survey_of(edition)
    scale = service.add_question(
        survey=survey, label="How useful was it?", kind=QuestionKind.SCALE, options="", required=True
    )
    choice = service.add_question(
        survey=survey, label="Will you come again?", kind=QuestionKind.CHOICE, options="Yes\nNo\nMaybe", required=False
    )
    text = service.add_question(
        survey=survey, label="What should change?", kind=QuestionKind.TEXT, options="", required=False
    )
    service.set_open(survey=survey, is_open=True)
    return survey, scale, choice, text


def test_an_organiser_sets_questions_and_opens_the_survey(organiser_of, edition):
    url = settings_url(edition)
    assert organiser_of.post(url, {"action": "open"}).status_code == 400  # no question yet
    response = organiser_of.post(url, {"action": "add", "label": "Best session?", "kind": "choice", "options": "A\nB"})
    assert response.status_code == 302
    assert organiser_of.post(url, {"action": "open"}).status_code == 302
    survey = Survey.objects.get(edition=edition)
    assert survey.is_open and list(survey.questions.values_list("label", "options")) == [("Best session?", "A\nB")]
    assert "The survey is open" in organiser_of.get(url).content.decode()


def test_bad_questions_are_refused_with_a_message_and_kept(organiser_of, edition):
    url = settings_url(edition)
    response = organiser_of.post(
        url, {"action": "add", "label": "Which day?", "kind": "choice", "options": "Only one"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give at least two options, one per line." in page and "Which day?" in page
    assert organiser_of.post(url, {"action": "add", "label": "", "kind": "scale"}).status_code == 400
    assert organiser_of.post(url, {"action": "explode"}).status_code == 400
    assert organiser_of.post(url, {"action": "delete", "question": "99999"}).status_code == 400
    assert organiser_of.post(url, {"action": "delete", "question": "x"}).status_code == 400
    assert not Survey.objects.get(edition=edition).questions.exists()


def test_a_participant_answers_once_through_their_link(client, edition, open_survey):
    survey, scale, choice, text = open_survey
    registration = RegistrationFactory(edition=edition)
    manage = client.get(registration.get_absolute_url()).content.decode()
    assert survey_url(registration) in manage  # the manage page links to the open survey

    form = client.get(survey_url(registration))
    assert form.status_code == 200 and "How useful was it?" in form.content.decode()
    answers = {f"q_{scale.pk}": "4", f"q_{choice.pk}": "Maybe", f"q_{text.pk}": "More coffee"}
    thanks = client.post(survey_url(registration), answers)
    assert thanks.status_code == 200 and "Your answers to the survey are saved" in thanks.content.decode()
    again = client.post(survey_url(registration), {**answers, f"q_{scale.pk}": "1"})
    assert again.status_code == 200
    assert SurveyResponse.objects.count() == 1
    assert set(SurveyAnswer.objects.values_list("number", "text")) == {(None, "Maybe"), (None, "More coffee"), (4, "")}
    assert thanks["Cache-Control"].startswith("private")


def test_bad_answers_are_refused_and_kept(client, edition, open_survey):
    survey, scale, choice, text = open_survey
    registration = RegistrationFactory(edition=edition)
    response = client.post(
        survey_url(registration), {f"q_{scale.pk}": "9", f"q_{choice.pk}": "Never", f"q_{text.pk}": "Kept text"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select a valid choice." in page and "Kept text" in page
    assert not SurveyResponse.objects.exists()


def test_only_confirmed_participants_of_an_open_survey_answer(client, edition, open_survey):
    survey = open_survey[0]
    cancelled = RegistrationFactory(edition=edition, status=RegistrationStatus.CANCELLED)
    assert client.get(survey_url(cancelled)).status_code == 403
    assert client.get("/registration/not-a-token/survey/").status_code == 404
    service.set_open(survey=survey, is_open=False)
    confirmed = RegistrationFactory(edition=edition)
    assert client.get(survey_url(confirmed)).status_code == 404
    assert survey_url(confirmed) not in client.get(confirmed.get_absolute_url()).content.decode()


def results_queries(client, edition) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("organise:survey-results", kwargs={"edition": edition.slug})).status_code == 200
    return len(queries)


def test_the_results_page_takes_a_fixed_number_of_queries(organiser_of, edition, open_survey):
    survey, scale, choice, text = open_survey
    service.submit_answers(survey=survey, registration=RegistrationFactory(edition=edition), answers={scale: 2})
    few = results_queries(organiser_of, edition)
    for n in range(20):
        answers = {scale: 1 + n % 5, choice: "No", text: f"Comment {n}"}
        service.submit_answers(survey=survey, registration=RegistrationFactory(edition=edition), answers=answers)
    service.add_question(survey=survey, label="Another", kind=QuestionKind.TEXT, options="", required=False)
    assert results_queries(organiser_of, edition) == few <= 14


def test_organisers_see_results_and_a_csv_safe_for_spreadsheets(organiser_of, edition, open_survey):
    survey, scale, choice, text = open_survey
    for number, option, comment in [(5, "Yes", '=HYPERLINK("http://evil")'), (3, "Yes", "Fine"), (4, "No", "")]:
        service.submit_answers(
            survey=survey,
            registration=RegistrationFactory(edition=edition),
            answers={scale: number, choice: option, text: comment},
        )
    page = organiser_of.get(reverse("organise:survey-results", kwargs={"edition": edition.slug})).content.decode()
    assert "3 participants answered." in page
    assert "average 4.00 of 5" in page
    assert "<td>Yes</td><td>2</td>" in page and "<td>Maybe</td><td>0</td>" in page
    assert "Fine" in page

    response = organiser_of.get(reverse("organise:survey-csv", kwargs={"edition": edition.slug}))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][1:] == ["How useful was it?", "Will you come again?", "What should change?"]
    assert rows[1][1:] == ["5", "Yes", '\'=HYPERLINK("http://evil")']
    assert len(rows) == 4
