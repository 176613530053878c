"""Opening and editing an edition's call for contributions (the organisers' call settings)."""

import datetime

from django.db import transaction

from occupy.cfp.models import Call, CallQuestion
from occupy.editions.models import Edition


def save_call(
    *,
    edition: Edition,
    opens_at: datetime.datetime,
    closes_at: datetime.datetime,
    guidance: str,
    themes,
    formats,
    questions: list[dict],
) -> Call:
    """Open (or change) the call of `edition`. `themes` and `formats` are the edition's (none: every one);
    `questions` are the extra questions as {"id" (None for a new one), "label", "help_text", "required",
    "order", "delete"}; a question of another call is ignored.

    Side effects: the Call row, its themes and formats, its questions added, changed or deleted (with their
    answers)."""
    with transaction.atomic():
        call, _created = Call.objects.update_or_create(
            edition=edition, defaults={"opens_at": opens_at, "closes_at": closes_at, "guidance": guidance}
        )
        call.themes.set([theme for theme in themes if theme.edition_id == edition.pk])
        call.formats.set([session_format for session_format in formats if session_format.edition_id == edition.pk])
        existing = {question.pk: question for question in call.questions.all()}
        for row in questions:
            question = existing.get(row.get("id"))
            if row.get("delete"):
                if question is not None:
                    question.delete()
                continue
            if question is None:
                question = CallQuestion(call=call)
            question.label = row["label"]
            question.help_text = row.get("help_text", "")
            question.required = bool(row.get("required"))
            question.order = row.get("order") or 0
            question.save()
    return call
