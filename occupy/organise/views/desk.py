"""At the check-in desk, with the check-in permission: register a walk-in, move an online registrant to a free
live place. Both go through the registration services (the edition's row lock, the one promotion rule)."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from occupy.editions.queries import get_edition_or_404
from occupy.editions.roles import CHECK_IN
from occupy.organise.forms import MoveToLiveForm, WalkInForm
from occupy.organise.permissions import require_permission
from occupy.organise.views.checkin import desk_page
from occupy.registration.models import AttendanceMode, Registration, RegistrationStatus
from occupy.registration.services.desk import register_walk_in
from occupy.registration.services.lifecycle import TransitionRefused, switch_attendance


def _back(edition):
    return HttpResponseRedirect(reverse("organise:check-in", kwargs={"edition": edition.slug}), status=303)


@require_permission(CHECK_IN)
@never_cache
@require_POST
def walk_in(request, edition):
    """Register someone at the venue: confirmed at once in a free live place, or a message saying why not."""
    edition = get_edition_or_404(edition, published_only=False)
    form = WalkInForm(request.POST)
    if not form.is_valid():
        return desk_page(request, edition, walk_in_form=form, status=400)
    try:
        registration = register_walk_in(
            edition=edition, name=form.cleaned_data["name"], email=form.cleaned_data["email"], language=get_language()
        )
    except TransitionRefused as exc:
        return desk_page(request, edition, error=str(exc), walk_in_form=form, status=409)
    messages.success(
        request,
        _("%(name)s is registered with a live place; their confirmation is on its way. Check them in below.")
        % {"name": registration.name},
    )
    return _back(edition)


@require_permission(CHECK_IN)
@never_cache
@require_POST
def move_to_live(request, edition):
    """Give a confirmed online registrant who came to the venue a free live place (refused when it is full)."""
    edition = get_edition_or_404(edition, published_only=False)
    form = MoveToLiveForm(request.POST)
    registration = None
    if form.is_valid():
        registration = Registration.objects.filter(edition=edition, pk=form.cleaned_data["registration"]).first()
    if registration is None:
        return desk_page(request, edition, error=_("Search for the person by name, then choose them."), status=400)
    if registration.status != RegistrationStatus.CONFIRMED or registration.attendance != AttendanceMode.ONLINE:
        message = _("%(name)s is not a confirmed online participant: nothing to move.") % {"name": registration.name}
        return desk_page(request, edition, error=message, status=409)
    try:
        switch_attendance(registration=registration, attendance=AttendanceMode.LIVE, only_if_free=True)
    except TransitionRefused as exc:
        return desk_page(request, edition, error=str(exc), status=409)
    messages.success(request, _("%(name)s now has a live place. Check them in below.") % {"name": registration.name})
    return _back(edition)
