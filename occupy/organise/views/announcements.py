"""Announcements: an organiser writes an e-mail to a segment, previews it with the number of recipients, and
sends it as a background job whose progress the page shows ("x of N sent")."""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import SEND_ANNOUNCEMENT
from occupy.organise.permissions import require_permission
from occupy.outreach.forms import AnnouncementForm
from occupy.outreach.models import Announcement, AnnouncementStatus
from occupy.outreach.services import announcements as service
from occupy.registration.views.headers import private_page


def _announcement(edition, pk) -> Announcement:
    announcement = Announcement.objects.filter(edition=edition, pk=pk).first()
    if announcement is None:
        raise Http404
    return announcement


@require_permission(SEND_ANNOUNCEMENT)
@private_page
def announcement_list(request, edition):
    """The edition's announcements, and the form for a new one (saved as a draft, then previewed)."""
    edition = get_edition_or_404(edition, published_only=False)
    status = 200
    if request.method == "POST":
        form = AnnouncementForm(request.POST)
        if form.is_valid():
            announcement = service.save_draft(edition=edition, data=form.cleaned_data, user=request.user)
            return redirect("organise:announcement", edition=edition.slug, announcement=announcement.pk)
        status = 400
    else:
        form = AnnouncementForm(initial={"segment": "confirmed"})
    context = {
        "edition": edition,
        "form": form,
        "announcements": Announcement.objects.filter(edition=edition).only(
            "pk", "subject", "segment", "status", "created_at", "recipients_count", "edition_id"
        ),
        "show_workspace_link": True,
    }
    return render(request, "organise/announcements/list.html", context, status=status)


def _preview(announcement, recipient: dict | None) -> dict:
    """The e-mail as the first recipient will get it (text and the HTML's body), rendered now."""
    language = (recipient or {}).get("language") or "en"
    subject, body = announcement.text_in(language)
    with translation.override(language):
        context = {
            "name": (recipient or {}).get("name", ""),
            "body": body,
            "edition": announcement.edition.title,
            "edition_url": announcement.edition.get_absolute_url(),
            "unsubscribe_url": "#",
            "subject": subject,
            "language": language,
        }
        html = render_to_string("outreach/email/preview.html", context)
        text = render_to_string("outreach/email/announcement.txt", context)
    return {"subject": subject, "html": html, "text": text, "language": language}


def _detail(request, edition, announcement, *, form=None, error: str = "", status: int = 200):
    """A draft: its preview (the e-mail and the number of recipients), the form to change it and the send
    button. Once sending: the progress."""
    context = {"edition": edition, "announcement": announcement, "error": error, "show_workspace_link": True}
    if announcement.status == AnnouncementStatus.DRAFT:
        people = service.recipients_for(
            edition=edition, segment=announcement.segment, country=announcement.country.code or ""
        )
        context.update(
            {
                "form": form or AnnouncementForm(initial=AnnouncementForm.initial_for(announcement)),
                "recipients": len(people),
                "preview": _preview(announcement, people[0] if people else None),
            }
        )
    else:
        context["progress"] = service.progress(announcement)
    return render(request, "organise/announcements/detail.html", context, status=status)


@require_permission(SEND_ANNOUNCEMENT)
@private_page
def announcement(request, edition, announcement):
    edition = get_edition_or_404(edition, published_only=False)
    announcement = _announcement(edition, announcement)
    if request.method == "POST":
        if announcement.status != AnnouncementStatus.DRAFT:
            error = _("This announcement is being sent or was sent: it can no longer change.")
            return _detail(request, edition, announcement, error=error, status=409)
        form = AnnouncementForm(request.POST)
        if not form.is_valid():
            return _detail(request, edition, announcement, form=form, status=400)
        service.save_draft(edition=edition, data=form.cleaned_data, user=request.user, announcement=announcement)
        messages.success(request, _("The announcement is saved; check the preview below."))
        return redirect("organise:announcement", edition=edition.slug, announcement=announcement.pk)
    return _detail(request, edition, announcement)


@require_permission(SEND_ANNOUNCEMENT)
@require_POST
@private_page
def send(request, edition, announcement):
    """Send a draft (its recipients frozen now), or hand a stalled sending to the task again (the remainder)."""
    edition = get_edition_or_404(edition, published_only=False)
    announcement = _announcement(edition, announcement)
    if announcement.status == AnnouncementStatus.SENT:
        messages.info(request, _("This announcement was sent already."))
    else:
        try:
            count = service.start_sending(announcement=announcement)
        except service.AnnouncementError as error:
            return _detail(request, edition, announcement, error=str(error), status=400)
        messages.success(request, _("Sending to %(count)d people started.") % {"count": count})
    return redirect("organise:announcement", edition=edition.slug, announcement=announcement.pk)


@require_permission(SEND_ANNOUNCEMENT)
@require_GET
@private_page
def progress(request, edition, announcement):
    """{"sent", "total", "skipped", "done"} for the page's progress bar (js/announcement-progress.js)."""
    edition = get_edition_or_404(edition, published_only=False)
    announcement = _announcement(edition, announcement)
    data = service.progress(announcement)
    data["url"] = reverse("organise:announcement", kwargs={"edition": edition.slug, "announcement": announcement.pk})
    return JsonResponse(data)
