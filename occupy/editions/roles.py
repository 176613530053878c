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
MANAGE_STREAMS = "live.manage_streams"
MODERATE_QUESTIONS = "live.moderate_questions"
READ_FEEDBACK = "live.read_feedback"
SEND_ANNOUNCEMENT = "outreach.send_announcement"
MANAGE_SURVEY = "outreach.manage_survey"
VIEW_DASHBOARD = "outreach.view_dashboard"
# Site-wide only (a superuser, or given to an account or group in the admin): the good-practice library spans
# every edition, so no edition's role grants it.
MODERATE_PRACTICES = "practices.moderate_practice"

GRANTS = {
    Role.ORGANISER: frozenset(
        {
            MANAGE_EDITION,
            VIEW_PARTICIPANTS,
            CHECK_IN,
            PRINT_BADGES,
            MANAGE_CALL,
            REVIEW,
            EDIT_SCHEDULE,
            MANAGE_STREAMS,
            MODERATE_QUESTIONS,
            READ_FEEDBACK,
            SEND_ANNOUNCEMENT,
            MANAGE_SURVEY,
            VIEW_DASHBOARD,
        }
    ),
    Role.REVIEWER: frozenset({REVIEW}),
    # The desk sees names, attendance and check-ins, and registers walk-ins: never the list of e-mail addresses.
    Role.CHECK_IN_DESK: frozenset({CHECK_IN}),
}


def remember_every_role(user) -> dict[str, set[str]]:
    """Read the roles `user` holds in every edition (one query) and remember them on the user object, so that
    `roles_of` asks nothing more for any edition during the request (a page listing every edition)."""
    if not user.is_authenticated:
        return {}
    if "_edition_roles" not in user.__dict__:
        remembered: dict[str, set[str]] = {}
        for slug, role in EditionRole.objects.filter(user=user).values_list("edition__slug", "role"):
            remembered.setdefault(slug, set()).add(role)
        user.__dict__["_edition_roles"] = remembered
    return user.__dict__["_edition_roles"]


def roles_of(user, edition_slug: str) -> set[str]:
    """The roles `user` holds in the edition `edition_slug` (the account's roles in every edition are read once per
    request, by `remember_every_role`)."""
    return remember_every_role(user).get(edition_slug, set())


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
    return any(remember_every_role(user).values())
