"""Whole-page caching for public pages, invalidated the moment public content changes.

A cached page is keyed by the content version (one row, bumped by signals on every change to editions,
people, organisations, news and the programme), the interface language, the path and the query string.
Only anonymous-safe GET/HEAD responses with status 200 are cached; pages that carry a CSRF token,
a session or anything personal must not use this decorator.
"""

import hashlib
from functools import wraps

from django.core.cache import cache
from django.db.models import F
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from occupy.web.models import ContentVersion

# Figures computed from registrations (participants) are allowed to lag this much; nothing else does.
PAGE_TTL_SECONDS = 300


def current_version() -> int:
    row = ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first()
    return row or 0


def bump_version() -> None:
    """Invalidate every cached page (one UPDATE; creates the row the first time)."""
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1)


def page_key(request) -> str:
    digest = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return f"page:{current_version()}:{get_language()}:{digest}"


def cached_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                patch_vary_headers(response, ("Cookie", "Accept-Language"))
                cache.set(key, response, PAGE_TTL_SECONDS)
        return response

    return wrapper
