"""Reads for the exports. Each function declares what it loads, so an export issues the same number of
queries whatever the size of the programme."""

import datetime

from django.core.files.storage import default_storage
from django.db.models import Count, DateTimeField, Func, IntegerField, Max, Min, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.editions.models import Edition
from occupy.programme.models import Material, ScheduleChange, ScheduleVersion, Session, SessionSpeaker


def get_edition_for_export_or_404(slug: str) -> Edition:
    """A published edition with `schedule_version`: the number of its latest published schedule version, 0
    before the first (one query)."""
    latest = ScheduleVersion.objects.filter(edition=OuterRef("pk")).order_by("-number").values("number")[:1]
    edition = (
        Edition.objects.published()
        .filter(slug=slug[:50])
        .annotate(schedule_version=Coalesce(Subquery(latest, output_field=IntegerField()), 0))
        .first()
    )
    if edition is None:
        raise Http404(_("There is no edition “%(slug)s”.") % {"slug": slug[:50]})
    return edition


def _export_sessions(edition: Edition, *, join_related: bool = True):
    # How often publishing changed the session: its iCalendar SEQUENCE.
    changes = (
        ScheduleChange.objects.filter(session=OuterRef("pk"))
        .order_by()
        .values("session")
        .annotate(count=Count("pk"))
        .values("count")
    )
    sessions = (
        Session.objects.filter(edition=edition)
        .scheduled()
        .annotate(schedule_sequence=Coalesce(Subquery(changes, output_field=IntegerField()), 0))
        .prefetch_related(
            Prefetch(
                "session_speakers",
                # The little of a person an export says (building every field of 500 people cost a tenth).
                queryset=SessionSpeaker.objects.select_related("person")
                .only("session", "person", "role", "order", "person__name", "person__slug")
                .order_by("order", "id"),
            ),
            Prefetch("materials", queryset=Material.objects.order_by("order", "id")),
        )
        .order_by("starts_at", "room__order", "title", "id")
    )
    return sessions.select_related("format", "theme", "room") if join_related else sessions


def _share_related(sessions: list[Session], edition: Edition) -> None:
    """Give every session its edition, format, theme and room from one query each for the whole edition:
    joined per row, the 400 sessions of a programme built 1,200 copies of a few formats, themes and rooms (a
    third of an export's time)."""
    related = {
        Session.format.field: {item.pk: item for item in edition.formats.all()},
        Session.theme.field: {item.pk: item for item in edition.themes.all()},
        Session.room.field: {item.pk: item for item in edition.rooms.all()},
    }
    edition_field = Session.edition.field
    for session in sessions:
        edition_field.set_cached_value(session, edition)  # already loaded: no query per session for URLs
        for field, items in related.items():
            key = getattr(session, field.attname)
            if key is not None:
                field.set_cached_value(session, items[key])


def scheduled_sessions_for_export(edition: Edition) -> list[Session]:
    """The edition's scheduled sessions (unscheduled ones are left out) in time order, with format, theme,
    room, speakers and materials (six queries), as model instances (the printable programme's templates)."""
    sessions = list(_export_sessions(edition, join_related=False))
    _share_related(sessions, edition)
    return sessions


class ExportPerson:
    """The little of a speaker an export says."""

    __slots__ = ("pk", "name", "slug")

    def __init__(self, pk, name, slug):
        self.pk, self.name, self.slug = pk, name, slug


class ExportMaterial:
    __slots__ = ("kind", "title", "href")

    def __init__(self, kind, title, href):
        self.kind, self.title, self.href = kind, title, href


class ExportSession:
    """A scheduled session as the frab and iCalendar writers read it: the attributes of a `Session` they use,
    its speakers as `people` and its materials as `material_list`, built from plain rows."""

    __slots__ = (
        "pk",
        "slug",
        "title",
        "abstract",
        "language",
        "attendance",
        "starts_at",
        "ends_at",
        "updated_at",
        "is_sample",
        "format_id",
        "theme_id",
        "room_id",
        "schedule_sequence",
        "edition",
        "edition_id",
        "format",
        "theme",
        "room",
        "people",
        "material_list",
    )

    def __init__(self, pk, slug, title, abstract, language, attendance, starts_at, ends_at, updated_at, *rest):
        self.pk, self.slug, self.title, self.abstract, self.language, self.attendance = (
            pk,
            slug,
            title,
            abstract,
            language,
            attendance,
        )
        self.starts_at, self.ends_at, self.updated_at = _aware(starts_at), _aware(ends_at), _aware(updated_at)
        self.is_sample, self.format_id, self.theme_id, self.room_id, self.schedule_sequence = rest


