"""The participant's ticket: a PDF with their name, the edition, and a QR code of their check-in code."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from occupy.registration.event_days import event_days
from occupy.registration.models import Registration, RegistrationStatus
from occupy.registration.pdf import qr_data_uri, render_pdf
from occupy.registration.services.checkin import check_in_code, printed_short_code


def ticket_refusal(registration: Registration) -> str:
    """Why `registration` has no ticket (a message for the participant), or "" when it has one."""
    if registration.status == RegistrationStatus.WAITLISTED:
        return str(_("You are on the waiting list for a live place: your ticket comes when a place is yours."))
    if registration.status != RegistrationStatus.CONFIRMED:
        return str(_("Only confirmed registrations have a ticket."))
    return ""


def render_ticket_pdf(registration: Registration) -> bytes:
    """The ticket as PDF bytes (slow: call it for one person at a time), in the participant's language: the
    edition's days with their hours in its time zone, the venue, the QR code and the short code to type."""
    code = check_in_code(registration)
    edition = registration.edition
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return render_pdf(
            "registration/ticket.pdf.html",
            {
                "registration": registration,
                "edition": edition,
                "code": code,
                "short_code": printed_short_code(registration),
                "qr": qr_data_uri(code),
                "days": event_days(edition),
                "zone": edition.time_zone,
            },
        )
