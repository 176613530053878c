"""The registration's state machine: pending → confirmed | waitlisted → cancelled, and the waiting list.

Every transition that can take or free a live place first locks the edition row (`_lock_edition`), so live
places are counted and taken one transaction at a time. Lock order is always edition, then registration.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition
from occupy.registration.models import AttendanceMode, EmailKind, Registration, RegistrationStatus
from occupy.registration.rules import attendance_allowed, offers_live_places
from occupy.registration.services.agenda import release_agenda
from occupy.registration.services.history import forget_admin_history
from occupy.registration.services.mail import queue_email


class TransitionRefused(Exception):
    """A change the rules do not allow; str(exc) is a message for the participant."""


class Outcome:
    CONFIRMED = "confirmed"
    WAITLISTED = "waitlisted"
    UNCHANGED = "unchanged"


def _lock_edition(edition_id: int) -> Edition:
    # The race: two confirmations both read "one live place left" and both take it. Every transition that
    # takes or frees a live place locks the edition row first, so they queue here and count in turn.
    # (On SQLite the lock is a no-op, but SQLite runs one write transaction at a time.)
    return Edition.objects.select_for_update().get(pk=edition_id)


def _lock_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update().get(pk=registration.pk)


def live_places_left(edition: Edition) -> int:
    """Free live places. Exact only while the edition row is locked."""
    return _places_and_waiting(edition)[0]


def _places_and_waiting(edition: Edition) -> tuple[int, int]:
    """(free live places, people waiting) in one query. Exact only while the edition row is locked."""
    if not offers_live_places(edition):
        return 0, 0
    counts = Registration.objects.filter(edition=edition).aggregate(
        live=Count("pk", filter=Q(status=RegistrationStatus.CONFIRMED, attendance=AttendanceMode.LIVE)),
        waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITLISTED)),
    )
    return max(0, edition.live_capacity - counts["live"]), counts["waiting"]


NO_LIVE_PLACE = _("No live place is free: the venue is full (people waiting for a place come first).")


def _live_place_free(edition: Edition) -> bool:
    """Whether a live place is free once the people waiting have had theirs (the one promotion rule). Needs the
    lock. A caller that refuses on False does so after its transaction, so the promotions stand."""
    return _promote_and_count(edition) > 0


def _confirm(registration: Registration) -> None:
    """The one way a registration becomes confirmed (a live place taken, or online): it waits no more."""
    registration.status = RegistrationStatus.CONFIRMED
    registration.waitlisted_at = None


def _take_live_place_or_wait(registration: Registration, edition: Edition, now) -> str:
    """Confirm a live registration if a place is free, else put it on the waiting list. Needs the lock.

    People already waiting come first: should a place have been freed without promoting them (a row deleted
    in the database by hand), they get it now, before this registration is counted."""
    if _promote_and_count(edition) > 0:
        _confirm(registration)
        return Outcome.CONFIRMED
    registration.status = RegistrationStatus.WAITLISTED
    registration.waitlisted_at = now
    return Outcome.WAITLISTED


def _allocate(registration: Registration, edition: Edition, now) -> str:
    if registration.attendance == AttendanceMode.LIVE:
        return _take_live_place_or_wait(registration, edition, now)
    _confirm(registration)
    return Outcome.CONFIRMED


def _promote_and_count(edition: Edition) -> int:
    """Promote the people waiting into free live places (as `_promote_waiting`) and return the live places
    still free after that: one counting query, and the waiting list read only when someone waits and a place
    is free (a confirmation took three queries for this). Needs the edition lock."""
    places, waiting = _places_and_waiting(edition)
    if places <= 0 or waiting == 0:
        return places
    return places - len(_promote(edition, places))


def _promote_waiting(edition: Edition) -> list[Registration]:
    """Give free live places to the first people waiting, and tell them by e-mail. Needs the edition lock."""
    places, waiting = _places_and_waiting(edition)
    if places <= 0 or waiting == 0:
        return []
    return _promote(edition, places)


def _promote(edition: Edition, places: int) -> list[Registration]:
    promoted = list(Registration.objects.waiting().filter(edition=edition).select_for_update()[:places])
    for registration in promoted:
        _confirm(registration)
        registration.save(update_fields=["status", "waitlisted_at"])
        queue_email(registration, EmailKind.PROMOTED)
    return promoted


def fill_free_places(*, edition: Edition) -> list[Registration]:
    """Promote people waiting into free live places (e.g. after the organisers raised the capacity).

    Side effects: promoted registrations confirmed; one e-mail each. Holds a row lock on the edition.
    """
    with transaction.atomic():
        return _promote_waiting(_lock_edition(edition.pk))


def delete_registration(*, registration: Registration) -> None:
    """Delete a registration and every row that belongs to it (the admin's delete); a live place it held goes
    to the first person waiting, and its workshop seats to those waiting for them.

    Side effects: the registration, its rows and their admin history deleted; e-mails to the promoted. Holds a
    row lock on the edition.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = Registration.objects.select_for_update().filter(pk=registration.pk).first()
        if registration is None:
            return  # deleted meanwhile
        held_live_place = registration.may_attend_live
        forget_admin_history(registration=registration)  # entries name the person; the deletion's own stays
        release_agenda(registration=registration)
        registration.delete()
        if held_live_place:
            _promote_waiting(edition)


def confirm(*, registration: Registration) -> str:
    """Confirm the e-mail address of a pending registration and allocate its attendance.

    Live: a place if one is free, else the waiting list. Confirming again changes nothing (UNCHANGED).
    Side effects: status, confirmed_at; an e-mail (confirmed or waitlisted). Holds a row lock on the edition.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        if registration.status != RegistrationStatus.PENDING:
            return Outcome.UNCHANGED
        now = timezone.now()
        registration.confirmed_at = now
        outcome = _allocate(registration, edition, now)
        registration.save(update_fields=["status", "confirmed_at", "waitlisted_at"])
        queue_email(registration, EmailKind.CONFIRMED if outcome == Outcome.CONFIRMED else EmailKind.WAITLISTED)
        return outcome


def cancel(*, registration: Registration) -> Registration:
    """Cancel a registration; a live place it held goes to the first person waiting.

    Side effects: status, cancelled_at; e-mails (cancelled; promoted). Holds a row lock on the edition.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration
        held_live_place = registration.may_attend_live
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.waitlisted_at = None
        registration.save(update_fields=["status", "cancelled_at", "waitlisted_at"])
        queue_email(registration, EmailKind.CANCELLED)
        release_agenda(registration=registration)  # its workshop seats go to the people waiting
        if held_live_place:
            _promote_waiting(edition)
        return registration


def reinstate(*, registration: Registration) -> str:
    """Take back a cancellation (not an erasure): allocated as on confirmation, with the same e-mails."""
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        if registration.status != RegistrationStatus.CANCELLED or registration.erased_at:
            return Outcome.UNCHANGED
        now = timezone.now()
        registration.confirmed_at = registration.confirmed_at or now
        registration.cancelled_at = None
        outcome = _allocate(registration, edition, now)
        registration.save(update_fields=["status", "confirmed_at", "cancelled_at", "waitlisted_at"])
        queue_email(registration, EmailKind.CONFIRMED if outcome == Outcome.CONFIRMED else EmailKind.WAITLISTED)
        return outcome


def switch_attendance(*, registration: Registration, attendance: str, only_if_free: bool = False) -> str:
    """Switch between live and online attendance, respecting live capacity.

    To online: confirmed online at once; a live place held goes to the first person waiting (e-mailed).
    To live: confirmed live if a place is free, else waitlisted for live (and may follow online meanwhile) —
    or, with `only_if_free` (the check-in desk, the person standing there), refused when no place is free.
    A pending registration only records the wish; it is allocated on confirmation.
    Holds a row lock on the edition. Raises TransitionRefused.
    """
    with transaction.atomic():
        edition = _lock_edition(registration.edition_id)
        registration = _lock_registration(registration)
        if registration.status == RegistrationStatus.CANCELLED:
            raise TransitionRefused(_("This registration is cancelled."))
        if not attendance_allowed(edition, attendance):
            raise TransitionRefused(_("This edition cannot be attended that way."))
        if registration.attendance == attendance:
            return Outcome.UNCHANGED
        held_live_place = registration.may_attend_live
        full = only_if_free and attendance == AttendanceMode.LIVE and not _live_place_free(edition)
        if not full:
            return _switch(registration, edition, attendance, held_live_place)
    # Refused after the transaction, so that the people waiting keep the places they were just given.
    raise TransitionRefused(NO_LIVE_PLACE)


def _switch(registration: Registration, edition: Edition, attendance: str, held_live_place: bool) -> str:
    """The switch itself, inside switch_attendance's transaction and lock."""
    registration.attendance = attendance
    outcome = Outcome.UNCHANGED
    if registration.status != RegistrationStatus.PENDING:
        outcome = _allocate(registration, edition, timezone.now())
    registration.save(update_fields=["attendance", "status", "waitlisted_at"])
    if held_live_place:
        _promote_waiting(edition)
    return outcome
