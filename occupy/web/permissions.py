"""The one permission check of organiser pages: a named permission, never `is_staff` alone.

`require_permission("registration.check_in")` wraps a view: anonymous visitors go to the sign-in page, a
signed-in account without the permission gets the 403 page. The check goes through `may(user, perm,
edition_slug=...)`, which already receives the edition the URL names, so per-edition roles (organiser,
reviewer, check-in desk) can be added there later without touching a view.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import reverse


def may(user, perm: str, *, edition_slug: str | None = None) -> bool:
    """Whether `user` holds `perm` ("app_label.codename"), for the edition `edition_slug` when a URL names one.

    Today permissions are site-wide (a user's or group's, or a superuser's); `edition_slug` is where per-edition
    roles will be looked up."""
    return user.is_active and user.has_perm(perm)


def require_permission(perm: str):
    """Decorate an organiser view: sign in first, then the named permission or a 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("admin:login"))
            if not may(request.user, perm, edition_slug=kwargs.get("edition")):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = perm  # read by the test that walks every organiser URL
        return wrapped

    return decorator
