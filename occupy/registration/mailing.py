"""Building a participant's e-mail: text and HTML, in their language, from templates per kind."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from occupy.editions import sample
from occupy.registration.models import EmailKind, EmailLog, RegistrationStatus

SUBJECTS = {
    EmailKind.CONFIRM: _("Please confirm your registration for %(edition)s"),
    EmailKind.EXISTING: _("Your registration for %(edition)s"),
    EmailKind.CONFIRMED: _("You are registered for %(edition)s"),
    EmailKind.WAITLISTED: _("You are on the waiting list for %(edition)s"),
    EmailKind.PROMOTED: _("A live place is yours at %(edition)s"),
    EmailKind.CANCELLED: _("Your registration for %(edition)s is cancelled"),
    EmailKind.SEAT: _("A workshop seat is yours at %(edition)s"),
}


def confirmation_url(registration) -> str:
    from occupy.registration.services.tokens import make_confirmation_token

    path = reverse(
        "registration:confirm",
        kwargs={"edition": registration.edition.slug, "key": make_confirmation_token(registration)},
    )
    return settings.SITE_URL + path


def build_message(log: EmailLog) -> EmailMultiAlternatives:
    """The e-mail a log row stands for, rendered now (so a retried confirmation link is fresh)."""
    if log.kind == EmailKind.SCHEDULE:
        from occupy.registration.schedule_mail import build_schedule_message

        return build_schedule_message(log)
    registration = log.registration
    edition = registration.edition
    with translation.override(registration.language):
        context = {
            "registration": registration,
            "edition": edition,
            "manage_url": settings.SITE_URL + registration.get_absolute_url(),
            "confirm_url": confirmation_url(registration) if registration.status == RegistrationStatus.PENDING else "",
            "confirm_hours": settings.REGISTRATION_CONFIRM_HOURS,
            "site_url": settings.SITE_URL,
            # Empty for a real edition; the templates show it at the top of both parts when set.
            "sample_notice": sample.notice_text() if sample.is_sample(edition, registration) else "",
        }
        subject = str(SUBJECTS[log.kind] % {"edition": edition.title})
        if context["sample_notice"]:
            subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
        context["subject"] = subject
        text = render_to_string(f"registration/email/{log.kind}.txt", context)
        html = render_to_string(f"registration/email/{log.kind}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[log.to])
    message.attach_alternative(html, "text/html")
    return message
