"""Telling people that the published schedule moved or cancelled their sessions: the speakers of those
sessions and the participants who have them in their agenda, each once per publication, in their language."""

from django.conf import settings
from django.db.models.functions import Lower

from occupy.programme.models import ChangeKind, ScheduleVersion, SessionSpeaker
from occupy.registration.models import AgendaItem, EmailKind, Registration, RegistrationStatus
from occupy.registration.services.mail import queue_email

SITE_LANGUAGES = {code for code, _name in settings.LANGUAGES}


def notify_schedule_changes(*, version: ScheduleVersion) -> int:
    """Queue one notice per person whose sessions `version` moved or cancelled; return how many.

    Speakers (by their Person's e-mail) come first; a participant whose address already gets a speaker's
    notice gets no second one. A speaker is written to in the language of their registration for the
    edition, else of their session when the site speaks it, else the site's default.
    Side effects: EmailLog rows (kind SCHEDULE), delivered after the caller's transaction commits (four
    queries, plus one insert per notice)."""
    changes = list(
        version.changes.filter(kind__in=[ChangeKind.MOVED, ChangeKind.CANCELLED]).values_list("session_id", flat=True)
    )
    if not changes:
        return 0
    speakers = list(
        SessionSpeaker.objects.filter(session__in=changes)
        .exclude(person__email="")
        .select_related("person", "session")
        .order_by("person_id", "session__starts_at")
    )
    registrations = {
        registration.email_lower: registration
        for registration in Registration.objects.filter(
            edition=version.edition_id, status=RegistrationStatus.CONFIRMED
        )
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in={speaker.person.email.lower() for speaker in speakers})
    }
    written_to = set()
    for speaker in speakers:
        address = speaker.person.email.lower()
        if address in written_to:
            continue
        written_to.add(address)
        registration = registrations.get(address)
        language = registration.language if registration else speaker.session.language
        queue_email(
            None,
            EmailKind.SCHEDULE,
            to=speaker.person.email,
            person=speaker.person,
            schedule_version=version,
            language=language if language in SITE_LANGUAGES else settings.LANGUAGE_CODE,
        )
    participants = (
        Registration.objects.filter(
            agenda_items__in=AgendaItem.objects.filter(session__in=changes),
            status=RegistrationStatus.CONFIRMED,
            erased_at__isnull=True,
        )
        .distinct()
        .order_by("pk")
    )
    for registration in participants:
        if registration.email.lower() in written_to:
            continue
        written_to.add(registration.email.lower())
        queue_email(registration, EmailKind.SCHEDULE, schedule_version=version, language=registration.language)
    return len(written_to)
