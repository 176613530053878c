"""The library's rules: saving a practice (with its tags and search columns), proposing one, moderating it, and
taking an edition's case studies, Ignite talks and workshops in as practices.

Every write of a practice goes through `save_practice` (or `reindex` for bulk writes), which keeps the search
columns up to date: no signal does it behind anyone's back.
"""

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify

from occupy.editions.models import Edition
from occupy.practices import search
from occupy.practices.enums import Status, TagKind
from occupy.practices.models import Practice, PracticeTag
from occupy.programme.models import Session

# The session formats whose sessions are practices (the slugs every edition's formats use; see occupy/demo).
PRACTICE_FORMATS = ("case-study", "ignite-talk", "workshop")
SUMMARY_LENGTH = 600
TEXT_FIELDS = ("summary", "description", "organisation", "city", "partners", "results")


def _tags(practice: Practice, *, audiences: Iterable[str], sdgs: Iterable, themes: Iterable[str]) -> list:
    tags = [PracticeTag(practice=practice, kind=TagKind.AUDIENCE, value=value) for value in dict.fromkeys(audiences)]
    tags += [PracticeTag(practice=practice, kind=TagKind.SDG, value=str(int(n))) for n in dict.fromkeys(sdgs)]
    seen = set()
    for theme in themes:
        theme = " ".join(theme.split())[:200]
        slug = slugify(search.fold(theme))[:100]
        if slug and slug not in seen:
            seen.add(slug)
            tags.append(PracticeTag(practice=practice, kind=TagKind.THEME, value=slug, label=theme))
    return tags


def _search_columns(practice: Practice, tags: list[PracticeTag]) -> tuple[str, str]:
    body = [getattr(practice, name) for name in TEXT_FIELDS]
    body += [str(practice.country.name) if practice.country else ""]
    body += [tag.display for tag in tags]
    return search.fold(practice.title), search.fold("\n".join(part for part in body if part))


def facet_keys(tags: list[PracticeTag]) -> list[str]:
    return [f"{tag.kind}:{tag.value}:{tag.label}" if tag.label else f"{tag.kind}:{tag.value}" for tag in tags]


def reindex(practice_ids: list[int]) -> None:
    """Recompute the search columns and facet keys of these practices from their saved text and tags (bulk: a few
    queries for any number). Call after writing practices without `save_practice` (bulk creation)."""
    practices = list(Practice.objects.filter(pk__in=practice_ids).prefetch_related("tags"))
    for practice in practices:
        tags = list(practice.tags.all())
        practice.search_title, practice.search_body = _search_columns(practice, tags)
        practice.facet_keys = facet_keys(tags)
    Practice.objects.bulk_update(practices, ["search_title", "search_body", "facet_keys"], batch_size=500)
    if search.is_postgres() and practices:
        with connection.cursor() as cursor:
            cursor.execute(search.vector_sql(Practice._meta.db_table), [[p.pk for p in practices]])


# Slugs the library's own addresses use (/practices/feed/, /practices/propose/…).
RESERVED_SLUGS = {"feed", "propose", "countries", "sdg"}


def unique_slug(title: str, *, exclude_pk=None) -> str:
    base = slugify(search.fold(title))[:180] or "practice"
    slug, n = base, 1
    if slug in RESERVED_SLUGS:
        slug = f"{base}-practice"
    taken = Practice.objects.exclude(pk=exclude_pk)
    while taken.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_practice(
    *, practice: Practice, audiences: Iterable[str] = (), sdgs: Iterable = (), themes: Iterable[str] = ()
) -> Practice:
    """Save `practice` with exactly these tags, and its search columns. An approved practice gets its publication
    date the first time. Side effects: replaces the practice's tags; bumps the page cache (post_save)."""
    if not practice.slug:
        practice.slug = unique_slug(practice.title, exclude_pk=practice.pk)
    if practice.status == Status.APPROVED and practice.published_at is None:
        practice.published_at = timezone.now()
    tags = _tags(practice, audiences=audiences, sdgs=sdgs, themes=themes)
    practice.search_title, practice.search_body = _search_columns(practice, tags)
    practice.facet_keys = facet_keys(tags)
    practice.save()
    practice.tags.all().delete()
    PracticeTag.objects.bulk_create(tags)
    if search.is_postgres():
        with connection.cursor() as cursor:
            cursor.execute(search.vector_sql(Practice._meta.db_table), [[practice.pk]])
    return practice


def tags_of(practice: Practice) -> dict:
    """The practice's tags as save_practice takes them (to save it again with its tags unchanged)."""
    tags = list(practice.tags.all())
    return {
        "audiences": [t.value for t in tags if t.kind == TagKind.AUDIENCE],
        "sdgs": [int(t.value) for t in tags if t.kind == TagKind.SDG],
        "themes": [t.label or t.value for t in tags if t.kind == TagKind.THEME],
    }


def propose_practice(*, practice: Practice, audiences=(), sdgs=(), themes=()) -> Practice:
    """A librarian's proposal between editions: saved as proposed, public only once an organiser approves it."""
    practice.status = Status.PROPOSED
    practice.is_sample = False
    practice.published_at = None
    return save_practice(practice=practice, audiences=audiences, sdgs=sdgs, themes=themes)


class IllegalTransition(Exception):
    pass


@transaction.atomic
def decide(*, practice: Practice, status: str) -> Practice:
    """Approve or reject a practice (any state may go to approved or rejected; a rejected one can be approved later).
    Approving publishes it (dated the first time)."""
    if status not in (Status.APPROVED, Status.REJECTED):
        raise IllegalTransition(status)
    practice = Practice.objects.select_for_update().get(pk=practice.pk)
    practice.status = status
    fields = ["status"]
    if status == Status.APPROVED and practice.published_at is None:
        practice.published_at = timezone.now()
        fields.append("published_at")
    practice.save(update_fields=fields)
    return practice


def _practice_values(session: Session) -> dict:
    speakers = list(session.speakers.all())
    first = speakers[0] if speakers else None
    abstract = session.abstract.strip()
    summary = abstract.split("\n\n")[0][:SUMMARY_LENGTH] if abstract else session.title
    return {
        "title": session.title,
        "summary": summary,
        "description": abstract,
        "organisation": first.organisation if first else "",
        "country": first.country if first else "",
        "edition": session.edition,
        "is_sample": session.is_sample or session.edition.is_sample,
    }


@transaction.atomic
def take_in_sessions(*, edition: Edition) -> tuple[int, int]:
    """Make every case study, Ignite talk and workshop of `edition` a practice, or bring the practice it already
    is up to date with the session (title, texts, speaker's organisation and country; a moderator's other edits,
    its tags and its state stay). New ones are approved: the programme they come from is public already.
    Returns (created, updated). Side effects: saves practices (page cache bumps)."""
    sessions = (
        Session.objects.filter(edition=edition, format__slug__in=PRACTICE_FORMATS)
        .select_related("edition", "theme", "practice")
        .prefetch_related("speakers")
    )
    created = updated = 0
    for session in sessions:
        values = _practice_values(session)
        practice = getattr(session, "practice", None)
        if practice is None:
            practice = Practice(session=session, status=Status.APPROVED, **values)
            practice.slug = unique_slug(f"{edition.slug} {session.slug}")
            themes = [session.theme.title] if session.theme else []
            save_practice(practice=practice, themes=themes)
            created += 1
            continue
        if any(getattr(practice, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(practice, name, value)
            save_practice(practice=practice, **tags_of(practice))
            updated += 1
    return created, updated
