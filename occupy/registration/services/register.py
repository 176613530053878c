"""Registering, asking for the link again, and editing one's details."""

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils import timezone

from occupy.editions.models import Edition
from occupy.registration.models import Answer, EmailKind, Question, Registration, RegistrationStatus
from occupy.registration.services.mail import queue_email

DETAIL_FIELDS = ("name", "country", "organisation", "role", "accessibility_needs", "newsletter_consent")


def find_registration(*, edition: Edition, email: str) -> Registration | None:
    """The registration of this address for this edition, compared without case (uses the unique index)."""
    return (
        Registration.objects.alias(email_lower=Lower("email"))
        .filter(edition=edition, email_lower=email.strip().lower())
        .first()
    )


def _tell_existing(registration: Registration) -> None:
    """Someone registered again with a registered address: the address's owner gets their link by e-mail."""
    if registration.erased_at is None:
        queue_email(registration, EmailKind.EXISTING)


def _save_answers(registration: Registration, answers: dict[Question, str]) -> None:
    registration.answers.exclude(question__in=list(answers)).delete()
    for question, value in answers.items():
        Answer.objects.update_or_create(registration=registration, question=question, defaults={"value": value})


def register(*, edition: Edition, data: dict, answers: dict[Question, str], language: str) -> Registration:
    """Register an e-mail address for an edition (pending until the address is confirmed).

    An address already registered (in any case) gets its existing link by e-mail instead, and the caller
    cannot tell the two apart: the same object type comes back and the caller shows the same page.
    Side effects: a Registration and its answers; an e-mail (confirm, or existing).
    """
    # The insert comes first: the unique constraint on (lower(email), edition) finds an address registered
    # already (or by a concurrent request a moment ago) without a look-up on every new registration.
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                edition=edition,
                email=data["email"].strip(),
                attendance=data["attendance"],
                language=language,
                privacy_consent_at=timezone.now(),
                **{field: data[field] for field in DETAIL_FIELDS},
            )
            Answer.objects.bulk_create(
                Answer(registration=registration, question=question, value=value)
                for question, value in answers.items()
            )
            queue_email(registration, EmailKind.CONFIRM)
    except IntegrityError:
        # The address is registered already (in any case): the unique constraint refused the second row.
        existing = find_registration(edition=edition, email=data["email"])
        if existing is None:
            raise
        _tell_existing(existing)
        return existing
    return registration


def resend(*, edition: Edition, email: str) -> None:
    """Send the link again: the confirmation link while pending, otherwise the manage link.

    Unknown addresses get nothing, and the caller shows the same page either way.
    """
    registration = find_registration(edition=edition, email=email)
    if registration is None or registration.erased_at:
        return
    with transaction.atomic():
        if registration.status == RegistrationStatus.PENDING:
            queue_email(registration, EmailKind.CONFIRM)
        else:
            queue_email(registration, EmailKind.EXISTING)


def update_details(*, registration: Registration, data: dict, answers: dict[Question, str]) -> Registration:
    """Change what a participant may change themselves (not the e-mail address, nor the attendance).

    Raises ValueError for a cancelled registration (the manage page offers no form then).
    """
    if not registration.is_editable:
        raise ValueError("A cancelled registration cannot be edited.")
    with transaction.atomic():
        for field in DETAIL_FIELDS:
            setattr(registration, field, data[field])
        registration.save(update_fields=list(DETAIL_FIELDS))
        _save_answers(registration, answers)
    return registration
