"""Whole-page caching for public pages, invalidated the moment public content changes.

Views mark their pages with @cached_page; PageCacheMiddleware stores those 200 responses and serves them
again before the session, language, CSRF, auth and messages middleware and the view run. A page is keyed by
the versions of what it shows (read in one query on every request; bumped by signals, occupy/web/signals.py):
the site's (ContentVersion: editions themselves, people, organisations) and, for a page under /<edition>/,
that edition's own content (its programme, rooms, themes, formats, partners, call), or for any other page,
every edition's and the news (ScopeVersion). So an edit to a 2022 session leaves 2020's pages and the news
cached, and a news post leaves every schedule cached. Then the interface language, the path and the query
parameters the view reads (each view names them: `@cached_page(params=("theme", "tz"))`). Any other
parameter (a cache buster, a utm_ tag) is removed from the request before the view runs, so `?cb=1` is the
same page, under the same key, as no query at all: junk in the query string cannot fill the cache. Pages
that carry a CSRF token, a session or anything personal must not be marked.

Stored pages carry an ETag, a Last-Modified and `Cache-Control: public, max-age=PUBLIC_MAX_AGE,
stale-while-revalidate=PUBLIC_STALE_WHILE_REVALIDATE` (a browser, a reverse proxy or a CDN may keep them that
long, then use them while it revalidates; the shipped nginx configuration keeps them one second); a
conditional request (If-None-Match, If-Modified-Since) that matches gets a 304 from the stored copy, without
the view.

Compressed once: a page is compressed with brotli and gzip when it is stored (pages, feeds, JSON, XML and
iCalendar exports), the variants are kept with it, and each request gets the one its Accept-Encoding asks for
(brotli first), with `Vary: Accept-Encoding` and an ETag of its own (`"…-br"`, `"…-gzip"`).

No stampede: when a page's key misses (content changed), the first request takes a short lock in the shared
cache (add(), RENDER_LOCK_SECONDS) and renders it; the others, in every process, get the previous copy (the
key of the last copy stored at each address is kept under `latest_key`) until the new one is stored, so one
render, not one per concurrent request, and no copy older than the lock's lifetime after the change. With
the cache unreachable there is no lock and no previous copy: every request renders, none fails.

Two levels, for speed (see `make bench`): the shared cache (Redis in production) holds every page, and each
process keeps the pages it served last in its own memory (`LocalPages`), so a hit on a large page (the
schedule of 400 sessions is ~0.4 MB) does not move it out of Redis and through a Python parser each time.
Both levels use the same key, which contains the content versions, so a local copy never outlives a content
change; participant figures (registrations do not bump the version) may lag by the TTLs below.
"""

import gzip
import hashlib
import pickle
import re
import threading
import time
from collections import OrderedDict
from functools import lru_cache, wraps
from urllib.parse import urlencode

import brotli
from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.db.models import F
from django.http import QueryDict
from django.urls import Resolver404, get_urlconf, resolve
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date, parse_http_date_safe

from occupy.web.cacheguard import cache_add, cache_delete, cache_get, cache_set
from occupy.web.models import ContentVersion, ScopeVersion

# Figures computed from registrations (participants) are allowed to lag this much; nothing else does.
PAGE_TTL_SECONDS = 300


# While one request renders a page after a change, the others get the previous copy for at most this long
# (then one of them renders it too): the bound on how stale a page is after an edit (issue 10: 2 s).
RENDER_LOCK_SECONDS = 2


# A process's own copies of pages: kept at most this long, and this many bytes in all (least recently used
# go first). The local lifetime adds to the lag allowed above for registration figures, nothing else.
LOCAL_TTL_SECONDS = 60
LOCAL_MAX_BYTES = 32 * 1024 * 1024

# Scopes (see ScopeVersion): a page under /<edition>/ shows that edition's own content; any other page (home,
# news, a person across editions) may show every edition's and the news.
NEWS_SCOPE = "news"
EDITIONS_SCOPE = "editions"
SITE_WIDE_SCOPES = (NEWS_SCOPE, EDITIONS_SCOPE)


