"""Whole-page caching for public pages, invalidated the moment public content changes.

A cached page is keyed by the content version (one row, bumped by signals on every change to editions,
people, organisations, news and the programme), the interface language, the path and the query string.
Only anonymous-safe GET/HEAD responses with status 200 are cached; pages that carry a CSRF token,
a session or anything personal must not use this decorator.

Two levels, for speed (see `make bench`): the shared cache (Redis in production) holds every page, and each
process keeps the pages it served last in its own memory (`LocalPages`), so a hit on a large page (the
schedule of 400 sessions is ~0.5 MB) does not move it out of Redis and through a Python parser each time.
Both levels use the same key, which contains the content version read from the database on every request,
so a local copy can never outlive a content change. Clearing the shared cache does not reach the processes'
copies: they expire after LOCAL_TTL_SECONDS (tests clear them with `local_pages.clear()`).
"""

import hashlib
import pickle
import threading
import time
from collections import OrderedDict
from functools import wraps

from django.core.cache import cache
from django.db import connection
from django.db.models import F
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

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
    digest = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return f"page:{current_version()}:{get_language()}:{digest}"


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
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = page_key(request)
        blob = local_pages.get(key)
        if blob is not None:
            return pickle.loads(blob)
        response = cache.get(key)
        if response is None:
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and not response.streaming and not response.cookies:
                if hasattr(response, "render") and callable(response.render):
                    response = response.render()
                patch_vary_headers(response, ("Cookie", "Accept-Language"))
                cache.set(key, response, PAGE_TTL_SECONDS)
                local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
        else:
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
        return response

    return wrapper
