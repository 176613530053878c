"""The library's reads: the search with its facets, one practice, similar practices, the open-data rows and the
feed. Each declares what it loads; the search page's number of queries is fixed whatever the library's size."""

import hashlib
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, JSONField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.http import Http404
from django_countries import countries

from occupy.practices import search
from occupy.practices.enums import LibraryType, TagKind, tag_label
from occupy.practices.models import Practice
from occupy.web.cacheguard import cache_get, cache_set
from occupy.web.pagecache import SITE_WIDE_SCOPES, scope_versions

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


class _Counted:
    """What a Paginator needs to know of a result it never loads whole: its size."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


# No search has this many pages; a larger number (a typo, a probe) is read as the last page.
MAX_PAGE = 100_000


def _page_number(page) -> int:
    try:
        return min(max(1, int(page)), MAX_PAGE)
    except (TypeError, ValueError, OverflowError):
        return 1


# The matches (a CTE, evaluated once) → every facet's counts and the ids of one page, in one query. Rows:
# (facet, value, label, year or position on the page, count). The tag facets are counted from each row's facet keys
# (on PostgreSQL the same keys as a text array, `facet_array`, written by search.vector_sql: unnesting ten thousand
# of those is about twice as fast as the JSON; SQLite unnests the JSON array).
SUMMARY_SQL = """
WITH m (id, country, library_type, edition_id, published_at, facet_keys, rank) AS ({matches})
SELECT 'country', country, '', 0, COUNT(*) FROM m WHERE country <> '' GROUP BY country
UNION ALL
SELECT 'type', library_type, '', 0, COUNT(*) FROM m GROUP BY library_type
UNION ALL
SELECT 'edition', e.slug, e.title, e.year, COUNT(*) FROM m JOIN {edition} e ON e.id = m.edition_id
  WHERE e.is_published GROUP BY e.slug, e.title, e.year
UNION ALL
SELECT 'tag', {key}, '', 0, COUNT(*) FROM m, {unnest} GROUP BY {key}
UNION ALL
SELECT 'page', CAST(p.id AS VARCHAR(20)), '', ROW_NUMBER() OVER (ORDER BY {order}), 0
  FROM (SELECT id, rank, published_at FROM m ORDER BY {order} LIMIT %s OFFSET %s) p