def edition_scope(slug: str) -> str:
    return f"edition:{slug}"


def page_scopes(edition_slug: str | None) -> tuple[str, ...]:
    return (edition_scope(edition_slug),) if edition_slug else SITE_WIDE_SCOPES


_VERSION_SQL = f"SELECT version FROM {ContentVersion._meta.db_table} WHERE id = 1"
_SCOPES_SQL = (
    f"SELECT '', version FROM {ContentVersion._meta.db_table} WHERE id = 1 "
    f"UNION ALL SELECT scope, version FROM {ScopeVersion._meta.db_table} WHERE scope IN (%s, %s)"
)
_BUMP_SCOPE_SQL = (
    f"INSERT INTO {ScopeVersion._meta.db_table} (scope, version) VALUES (%s, 2) ON CONFLICT (scope) "
    f"DO UPDATE SET version = {ScopeVersion._meta.db_table}.version + 1"
)


def current_version() -> int:
    """The version of the content every page shows (ContentVersion)."""
    with connection.cursor() as cursor:
        cursor.execute(_VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else 0


def scope_versions(scopes: tuple[str, ...]) -> str:
    """The site's version and those of `scopes` (one or two), as one key part: "12.3.1". One query: this runs
    on every cached hit, in plain SQL (the ORM's query building cost ten times the query)."""
    with connection.cursor() as cursor:
        cursor.execute(_SCOPES_SQL, (scopes[0], scopes[-1]))
        found = dict(cursor.fetchall())
    return ".".join(str(found.get(scope, 1)) for scope in ("", *scopes))


def bump_version() -> None:
    """Invalidate every cached page (one UPDATE; creates the row the first time)."""
    if not ContentVersion.objects.filter(pk=1).update(version=F("version") + 1):
        ContentVersion.objects.get_or_create(pk=1)


def bump_scopes(*scopes: str) -> None:
    """Invalidate the cached pages that show `scopes` (one upsert each; a scope starts at 1)."""
    with connection.cursor() as cursor:
        for scope in scopes:
            cursor.execute(_BUMP_SCOPE_SQL, (scope,))


def _address(request) -> str:
    # The language as LocaleMiddleware will choose it (cookie, then Accept-Language), read before it runs.
    language = translation.get_language_from_request(request)
    digest = hashlib.sha1(request.get_full_path().encode()).hexdigest()
    return f"{language}:{digest}"


def page_key(request) -> str:
    """The key of the page at this address and these content versions."""
    view = _cached_view(request.path_info, get_urlconf())
    edition_slug = view[1] if view else None
    return f"page:{scope_versions(page_scopes(edition_slug))}:{_address(request)}"


def latest_key(request) -> str:
    """Where the key of the last copy stored of the page at this address is kept, whatever its versions."""
    return f"page-latest:{_address(request)}"


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


def cached_view(request) -> tuple[tuple[str, ...], str | None] | None:
    """The query parameters the view of this path reads and the edition it is under (its `edition` argument,
    None for pages outside an edition), or None when its pages are not cached."""
    return _cached_view(request.path_info, get_urlconf())


@lru_cache(maxsize=4096)
def _cached_view(path: str, urlconf: str | None) -> tuple[tuple[str, ...], str | None] | None:
    # Resolving a path is the costliest step of serving a stored page (the edition patterns come last), and
    # its answer never changes while the URL configuration does not: remember it for the paths seen last.
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    if not getattr(match.func, "cached_page", False):
        return None
    return getattr(match.func, "cached_page_params", ()), match.kwargs.get("edition")


def mark_public(response) -> None:
    """The validators and the shared-cache lifetime of a public page, set once before it is stored so that
    every copy (and every app server's render of the same content) answers conditional requests alike."""
    set_response_etag(response)
    # When this copy was made: a change to public content makes a new copy, so it is never older than its content.
    response["Last-Modified"] = http_date()
    patch_cache_control(
        response,
        public=True,
        max_age=settings.PUBLIC_MAX_AGE,
        stale_while_revalidate=settings.PUBLIC_STALE_WHILE_REVALIDATE,
    )


# What is worth compressing: pages, feeds and exports (JSON, XML, iCalendar), not images or PDFs.
COMPRESSIBLE_TYPES = re.compile(r"^(text/|application/(json|xml|[a-z.+-]+\+xml)\b)")
MIN_COMPRESSED_BYTES = 256
# Fast settings, since a cache miss pays for them: on the 445 KB schedule.xml brotli 4 takes ~4.5 ms → 44 KB
# (5: ~8.5 ms → 42 KB) and gzip 3 ~3.3 ms → 65 KB (6: ~6.6 ms → 58 KB) of CPU on this machine; the work is done
# once, when a page is stored, and every copy served afterwards is one of these.
BROTLI_QUALITY = 4
GZIP_LEVEL = 3


def add_compressed_variants(response) -> None:
    """Compress a page about to be stored, once, with brotli and gzip; the variants travel with the stored copy
    (response.encodings) and `negotiate` gives each client the one it accepts."""
    content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    content = response.content
    if response.has_header("Content-Encoding") or len(content) < MIN_COMPRESSED_BYTES:
        return
    if not COMPRESSIBLE_TYPES.match(content_type):
        return
    response.encodings = {
        "br": brotli.compress(content, quality=BROTLI_QUALITY),
        "gzip": gzip.compress(content, compresslevel=GZIP_LEVEL, mtime=0),
    }
    patch_vary_headers(response, ("Accept-Encoding",))


def accepted_encoding(header: str, offered) -> str | None:
    """The encoding to send among `offered` (in order of preference) given an Accept-Encoding header: the first
    offered one the client accepts with a q above 0 ("*" accepts any not named), else None (identity)."""
    accepted, wildcard = {}, None
    for item in header.lower().split(","):
        name, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if name == "*":
            wildcard = quality
        elif name:
            accepted[name] = quality
    for encoding in offered:
        quality = accepted.get(encoding, wildcard)
        if quality:
            return encoding
    return None


def negotiate(request, response):
    """`response` (a fresh copy of a stored page) as the variant the client accepts, with its own ETag."""
    encodings = getattr(response, "encodings", None)
    if not encodings:
        return response
    encoding = accepted_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""), encodings)
    if encoding is None:
        return response
    response.content = encodings[encoding]
    response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
    if etag := response.get("ETag"):
        # Each variant is a different representation: its own validator (RFC 9110 8.8.3).
        response["ETag"] = f'{etag[:-1]}-{encoding}"' if etag.endswith('"') else etag
    return response


