"""Whole-page caching for public pages, invalidated the moment public content changes.

Views mark their pages with @cached_page; PageCacheMiddleware stores those 200 responses and serves them
again before the session, language, CSRF, auth and messages middleware and the view run. A page is keyed by
the content version (one row, bumped by signals on every change to editions, people, organisations, news and
the programme, read on every request), the interface language, the path and the query parameters the view
reads (each view names them: `@cached_page(params=("theme", "tz"))`). Any other parameter (a cache buster, a
utm_ tag) is removed from the request before the view runs, so `?cb=1` is the same page, under the same key,
as no query at all: junk in the query string cannot fill the cache. Pages that carry a CSRF token, a session
or anything personal must not be marked.

Stored pages carry an ETag, a Last-Modified and `Cache-Control: public, max-age=PUBLIC_MAX_AGE` (a reverse
proxy or a CDN may keep them that long); a conditional request (If-None-Match, If-Modified-Since) that matches
gets a 304 from the stored copy, without the view.

Two levels, for speed (see `make bench`): the shared cache (Redis in production) holds every page, and each
process keeps the pages it served last in its own memory (`LocalPages`), so a hit on a large page (the
schedule of 400 sessions is ~0.4 MB) does not move it out of Redis and through a Python parser each time.
Both levels use the same key, which contains the content version, so a local copy never outlives a content
change; participant figures (registrations do not bump the version) may lag by the TTLs below.
"""

import hashlib
import pickle
import threading
import time
from collections import OrderedDict
from functools import lru_cache, wraps
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from occupy.web.cacheguard import cache_get, cache_set
from occupy.web.models import ContentVersion

# Figures computed from registrations (participants) are allowed to lag this much; nothing else does.
PAGE_TTL_SECONDS = 300


# A process's own copies of pages: kept at most this long, and this many bytes in all (least recently used
# go first). The local lifetime adds to the lag allowed above for registration figures, nothing else.
LOCAL_TTL_SECONDS = 60
LOCAL_MAX_BYTES = 32 * 1024 * 1024

_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = 1"


def current_version() -> int:
    # Plain SQL: this runs on every cached hit, and the ORM's query building cost ten times the query.
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


def bump_version() -> None:
    """Invalidate every cached page (one UPDATE; creates the row the first time)."""
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1)


def page_key(request) -> str:
    # The language as LocaleMiddleware will choose it (cookie, then Accept-Language), read before it runs.
    language = translation.get_language_from_request(request)
    digest = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return f"page:{current_version()}:{language}:{digest}"


class LocalPages:
    """A process's recent pages, pickled (each hit gets its own response object, as from the shared cache),
    bounded in bytes, least recently used first out. Thread-safe (gthread workers, runserver)."""

    def __init__(self, max_bytes: int = LOCAL_MAX_BYTES, ttl: float = LOCAL_TTL_SECONDS):
        self.max_bytes, self.ttl = max_bytes, ttl
        self._entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] < time.monotonic():
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry[1]

    def put(self, key: str, blob: bytes) -> None:
        if len(blob) > self.max_bytes:
            return
        with self._lock:
            if key in self._entries:
                self._remove(key)
            self._entries[key] = (time.monotonic() + self.ttl, blob)
            self._bytes += len(blob)
            while self._bytes > self.max_bytes:
                self._remove(next(iter(self._entries)))

    def __len__(self) -> int:
        return len(self._entries)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _remove(self, key: str) -> None:
        self._bytes -= len(self._entries.pop(key)[1])


local_pages = LocalPages()


def restrict_query(request, params: tuple[str, ...]) -> None:
    """Keep only the query parameters `params` in `request`, in one normal form: sorted, each once with the
    value the view would read (the last one, stripped), empty ones dropped. Idempotent."""
    kept = []
    for name in params:
        value = request.GET.get(name, "").strip()
        if value:
            kept.append((name, value))
    query = urlencode(kept)
    if query != request.META.get("QUERY_STRING", ""):
        request.META["QUERY_STRING"] = query
        request.GET = QueryDict(query)


def cached_page(view=None, *, params: tuple[str, ...] = ()):
    """Mark a view's pages as cacheable: PageCacheMiddleware stores its 200 responses and serves them again.

    `params` names the query parameters the view reads; the view never sees any other, so its page (and the
    links in it, such as the language switch's `next`) is the same with or without them.
    """
    allowed = tuple(sorted(set(params)))

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            restrict_query(request, allowed)
            response = view(request, *args, **kwargs)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
            return response

        wrapper.cached_page = True
        wrapper.cached_page_params = allowed
        return wrapper

    return decorate if view is None else decorate(view)


def cached_view_params(request) -> tuple[str, ...] | None:
    """The query parameters the view of this path reads, or None when its pages are not cached."""
    return _view_params(request.path_info, get_urlconf())


@lru_cache(maxsize=4096)
def _view_params(path: str, urlconf: str | None) -> tuple[str, ...] | None:
    # Resolving a path is the costliest step of serving a stored page (the edition patterns come last), and
    # its answer never changes while the URL configuration does not: remember it for the paths seen last.
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    if not getattr(match.func, "cached_page", False):
        return None
    return getattr(match.func, "cached_page_params", ())


def mark_public(response) -> None:
    """The validators and the shared-cache lifetime of a public page, set once before it is stored so that
    every copy (and every app server's render of the same content) answers conditional requests alike."""
    set_response_etag(response)
    # When this copy was made: a change to public content makes a new copy, so it is never older than its content.
    response["Last-Modified"] = http_date()
    patch_cache_control(response, public=True, max_age=settings.PUBLIC_MAX_AGE)


def conditional(request, response):
    """A 304 instead of `response` when the request's If-None-Match or If-Modified-Since matches it."""
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _storable(response) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


class PageCacheMiddleware:
    """Serves a stored public page before the session, language, CSRF, auth and messages middleware and the
    view run, and stores the pages of views marked with @cached_page once those have run.

    It sits after SecurityMiddleware (HTTPS redirect, security headers), the CSP middleware and WhiteNoise, so
    those still act on every response, stored or not. A stored page holds the headers the inner middleware
    added (Content-Language, Vary, X-Frame-Options). Requests for other views pass through untouched.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        params = cached_view_params(request) if request.method in ("GET", "HEAD") else None
        if params is None:
            return self.get_response(request)
        request.get_host()  # refuse a host outside ALLOWED_HOSTS before serving anything
        restrict_query(request, params)
        key = page_key(request)
        blob = local_pages.get(key)
        if blob is not None:
            return conditional(request, pickle.loads(blob))
        response = cache_get(key)  # None when Redis is down: the page is rendered from the database
        if response is not None:
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
            return conditional(request, response)
        response = self.get_response(request)
        if _storable(response):
            mark_public(response)
            cache_set(key, response, PAGE_TTL_SECONDS)
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
            return conditional(request, response)
        return response
