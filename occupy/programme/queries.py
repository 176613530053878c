"""Reads for the schedule and session pages: each function declares what it joins and prefetches, so a page
issues the same number of queries whatever the size of the programme."""

from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, SessionFormat, Theme, published_through
from occupy.people.models import Person
from occupy.programme.models import Material, ScheduleChange, ScheduleVersion, Session, SessionSpeaker, Unavailability


def _later_published_edition(outer_year: str):
    return Edition.objects.published().filter(year__gt=OuterRef(outer_year))


def get_published_edition_or_404(slug: str) -> Edition:
    """A published edition by its slug, with `is_latest` (no later edition is published). One query."""
    edition = (
        Edition.objects.published()
        .filter(slug=slug)
        .annotate(is_latest=~Exists(_later_published_edition("year")))
        .first()
    )
    if edition is None:
        raise Http404(_("There is no edition “%(slug)s”.") % {"slug": slug[:40]})
    return edition


def offers_personal_agenda(edition: Edition) -> bool:
    """Whether pages link to "add to my agenda": the current (latest) edition and any edition not yet over.

    Needs `edition.is_latest` from get_published_edition_or_404() or get_public_session_or_404().
    """
    return bool(edition.is_latest) or edition.end_date >= timezone.localdate()


def schedule_facets(edition: Edition) -> tuple[list[Theme], list[SessionFormat]]:
    """The edition's themes and formats, in their order, for the filters. Two queries."""
    return list(edition.themes.all()), list(edition.formats.all())


def schedule_sessions(edition: Edition, *, theme=None, format=None, attendance: str = "") -> list[Session]:
    """The scheduled sessions of `edition`, in time and room order, narrowed by the filters given, with
    their format, theme, room and speakers in order. Two queries."""
    sessions = (
        # Through the related manager, so every session knows its edition without a query.
        edition.sessions.scheduled()
        .select_related("format", "theme", "room")
        .defer("abstract")
        .prefetch_related(
            Prefetch(
                "session_speakers",
                queryset=SessionSpeaker.objects.select_related("person")
                .only("session", "person", "role", "order", "person__name", "person__slug")
                .order_by("order", "id"),
            )
        )
        .order_by("starts_at", "room__order", "room__name", "title")
    )
    if theme is not None:
        sessions = sessions.filter(theme=theme)
    if format is not None:
        sessions = sessions.filter(format=format)
    if attendance:
        sessions = sessions.followable(attendance)
    return list(sessions)


class ScheduleEntry:
    """A scheduled session as the schedule page reads it: plain values rather than a model instance with its
    format, theme, room and speakers (building those ~2,700 model instances was most of a 400-session page's
    render). timetable.build_timetable() adds column, row, span and theme_class."""

    __slots__ = (
        "pk", "slug", "title", "attendance", "capacity", "starts_at", "ends_at", "room_id", "room", "theme_id",
        "theme", "format", "speakers", "column", "row", "span", "theme_class",
    )  # fmt: skip


class RoomName:
    """The little of a room the schedule page shows and sorts by."""

    __slots__ = ("pk", "name", "order")

    def __init__(self, pk, name, order):
        self.pk, self.name, self.order = pk, name, order


