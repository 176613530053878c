"""Reads for the personal agenda: its sessions by day, the overlaps among them, and its calendar feed."""

import datetime
import itertools
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from occupy.editions.models import Edition
from occupy.programme.models import Session, SessionSpeaker
from occupy.registration.models import AgendaItem, AgendaItemStatus, Registration


@dataclass(frozen=True)
class AgendaDay:
    day: datetime.date
    items: list[AgendaItem]


@dataclass(frozen=True)
class Agenda:
    days: list[AgendaDay]  # the chosen sessions, by day in the edition's time zone
    waiting: list[AgendaItem]  # sessions whose waiting list the person is on
    overlaps: list[tuple[Session, Session]]  # pairs of chosen sessions whose times overlap

    @property
    def is_empty(self) -> bool:
        return not self.days and not self.waiting


def agenda_for(registration: Registration) -> Agenda:
    """The registration's agenda with each session's room and format (one query)."""
    edition = registration.edition
    items = list(
        registration.agenda_items.select_related("session__room", "session__format")
        .filter(session__starts_at__isnull=False)
        .order_by("session__starts_at", "session__title", "id")
    )
    for item in items:
        item.session.edition = edition
    chosen = [item for item in items if item.status == AgendaItemStatus.CHOSEN]
    days = [
        AgendaDay(day=day, items=list(group))
        for day, group in itertools.groupby(
            chosen, key=lambda item: timezone.localtime(item.session.starts_at, edition.tz).date()
        )
    ]
    waiting = [item for item in items if item.status == AgendaItemStatus.WAITING]
    return Agenda(days=days, waiting=waiting, overlaps=find_overlaps([item.session for item in chosen]))


def find_overlaps(sessions: list[Session]) -> list[tuple[Session, Session]]:
    """Every pair of sessions whose time slots overlap (touching end to start is no overlap), in time order."""
    ordered = sorted((s for s in sessions if s.starts_at and s.ends_at), key=lambda s: (s.starts_at, s.pk))
    pairs = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.starts_at >= first.ends_at:
                break
            pairs.append((first, second))
    return pairs


def agenda_sessions_for_calendar(registration: Registration) -> list[Session]:
    """The chosen sessions as the public iCalendar export needs them: format, theme, room, speakers (two queries)."""
    sessions = list(
        Session.objects.filter(agenda_items__registration=registration, agenda_items__status=AgendaItemStatus.CHOSEN)
        .scheduled()
        .select_related("format", "theme", "room")
        .prefetch_related(
            Prefetch("session_speakers", queryset=SessionSpeaker.objects.select_related("person").order_by("order"))
        )
        .order_by("starts_at", "title", "id")
    )
    for session in sessions:
        session.edition = registration.edition
    return sessions


def get_session_or_404(edition: Edition, slug: str) -> Session:
    session = Session.objects.filter(edition=edition, slug=slug[:200]).select_related("room", "format").first()
    if session is None or session.starts_at is None:
        raise Http404(
            _("There is no session “%(slug)s” in the programme of %(edition)s.")
            % {"slug": slug[:200], "edition": edition.title}
        )
    session.edition = edition
    return session


def agenda_marks(registration: Registration) -> tuple[list[str], list[str]]:
    """The slugs of the sessions in the registration's agenda, and of those whose waiting list it is on
    (one query)."""
    chosen, waiting = [], []
    for slug, status in registration.agenda_items.values_list("session__slug", "status").order_by("session_id"):
        (chosen if status == AgendaItemStatus.CHOSEN else waiting).append(slug)
    return chosen, waiting


def seats_left_by_session(edition: Edition) -> dict[str, int]:
    """Seats left in each scheduled session of `edition` with limited seats, by slug (one query)."""
    sessions = (
        Session.objects.filter(edition=edition, capacity__isnull=False, starts_at__isnull=False)
        .annotate(taken=Count("agenda_items", filter=Q(agenda_items__status=AgendaItemStatus.CHOSEN)))
        .values_list("slug", "capacity", "taken")
        .order_by("slug")
    )
    return {slug: max(0, capacity - taken) for slug, capacity, taken in sessions}
