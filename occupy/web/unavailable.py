"""The friendly 503 page for the moments the database cannot be reached (restart, failover, network).

Django turns an exception raised anywhere below the outermost middleware into the response of the 500 handler,
inside the `except` block that caught it; the handler (`occupy.web.views.server_error`) asks `database_is_down`
about that exception and answers with this page instead of a 500. That covers the page cache (it reads the
content version on every request), every other middleware and every view, in one place, so nothing needs a
try/except of its own.
"""

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

# What the page promises ("try again in a minute") and what a client or proxy may honour.
RETRY_AFTER_SECONDS = 60


def database_is_down(exception: BaseException | None) -> bool:
    """True for the errors of a database that cannot be reached (Django wraps the driver's errors in these)."""
    return isinstance(exception, OperationalError | InterfaceError)


def service_unavailable(request) -> HttpResponse:
    """The 503 page, in the visitor's language, rendered without the database: no context processors (they
    read the editions for the navigation), no session, no user."""
    with translation.override(translation.get_language_from_request(request)):
        body = loader.get_template("503.html").render({"LANGUAGE_CODE": translation.get_language()})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
