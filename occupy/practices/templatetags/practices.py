"""Links of the search page: each keeps the search's other parameters, so every search has a shareable URL."""

from urllib.parse import urlencode

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

FACET_TITLES = {
    "country": _("Country"),
    "sdg": _("Sustainable Development Goal"),
    "theme": _("Theme"),
    "audience": _("Audience"),
    "type": _("Type of library"),
    "edition": _("Edition"),
}
KEPT = ("q", "country", "sdg", "theme", "audience", "type", "edition", "sort")
FACETS = ("country", "sdg", "theme", "audience", "type", "edition")


def _url(request, changes: dict) -> str:
    params = {name: request.GET.get(name, "") for name in KEPT}
    params.update(changes)
    query = urlencode([(name, value) for name, value in params.items() if value])
    return f"{request.path}?{query}" if query else request.path


@register.simple_tag
def facet_title(name):
    return FACET_TITLES.get(name, name)


@register.simple_tag
def search_url(request, name, value):
    """This search with `name` set to `value` (removed when empty), from its first page."""
    return _url(request, {name: str(value)})


@register.simple_tag
def page_url(request, number):
    return _url(request, {"page": str(number)})


@register.simple_tag
def facet_params(request, fixed):
    """The facets this search narrows by (not those the URL's path fixes), for the query form's hidden fields."""
    return [(name, request.GET[name]) for name in FACETS if request.GET.get(name) and name not in fixed]
