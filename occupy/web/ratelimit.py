"""Rate limits (registration, resend, sign-in): a counter per key in the cache, in fixed windows.

With the Redis cache every app server shares the counters; with the local-memory cache each process
counts on its own (fine for one server). Settings are read when a limit is checked, never at import.
"""

import hashlib
import time

from django.conf import settings

from occupy.web.cacheguard import cache_incr

from occupy.web.clientip import client_ip


def _over(scope: str, key: str, limit: int, window: int) -> bool:
    """Count one attempt for key; True when it goes past limit within the current window."""
    bucket = int(time.time()) // window
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    cache_key = f"ratelimit:{scope}:{digest}:{bucket}"
    count = cache_incr(cache_key, window)
    if count is None:  # the cache is unreachable: fail open (cacheguard logged it), never refuse everyone
        return False
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
