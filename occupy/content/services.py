"""Writes of the content app."""

from occupy.content.models import SiteContact


def set_site_contact(*, name: str, role: str = "", email: str = "") -> SiteContact:
    """Make (name, role, e-mail) the site's contact, creating its one row the first time.

    Side effects: the SiteContact row (pk=1) saved; the content version bumped (cached pages refresh).
    Running it again with the same values changes nothing a visitor sees.
    """
    contact, _ = SiteContact.objects.update_or_create(pk=1, defaults={"name": name, "role": role, "email": email})
    return contact
