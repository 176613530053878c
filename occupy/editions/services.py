"""Writes to editions: starting one as a draft, carrying over what the previous edition had, changing its settings,
publishing it, and giving and taking roles.

Saving an edition (or its themes, formats and rooms) bumps the content version through the signals of
`occupy.web.signals`, so the public pages change the moment a service here returns.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, EditionRole, Role, Room, SessionFormat, Theme

# The texts and settings a new edition takes from the one it copies: the organiser's words, the venue, the
# contact, the zone, the mode and the capacity. Never its dates, registration window, stream or figures.
COPIED_TEXTS = (
    "tagline",
    "summary",
    "description",
    "venue_name",
    "venue_address",
    "city",
    "country",
    "contact_name",
    "contact_role",
    "contact_email",
    "time_zone",
    "mode",
    "live_capacity",
)


@transaction.atomic
def create_draft_edition(*, organiser, year: int, slug: str, title: str, start_date, end_date) -> Edition:
    """A new edition, as a draft (no public page shows it), with `organiser` as its organiser.

    Side effects: one Edition and one EditionRole row."""
    edition = Edition.objects.create(
        year=year, slug=slug, title=title, start_date=start_date, end_date=end_date, is_published=False
    )
    grant_role(edition=edition, user=organiser, role=Role.ORGANISER)
    return edition


def copy_texts(*, source: Edition, target: Edition) -> None:
    """Give `target` the texts and settings of `source` named in COPIED_TEXTS. Side effect: saves `target`."""
    for name in COPIED_TEXTS:
        setattr(target, name, getattr(source, name))
    target.save(update_fields=COPIED_TEXTS)


def copy_themes(*, source: Edition, target: Edition) -> int:
    """Copy the themes of `source` (title, slug, description, order) into `target`. Returns how many."""
    themes = [
        Theme(edition=target, title=theme.title, slug=theme.slug, description=theme.description, order=theme.order)
        for theme in source.themes.order_by("order", "pk")
    ]
    return len(Theme.objects.bulk_create(themes))


def copy_formats(*, source: Edition, target: Edition) -> int:
    """Copy the session formats of `source`, with their usual length, into `target`. Returns how many."""
    formats = [
        SessionFormat(
            edition=target,
            name=format.name,
            slug=format.slug,
            description=format.description,
            default_minutes=format.default_minutes,
            is_keynote=format.is_keynote,
            order=format.order,
        )
        for format in source.formats.order_by("order", "pk")
    ]
    return len(SessionFormat.objects.bulk_create(formats))


def copy_rooms(*, source: Edition, target: Edition) -> int:
    """Copy the rooms of `source` (name, slug, kind, capacity, order) into `target`. Returns how many.

    Stream links are not copied: each edition gets its own, and last year's link is private to last year's
    registrants."""
    rooms = [
        Room(edition=target, name=room.name, slug=room.slug, kind=room.kind, capacity=room.capacity, order=room.order)
        for room in source.rooms.order_by("order", "pk")
    ]
    return len(Room.objects.bulk_create(rooms))


@transaction.atomic
def change_settings(*, edition: Edition, fields: list[str]) -> Edition:
    """Save the settings `fields` already set (and validated) on `edition`.

    Side effects: saves the edition; its public pages change at once (content version bumped)."""
    edition.save(update_fields=fields)
    return edition


@transaction.atomic
def set_published(*, edition: Edition, published: bool) -> Edition:
    """Publish `edition` (its pages, feeds and exports become public at once) or take it back to a draft (they
    answer 404 at once). Side effects: saves the edition, which bumps the content version, so no cached page
    keeps showing or hiding it."""
    if edition.is_published != published:
        edition.is_published = published
        edition.save(update_fields=["is_published"])
    return edition


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
