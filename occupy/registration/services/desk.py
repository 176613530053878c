"""At the check-in desk: registering a walk-in (someone who comes to the venue without having registered)."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition
from occupy.registration.models import AttendanceMode, EmailKind, Registration
from occupy.registration.rules import offers_live_places
from occupy.registration.services.lifecycle import (
    NO_LIVE_PLACE,
    TransitionRefused,
    _confirm,
    _live_place_free,
    _lock_edition,
)
from occupy.registration.services.mail import queue_email
from occupy.registration.services.register import find_registration


def register_walk_in(*, edition: Edition, name: str, email: str, language: str) -> Registration:
    """Register someone at the venue and confirm them at once in a free live place (they consented to the
    privacy notice at the desk; the address needs no confirmation, the person is standing there).

    Refused (TransitionRefused, with a message for the desk) when the edition has no live places, when none is
    free once the people waiting have had theirs, or when the address is registered already (the desk then
    finds them by name). Holds a row lock on the edition.
    Side effects: a confirmed live Registration; an e-mail (confirmed) with the person's manage link.
    """
    if not offers_live_places(edition):
        raise TransitionRefused(_("This edition has no places at the venue."))
    already = _("This address is registered already: find the person by name and check them in.")
    if find_registration(edition=edition, email=email) is not None:
        raise TransitionRefused(already)
    try:
        with transaction.atomic():
            edition = _lock_edition(edition.pk)
            registration = None
            if _live_place_free(edition):
                now = timezone.now()
                registration = Registration(
                    edition=edition,
                    name=name.strip(),
                    email=email.strip(),
                    attendance=AttendanceMode.LIVE,
                    language=language,
                    privacy_consent_at=now,
                    created_at=now,
                    confirmed_at=now,
                )
                _confirm(registration)
                registration.save()
                queue_email(registration, EmailKind.CONFIRMED)
    except IntegrityError:
        # The same address registered meanwhile (the unique constraint on lower(email) and edition refused it).
        raise TransitionRefused(already) from None
    if registration is None:
        # Refused after the transaction, so that the people waiting keep the places they were just given.
        raise TransitionRefused(NO_LIVE_PLACE)
    return registration
