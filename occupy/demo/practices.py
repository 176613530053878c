"""The library's first true practices: the organiser's own projects, in the words the press release gives them
(seed_texts.PROJECTS), and the sample edition's case studies, Ignite talks and workshops (sample data, marked so).

The audiences, themes and goals of the true practices are our classification of what each text says (who it is
for, what it teaches); no other fact is added. They are dated with the press release that describes them."""

import datetime

from occupy.demo.seed_texts import PROJECTS
from occupy.practices.enums import Audience, LibraryType, Status
from occupy.practices.models import Practice
from occupy.practices.services import save_practice, tags_of, take_in_sessions

PRESS_RELEASE_DAY = datetime.datetime(2020, 9, 21, 9, 0, tzinfo=datetime.UTC)

# Project slug → (audiences, goals, themes), read from its text in seed_texts.PROJECTS.
CLASSIFICATION = {
    "code-kids": (
        [Audience.CHILDREN, Audience.YOUTH, Audience.LIBRARIANS],
        [4],
        ["Coding clubs", "STEM", "Digital skills"],
    ),
    "time-to-know": ([Audience.CHILDREN], [4], ["Reading", "STEM", "Learning by doing"]),
    "learning-circles-in-libraries": ([Audience.ADULTS], [4], ["Lifelong learning", "Online learning"]),
    "public-libraries-as-active-citizens-hubs": ([], [16, 17], ["Active citizenship", "Library networks"]),
}


def load_true_practices() -> list[Practice]:
    """The organiser's four projects as approved practices (idempotent: keyed by slug; saved only when changed)."""
    texts = {slug: (title, text) for slug, title, text in PROJECTS}
    practices = []
    for slug, (audiences, goals, themes) in CLASSIFICATION.items():
        title, text = texts[slug]
        values = {
            "title": title,
            "summary": text,
            "organisation": "Progress Foundation",
            "country": "RO",
            "library_type": LibraryType.PUBLIC,
            "status": Status.APPROVED,
            "is_sample": False,
            "published_at": PRESS_RELEASE_DAY,
        }
        tags = {"audiences": [str(a) for a in audiences], "sdgs": goals, "themes": themes}
        practice = Practice.objects.filter(slug=slug).prefetch_related("tags").first()
        if practice is not None:
            unchanged = all(getattr(practice, name) == value for name, value in values.items())
            if unchanged and _sorted(tags_of(practice)) == _sorted(tags):
                practices.append(practice)
                continue
        else:
            practice = Practice(slug=slug)
        for name, value in values.items():
            setattr(practice, name, value)
        practices.append(save_practice(practice=practice, **tags))
    return practices


def _sorted(tags: dict) -> dict:
    return {kind: sorted(values) for kind, values in tags.items()}


# Sample practices only (invented): the goals a sample session's theme suggests, so that the goal facets have
# something to show in the demo.
SAMPLE_GOALS = {
    "engaging-community-in-rethinking-repurposing-and-remanufacturing-recycling": [11, 12],
    "empowerment-for-repair-reuse-and-recover": [12],
    "educating-for-a-sustainable-planet": [4, 13],
}


def load_sample_practices(edition) -> tuple[int, int]:
    """The sample edition's practice sessions as (sample) practices, with the goals of their themes."""
    created, updated = take_in_sessions(edition=edition)
    untagged = (
        Practice.objects.filter(edition=edition, is_sample=True, session__theme__slug__in=SAMPLE_GOALS)
        .exclude(tags__kind="sdg")
        .select_related("session__theme")
        .prefetch_related("tags")
    )
    for practice in untagged:
        tags = tags_of(practice)
        save_practice(practice=practice, **{**tags, "sdgs": SAMPLE_GOALS[practice.session.theme.slug]})
    return created, updated
