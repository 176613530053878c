"""The home page and the edition pages: thin views over editions.queries."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from occupy.content import queries as content_queries
from occupy.editions import queries
from occupy.editions.models import RegistrationWindow
from occupy.editions.sample import image_mark
from occupy.programme.queries import edition_guests
from occupy.web.pagecache import cached_page
from occupy.web.social import social_card


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
        "is_on": edition.is_on(),
    }
    return render(request, "editions/edition_detail.html", context)


@require_safe
def edition_social_image(request, edition):
    """The edition's social preview card (og:image), 1200 × 630 PNG; cacheable for a day."""
    edition = queries.get_edition_or_404(edition)
    where = ", ".join(part for part in (edition.venue_name, edition.city) if part)
    png = social_card(
        kicker=" · ".join(str(part) for part in (edition.year, where) if part),
        title=f"{edition.title}: {edition.tagline}" if edition.tagline else edition.title,
        footer=f"{edition.start_date:%d.%m.%Y} – {edition.end_date:%d.%m.%Y}",
        mark=image_mark(edition),
    )
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=86400)
    return response
