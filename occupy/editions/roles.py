"""Roles per edition and the named permissions each grants: the one table organiser pages are checked against.

An account holds a permission for an edition when a role of that edition grants it, or site-wide (a superuser,
or a permission given to the account or its group in the admin). Staff status alone grants nothing.
"""

from occupy.editions.models import EditionRole, Role

# Every permission an organiser page may require. A new organiser page names one of these (or adds one here).
MANAGE_EDITION = "editions.manage_edition"
VIEW_PARTICIPANTS = "registration.view_participants"
CHECK_IN = "registration.check_in"
PRINT_BADGES = "registration.print_badges"
MANAGE_CALL = "cfp.manage_call"
REVIEW = "cfp.review_submission"
EDIT_SCHEDULE = "programme.edit_schedule"

GRANTS = {
    Role.ORGANISER: frozenset(
        {MANAGE_EDITION, VIEW_PARTICIPANTS, CHECK_IN, PRINT_BADGES, MANAGE_CALL, REVIEW, EDIT_SCHEDULE}
    ),
    Role.REVIEWER: frozenset({REVIEW}),
    # The desk sees names, attendance and check-ins, and registers walk-ins: never the list of e-mail addresses.
    Role.CHECK_IN_DESK: frozenset({CHECK_IN}),
}


def roles_of(user, edition_slug: str) -> set[str]:
    """The roles `user` holds in the edition `edition_slug`. The account's roles in every edition are read at
    the first call (one query) and remembered on the user object for the request, so a page that checks several
    permissions, or several editions (the workspace), asks once."""
    if not user.is_authenticated:
        return set()
    remembered = user.__dict__.get("_edition_roles")
    if remembered is None:
        remembered = user.__dict__["_edition_roles"] = {}
        for slug, role in EditionRole.objects.filter(user=user).values_list("edition__slug", "role"):
            remembered.setdefault(slug, set()).add(role)
    return remembered.get(edition_slug, set())


def holds(user, perm: str, *, edition_slug: str | None = None) -> bool:
    """Whether `user` holds `perm` ("app_label.codename"), for the edition `edition_slug` when given.

    Site-wide permissions (superuser, the account's or its groups') count for every edition; a role counts for its
    own edition only. Without an edition, only site-wide permissions count."""
    if not user.is_active:
        return False
    if user.has_perm(perm):
        return True
    if edition_slug is None:
        return False
    return any(perm in GRANTS[role] for role in roles_of(user, edition_slug))


def has_any_role(user) -> bool:
    """Whether `user` holds a role in some edition."""
    return user.is_authenticated and EditionRole.objects.filter(user=user).exists()
