"""Changes to editions: giving and taking roles."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, EditionRole, Role


class RoleRefused(Exception):
    """A role change the rules do not allow; str(exc) is a message for the organiser."""


def grant_role(*, edition: Edition, user, role: str) -> tuple[EditionRole, bool]:
    """Give `user` the role `role` in `edition`; giving it again changes nothing.

    Returns the role and whether it is new. Raises RoleRefused for an unknown role or an inactive account.
    Side effects: one EditionRole row.
    """
    if role not in Role.values:
        raise RoleRefused(_("Choose one of the roles offered."))
    if not user.is_active:
        raise RoleRefused(_("This account is switched off; it cannot be given a role."))
    with transaction.atomic():
        return EditionRole.objects.get_or_create(edition=edition, user=user, role=role)


def revoke_role(*, edition: Edition, user, role: str) -> bool:
    """Take the role `role` in `edition` from `user`; returns whether they held it.

    The edition's last organiser keeps the role, so that someone may still give roles (a superuser can always
    do it in the admin). Raises RoleRefused. Side effects: one EditionRole row deleted.
    """
    with transaction.atomic():
        organisers = EditionRole.objects.select_for_update().filter(edition=edition, role=Role.ORGANISER)
        if role == Role.ORGANISER and [held.user_id for held in organisers] == [user.pk]:
            raise RoleRefused(_("An edition keeps at least one organiser: give the role to someone else first."))
        deleted, _rows = EditionRole.objects.filter(edition=edition, user=user, role=role).delete()
    return deleted > 0
