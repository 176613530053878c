"""The home page and the edition pages: thin views over editions.queries."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from occupy.content import queries as content_queries
from occupy.editions import queries
from occupy.editions.models import RegistrationWindow
from occupy.programme.queries import edition_guests
from occupy.web.pagecache import cached_page


@require_safe
@cached_page
def home(request):
    edition = queries.current_edition()
    context = {"edition": edition, "editions": queries.published_editions()}
    if edition is not None:
        context |= {
            "keynotes": queries.keynote_speakers(edition),
            "guests": edition_guests(edition),
            "registration_open": edition.registration_window() == RegistrationWindow.OPEN,
            "has_ended": edition.has_ended(),
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
        "registration_open": edition.registration_window() == RegistrationWindow.OPEN,
        "has_ended": edition.has_ended(),
    }
    return render(request, "editions/edition_detail.html", context)
