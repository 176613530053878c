"""Whole-page caching for public pages, invalidated the moment public content changes.

Views mark their pages with @cached_page; PageCacheMiddleware stores those 200 responses and serves them
again before the session, language, CSRF, auth and messages middleware and the view run. A page is keyed by
the content version (one row, bumped by signals on every change to editions, people, organisations, news and
the programme, read on every request), the interface language, the path and the query string. Pages that
carry a CSRF token, a session or anything personal must not be marked.

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
from functools import wraps

from django.db import connection
from django.db.models import F
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_vary_headers

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

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _remove(self, key: str) -> None:
        self._bytes -= len(self._entries.pop(key)[1])


local_pages = LocalPages()


def cached_page(view):
    """Mark a view's pages as cacheable: PageCacheMiddleware stores its 200 responses and serves them again."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    wrapper.cached_page = True
    return wrapper


def _is_cached_view(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return getattr(match.func, "cached_page", False)


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
        if request.method not in ("GET", "HEAD") or not _is_cached_view(request):
            return self.get_response(request)
        request.get_host()  # refuse a host outside ALLOWED_HOSTS before serving anything
        key = page_key(request)
        blob = local_pages.get(key)
        if blob is not None:
            return pickle.loads(blob)
        response = cache_get(key)  # None when Redis is down: the page is rendered from the database
        if response is not None:
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
            return response
        response = self.get_response(request)
        if _storable(response):
            cache_set(key, response, PAGE_TTL_SECONDS)
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
        return response
