"""The participant's ticket (PDF with the check-in QR code) and their own "join online" link."""

from django.http import HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from occupy.registration.services.attendance import JoinError, UnknownRoom
from occupy.registration.services.attendance import join_online as record_join
from occupy.registration.services.tickets import render_ticket_pdf, ticket_refusal
from occupy.registration.views.agenda import invalid_link, notice, registration_or_none
from occupy.registration.views.headers import private_page


@private_page
@require_GET
def ticket_pdf(request, token):
    registration = registration_or_none(token)
    if registration is None:
        return invalid_link(request)
    refusal = ticket_refusal(registration)
    if refusal:
        return notice(request, title=_("No ticket yet"), message=refusal, status=403, edition=registration.edition)
    response = HttpResponse(render_ticket_pdf(registration), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="occupy-library-{registration.edition.slug}-ticket.pdf"'
    return response


@private_page
@require_GET
def join_online(request, token):
    """Record that the participant joins and forward them to the stream (of ?room=<slug>, else the edition's).
    The stream address appears only in this response's Location header, for the registration's own token."""
    registration = registration_or_none(token)
    if registration is None:
        return invalid_link(request)
    edition = registration.edition
    try:
        url = record_join(registration, room_slug=request.GET.get("room", "").strip())
    except JoinError as exc:
        status = 404 if isinstance(exc, UnknownRoom) else 403
        return notice(request, title=_("You cannot join online"), message=str(exc), status=status, edition=edition)
    if not url:
        return notice(
            request,
            title=_("The stream is not open yet"),
            message=_(
                "The organisers have not set the stream address yet. Come back to this link when the sessions "
                "begin: it will take you straight to the stream."
            ),
            status=200,
            edition=edition,
        )
    # A 302 to another site: the Location header is the only place the stream's address appears.
    return HttpResponseRedirect(url)
