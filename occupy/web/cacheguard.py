"""The shared cache accelerates, never decides: every call to it goes through here and survives its failure.

With Redis down (refused, timing out, erroring), a call logs one line at WARNING and answers as a miss (a
get returns None, a write does nothing), so pages are rendered from the database and rate limits fail open.
After a failure the cache is left alone for CACHE_RETRY_AFTER_SECONDS in this process, so a Redis that hangs
costs one timeout per process per pause rather than one per request, and the log gets a line per pause
rather than per request. The first call after the pause tries Redis again: recovery needs no restart.
"""

import logging
import threading
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


class _Breaker:
    """When this process last saw the cache fail (thread-safe; one per process)."""

    def __init__(self):
        self._until = 0.0
        self._lock = threading.Lock()

    def is_open(self) -> bool:
        return time.monotonic() < self._until

    def trip(self, operation: str, exc: Exception) -> None:
        with self._lock:
            if self.is_open():  # another thread already logged this outage
                return
            self._until = time.monotonic() + getattr(settings, "CACHE_RETRY_AFTER_SECONDS", 5)
        # The type and message only: Redis errors name the host and port, never the password of the URL.
        logger.warning("Cache %s failed, going on without the cache: %s: %s", operation, type(exc).__name__, exc)

    def reset(self) -> None:
        self._until = 0.0


breaker = _Breaker()


def _call(operation: str, default, function, *args, **kwargs):
    if breaker.is_open():
        return default
    try:
        return function(*args, **kwargs)
    except Exception as exc:  # any backend error: the cache must never fail a request
        breaker.trip(operation, exc)
        return default


def cache_get(key: str):
    """The cached value, or None when it is missing or the cache is unreachable."""
    return _call("get", None, cache.get, key)


def cache_set(key: str, value, timeout: int) -> None:
    _call("set", None, cache.set, key, value, timeout)


def cache_incr(key: str, timeout: int) -> int | None:
    """Count one more in key (created for `timeout` seconds); None when the cache is unreachable."""

    def incr():
        cache.add(key, 0, timeout=timeout)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=timeout)
            return 1

    return _call("increment", None, incr)


def cache_add(key: str, value, timeout: int) -> bool:
    """Store value only if key is absent: True when this call stored it, and True when the cache is unreachable
    (a lock taken this way then guards nothing, and every caller goes on as if it held it)."""
    return _call("add", True, cache.add, key, value, timeout)


def cache_delete(key: str) -> None:
    _call("delete", None, cache.delete, key)
