"""Practices for tests: one at a time through the service (as the site writes them), or many in bulk."""

import datetime

from occupy.practices import services
from occupy.practices.enums import Status, TagKind
from occupy.practices.models import Practice, PracticeTag

DAY = datetime.datetime(2031, 3, 1, 10, 0, tzinfo=datetime.UTC)


def make_practice(*, audiences=(), sdgs=(), themes=(), **fields) -> Practice:
    values = {
        "title": "A practice",
        "summary": "What the library did.",
        "organisation": "A library",
        "country": "RO",
        "status": Status.APPROVED,
        "published_at": DAY,
        **fields,
    }
    return services.save_practice(practice=Practice(**values), audiences=audiences, sdgs=sdgs, themes=themes)


def bulk_practices(n: int, *, prefix: str = "bulk") -> list[int]:
    """`n` approved practices in a few queries, over 5 countries, 3 goals each and 2 themes, indexed for search."""
    countries = ["RO", "MD", "UA", "GE", "AM"]
    practices = Practice.objects.bulk_create(
        [
            Practice(
                title=f"Reading club {i}" if i % 2 else f"Coding club {i}",
                slug=f"{prefix}-{i}",
                summary=f"A library club number {i} for children and their families.",
                description="Librarians meet readers every week in the public library.",
                organisation=f"Library {i}",
                country=countries[i % 5],
                status=Status.APPROVED,
                published_at=DAY + datetime.timedelta(minutes=i),
            )
            for i in range(n)
        ],
        batch_size=1000,
    )
    tags = []
    for i, practice in enumerate(practices):
        tags += [PracticeTag(practice=practice, kind=TagKind.SDG, value=str(1 + (i + k) % 17)) for k in range(3)]
        tags += [PracticeTag(practice=practice, kind=TagKind.THEME, value=f"theme-{i % 7}", label=f"Theme {i % 7}")]
        tags += [PracticeTag(practice=practice, kind=TagKind.AUDIENCE, value="children")]
    PracticeTag.objects.bulk_create(tags, batch_size=2000)
    ids = [practice.pk for practice in practices]
    services.reindex(ids)
    return ids
