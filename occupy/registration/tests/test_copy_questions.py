"""copy_questions: a new edition asks what the previous one asked, never with its answers."""

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import Answer, Question, QuestionKind
from occupy.registration.services.questions import copy_questions
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("size", [0, 3])
def test_copy_questions_copies_each_question_without_answers(size):
    source, target, other = EditionFactory(), EditionFactory(), EditionFactory()
    Question.objects.create(edition=other, label="Not this one")
    for n in range(size):
        question = Question.objects.create(
            edition=source,
            label=f"Question {n}",
            help_text=f"Help {n}",
            kind=QuestionKind.YES_NO,
            required=n % 2 == 0,
            order=size - n,
        )
        Answer.objects.create(registration=RegistrationFactory(edition=source), question=question, value="yes")

    assert copy_questions(source=source, target=target) == size

    copied = target.registration_questions.order_by("order")
    assert list(copied.values_list("label", "help_text", "kind", "required", "order")) == [
        (f"Question {n}", f"Help {n}", QuestionKind.YES_NO, n % 2 == 0, size - n) for n in reversed(range(size))
    ]
    assert not Answer.objects.filter(question__edition=target).exists()
    assert source.registration_questions.count() == size
