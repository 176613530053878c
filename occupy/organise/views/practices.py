"""The good-practice library in the workspace: proposals to approve or reject, every practice to edit, and an
edition's practice sessions to take in. The library spans editions: one site-wide permission opens all of it."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from occupy.editions.models import Edition
from occupy.editions.roles import MODERATE_PRACTICES
from occupy.organise.permissions import require_permission
from occupy.practices import queries, services
from occupy.practices.enums import Status
from occupy.practices.forms import PracticeForm
from occupy.practices.models import Practice
from occupy.registration.views.headers import private_page


@private_page
@require_permission(MODERATE_PRACTICES)
def practices(request):
    status = request.GET.get("status") or Status.PROPOSED
    if status not in Status.values:
        status = Status.PROPOSED
    context = {
        "practices": queries.practices_for_moderation(status),
        "status": status,
        "statuses": Status.choices,
        "editions": Edition.objects.order_by("-year"),
        "show_workspace_link": True,
    }
    return render(request, "organise/practices.html", context)


@private_page
@require_permission(MODERATE_PRACTICES)
@require_http_methods(["GET", "POST"])
def practice_edit(request, practice):
    practice = get_object_or_404(Practice.objects.prefetch_related("tags"), pk=practice)
    form = PracticeForm(request.POST or None, instance=practice)
    if request.method == "POST" and form.is_valid():
        services.save_practice(practice=form.save(commit=False), **form.tags())
        messages.success(request, _("The practice is saved."))
        return redirect("organise:practice-edit", practice=practice.pk)
    context = {"form": form, "practice": practice, "show_workspace_link": True}
    return render(request, "organise/practice_edit.html", context, status=400 if form.errors else 200)


@private_page
@require_permission(MODERATE_PRACTICES)
@require_POST
def practice_decide(request, practice):
    practice = get_object_or_404(Practice, pk=practice)
    status = request.POST.get("status", "")
    if status not in (Status.APPROVED, Status.REJECTED):
        messages.error(request, _("Choose to approve or to reject the practice."))
        return redirect("organise:practices")
    services.decide(practice=practice, status=status)
    if status == Status.APPROVED:
        messages.success(request, _("“%(title)s” is approved and public.") % {"title": practice.title})
    else:
        messages.success(request, _("“%(title)s” is rejected.") % {"title": practice.title})
    return redirect(f"{reverse('organise:practices')}?status={Status.PROPOSED}")


@private_page
@require_permission(MODERATE_PRACTICES)
@require_POST
def practices_from_edition(request):
    edition = Edition.objects.filter(slug=request.POST.get("edition", "")).first()
    if edition is None:
        messages.error(request, _("Choose an edition."))
        return redirect("organise:practices")
    created, updated = services.take_in_sessions(edition=edition)
    messages.success(
        request,
        _("%(edition)s: %(created)s practices created, %(updated)s updated from its sessions.")
        % {"edition": edition.title, "created": created, "updated": updated},
    )
    return redirect(f"{reverse('organise:practices')}?status={Status.APPROVED}")
