"""Workspace actions that span several domain apps; each domain keeps its own rule and is called in order."""

from django.db import transaction

from occupy.editions import services as editions
from occupy.editions.models import Edition
from occupy.registration.services.questions import copy_questions


@transaction.atomic
def start_edition(*, organiser, copy_from: Edition | None = None, **fields) -> Edition:
    """A new draft edition with `organiser` as its organiser (`fields`: year, slug, title, start_date, end_date).

    With `copy_from`, it also takes that edition's texts, themes, formats (with their lengths), rooms and
    registration questions; never its sessions, speakers, registrations or news. All or nothing: one transaction.
    Side effects: the Edition, its EditionRole and the copied rows."""
    edition = editions.create_draft_edition(organiser=organiser, **fields)
    if copy_from is not None:
        editions.copy_texts(source=copy_from, target=edition)
        editions.copy_themes(source=copy_from, target=edition)
        editions.copy_formats(source=copy_from, target=edition)
        editions.copy_rooms(source=copy_from, target=edition)
        copy_questions(source=copy_from, target=edition)
    return edition
