"""Liveness and readiness for the load balancer (healthchecks' style: small, plain, obvious).

/healthz answers while the process can answer at all: it touches nothing else, so a database outage does not
make a load balancer restart healthy app servers. /readyz says whether this server can do its work: the
database answers a query (else 503), and whether the cache takes a write and gives it back. A failing cache is
reported but never makes the server unready: the site serves and registers without Redis (the cache only
accelerates), and a 503 there would make the load balancer drop every app server at once when Redis fails.
Neither says anything about anyone.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

CACHE_PROBE_KEY = "readyz:probe"


def database_ready() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("readyz: the database does not answer", exc_info=True)
        return False


def cache_ready() -> bool:
    # Any error of any cache backend (redis' ConnectionError, a timeout) means not ready.
    value = uuid.uuid4().hex
    try:
        cache.set(CACHE_PROBE_KEY, value, 10)
        return cache.get(CACHE_PROBE_KEY) == value
    except Exception:
        logger.warning("readyz: the cache does not answer", exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request):
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def readyz(request):
    checks = {"database": database_ready(), "cache": cache_ready()}
    body = {name: "ok" if ready else "failing" for name, ready in checks.items()}
    return JsonResponse(body, status=200 if checks["database"] else 503)
