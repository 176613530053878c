"""Confirmation links: the registration's confirmation key, signed with a timestamp so the link expires."""

from django.conf import settings
from django.core import signing

from occupy.registration.models import Registration

SALT = "occupy.registration.confirm"


class LinkInvalid(Exception):
    """The link was never issued by us (forged, truncated) or its registration is gone."""


class LinkExpired(Exception):
    """The link was ours but is older than REGISTRATION_CONFIRM_HOURS."""


def make_confirmation_token(registration: Registration) -> str:
    return signing.TimestampSigner(salt=SALT).sign(registration.confirmation_key)


def registration_for_confirmation_token(token: str, *, edition) -> Registration:
    """The registration a confirmation link belongs to. Raises LinkExpired or LinkInvalid."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        key = signer.unsign(token, max_age=settings.REGISTRATION_CONFIRM_HOURS * 3600)
    except signing.SignatureExpired as exc:
        raise LinkExpired from exc
    except signing.BadSignature as exc:
        raise LinkInvalid from exc
    registration = (
        Registration.objects.select_related("edition")
        .filter(confirmation_key=key, edition=edition, erased_at__isnull=True)
        .first()
    )
    if registration is None:
        raise LinkInvalid
    return registration
