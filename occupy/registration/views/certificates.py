"""Certificates of attendance: the participant's PDF, and the public page that verifies a certificate's code."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from occupy.registration.services.certificates import (
    attendance_summary,
    certificate_refusal,
    find_certificate,
    format_minutes,
    issue_certificate,
    normalise_code,
    render_certificate_pdf,
)
from occupy.registration.views.agenda import invalid_link, notice, registration_or_none
from occupy.registration.views.headers import private_page


@private_page
@require_GET
def certificate_pdf(request, token):
    """The certificate, issued (with its code) on the first download once the edition is over."""
    registration = registration_or_none(token)
    if registration is None:
        return invalid_link(request)
    refusal = certificate_refusal(registration)
    if refusal:
        return notice(
            request, title=_("No certificate yet"), message=refusal, status=403, edition=registration.edition
        )
    certificate = issue_certificate(registration)
    certificate.registration = registration
    pdf = render_certificate_pdf(certificate, attendance_summary(registration))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"occupy-library-{registration.edition.slug}-certificate-{certificate.code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def verify_form(request):
    """A form to type a certificate's code (GET, so it needs no token); a valid one leads to /verify/<code>/."""
    raw = request.GET.get("code", "")
    code = normalise_code(raw[:40])
    if code:
        return HttpResponseRedirect(reverse("registration:verify", kwargs={"code": code}))
    error = _("A certificate code has 12 letters and digits, as printed on the certificate.") if raw else ""
    return render(
        request,
        "registration/certificate_verify.html",
        {"certificate": None, "asked": False, "error": error, "code": raw[:40]},
        status=400 if raw else 200,
    )


@private_page  # it shows a person's name: once erased, no cache may keep showing it
@require_GET
def verify(request, code):
    certificate = find_certificate(code[:40])
    if certificate is None:
        return render(
            request,
            "registration/certificate_verify.html",
            {"certificate": None, "asked": True, "code": code[:40]},
            status=404,
        )
    registration = certificate.registration
    context = {
        "certificate": certificate,
        "asked": True,
        "registration": registration,
        "edition": registration.edition,
        "hours": format_minutes(attendance_summary(registration).minutes),
    }
    return render(request, "registration/certificate_verify.html", context)