"""
UNNEST = {  # vendor → (a table of each row's keys, its column)
    "postgresql": ("unnest(m.facet_keys) AS k(key)", "k.key"),
    "sqlite": ("json_each(m.facet_keys) AS k", "k.value"),
}
RELEVANCE = "rank DESC, published_at DESC, id DESC"
NEWEST = "published_at DESC, id DESC"


# The facet rows and the ids of the first CACHED_IDS matches of a search (its first ten pages) are kept in the cache,
# keyed by the content versions the search page is keyed by (occupy/web/pagecache.py: a practice or an edition saved
# makes new keys), so that the same search again, at another page or through another address (a country's page, a
# spelling with other accents or capitals), costs one small query instead of finding, ranking and counting every
# match again. A page further on asks the database. The cache only accelerates: unreachable, every search asks the
# database (cacheguard). Off with the page cache (settings.PAGE_CACHE, as bench/cache.py measures renders).
CACHED_IDS = 10 * PER_PAGE
CACHE_SECONDS = 600


def _summary_key(filters: dict, query: str, order: str) -> str:
    """The cache key of a search: what its results depend on (the folded query, the facets, the order)."""
    asked = [search.fold(query), order, sorted((k, str(v)) for k, v in filters.items() if v)]
    digest = hashlib.sha256(json.dumps(asked).encode()).hexdigest()[:32]
    return f"practices:search:{scope_versions(SITE_WIDE_SCOPES)}:{digest}"


def _summary(matches, *, order: str, offset: int, limit: int = PER_PAGE) -> tuple[list, list[int]]:
    """Run SUMMARY_SQL: the facet rows and the ids of `limit` matches from `offset`, in order."""
    from django.db import connection

    from occupy.editions.models import Edition

    if connection.vendor == "postgresql":  # the column the model does not know (see search.vector_sql)
        facets = RawSQL(f'"{Practice._meta.db_table}"."facet_array"', (), output_field=JSONField())
    else:
        facets = F("facet_keys")
    columns = (
        matches.order_by()
        .annotate(facets=facets)
        .values("id", "country", "library_type", "edition_id", "published_at", "facets", "rank")
    )
    try:
        sql, params = columns.query.sql_with_params()
    except EmptyResultSet:  # a query with no word to look for (SQLite): nothing matches
        return [], []
    unnest, key = UNNEST[connection.vendor]
    summary = SUMMARY_SQL.format(matches=sql, edition=Edition._meta.db_table, unnest=unnest, key=key, order=order)
    with connection.cursor() as cursor:
        cursor.execute(summary, [*params, limit, offset])
        rows = cursor.fetchall()
    page = sorted((position, int(value)) for kind, value, _, position, _ in rows if kind == "page")
    return [row for row in rows if row[0] != "page"], [pk for _, pk in page]


def search_practices(*, filters: dict, query: str, sort: str, page: int | str | None) -> SearchResult:
    """One page of matching public practices (with tags and edition), ranked or newest first, and the count of
    each facet's values among all the matches. The content versions (the cache key); the matches are found once, in
    one query with every facet's counts (none when the search is in the cache); then the page's practices and their
    tags (a page past the end beyond the cached first pages asks once more, for the last page)."""
    matches = narrowed(filters, query)
    if not query:
        matches = matches.annotate(rank=Value(0, output_field=IntegerField()))
    order = RELEVANCE if query and sort != "date" else NEWEST
    number = _page_number(page)
    offset = (number - 1) * PER_PAGE
    key = _summary_key(filters, query, order) if settings.PAGE_CACHE else None
    cached = cache_get(key) if key else None  # (facet rows, ids of the first CACHED_IDS matches)
    if cached is None and key and offset + PER_PAGE <= CACHED_IDS:
        cached = _summary(matches, order=order, offset=0, limit=CACHED_IDS)
        cache_set(key, cached, CACHE_SECONDS)
    if cached is not None:
        facet_rows, ids = cached[0], cached[1][offset : offset + PER_PAGE]
    else:  # no cache, or a page beyond the first ten
        facet_rows, ids = _summary(matches, order=order, offset=offset)
    total = sum(n for kind, *_, n in facet_rows if kind == "type")  # every practice has one type
    paginator = Paginator(_Counted(total), PER_PAGE)
    if number > paginator.num_pages:
        number = paginator.num_pages
        offset = (number - 1) * PER_PAGE
        if cached is not None and offset + PER_PAGE <= CACHED_IDS:
            ids = cached[1][offset : offset + PER_PAGE]
        else:
            _, ids = _summary(matches, order=order, offset=offset)
    loaded = (
        Practice.objects.filter(pk__in=ids)
        .defer("search_title", "search_body", "search_vector")
        .select_related("edition")
        .prefetch_related("tags")
        .in_bulk()
    )
    practices = [loaded[pk] for pk in ids if pk in loaded]
    for practice in practices:
        text = f"{practice.summary}\n{practice.description}" if query else practice.summary
        practice.snippet = search.highlight(text, query)
    result_page = Page(practices, number, paginator)
    return SearchResult(page=result_page, facets=facets_from(facet_rows, filters), query=query)


def facets_from(rows, filters: dict) -> dict[str, list[FacetValue]]:
    """The facets to show, from SUMMARY_SQL's rows: most frequent first (goals by number, editions newest first)."""

    def selected(name, value):
        return str(filters.get(name) or "") == str(value)

    type_labels = dict(LibraryType.choices)
    names = {TagKind.SDG: "sdg", TagKind.THEME: "theme", TagKind.AUDIENCE: "audience"}
    facets = {name: [] for name in FACETS}
    tags = {}
    for kind, value, label, year, n in rows:
        if kind == "country":
            facets["country"].append(FacetValue(value, countries.name(value), n, selected("country", value)))
        elif kind == "type":
            facets["type"].append(FacetValue(value, str(type_labels.get(value, value)), n, selected("type", value)))
        elif kind == "edition":
            facet = FacetValue(value, label, n, selected("edition", value))
            facet.year = year
            facets["edition"].append(facet)
        elif kind == "tag":
            tag_kind, value, label = (value.split(":", 2) + [""])[:3]
            if tag_kind in names:
                tags.setdefault((tag_kind, value), [label, 0])[1] += n  # one theme, however its label is spelt
    for (tag_kind, value), (label, n) in tags.items():
        name = names[tag_kind]
        facets[name].append(FacetValue(value, tag_label(tag_kind, value, label), n, selected(name, value)))
    for name, values in facets.items():
        if name == "sdg":
            values.sort(key=lambda f: int(f.value))
        elif name == "edition":
            values.sort(key=lambda f: -f.year)
        else:
            values.sort(key=lambda f: (-f.count, f.label))
    return facets


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
