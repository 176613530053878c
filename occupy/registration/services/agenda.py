"""The personal agenda: adding and removing sessions, workshop seats and their waiting lists.

Every change to a session's seats holds a row lock on that session (select_for_update) for the length of the
transaction, so seats are counted and taken by one participant at a time.
"""

import enum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.programme.models import Session
from occupy.registration.models import AgendaItem, AgendaItemStatus, EmailKind, Registration, RegistrationStatus
from occupy.registration.services.mail import queue_email


class AgendaOutcome(enum.Enum):
    ADDED = "added"  # in the agenda (holding a seat when the session has limited seats)
    ALREADY_CHOSEN = "already-chosen"
    FULL = "full"  # refused: every seat is taken (nothing written)
    WAITING = "waiting"  # on the session's waiting list
    ALREADY_WAITING = "already-waiting"


class AgendaError(Exception):
    """A change to an agenda that is not allowed; the message is for the participant."""


def check_may_have_agenda(registration: Registration) -> None:
    if registration.status != RegistrationStatus.CONFIRMED:
        raise AgendaError(_("Only confirmed registrations have a personal agenda."))


def seats_taken(session: Session) -> int:
    return AgendaItem.objects.filter(session=session, status=AgendaItemStatus.CHOSEN).count()


def seats_left(session: Session) -> int | None:
    """Free seats in a session with limited seats (None: no limit). Exact only while the session row is locked."""
    if session.capacity is None:
        return None
    return max(0, session.capacity - seats_taken(session))


def _lock_session(session_id: int) -> Session:
    return Session.objects.select_for_update().only("id", "capacity", "edition_id", "title").get(pk=session_id)


def add_to_agenda(*, registration: Registration, session: Session, join_waiting_list: bool = False) -> AgendaOutcome:
    """Put `session` in the agenda of a confirmed `registration`.

    A session with limited seats: a free seat is taken at once; when none is left the request is refused
    (FULL, nothing written) or, with `join_waiting_list`, the registration joins the session's waiting list.
    Side effects: at most one AgendaItem row. Holds a row lock on the session until the transaction ends.
    Raises AgendaError when the registration may not have an agenda or the session is not of its edition.
    """
    check_may_have_agenda(registration)
    if session.edition_id != registration.edition_id or session.starts_at is None:
        raise AgendaError(_("This session is not in the programme of your edition."))
    with transaction.atomic():
        # The race: two participants asking for the last seat at the same moment would both count one free
        # seat and both take it. The lock on the session row makes the second wait here until the first has
        # committed, and then count again.
        locked = _lock_session(session.pk)
        item = AgendaItem.objects.filter(registration=registration, session=locked).first()
        if item is not None:
            if item.status == AgendaItemStatus.CHOSEN:
                return AgendaOutcome.ALREADY_CHOSEN
            return AgendaOutcome.ALREADY_WAITING
        if seats_left(locked) != 0:
            AgendaItem.objects.create(registration=registration, session=locked, status=AgendaItemStatus.CHOSEN)
            return AgendaOutcome.ADDED
        if not join_waiting_list:
            return AgendaOutcome.FULL
        AgendaItem.objects.create(registration=registration, session=locked, status=AgendaItemStatus.WAITING)
        return AgendaOutcome.WAITING


def remove_from_agenda(*, registration: Registration, session: Session) -> bool:
    """Take `session` out of the agenda (or its waiting list). A freed seat goes to the first person waiting,
    who is told by e-mail after the commit. Returns False when the session was not in the agenda.
    Holds a row lock on the session until the transaction ends."""
    with transaction.atomic():
        locked = _lock_session(session.pk)
        deleted, _counts = AgendaItem.objects.filter(registration=registration, session=locked).delete()
        if deleted and locked.capacity is not None:
            _give_free_seats(locked)
    return bool(deleted)


def release_agenda(*, registration: Registration) -> None:
    """Empty the agenda of a registration that is cancelled or erased, giving its seats to those waiting.
    Call it from the cancellation and erasure services, in their transaction."""
    with transaction.atomic():
        session_ids = sorted(AgendaItem.objects.filter(registration=registration).values_list("session_id", flat=True))
        for session_id in session_ids:  # locked in id order, so two releases never deadlock
            locked = _lock_session(session_id)
            AgendaItem.objects.filter(registration=registration, session=locked).delete()
            if locked.capacity is not None:
                _give_free_seats(locked)


def fill_free_seats(*, session: Session) -> list[AgendaItem]:
    """Give a session's free seats to the first people waiting (e.g. after the organisers raised its capacity,
    or lifted it). Side effects: promoted items hold a seat; one e-mail each, sent after the commit.
    Holds a row lock on the session until the transaction ends. Returns the promoted items, first come first."""
    with transaction.atomic():
        return _give_free_seats(_lock_session(session.pk))


def _give_free_seats(session: Session) -> list[AgendaItem]:
    """Give the free seats of a session, whose row the caller has locked, to the first people waiting (only
    confirmed registrations count); with no limit on seats, everyone waiting gets one. Each promoted person is
    e-mailed (a logged e-mail, sent by a task after the commit). Returns them."""
    waiting = AgendaItem.objects.filter(
        session=session, status=AgendaItemStatus.WAITING, registration__status=RegistrationStatus.CONFIRMED
    ).select_related("registration")
    waiting = waiting.order_by("created_at", "id")
    free = seats_left(session)
    if free == 0:
        return []
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting)
    now = timezone.now()
    for item in promoted:
        item.status = AgendaItemStatus.CHOSEN
        item.promoted_at = now
        item.save(update_fields=["status", "promoted_at"])
        queue_email(item.registration, EmailKind.SEAT)  # logged now, sent by a task after the commit
    return promoted
