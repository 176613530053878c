"""A participant's own data: download it all (JSON), or erase it (anonymise the registration).

Erasure keeps what the figures need and nothing that identifies the person: edition, country, role,
attendance, language, the dates (registered, confirmed, cancelled, erased) and the status, which becomes
cancelled. Name, e-mail, organisation, accessibility needs, answers and the newsletter consent are blanked
or replaced; the tokens are replaced so old links stop working; the e-mail log keeps what was sent, not to
whom. Counts by country, role and attendance of all registrations ever made stay right.
"""

from django.db import models, transaction
from django.utils import timezone

from occupy.registration.models import EmailLog, Registration, RegistrationStatus, new_token
from occupy.registration.services.agenda import release_agenda
from occupy.registration.services.lifecycle import _lock_edition, _lock_registration, _promote_waiting

ERASED_NAME = "—"


def _row(obj: models.Model, skip: set[str]) -> dict:
    return {
        field.name: field.value_from_object(obj)
        for field in obj._meta.concrete_fields
        if field.name not in skip and not field.primary_key
    }


def export_data(*, registration: Registration) -> dict:
    """Everything stored about this registration, including every row that points to it (agenda,
    attendance, certificates, e-mails…), found through the model's relations so nothing is forgotten."""
    data = _row(registration, {"confirmation_key"})
    data["edition"] = {"slug": registration.edition.slug, "title": registration.edition.title}
    data["country"] = str(registration.country.code) if registration.country else ""
    data["answers"] = [
        {"question": answer.question.label, "answer": answer.value}
        for answer in registration.answers.select_related("question")
    ]
    for relation in registration._meta.related_objects:
        name = relation.get_accessor_name()
        if name == "answers" or not relation.one_to_many:
            continue
        rows = getattr(registration, name).all()
        data[name] = [_row(row, {relation.field.name}) for row in rows]
    return data


def erase(*, registration: Registration) -> Registration:
    """Anonymise a registration and cancel it; a live place it held goes to the first person waiting.

    Side effects: the fields listed in this module's docstring; answers deleted; e-mail log addresses
    replaced; e-mail to the promoted person. Holds a row lock on the edition.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        held_live_place = registration.may_attend_live
        now = timezone.now()
        erased_email = f"erased-{registration.pk}@erased.invalid"
        if registration.status != RegistrationStatus.CANCELLED:
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
        registration.name = ERASED_NAME
        registration.email = erased_email
        registration.organisation = ""
        registration.accessibility_needs = ""
        registration.newsletter_consent = False
        registration.waitlisted_at = None
        registration.token = new_token()
        registration.confirmation_key = new_token()
        registration.erased_at = now
        registration.save()
        registration.answers.all().delete()
        release_agenda(registration=registration)  # the agenda says what the person chose: gone too
        EmailLog.objects.filter(registration=registration).update(to=erased_email)
        if held_live_place:
            _promote_waiting(edition)
        return registration
