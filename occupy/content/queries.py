"""Reads for the organiser, partner and news pages, each declaring what it loads."""

from django.http import Http404
from django.utils.translation import gettext as _

from occupy.content.models import EditionPartner, NewsPost, Organisation, PartnerRole, Project, SiteContact
from occupy.editions.models import Edition, published_through

SAFE_LINK_SCHEMES = ("https://", "http://", "mailto:")


def partners_by_role(edition: Edition) -> list[tuple[str, list[EditionPartner]]]:
    """The edition's organisations grouped by role, in the order the roles are declared (one query).

    Returns [(role label, [EditionPartner with its organisation]), …], leaving out roles nobody holds.
    """
    partners = (
        EditionPartner.objects.filter(edition=edition)
        .select_related("organisation")
        .order_by("order", "organisation__name")
    )
    grouped = {role: [] for role in PartnerRole.values}
    for partner in partners:
        grouped[partner.role].append(partner)
    return [(PartnerRole(role).label, items) for role, items in grouped.items() if items]


def organiser_of(edition: Edition | None) -> Organisation | None:
    """The organisation with the organiser role in this edition, or in the latest edition that names one."""
    organisers = Organisation.objects.filter(edition_roles__role=PartnerRole.ORGANISER)
    if edition is not None:
        found = organisers.filter(edition_roles__edition=edition).order_by("edition_roles__order").first()
        if found is not None:
            return found
    return (
        organisers.filter(published_through("edition_roles__edition"))
        .order_by("-edition_roles__edition__year")
        .first()
    )


def site_contact() -> SiteContact | None:
    """The site's contact (one query), or None while nobody has been named."""
    contact = SiteContact.objects.filter(pk=1).first()
    return contact if contact is not None and contact.is_set else None


def organiser_projects(organisation: Organisation) -> list[Project]:
    return list(organisation.projects.order_by("order", "title"))


def published_news() -> list[NewsPost]:
    """Published posts, newest first, with their edition (one query)."""
    return list(NewsPost.objects.published().select_related("edition").order_by("-published_at"))


def latest_news(limit: int = 3) -> list[NewsPost]:
    return list(NewsPost.objects.published().select_related("edition").order_by("-published_at")[:limit])


def get_published_post(slug: str) -> NewsPost:
    """A published post by its slug; 404 for an unknown or not-yet-published one."""
    post = NewsPost.objects.published().select_related("edition").filter(slug=slug).first()
    if post is None:
        raise Http404(_("There is no news post “%(slug)s”.") % {"slug": slug})
    return post


def post_links(post: NewsPost) -> list[dict[str, str]]:
    """The post's links that are safe to show as links: web or mail addresses with a title (or the address)."""
    links = []
    for link in post.links if isinstance(post.links, list) else []:
        if not isinstance(link, dict):
            continue
        url = str(link.get("url", "")).strip()
        if url.lower().startswith(SAFE_LINK_SCHEMES):
            links.append({"url": url, "title": str(link.get("title") or url)})
    return links
