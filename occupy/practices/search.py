"""Full-text search of the library: one way to fold text, one way to match it, one way to highlight it.

Folding: the same function (`fold`) turns a practice's text and a visitor's query into lower-case letters without
diacritics, so "biblioteca publica" finds "biblioteca publică", and the Romanian letters written with a comma
below (ș ț, the correct forms) and with a cedilla (ş ţ, the old keyboards' forms) become the same "s" and "t".
Python's decomposition handles every letter that has one; the few that have none (ł, ø, đ, æ, œ…) are mapped by
hand. The folded text is stored (`search_title`, `search_body`) by the service that saves a practice.

PostgreSQL: the stored tsvector (`search_vector`, GIN index) is the English-stemmed folded text, the title weighted
A and the rest B, passed through `unaccent` too (the extension's rules cover letters we might have missed). A query
goes through `websearch_to_tsquery` (no syntax error is possible, whatever is typed; Django's
SearchQuery(search_type="websearch") would write the same call, but per row: see `tsquery`) and results are ranked
with `ts_rank`, so a title match comes before a body match. A broad query matches every practice, and each match is
ranked: the tsvector is stored in the row (STORAGE MAIN, migration 0004), not in the TOAST table, so reading ten
thousand of them is a scan of the table, not ten thousand look-ups of out-of-line chunks (3 to 4 times faster).

SQLite (development): every word of the query must appear in the folded text; title matches come first.

Snippets are highlighted here, in Python, on the original text (not with ts_headline, which would compare the
folded query with unfolded text and miss "publică", or show the folded text without its diacritics): everything
is escaped, and only our own <mark> is added.
"""

import html
import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, Case, F, FloatField, Func, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A query longer than this is cut: nobody types more, and the database gets a bounded amount of work.
MAX_QUERY_LENGTH = 200
# At most this many words of a query are used on SQLite (each one is a LIKE over the folded text).
MAX_WORDS = 8
CONFIG = "english"
SNIPPET_WORDS = 32

# Letters without a Unicode decomposition, folded as a reader would type them on an English keyboard.
_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"})
_WORD = re.compile(r"\w+")
_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def clean_query(text: str) -> str:
    """A visitor's query as we search it: no NUL or other control characters (PostgreSQL refuses NUL), single
    spaces, at most MAX_QUERY_LENGTH characters."""
    text = (text or "").translate(_CONTROL)
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def fold(text: str) -> str:
    """Lower case, without diacritics: "Biblioteca Publică, Chișinău / Chişinău" → "biblioteca publica, chisinau /
    chisinau"."""
    text = text or ""
    if text.isascii():  # most words of most texts: nothing to decompose (and casefold is lower for ASCII)
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_EXTRA)


def words_of(query: str) -> list[str]:
    """The query's words, folded, in order, without repeats (for SQLite's matching and for highlighting)."""
    seen = []
    for word in _WORD.findall(fold(query)):
        if word not in seen:
            seen.append(word)
    return seen


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def vector_sql(table: str) -> str:
    """The UPDATE that computes the tsvector of the rows whose ids are given (one parameter: a list), and their
    `facet_array`: the facet keys again as a PostgreSQL text array (a column of PostgreSQL's only, added by
    migration 0004 and absent from the model), which a search unnests several times faster than the JSON."""
    return (
        f"UPDATE {table} SET search_vector = "
        f"setweight(to_tsvector('{CONFIG}', unaccent(search_title)), 'A') || "
        f"setweight(to_tsvector('{CONFIG}', unaccent(search_body)), 'B'), "
        "facet_array = ARRAY(SELECT jsonb_array_elements_text(facet_keys)) "
        "WHERE id = ANY(%s)"
    )


class Matches(Func):
    """`vector @@ tsquery`, a condition a queryset can be filtered by."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def tsquery(query: str) -> RawSQL:
    """The query as PostgreSQL searches it: folded, through `unaccent`, parsed by websearch_to_tsquery (which accepts
    any text). A scalar subquery, so that PostgreSQL computes it once per search, not once per row (`unaccent` is
    only STABLE: a plain call would be repeated for every row and keep the planner from the GIN index)."""
    return RawSQL(f"(SELECT websearch_to_tsquery('{CONFIG}'::regconfig, unaccent(%s)))", (fold(query),))


def match(queryset, query: str):
    """`queryset` narrowed to what matches `query` (already cleaned), annotated with `rank` (higher first)."""
    if is_postgres():
        rank = Func(F("search_vector"), tsquery(query), function="ts_rank", output_field=FloatField())
        return queryset.filter(Matches(F("search_vector"), tsquery(query))).annotate(rank=rank)
    words = words_of(query)[:MAX_WORDS]
    if not words:
        return queryset.none().annotate(rank=Value(0, output_field=IntegerField()))
    for word in words:
        queryset = queryset.filter(Q(search_title__contains=word) | Q(search_body__contains=word))
    in_title = [When(search_title__contains=word, then=Value(1)) for word in words]
    return queryset.annotate(rank=Case(*in_title, default=Value(0), output_field=IntegerField()))


def _matches(word: str, terms: list[str]) -> bool:
    # Close enough to English stemming for a highlight: "library" and "libraries" share all but their endings.
    for term in terms:
        common = len(_common_prefix(word, term))
        if common >= 3 and common >= min(len(word), len(term)) - 2 and (common == len(term) or common >= 5):
            return True
        if word == term:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def highlight(text: str, query: str, *, words: int = SNIPPET_WORDS) -> SafeString:
    """An escaped excerpt of `text` around the first word that matches `query`, each matching word in <mark>.
    Without a match, the beginning of the text."""
    terms = [t for t in words_of(query) if len(t) >= 2]
    tokens = re.split(r"(\w+)", text or "")
    # tokens alternate: separator, word, separator, word, …, separator
    word_positions = list(range(1, len(tokens), 2))
    # Fold words only up to the first match, then within the excerpt: a long text costs no more than a short one.
    first = next((k for k, i in enumerate(word_positions) if terms and _matches(fold(tokens[i]), terms)), None)
    start = max(0, (first or 0) - words // 4)
    chosen = word_positions[start : start + words]
    hits = {i for i in chosen if first is not None and _matches(fold(tokens[i]), terms)}
    if not chosen:
        return mark_safe(escape(text or ""))  # noqa: S308 (escaped)
    # From the text's start when the excerpt begins with its first word; to its end when it ends with its last.
    begin = 0 if start == 0 else chosen[0]
    end = len(tokens) if chosen[-1] == word_positions[-1] else chosen[-1] + 1
    pieces = ["…" if start > 0 else ""]
    for i in range(begin, end):
        piece = html.escape(tokens[i])  # what django's escape does, without its lazy-string wrapper per token
        pieces.append(f"<mark>{piece}</mark>" if i in hits else piece)
    if end < len(tokens):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 (every piece is escaped above)