class UTCWallClock(Func):
    """A time as UTC without its zone (PostgreSQL's `timestamp`): psycopg reads those in C, where Django's loader
    for `timestamptz` parses each in Python (1,200 times in 400 sessions: ~12 ms). `_aware` adds the zone back.
    Elsewhere (SQLite) the column as it is."""

    template = "%(expressions)s"
    output_field = DateTimeField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="(%(expressions)s AT TIME ZONE 'UTC')", **extra_context)


def _aware(value):
    return value.replace(tzinfo=datetime.UTC) if value is not None and value.tzinfo is None else value


TIMES = ("starts_at", "ends_at", "updated_at")
SESSION_COLUMNS = (
    "pk",
    "slug",
    "title",
    "abstract",
    "language",
    "attendance",
    "utc_starts_at",
    "utc_ends_at",
    "utc_updated_at",
    "is_sample",
    "format_id",
    "theme_id",
    "room_id",
    "schedule_sequence",
)


def export_sessions(edition: Edition) -> list[ExportSession]:
    """The edition's scheduled sessions in time order with format, theme, room, speakers and materials (six
    queries), loaded as plain rows: building 400 sessions, 500 speakers and their prefetches as model
    instances was two thirds of an export's CPU."""
    rows = (
        _export_sessions(edition, join_related=False)
        .prefetch_related(None)
        .annotate(**{f"utc_{name}": UTCWallClock(name) for name in TIMES})
        .values_list(*SESSION_COLUMNS)
    )
    formats = {item.pk: item for item in edition.formats.all()}
    themes = {item.pk: item for item in edition.themes.all()}
    rooms = {item.pk: item for item in edition.rooms.all()}
    sessions, by_id = [], {}
    for row in rows:
        session = ExportSession(*row)
        session.edition, session.edition_id = edition, edition.pk
        session.format = formats[session.format_id]
        session.theme = themes[session.theme_id] if session.theme_id is not None else None
        session.room = rooms[session.room_id] if session.room_id is not None else None
        session.people, session.material_list = [], []
        sessions.append(session)
        by_id[session.pk] = session
    speakers = (
        SessionSpeaker.objects.filter(session__edition=edition, session__starts_at__isnull=False)
        .order_by("order", "id")
        .values_list("session_id", "person_id", "person__name", "person__slug")
    )
    for session_id, *person in speakers:
        by_id[session_id].people.append(ExportPerson(*person))
    materials = (
        Material.objects.filter(session__edition=edition, session__starts_at__isnull=False)
        .order_by("order", "id")
        .values_list("session_id", "kind", "title", "url", "file")
    )
    for session_id, kind, title, url, file in materials:
        by_id[session_id].material_list.append(ExportMaterial(kind, title, default_storage.url(file) if file else url))
    return sessions


def get_scheduled_session_for_export(edition: Edition, slug: str) -> Session:
    """One scheduled session of the edition with what an export shows (three queries); 404 otherwise."""
    session = _export_sessions(edition).filter(slug=slug).first()
    if session is None:
        raise Http404(_("There is no scheduled session “%(slug)s” in this edition.") % {"slug": slug})
    session.edition = edition
    return session


def edition_organiser(edition: Edition) -> Organisation | None:
    """The edition's organiser, the first by order when there are several (one query)."""
    role = (
        EditionPartner.objects.filter(edition=edition, role=PartnerRole.ORGANISER)
        .select_related("organisation")
        .order_by("order", "id")
        .first()
    )
    return role.organisation if role else None


def edition_time_span(edition: Edition):
    """(first start, last end) of the edition's scheduled sessions, or (None, None) (one query)."""
    span = Session.objects.filter(edition=edition).scheduled().aggregate(first=Min("starts_at"), last=Max("ends_at"))
    return span["first"], span["last"]
