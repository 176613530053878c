"""The home page and the edition pages: thin views over editions.queries."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from occupy.content import queries as content_queries
from occupy.editions import queries
from occupy.editions.models import Edition
from occupy.programme.queries import edition_guests
from occupy.web.pagecache import cached_page


def registration_is_open(edition: Edition) -> bool:
    """Registration is open until the edition ends (in its own time zone) or until the set closing time."""
    now = timezone.now()
    if has_ended(edition):
        return False
    if edition.registration_opens_at and now < edition.registration_opens_at:
        return False
    return not (edition.registration_closes_at and now >= edition.registration_closes_at)


def has_ended(edition: Edition) -> bool:
    return timezone.localdate(timezone.now(), timezone=edition.tz) > edition.end_date


@require_safe
@cached_page
def home(request):
    edition = queries.current_edition()
    context = {"edition": edition, "editions": queries.published_editions()}
    if edition is not None:
        context |= {
            "keynotes": queries.keynote_speakers(edition),
            "guests": edition_guests(edition),
            "registration_open": registration_is_open(edition),
            "has_ended": has_ended(edition),
            "news": content_queries.latest_news(),
        }
    return render(request, "editions/home.html", context)


@require_safe
@cached_page
def edition_detail(request, edition):
    edition = queries.get_edition_overview(edition)
    context = {
        "edition": edition,
        "figures": queries.edition_figures(edition),
        "keynotes": queries.keynote_speakers(edition),
        "guests": edition_guests(edition),
        "partner_groups": content_queries.partners_by_role(edition),
        "registration_open": registration_is_open(edition),
        "has_ended": has_ended(edition),
    }
    return render(request, "editions/edition_detail.html", context)
