"""Reads for the edition pages. Every function declares what it loads, so a page issues a fixed number of
queries whatever the size of the programme."""

from django.db.models import Count, F, Min, Prefetch, Q
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from occupy.editions.models import Edition, EditionRole, SessionFormat, Theme
from occupy.people.models import Person


def published_editions():
    """Every published edition, newest first (the links to every edition)."""
    return list(Edition.objects.published().order_by("-year"))


def _with_themes_and_formats(editions):
    return editions.prefetch_related(
        Prefetch("themes", queryset=Theme.objects.order_by("order", "title")),
        Prefetch("formats", queryset=SessionFormat.objects.order_by("order", "name")),
    )


def current_edition() -> Edition | None:
    """The edition the home page shows (Edition.objects.current()), with its themes and formats; None before
    the first one (three queries)."""
    return _with_themes_and_formats(Edition.objects.current_first()).first()


def get_edition_overview(slug: str) -> Edition:
    """A published edition with its themes and session formats in their order, and its call for contributions if
    it has one (the page links to it); 404 when unknown (three queries)."""
    edition = _with_themes_and_formats(Edition.objects.published().filter(slug=slug).select_related("call")).first()
    if edition is None:
        raise Http404(_("There is no edition “%(slug)s”.") % {"slug": slug})
    return edition


def get_edition_or_404(slug: str, *, published_only: bool = True) -> Edition:
    """An edition alone (no related rows), by its slug; 404 when unknown (one query). Organisers' pages pass
    published_only=False to reach an edition before it is published."""
    editions = Edition.objects.published() if published_only else Edition.objects.all()
    edition = editions.filter(slug=slug[:50]).first()
    if edition is None:
        raise Http404(_("There is no edition “%(slug)s”.") % {"slug": slug[:50]})
    return edition


def keynote_speakers(edition: Edition) -> list[Person]:
    """The people who speak in the edition's keynote sessions, each once, in programme order (one query)."""
    people = (
        Person.objects.filter(
            session_speakers__session__edition=edition, session_speakers__session__format__is_keynote=True
        )
        # The filter comes first, so the minimum runs over keynote sessions only; grouping gives each person once.
        .annotate(first_keynote=Min("session_speakers__session__starts_at"))
        .order_by(F("first_keynote").asc(nulls_last=True), "name")
    )
    return list(people)


# The key figures, in the order the page shows them: (key, label). Each has a stated_<key> field on Edition.
FIGURES = [
    ("keynote_speakers", gettext_lazy("Keynote speakers")),
    ("speakers", gettext_lazy("Speakers")),
    ("countries", gettext_lazy("Countries")),
    ("sessions", gettext_lazy("Sessions")),
    ("participants", gettext_lazy("Participants")),
]


def edition_figures(edition: Edition) -> list[tuple[str, str]]:
    """The key figures of an edition as (label, value), in FIGURES order: each as the organiser stated it
    where they did, else counted from the data where the data holds the whole programme, else left out.
    Three queries when anything is counted, none otherwise.

    Counted: speakers (distinct people in its sessions), countries (theirs, distinct), sessions, participants
    (confirmed registrations). Keynote speakers are only ever stated: the page lists them by name instead.
    """
    counted = _counted_figures(edition) if edition.programme_is_complete else {}
    figures = []
    for key, label in FIGURES:
        value = getattr(edition, f"stated_{key}") or counted.get(key)
        if value is not None and value != "":
            figures.append((label, str(value)))
    return figures


def _counted_figures(edition: Edition) -> dict[str, int]:
    from occupy.programme.models import Session
    from occupy.registration.models import Registration

    people = Person.objects.filter(session_speakers__session__edition=edition).aggregate(
        speakers=Count("pk", distinct=True),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    sessions = Session.objects.filter(edition=edition).count()
    participants = Registration.objects.confirmed().filter(edition=edition).count()
    return {
        "speakers": people["speakers"],
        "countries": people["countries"],
        "sessions": sessions,
        "participants": participants,
    }


def editions_for_organisers():
    """Every edition, drafts and sample ones too, newest first (one query): the organisers' workspace."""
    return list(Edition.objects.order_by("-year").only("slug", "title", "year", "is_published", "is_sample"))


def roles_in_edition(edition: Edition) -> list:
    """Who holds which role in `edition`, with their accounts (one query), by account then role."""
    return list(
        EditionRole.objects.filter(edition=edition)
        .select_related("user")
        .order_by("user__email", "user__username", "role")
    )
