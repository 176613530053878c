"""`{% edition_jsonld edition %}` and `{% session_jsonld session %}`: schema.org Event JSON-LD for a page's
<head>. They reuse what the page has already loaded, so they add no query to it."""

from django import template

from occupy.content.models import PartnerRole
from occupy.programme.exports import jsonld, queries

register = template.Library()


def _organiser(partner_groups):
    for _label, partners in partner_groups or ():
        for partner in partners:
            if partner.role == PartnerRole.ORGANISER:
                return partner.organisation
    return None


@register.simple_tag
def edition_jsonld(edition, performers=(), partner_groups=None):
    """`partner_groups` as `content.queries.partners_by_role` returns them; without them the organiser is
    looked up (one query)."""
    organiser = _organiser(partner_groups) if partner_groups is not None else queries.edition_organiser(edition)
    return jsonld.edition_jsonld(edition, organiser=organiser, performers=performers)


@register.simple_tag
def session_jsonld(session):
    return jsonld.session_jsonld(session)
