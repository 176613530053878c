"""Reads for the exports. Each function declares what it loads, so an export issues the same number of
queries whatever the size of the programme."""

from django.db.models import Count, IntegerField, Max, Min, OuterRef, Prefetch, Subquery
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
    room, speakers and materials (six queries)."""
    sessions = list(_export_sessions(edition, join_related=False))
    _share_related(sessions, edition)
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