def conditional(request, response):
    """The variant of `response` the client accepts, or a 304 instead when the request's If-None-Match or
    If-Modified-Since matches it."""
    response = negotiate(request, response)
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
        if not settings.PAGE_CACHE:
            raise MiddlewareNotUsed("PAGE_CACHE is off: every public page is rendered")
        self.get_response = get_response

    def __call__(self, request):
        view = cached_view(request) if request.method in ("GET", "HEAD") else None
        if view is None:
            return self.get_response(request)
        params, _edition = view
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
        latest = latest_key(request)
        lock = f"render-lock:{key}"
        if not cache_add(lock, 1, RENDER_LOCK_SECONDS):
            # Another request (in any process) is rendering this page after a change: the previous copy, if
            # there is one, rather than one more render of the same page.
            stale = _stored_copy(cache_get(latest))
            if stale is not None:
                return conditional(request, stale)
        response = self.get_response(request)
        if _storable(response):
            mark_public(response)
            add_compressed_variants(response)
            cache_set(key, response, PAGE_TTL_SECONDS)
            cache_set(latest, key, PAGE_TTL_SECONDS)
            local_pages.put(key, pickle.dumps(response, pickle.HIGHEST_PROTOCOL))
            cache_delete(lock)
            return conditional(request, response)
        cache_delete(lock)
        return response


def _stored_copy(key: str | None):
    """The page stored under `key`, from this process's copies or the shared cache; None if gone."""
    if not key:
        return None
    blob = local_pages.get(key)
    return pickle.loads(blob) if blob is not None else cache_get(key)
