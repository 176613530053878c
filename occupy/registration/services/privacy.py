"""A participant's own data: download it all (JSON), or erase it (anonymise the registration).

Erasure keeps what the figures need and nothing that identifies the person: edition, country, role,
attendance, language, the dates (registered, confirmed, cancelled, erased) and the status, which becomes
cancelled. Name, e-mail, organisation, accessibility needs, answers and the newsletter consent are blanked
or replaced; the tokens are replaced so old links stop working; the e-mail log keeps what was sent, not to
whom (nor the errors, which can quote the address). Counts by country, role and attendance of all registrations
ever made stay right, and so do the check-in counts: the days attended stay, tied to the anonymous row.
The agenda goes (it says what the person chose), and so does the certificate: it would only vouch for a name
that is no longer there. Badge PDFs that may print the name are deleted; organisers prepare them again. The
admin's history entries of the registration and its rows go too: each names the person.
"""

from django.db import models, transaction
from django.utils import timezone

from occupy.editions import sample
from occupy.registration.models import BadgeBatch, Certificate, EmailLog, Registration, RegistrationStatus, new_token
from occupy.registration.services.agenda import release_agenda
from occupy.registration.services.history import forget_admin_history
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
    edition = registration.edition
    data["edition"] = {"slug": edition.slug, "title": sample.marked(edition.title, edition)}
    data["country"] = str(registration.country.code) if registration.country else ""
    data["answers"] = [
        {"question": answer.question.label, "answer": answer.value}
        for answer in registration.answers.select_related("question")
    ]
    for relation in registration._meta.related_objects:
        name = relation.get_accessor_name()
        if name == "answers":
            continue
        if relation.one_to_one:  # the certificate: one row or none
            row = relation.related_model.objects.filter(**{relation.field.name: registration}).first()
            data[name] = None if row is None else _row(row, {relation.field.name})
        elif relation.one_to_many:
            rows = getattr(registration, name).all()
            data[name] = [_row(row, {relation.field.name}) for row in rows]
    return data


def _discard_badges_that_may_name(registration: Registration) -> None:
    """Delete the edition's badge PDFs made since the registration was confirmed: they may print the name.
    The files go after the commit, so a rolled-back erasure loses nothing."""
    if registration.confirmed_at is None:
        return  # never confirmed: never on a badge
    batches = BadgeBatch.objects.filter(edition_id=registration.edition_id, created_at__gte=registration.confirmed_at)
    for batch in batches:
        if batch.file:
            storage, name = batch.file.storage, batch.file.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    batches.delete()


# Functions (registration, old address, erased address) that apps above registration register in their
# AppConfig.ready() to blank what they keep about a person's address (announcements' recipients), called with
# the row locks held, in the same transaction.
ON_ANONYMISE: list = []


def register_on_anonymise(forget) -> None:
    if forget not in ON_ANONYMISE:
        ON_ANONYMISE.append(forget)


def _anonymise(registration: Registration, *, now, keep_newsletter_address: bool = False) -> None:
    """Blank what identifies the person (this module's docstring), keeping the status. Needs the row locks.
    With keep_newsletter_address, a newsletter subscriber's e-mail address and consent stay (the privacy notice
    keeps them for the newsletter until the person unsubscribes)."""
    forget_admin_history(registration=registration)  # before its rows go: entries are found by their ids
    erased_email = f"erased-{registration.pk}@erased.invalid"
    keep_address = keep_newsletter_address and registration.newsletter_consent
    old_email = registration.email
    registration.name = ERASED_NAME
    registration.email = registration.email if keep_address else erased_email
    registration.organisation = ""
    registration.accessibility_needs = ""
    registration.newsletter_consent = keep_address
    registration.token = new_token()
    registration.confirmation_key = new_token()
    registration.erased_at = now
    registration.save()
    registration.answers.all().delete()
    release_agenda(registration=registration)  # the agenda says what the person chose: gone too
    Certificate.objects.filter(registration=registration).delete()
    _discard_badges_that_may_name(registration)
    EmailLog.objects.filter(registration=registration).update(to=erased_email, error="")
    if not keep_address:
        for forget in ON_ANONYMISE:
            forget(registration, old_email, erased_email)


def erase(*, registration: Registration) -> Registration:
    """The participant's erasure: anonymise a registration and cancel it; a live place it held goes to the first
    person waiting.

    Side effects: the fields listed in this module's docstring; answers, agenda (seats given to those
    waiting), certificate and badge PDFs that may name the person deleted; e-mail log addresses replaced and
    errors blanked; the admin's history of the registration and its rows deleted; e-mail to the promoted person.
    Holds a row lock on the edition.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        held_live_place = registration.may_attend_live
        now = timezone.now()
        if registration.status != RegistrationStatus.CANCELLED:
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
        registration.waitlisted_at = None
        _anonymise(registration, now=now)
        if held_live_place:
            _promote_waiting(edition)
        return registration


def anonymise(*, registration: Registration) -> Registration:
    """Retention's anonymisation, after the edition: what erase() blanks, but the status stays so that the
    edition's counts stay right (no place is freed, nobody is promoted); a newsletter subscriber's address stays.
    Side effects as erase(), without the cancellation. Holds a row lock on the edition."""
    with transaction.atomic():
        _lock_edition(registration.edition_id)  # release_agenda's seat rule runs under the same locks as erase()
        registration = _lock_registration(registration)
        if registration.erased_at is None:
            _anonymise(registration, now=timezone.now(), keep_newsletter_address=True)
        return registration
