"""The post-event survey: the organisers' questions, opening and closing it, a participant's one answer, results."""

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from occupy.outreach.models import QuestionKind, Survey, SurveyAnswer, SurveyQuestion, SurveyResponse
from occupy.registration.manage_links import register_manage_link as _register
from occupy.registration.models import RegistrationStatus


class AlreadyAnswered(Exception):
    pass


def survey_of(edition) -> Survey:
    survey, _created = Survey.objects.get_or_create(edition=edition)
    return survey


def open_survey_of(edition) -> Survey | None:
    return Survey.objects.filter(edition=edition, is_open=True).first()


def may_answer(registration) -> bool:
    """Confirmed registrations answer the survey (those who took part)."""
    return registration.status == RegistrationStatus.CONFIRMED and registration.erased_at is None


def add_question(*, survey: Survey, label: str, kind: str, options: str, required: bool) -> SurveyQuestion:
    last = survey.questions.order_by("-order").values_list("order", flat=True).first() or 0
    return SurveyQuestion.objects.create(
        survey=survey,
        label=label,
        kind=kind,
        options=options if kind == QuestionKind.CHOICE else "",
        required=required,
        order=last + 1,
    )


def delete_question(*, survey: Survey, question_id: int) -> bool:
    """Remove a question (and its answers); False when it is not one of this survey's."""
    deleted, _detail = SurveyQuestion.objects.filter(survey=survey, pk=question_id).delete()
    return bool(deleted)


def set_open(*, survey: Survey, is_open: bool) -> None:
    now = timezone.now()
    survey.is_open = is_open
    if is_open:
        survey.opened_at = now
    else:
        survey.closed_at = now
    survey.save(update_fields=["is_open", "opened_at", "closed_at"])


def submit_answers(*, survey: Survey, registration, answers: dict) -> SurveyResponse:
    """Save a participant's answers ({question: value}, from a valid form), once: a second time raises
    AlreadyAnswered (a unique constraint decides, so two submissions at once save one)."""
    try:
        with transaction.atomic():
            response = SurveyResponse.objects.create(survey=survey, registration=registration)
            SurveyAnswer.objects.bulk_create(
                [
                    SurveyAnswer(
                        response=response,
                        question=question,
                        number=value if question.kind == QuestionKind.SCALE else None,
                        text="" if question.kind == QuestionKind.SCALE else value,
                    )
                    for question, value in answers.items()
                    if value not in ("", None)
                ]
            )
    except IntegrityError:
        raise AlreadyAnswered from None
    return response


def has_answered(survey: Survey, registration) -> bool:
    return SurveyResponse.objects.filter(survey=survey, registration=registration).exists()


def results(survey: Survey) -> dict:
    """Per question: the number of answers, and the average and count per value (scale), the count per option
    (choice) or the text answers (text). Four queries whatever the number of questions and answers."""
    questions = list(survey.questions.all())
    numbers = {
        row["question"]: row
        for row in SurveyAnswer.objects.filter(question__survey=survey)
        .values("question")
        .annotate(answers=Count("pk"), average=Avg("number"))
    }
    by_value: dict = {}
    for row in (
        SurveyAnswer.objects.filter(
            question__survey=survey, question__kind__in=[QuestionKind.SCALE, QuestionKind.CHOICE]
        )
        .values("question", "number", "text")
        .annotate(n=Count("pk"))
    ):
        key = row["number"] if row["number"] is not None else row["text"]
        by_value.setdefault(row["question"], {})[key] = row["n"]
    texts: dict = {}
    for question_id, text in (
        SurveyAnswer.objects.filter(question__survey=survey, question__kind=QuestionKind.TEXT)
        .order_by("pk")
        .values_list("question", "text")
    ):
        texts.setdefault(question_id, []).append(text)
    rows = []
    for question in questions:
        counts = by_value.get(question.pk, {})
        if question.kind == QuestionKind.SCALE:
            values = [(value, counts.get(value, 0)) for value in range(1, 6)]
        elif question.kind == QuestionKind.CHOICE:
            values = [(option, counts.get(option, 0)) for option in question.option_list]
        else:
            values = []
        summary = numbers.get(question.pk, {})
        rows.append(
            {
                "question": question,
                "answers": summary.get("answers", 0),
                "average": summary.get("average") if question.kind == QuestionKind.SCALE else None,
                "values": values,
                "texts": texts.get(question.pk, []),
            }
        )
    return {"questions": rows, "responses": survey.responses.count()}


def answers_for_export(survey: Survey):
    """Every response with its answers, for the CSV (two queries)."""
    return survey.responses.order_by("created_at", "pk").prefetch_related("answers")


SURVEY_LINK = gettext_lazy("The survey about this edition")


def _survey_link(registration):
    if not may_answer(registration):
        return None
    if not Survey.objects.filter(edition_id=registration.edition_id, is_open=True).exists():
        return None
    return {"label": gettext(SURVEY_LINK), "url": reverse("outreach:survey", kwargs={"token": registration.token})}


def register_manage_link() -> None:
    _register(_survey_link)
