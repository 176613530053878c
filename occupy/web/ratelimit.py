"""Rate limits (registration, resend, sign-in): a counter per key in the cache, in fixed windows.

With the Redis cache every app server shares the counters; with the local-memory cache each process
counts on its own (fine for one server). Settings are read when a limit is checked, never at import.
"""

import hashlib
import time
import unicodedata

from django.conf import settings

from occupy.web.cacheguard import cache_get, cache_incr
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


def key_over_limit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one attempt for any other key (a participant's questions): True past `limit` within `window` seconds."""
    if not settings.RATELIMIT_ENABLED:
        return False
    return _over(scope, key, limit, window)


# Sign-in: only failures count, so that neither correct sign-ins nor someone else's wrong guesses lock an
# organiser out (web/views.py admin_login decides what a limit blocks).


def _failures_key(scope: str, key: str, window: int) -> str:
    digest = hashlib.sha256(key.encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:failures:{digest}:{int(time.time()) // window}"


def _failures(scope: str, key: str, window: int) -> int:
    # With the cache unreachable this reads 0: sign-in limits fail open too (cacheguard logged it).
    return cache_get(_failures_key(scope, key, window)) or 0


def _count_failure(scope: str, key: str, window: int) -> None:
    cache_incr(_failures_key(scope, key, window), window)


def normalise_username(username: str) -> str:
    """The user name as Django's sign-in form reads it (NFKC: a full-width spelling is the same name), compared
    without case: one counter per account however it is typed."""
    return unicodedata.normalize("NFKC", username).casefold()


def sign_in_ip_limited(request, scope: str = "login") -> bool:
    """True when this client IP has failed to sign in RATELIMIT_PER_IP times in the current window."""
    if not settings.RATELIMIT_ENABLED:
        return False
    return _failures(f"{scope}:ip", client_ip(request), settings.RATELIMIT_IP_WINDOW) >= settings.RATELIMIT_PER_IP


def sign_in_name_limited(username: str, scope: str = "login") -> bool:
    """True when this user name has failed RATELIMIT_PER_ADDRESS times in the current window, from anywhere."""
    if not settings.RATELIMIT_ENABLED:
        return False
    failures = _failures(f"{scope}:name", normalise_username(username), settings.RATELIMIT_ADDRESS_WINDOW)
    return failures >= settings.RATELIMIT_PER_ADDRESS


def count_sign_in_failure(request, username: str, scope: str = "login") -> None:
    """Count one failed sign-in against the client IP and the (normalised) user name."""
    if not settings.RATELIMIT_ENABLED:
        return
    _count_failure(f"{scope}:ip", client_ip(request), settings.RATELIMIT_IP_WINDOW)
    if username:
        _count_failure(f"{scope}:name", normalise_username(username), settings.RATELIMIT_ADDRESS_WINDOW)
