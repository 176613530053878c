"""Who may do what for an edition: organisers give and take roles (organiser, reviewer, check-in desk)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from occupy.editions.models import Role
from occupy.editions.queries import get_edition_or_404, roles_in_edition
from occupy.editions.roles import MANAGE_EDITION
from occupy.editions.services import RoleRefused, grant_role, revoke_role
from occupy.organise.forms import GiveRoleForm, TakeRoleForm
from occupy.organise.permissions import require_permission
from occupy.registration.views.headers import private_page


def _page(request, edition, form, *, error: str = "", status: int = 200):
    context = {
        "edition": edition,
        "form": form,
        "roles": roles_in_edition(edition),
        "error": error,
        "show_workspace_link": True,  # never cached, so the header may depend on who is signed in
    }
    return render(request, "organise/roles.html", context, status=status)


def _back(edition):
    return HttpResponseRedirect(reverse("organise:roles", kwargs={"edition": edition.slug}), status=303)


@require_permission(MANAGE_EDITION)
@private_page
@require_http_methods(["GET", "POST"])
def roles(request, edition):
    """The edition's roles, and a form to give one to an existing account."""
    edition = get_edition_or_404(edition, published_only=False)
    form = GiveRoleForm(request.POST or None)
    if request.method == "GET":
        return _page(request, edition, GiveRoleForm())
    if form.is_valid():
        role = form.cleaned_data["role"]
        try:
            _held, created = grant_role(edition=edition, user=form.account, role=role)
        except RoleRefused as exc:
            form.add_error(None, str(exc))
        else:
            values = {"email": form.cleaned_data["email"], "role": Role(role).label}
            if created:
                messages.success(request, _("%(email)s now has the role “%(role)s” in this edition.") % values)
            else:
                messages.info(
                    request, _("%(email)s already had the role “%(role)s” in this edition. Nothing changed.") % values
                )
            return _back(edition)
    return _page(request, edition, form, status=400)


@require_permission(MANAGE_EDITION)
@private_page
@require_POST
def take_role(request, edition):
    """Take a role back (a button per role on the list)."""
    edition = get_edition_or_404(edition, published_only=False)
    form = TakeRoleForm(request.POST)
    account = None
    if form.is_valid():
        account = get_user_model().objects.filter(pk=form.cleaned_data["account"]).first()
    if account is None:
        return _page(request, edition, GiveRoleForm(), error=_("This role is not on the list."), status=400)
    role = form.cleaned_data["role"]
    try:
        taken = revoke_role(edition=edition, user=account, role=role)
    except RoleRefused as exc:
        return _page(request, edition, GiveRoleForm(), error=str(exc), status=409)
    if not taken:
        return _page(request, edition, GiveRoleForm(), error=_("This role is not on the list."), status=400)
    messages.success(
        request,
        _("%(account)s no longer has the role “%(role)s” in this edition.")
        % {
            "account": account.email or account.get_username(),
            "role": Role(role).label,
        },
    )
    took_own = account.pk == request.user.pk and role == Role.ORGANISER
    if took_own and not request.user.has_perm(MANAGE_EDITION):  # this page is closed to them now
        return HttpResponseRedirect(reverse("organise:home"), status=303)
    return _back(edition)
