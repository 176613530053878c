"""The library's reads: the search with its facets, one practice, similar practices, the open-data rows and the
feed. Each declares what it loads; the search page's number of queries is fixed whatever the library's size."""

from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.http import Http404
from django_countries import countries

from occupy.practices import search
from occupy.practices.enums import LibraryType, TagKind, tag_label
from occupy.practices.models import Practice, PracticeTag

PER_PAGE = 20
SIMILAR = 4
FEED_LENGTH = 30
# The facets, in the order the page shows them: GET parameter → what it narrows.
FACETS = ("country", "sdg", "theme", "audience", "type", "edition")
TAG_FACETS = {"sdg": TagKind.SDG, "theme": TagKind.THEME, "audience": TagKind.AUDIENCE}


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    page: Page
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    query: str = ""


def public_practices():
    return Practice.objects.public()


def narrowed(filters: dict, query: str = ""):
    """Public practices narrowed by the facets in `filters` (GET parameter → value; empty values are ignored)
    and by `query` (cleaned): the queryset, and the rank expression's annotation name when a query was given."""
    practices = public_practices()
    if filters.get("country"):
        practices = practices.filter(country=filters["country"])
    if filters.get("type"):
        practices = practices.filter(library_type=filters["type"])
    if filters.get("edition"):
        practices = practices.filter(edition__slug=filters["edition"], edition__is_published=True)
    for name, kind in TAG_FACETS.items():
        if filters.get(name):
            # One join per facet: a practice must carry every tag asked for.
            practices = practices.filter(tags__kind=kind, tags__value=str(filters[name]))
    if query:
        practices = search.match(practices, query)
    return practices


def search_practices(*, filters: dict, query: str, sort: str, page: int | str | None) -> SearchResult:
    """One page of matching public practices (with tags and edition), ranked or newest first, and the count of
    each facet's values among all the matches (one aggregate query per kind of column). Seven queries."""
    matches = narrowed(filters, query)
    if query and sort != "date":
        ordered = matches.order_by("-rank", "-published_at", "-id")
    else:
        ordered = matches.order_by("-published_at", "-id")
    ordered = ordered.select_related("edition").prefetch_related("tags")
    result_page = Paginator(ordered, PER_PAGE).get_page(page)
    for practice in result_page.object_list:
        text = f"{practice.summary}\n{practice.description}" if query else practice.summary
        practice.snippet = search.highlight(text, query)
    return SearchResult(page=result_page, facets=facet_counts(matches, filters), query=query)


def facet_counts(matches, filters: dict) -> dict[str, list[FacetValue]]:
    ids = matches.order_by().values("pk")
    base = Practice.objects.filter(pk__in=ids).order_by()

    def selected(name, value):
        return str(filters.get(name) or "") == str(value)

    facets = {}
    rows = base.values("country").annotate(n=Count("pk")).exclude(country="")
    facets["country"] = sorted(
        (
            FacetValue(r["country"], countries.name(r["country"]), r["n"], selected("country", r["country"]))
            for r in rows
        ),
        key=lambda f: (-f.count, f.label),
    )
    rows = base.values("library_type").annotate(n=Count("pk"))
    labels = dict(LibraryType.choices)
    facets["type"] = sorted(
        (FacetValue(r["library_type"], str(labels.get(r["library_type"], r["library_type"])), r["n"]) for r in rows),
        key=lambda f: (-f.count, f.label),
    )
    for f in facets["type"]:
        f.selected = selected("type", f.value)
    rows = (
        base.filter(edition__isnull=False)
        .values("edition__slug", "edition__title", "edition__year")
        .annotate(n=Count("pk"))
        .order_by("-edition__year")
    )
    facets["edition"] = [
        FacetValue(r["edition__slug"], r["edition__title"], r["n"], selected("edition", r["edition__slug"]))
        for r in rows
    ]
    rows = (
        PracticeTag.objects.filter(practice__in=ids)
        .values("kind", "value")
        .annotate(n=Count("pk"), label=Max("label"))
        .order_by()
    )
    by_kind = {kind: [] for kind in TagKind.values}
    for r in rows:
        by_kind[r["kind"]].append(r)
    for name, kind in TAG_FACETS.items():
        values = [
            FacetValue(r["value"], tag_label(kind, r["value"], r["label"]), r["n"], selected(name, r["value"]))
            for r in by_kind[kind]
        ]
        if kind == TagKind.SDG:
            values.sort(key=lambda f: int(f.value))
        else:
            values.sort(key=lambda f: (-f.count, f.label))
        facets[name] = values
    return {name: facets[name] for name in FACETS}


def get_public_practice_or_404(slug: str) -> Practice:
    practice = (
        public_practices().filter(slug=slug).select_related("edition", "session").prefetch_related("tags").first()
    )
    if practice is None:
        raise Http404
    return practice


def similar_practices(practice: Practice, *, limit: int = SIMILAR) -> list[Practice]:
    """Public practices that share the most goals, themes and audiences with `practice`, then its country, newest
    first among equals. Sample practices are similar only to sample ones. Two queries (with their tags)."""
    shared = Q(pk__in=[])
    for tag in practice.tags.all():
        shared |= Q(tags__kind=tag.kind, tags__value=tag.value)
    same_country = Q(country=practice.country) if practice.country else Q(pk__in=[])
    return list(
        public_practices()
        .filter(is_sample=practice.is_sample)
        .exclude(pk=practice.pk)
        .annotate(
            shared=Count("tags", filter=shared),
            same_country=Case(When(same_country, then=Value(1)), default=Value(0), output_field=IntegerField()),
        )
        .filter(Q(shared__gt=0) | Q(same_country=1))
        .order_by("-shared", "-same_country", "-published_at", "-id")
        .prefetch_related("tags")[:limit]
    )


def open_data():
    """Every public practice for the CSV and JSON exports, oldest first (stable for a diff), with its tags."""
    return (
        public_practices().order_by("published_at", "id").select_related("edition", "session").prefetch_related("tags")
    )


def newest_practices():
    return public_practices().order_by("-published_at", "-id").prefetch_related("tags")[:FEED_LENGTH]


def practices_for_moderation(status: str):
    return Practice.objects.filter(status=status).select_related("edition").order_by("-created_at", "-id")
