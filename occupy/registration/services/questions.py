"""Writes to the extra questions asked at registration."""

from occupy.editions.models import Edition
from occupy.registration.models import Question


def copy_questions(*, source: Edition, target: Edition) -> int:
    """Copy the registration questions of `source` (label, help, kind, choices, required, order) into `target`,
    never their answers. Returns how many. Side effect: Question rows for `target`."""
    questions = [
        Question(
            edition=target,
            label=question.label,
            help_text=question.help_text,
            kind=question.kind,
            choices=question.choices,
            required=question.required,
            order=question.order,
        )
        for question in source.registration_questions.order_by("order", "pk")
    ]
    return len(Question.objects.bulk_create(questions))
