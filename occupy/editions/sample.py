"""Sample content says so wherever it appears (pages, e-mails, PDFs, exports).

One rule decides what is sample (`is_sample`), and the words that say it are kept here, so the banner, the
e-mails, the PDFs and the exports all say the same thing in the reader's language.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

NOTICE_TITLE = _("Sample data")
NOTICE_TEXT = _(
    "This edition, its sessions, speakers and registrations are invented to show how the platform works. "
    "It is not a real Occupy Library edition."
)
# The short mark for titles, calendar names and printed documents.
MARK = _("Sample data – not a real event")
SUBJECT_PREFIX = _("[Sample]")


def is_sample(*things) -> bool:
    """Whether any of `things` is sample data: an edition, person, session or registration flagged
    `is_sample`, or a session or registration of a sample edition. `None` is skipped.

    Reads a thing's edition (one query unless it is loaded already), so pass the edition first where it is
    at hand: the answer stops at the first sample thing.
    """
    for thing in things:
        if thing is None:
            continue
        if getattr(thing, "is_sample", False):
            return True
        if getattr(thing, "edition_id", None) is not None and thing.edition.is_sample:
            return True
    return False


def marked(title: str, *things) -> str:
    """`title`, followed by the sample mark when any of `things` is sample data."""
    return f"{title} ({gettext(MARK)})" if is_sample(*things) else title


def notice_text() -> str:
    """The whole notice as one line of plain text (e-mails' text part, calendars, PDFs)."""
    return f"{gettext(NOTICE_TITLE)}: {gettext(NOTICE_TEXT)}"


def image_mark(edition) -> str:
    """The mark drawn on an edition's images (social preview cards), in the site's language: an image's URL
    is the same for every reader, and crawlers send no language. Empty for a real edition."""
    from django.conf import settings
    from django.utils import translation

    if not edition.is_sample:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext(MARK)
