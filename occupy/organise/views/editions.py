"""The workspace's edition pages: a new edition (a draft, optionally copying a previous one), an edition's
settings, and publishing it."""

import copy

from django.contrib import messages
from django.http import HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from occupy.editions import services
from occupy.editions.admin_time import zone_named, zone_note
from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import MANAGE_EDITION
from occupy.organise.edition_forms import EditionSettingsForm, NewEditionForm
from occupy.organise.permissions import require_permission
from occupy.organise.services import start_edition
from occupy.registration.views.headers import private_page

# Site-wide only (a superuser, or given in the admin): no edition exists yet whose role could grant it.
ADD_EDITION = "editions.add_edition"


@private_page
@require_http_methods(["GET", "POST"])
@require_permission(ADD_EDITION)
def new_edition(request):
    form = NewEditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in NewEditionForm.Meta.fields}
        edition = start_edition(organiser=request.user, copy_from=form.cleaned_data["copy_from"], **fields)
        messages.success(request, _("The draft edition is ready. Nobody else sees it until you publish it."))
        return redirect("organise:edition-settings", edition=edition.slug)
    status = 400 if form.errors else 200
    context = {"form": form, "show_workspace_link": True}
    return render(request, "organise/edition_new.html", context, status=status)


@private_page
@require_http_methods(["GET", "POST"])
@require_permission(MANAGE_EDITION)
def edition_settings(request, edition):
    edition = get_edition_or_404(edition, published_only=False)
    # Typed times are read in the zone the form names: a changed zone keeps the clock time typed (see the form).
    zone = zone_named(request.POST.get("time_zone", "")) if request.method == "POST" else None
    zone = zone or edition.tz
    with timezone.override(zone):
        # The form changes its instance as it validates: the page's heading keeps the saved edition.
        form = EditionSettingsForm(request.POST or None, instance=copy.copy(edition), zone=zone)
        if request.method == "POST" and form.is_valid():
            services.change_settings(edition=form.save(commit=False), fields=EditionSettingsForm.Meta.fields)
            messages.success(request, _("The settings are saved."))
            return redirect("organise:edition-settings", edition=edition.slug)
        context = {"edition": edition, "form": form, "zone_note": zone_note(zone), "show_workspace_link": True}
        return render(request, "organise/edition_settings.html", context, status=400 if form.errors else 200)


@private_page
@require_http_methods(["GET", "POST"])
@require_permission(MANAGE_EDITION)
def publish(request, edition):
    """GET: the confirmation (what publishing or unpublishing does); POST `action=publish|unpublish`: do it."""
    edition = get_edition_or_404(edition, published_only=False)
    if request.method == "GET":
        return render(request, "organise/edition_publish.html", {"edition": edition, "show_workspace_link": True})
    action = request.POST.get("action")
    if action not in ("publish", "unpublish"):
        return HttpResponseBadRequest(_("Choose to publish or to unpublish the edition."))
    services.set_published(edition=edition, published=action == "publish")
    if edition.is_published:
        messages.success(request, _("%(title)s is published: visitors see it now.") % {"title": edition.title})
    else:
        messages.success(
            request, _("%(title)s is a draft again: visitors no longer see it.") % {"title": edition.title}
        )
    return redirect("organise:edition-settings", edition=edition.slug)
