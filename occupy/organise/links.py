"""The organiser pages the workspace links to, per edition.

A link's permission is read from the view its URL resolves to (the `required_permission` that
`require_permission` sets), so the workspace offers exactly the pages the views will open: the two can never
disagree.
"""

from functools import cache

from django.urls import resolve, reverse
from django.utils.translation import gettext_lazy as _

from occupy.editions.roles import has_any_role
from occupy.organise.permissions import may

# URL name → what the link says. Only the pages an organiser starts from; the CSV, counts and PDFs are reached
# from these.
PAGES = (
    ("organise:registrations", _("Registrations")),
    ("organise:check-in", _("Check-in desk")),
    ("organise:badges-page", _("Badges")),
    ("organise:roles", _("People and roles")),
    ("organise:edition-settings", _("Settings and publishing")),
    ("organise:call", _("Call for contributions")),
    ("organise:review-list", _("My reviews")),
    ("organise:review-ranking", _("Review: ranking and decisions")),
    ("organise:schedule", _("Schedule editor")),
    ("organise:live-streams", _("Streams and recordings")),
    ("organise:live-feedback", _("Feedback and questions")),
    ("organise:dashboard", _("Dashboard")),
    ("organise:announcements", _("Announcements")),
    ("organise:survey", _("Post-event survey")),
)


@cache
def permission_of(url_name: str) -> str:
    """The permission the view behind `url_name` requires (its URLs take the edition's slug)."""
    return resolve(reverse(url_name, kwargs={"edition": "any"})).func.required_permission


def pages_for(user, edition) -> list[dict]:
    """The organiser pages of `edition` that `user` may open, as {"label", "url"}."""
    return [
        {"label": label, "url": reverse(name, kwargs={"edition": edition.slug})}
        for name, label in PAGES
        if may(user, permission_of(name), edition_slug=edition.slug)
    ]


def has_a_role(user) -> bool:
    """Whether `user` may open any organiser page at all: a role in some edition, or a site-wide permission
    (whether there is an edition yet or not)."""
    return has_any_role(user) or any(may(user, permission_of(name)) for name, _label in PAGES)
