"""Rate limits (registration, resend, sign-in): a counter per key in the cache, in fixed windows.

With the Redis cache every app server shares the counters; with the local-memory cache each process
counts on its own (fine for one server). Settings are read when a limit is checked, never at import.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from occupy.web.clientip import client_ip


def _over(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one attempt for key; True when it goes past limit within the current window."""
    bucket = int(time.time()) // window
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{bucket}"
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count > limit


def ip_over_limit(request, scope: str) -> bool:
    """Count one attempt from this request's IP address."""
    if not settings.RATELIMIT_ENABLED:
        return False
    return _over(f"{scope}:ip", client_ip(request), settings.RATELIMIT_PER_IP, settings.RATELIMIT_IP_WINDOW)


def address_over_limit(email: str, scope: str) -> bool:
    """Count one attempt for this e-mail address (compared without case)."""
    if not settings.RATELIMIT_ENABLED:
        return False
    return _over(
        f"{scope}:addr", email.strip().lower(), settings.RATELIMIT_PER_ADDRESS, settings.RATELIMIT_ADDRESS_WINDOW
    )
