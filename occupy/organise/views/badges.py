"""Name badges for the venue, for organisers: the PDF at once for small editions, made in the background else."""

from django.contrib import messages
from django.http import FileResponse, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from occupy.editions.queries import get_edition_or_404
from occupy.organise.permissions import require_permission
from occupy.registration.models import BadgeBatch, BadgeBatchStatus
from occupy.registration.services.badges import (
    badge_participants,
    inline_limit,
    latest_batch,
    render_badges_pdf,
    request_badges,
)


@require_permission("registration.print_badges")
@never_cache
@require_http_methods(["GET", "POST"])
def badges_page(request, edition):
    """The latest batch: "being prepared" (the page refreshes itself) or a download link; POST starts a batch."""
    edition = get_edition_or_404(edition, published_only=False)
    if request.method == "POST":
        request_badges(edition=edition, by=request.user)
        messages.info(
            request, _("The badges are being prepared. This page shows the download link when they are ready.")
        )
        return HttpResponseRedirect(reverse("organise:badges-page", kwargs={"edition": edition.slug}), status=303)
    batch = latest_batch(edition)
    context = {
        "edition": edition,
        "batch": batch,
        "participants": badge_participants(edition).count(),
        "inline_limit": inline_limit(),
        "show_workspace_link": True,  # a page never cached, so the header may depend on who is signed in
    }
    return render(request, "organise/badges.html", context)


@require_permission("registration.print_badges")
@never_cache
@require_GET
def badges_pdf(request, edition):
    """The badges of every confirmed live participant; large editions are sent to the background page."""
    edition = get_edition_or_404(edition, published_only=False)
    if badge_participants(edition).count() > inline_limit():
        messages.info(request, _("This edition has many participants: prepare the badges in the background."))
        return HttpResponseRedirect(reverse("organise:badges-page", kwargs={"edition": edition.slug}), status=303)
    pdf, _count = render_badges_pdf(edition)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="occupy-library-{edition.slug}-badges.pdf"'
    return response


@require_permission("registration.print_badges")
@never_cache
@require_GET
def badge_batch_pdf(request, edition, batch):
    """A finished batch's file, served only to organisers (it lies under MEDIA_ROOT, never served directly)."""
    edition = get_edition_or_404(edition, published_only=False)
    found = BadgeBatch.objects.filter(edition=edition, pk=batch, status=BadgeBatchStatus.READY).first()
    if found is None or not found.file:
        return render(
            request,
            "registration/agenda_notice.html",
            {"title": _("No such badges file"), "message": _("These badges do not exist or are not ready yet.")},
            status=404,
        )
    return FileResponse(
        found.file.open("rb"),
        content_type="application/pdf",
        filename=f"occupy-library-{edition.slug}-badges.pdf",
    )
