"""Remembering a visitor's registration for an edition, so that the cached public schedule (which carries no
forms and nothing personal) can link to "add to my agenda" and the next page knows whose agenda it is.

A signed cookie per edition holds the registration's id (not its secret manage token). It is set when the
person opens their manage link or their agenda page.
"""

from django.conf import settings

from occupy.registration.models import Registration

SALT = "occupy.registration.remember"
MAX_AGE = 365 * 24 * 3600


def cookie_name(edition_slug: str) -> str:
    return f"occupy_registration_{edition_slug}"


def remember_registration(response, registration: Registration) -> None:
    """Set the cookie on `response` (call it from the manage and agenda views)."""
    response.set_signed_cookie(
        cookie_name(registration.edition.slug),
        str(registration.pk),
        salt=SALT,
        max_age=MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def forget_registration(response, edition_slug: str) -> None:
    response.delete_cookie(cookie_name(edition_slug), samesite="Lax")


def remembered_registration(request, edition) -> Registration | None:
    """The registration of `edition` this browser remembers, or None (forged or stale cookies are ignored)."""
    value = request.get_signed_cookie(cookie_name(edition.slug), default=None, salt=SALT, max_age=MAX_AGE)
    if not value or not value.isdigit():
        return None
    registration = Registration.objects.filter(pk=int(value), edition=edition, erased_at__isnull=True).first()
    if registration is not None:
        registration.edition = edition
    return registration
