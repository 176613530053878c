"""Bad filter values in the admin's lists answer 400, not 500.

Django's changelist checks that a filter names a field, but not that its value suits the database: a NUL
character (`?status__exact=%00`: PostgreSQL refuses it, psycopg raises DataError) or a year past 9999
(`?created_at__year=99999999999`: OverflowError or DataError) fail only when the list is counted, inside the
view or its template. One middleware covers every registered ModelAdmin, present and future, where a mixin
would have to be remembered on each.
"""

from django.db import DataError
from django.shortcuts import render
from django.utils.translation import gettext as _

BAD_VALUE_ERRORS = (ValueError, OverflowError, DataError)


class AdminBadFilterMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not isinstance(exception, BAD_VALUE_ERRORS) or match is None or match.namespace != "admin":
            return None
        if not (match.url_name or "").endswith("_changelist"):
            return None
        message = _("A filter in the address has a value this list cannot use. Remove it and try again.")
        return render(request, "400.html", {"message": message, "retry_url": request.path}, status=400)
