"""The notice a published schedule change sends: to each speaker of a session that moved or was cancelled,
and to each participant who has such a session in their agenda, in their language, listing only their
sessions. Built when sent, from the version's changes (see registration.services.schedule_notices)."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from occupy.editions import sample
from occupy.programme.models import ChangeKind, ScheduleChange

SUBJECT = _("The schedule of %(edition)s changed for your sessions")


def _changes_for(log):
    changes = ScheduleChange.objects.filter(
        version=log.schedule_version, kind__in=[ChangeKind.MOVED, ChangeKind.CANCELLED]
    ).select_related("session", "old_room", "new_room")
    if log.person_id:
        changes = changes.filter(session__session_speakers__person=log.person_id)
    else:
        changes = changes.filter(session__agenda_items__registration=log.registration_id)
    return list(changes.distinct().order_by("old_starts_at", "id"))


def build_schedule_message(log) -> EmailMultiAlternatives:
    version = log.schedule_version
    edition = version.edition
    recipient = log.person if log.person_id else log.registration
    language = log.language or getattr(recipient, "language", "") or settings.LANGUAGE_CODE
    with translation.override(language), timezone.override(edition.tz):
        context = {
            "name": recipient.name,
            "edition": edition,
            "changes": _changes_for(log),
            "language": language,
            "zone": edition.time_zone,
            "site_url": settings.SITE_URL,
            "schedule_url": settings.SITE_URL + reverse("programme:schedule", kwargs={"edition": edition.slug}),
            "changes_url": settings.SITE_URL + reverse("programme:changes", kwargs={"edition": edition.slug}),
            "agenda_url": (
                settings.SITE_URL + reverse("registration:agenda", kwargs={"token": log.registration.token})
                if log.registration_id and not log.person_id
                else ""
            ),
            "manage_url": settings.SITE_URL + log.registration.get_absolute_url() if not log.person_id else "",
            "sample_notice": sample.notice_text() if sample.is_sample(edition, recipient) else "",
        }
        subject = str(SUBJECT % {"edition": edition.title})
        if context["sample_notice"]:
            subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
        context["subject"] = subject
        text = render_to_string("registration/email/schedule.txt", context)
        html = render_to_string("registration/email/schedule.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[log.to])
    message.attach_alternative(html, "text/html")
    return message
