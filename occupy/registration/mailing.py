"""Building an e-mail of the outbox: text and HTML, in the recipient's language, from templates.

A participant's e-mail is rendered from templates per kind and its registration; any other e-mail (an account's,
a contribution's) from the `template` its row names, with the plain values saved with it plus the secret links
that the app owning the template makes at sending time (`SECRET_LINKS`), so no token is ever stored in the outbox.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from occupy.editions import sample
from occupy.registration.event_days import event_days
from occupy.registration.invitation import invitation_ics
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


# template → a function of the saved values returning the links with secrets the e-mail carries; apps register
# theirs in AppConfig.ready() (registration never imports the apps above it).
SECRET_LINKS: dict[str, Callable[[dict], dict]] = {}


def register_secret_links(template: str, make_links: Callable[[dict], dict]) -> None:
    SECRET_LINKS[template] = make_links


# template → a function of the saved values returning extra headers (List-Unsubscribe for announcements).
HEADERS: dict[str, Callable[[dict], dict]] = {}


def register_headers(template: str, make_headers: Callable[[dict], dict]) -> None:
    HEADERS[template] = make_headers


def _build_from_template(log: EmailLog) -> EmailMultiAlternatives:
    with translation.override(log.language or settings.LANGUAGE_CODE):
        context = dict(log.context)
        make_links = SECRET_LINKS.get(log.template)
        if make_links is not None:
            context.update(make_links(log.context))
        context.update({"site_url": settings.SITE_URL, "subject": log.subject, "language": log.language})
        text = render_to_string(f"{log.template}.txt", context)
        html = render_to_string(f"{log.template}.html", context)
    make_headers = HEADERS.get(log.template)
    headers = make_headers(log.context) if make_headers is not None else None
    message = EmailMultiAlternatives(subject=log.subject, body=text, to=[log.to], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


# The e-mails that tell a person their place is confirmed carry the event as a calendar invitation.
WITH_INVITATION = (EmailKind.CONFIRMED, EmailKind.PROMOTED)


def _participant_links(registration) -> dict:
    """The links an e-mail offers its participant: the ticket once confirmed, the agenda while registered."""
    token = registration.token
    links = {"edition_url": settings.SITE_URL + registration.edition.get_absolute_url()}
    if registration.status == RegistrationStatus.CONFIRMED:
        links["ticket_url"] = settings.SITE_URL + reverse("registration:ticket", kwargs={"token": token})
    if registration.is_active:
        links["agenda_url"] = settings.SITE_URL + reverse("registration:agenda", kwargs={"token": token})
    return links


def build_message(log: EmailLog) -> EmailMultiAlternatives:
    """The e-mail a log row stands for, rendered now (so a retried confirmation link is fresh)."""
    if log.kind == EmailKind.SCHEDULE:
        from occupy.registration.schedule_mail import build_schedule_message

        return build_schedule_message(log)
    if log.registration_id is None:
        return _build_from_template(log)
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
            "days": event_days(edition),
            "zone": edition.time_zone,
            **_participant_links(registration),
        }
        subject = str(SUBJECTS[log.kind] % {"edition": edition.title})
        if context["sample_notice"]:
            subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
        context["subject"] = subject
        text = render_to_string(f"registration/email/{log.kind}.txt", context)
        html = render_to_string(f"registration/email/{log.kind}.html", context)
        invitation = None
        if log.kind in WITH_INVITATION:
            invitation = invitation_ics(registration, summary=edition.title, location_online=gettext("Online"))
    message = EmailMultiAlternatives(subject=subject, body=text, to=[log.to])
    message.attach_alternative(html, "text/html")
    if invitation is not None:
        message.attach(f"occupy-library-{edition.slug}.ics", invitation, "text/calendar; method=PUBLISH")
    return message