def schedule_entries(
    edition: Edition, themes: list[Theme], formats: list[SessionFormat], *, theme=None, format=None, attendance=""
) -> list[ScheduleEntry]:
    """What schedule_sessions() returns, as ScheduleEntry values (`themes` and `formats` are the edition's,
    from schedule_facets()); each entry's `speakers` is a list of (name, role) in order. Two queries."""
    sessions = edition.sessions.scheduled()
    if theme is not None:
        sessions = sessions.filter(theme=theme)
    if format is not None:
        sessions = sessions.filter(format=format)
    if attendance:
        sessions = sessions.followable(attendance)
    rows = sessions.order_by("starts_at", "room__order", "room__name", "title").values_list(
        "pk", "slug", "title", "attendance", "capacity", "starts_at", "ends_at",
        "room_id", "room__name", "room__order", "theme_id", "format_id",
    )  # fmt: skip
    themes_by_id = {item.pk: item for item in themes}
    formats_by_id = {item.pk: item for item in formats}
    rooms: dict[int, RoomName] = {}
    entries, by_id = [], {}
    for (
        pk,
        slug,
        title,
        attendance_,
        capacity,
        starts_at,
        ends_at,
        room_id,
        room_name,
        room_order,
        theme_id,
        format_id,
    ) in rows:
        entry = ScheduleEntry()
        entry.pk, entry.slug, entry.title, entry.attendance, entry.capacity = pk, slug, title, attendance_, capacity
        entry.starts_at, entry.ends_at, entry.room_id, entry.theme_id = starts_at, ends_at, room_id, theme_id
        if room_id is None:
            entry.room = None
        else:
            entry.room = rooms.get(room_id) or rooms.setdefault(room_id, RoomName(room_id, room_name, room_order))
        entry.theme = themes_by_id.get(theme_id)
        entry.format = formats_by_id[format_id]
        entry.speakers = []
        entries.append(entry)
        by_id[pk] = entry
    if entries:
        speakers = (
            SessionSpeaker.objects.filter(session__in=sessions.values("pk"))
            .order_by("order", "id")
            .values_list("session_id", "person__name", "role")
        )
        for session_id, name, role in speakers:
            entry = by_id.get(session_id)
            if entry is not None:
                entry.speakers.append((name, role))
    return entries


def get_public_session_or_404(edition_slug: str, slug: str) -> Session:
    """A session of a published edition, with its edition (annotated `is_latest`), format, theme and room,
    its speakers in order with their people, and its materials. Three queries."""
    session = (
        Session.objects.filter(published_through("edition"), edition__slug=edition_slug, slug=slug)
        .select_related("edition", "format", "theme", "room")
        .annotate(edition_is_latest=~Exists(_later_published_edition("edition__year")))
        .prefetch_related(
            Prefetch("session_speakers", queryset=SessionSpeaker.objects.select_related("person").order_by("order")),
            Prefetch("materials", queryset=Material.objects.order_by("order", "id")),
        )
        .first()
    )
    if session is None:
        raise Http404(_("There is no such session in this edition."))
    session.edition.is_latest = session.edition_is_latest
    return session


def edition_guests(edition: Edition) -> list[Person]:
    """The people the organiser named as guests of the edition, in their order (one query)."""
    return list(Person.objects.filter(guest_of__edition=edition).order_by("guest_of__order", "name"))


def editor_sessions(edition: Edition) -> list[Session]:
    """Every session of `edition` for the schedule editor, with its format, draft and published rooms and its
    speakers in order (two queries)."""
    sessions = list(
        Session.objects.filter(edition=edition)
        .select_related("format", "draft_room", "room")
        .defer("abstract")
        .prefetch_related(
            Prefetch(
                "session_speakers",
                queryset=SessionSpeaker.objects.select_related("person")
                .only("session", "person", "order", "person__name", "person__slug")
                .order_by("order", "id"),
            )
        )
        .order_by("draft_starts_at", "title", "pk")
    )
    for session in sessions:
        session.edition = edition
    return sessions


def edition_unavailabilities(edition: Edition) -> list[Unavailability]:
    """The times the edition's speakers said they cannot present, with the person (one query)."""
    return list(Unavailability.objects.filter(edition=edition).select_related("person").order_by("starts_at"))


def schedule_versions(edition: Edition) -> list[ScheduleVersion]:
    """The edition's published schedule versions, newest first, each with its changes and their sessions and
    rooms (two queries)."""
    changes = ScheduleChange.objects.select_related("session", "old_room", "new_room").only(
        "version",
        "kind",
        "old_starts_at",
        "old_ends_at",
        "new_starts_at",
        "new_ends_at",
        "session__title",
        "session__slug",
        "session__edition",
        "old_room__name",
        "new_room__name",
    )
    return list(
        ScheduleVersion.objects.filter(edition=edition)
        .prefetch_related(
            Prefetch("changes", queryset=changes.order_by("kind", "new_starts_at", "old_starts_at", "id"))
        )
        .order_by("-number")
    )
