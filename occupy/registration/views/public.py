"""The public side of registering: the form, the confirmation link, and asking for the link again."""

from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import RegistrationWindow
from occupy.editions.queries import get_edition_or_404
from occupy.registration.forms import RegistrationForm, ResendForm
from occupy.registration.models import RegistrationStatus
from occupy.registration.queries import questions_for, venue_is_full
from occupy.registration.rules import CLOSED_MESSAGES
from occupy.registration.services import lifecycle
from occupy.registration.services.register import register as register_service
from occupy.registration.services.register import resend as resend_service
from occupy.registration.services.tokens import LinkExpired, LinkInvalid, registration_for_confirmation_token
from occupy.registration.views.headers import private_page
from occupy.web import ratelimit

TOO_MANY = _("Too many attempts. Please wait a while and try again; what you typed is kept below.")


def _too_many(request, form, email_field="email", scope="register") -> bool:
    """Count this attempt against the limits per IP and, when the address is valid, per address."""
    if ratelimit.ip_over_limit(request, scope):
        return True
    email = form.cleaned_data.get(email_field) if form.is_valid() else None
    return bool(email) and ratelimit.address_over_limit(email, scope)


@private_page
def register(request, edition):
    edition = get_edition_or_404(edition)
    window = edition.registration_window()
    if window != RegistrationWindow.OPEN:
        status = 403 if request.method == "POST" else 200
        context = {
            "edition": edition,
            "message": CLOSED_MESSAGES[window],
            "not_yet_open": window == RegistrationWindow.NOT_YET,
        }
        return render(request, "registration/closed.html", context, status=status)
    questions = questions_for(edition)
    # The page is private (never cached), so the "full" label is current whenever the form is shown; a valid
    # sign-up does not need it (confirming decides under the edition's lock), so it is counted only for a form
    # shown.
    if request.method != "POST":
        form = RegistrationForm(edition=edition, questions=questions, venue_full=venue_is_full(edition))
        return render(request, "registration/register.html", {"edition": edition, "form": form})
    form = RegistrationForm(request.POST, edition=edition, questions=questions)
    if _too_many(request, form):
        form.say_venue_full(venue_is_full(edition))
        context = {"edition": edition, "form": form, "limit_message": TOO_MANY}
        return render(request, "registration/register.html", context, status=429)
    if not form.is_valid():
        form.say_venue_full(venue_is_full(edition))
        return render(request, "registration/register.html", {"edition": edition, "form": form}, status=400)
    register_service(edition=edition, data=form.cleaned_data, answers=form.answers(), language=get_language())
    return redirect("registration:sent", edition=edition.slug)


@private_page
def sent(request, edition):
    """The same page whether the address was new, already registered, or unknown (for resend)."""
    edition = get_edition_or_404(edition)
    return render(request, "registration/sent.html", {"edition": edition})


@private_page
def resend(request, edition):
    edition = get_edition_or_404(edition)
    if request.method != "POST":
        return render(request, "registration/resend.html", {"edition": edition, "form": ResendForm()})
    form = ResendForm(request.POST)
    if _too_many(request, form, scope="resend"):
        context = {"edition": edition, "form": form, "limit_message": TOO_MANY}
        return render(request, "registration/resend.html", context, status=429)
    if not form.is_valid():
        return render(request, "registration/resend.html", {"edition": edition, "form": form}, status=400)
    resend_service(edition=edition, email=form.cleaned_data["email"])
    return redirect("registration:sent", edition=edition.slug)


@private_page
def confirm(request, edition, key):
    """The link in the confirmation e-mail. Opening it shows a button, and only the button's POST confirms: mail
    scanners that open every link in a message must not register anyone. Once confirmed, the link only leads
    to the registration."""
    edition = get_edition_or_404(edition)
    try:
        registration = registration_for_confirmation_token(key, edition=edition)
    except LinkExpired:
        return render(request, "registration/link_invalid.html", {"edition": edition, "expired": True}, status=410)
    except LinkInvalid:
        return render(request, "registration/link_invalid.html", {"edition": edition, "expired": False}, status=404)
    if request.method == "POST":
        lifecycle.confirm(registration=registration)
    elif registration.status == RegistrationStatus.PENDING:
        return render(request, "registration/confirm.html", {"registration": registration})
    return redirect(registration)
