"""The one permission check of organiser pages: a named permission, never `is_staff` alone.

`require_permission("registration.check_in")` wraps a view: anonymous visitors go to the sign-in page, a
signed-in account without the permission for the edition the URL names (`<slug:edition>`) gets the 403 page.
What grants a permission (a role in that edition, or a site-wide permission) is decided in `editions.roles`.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from occupy.editions.roles import holds


def may(user, perm: str, *, edition_slug: str | None = None) -> bool:
    """Whether `user` holds `perm` ("app_label.codename"), for the edition `edition_slug` when a URL names one."""
    return holds(user, perm, edition_slug=edition_slug)


def require_permission(perm: str):
    """Decorate an organiser view: sign in first, then the named permission or a 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not may(request.user, perm, edition_slug=kwargs.get("edition")):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm  # read by the test that walks every organiser URL
        return wrapped

    return decorator
