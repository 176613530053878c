"""The speaker pages: an edition's speakers, and one person across editions."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from occupy.editions.queries import get_edition_or_404
from occupy.people import queries
from occupy.programme.queries import edition_guests
from occupy.web.pagecache import cached_page


@require_safe
@cached_page
def edition_speakers(request, edition):
    edition = get_edition_or_404(edition)
    speakers = queries.speakers_of_edition(edition)
    # Without speakers here (a programme published elsewhere), the guests the organiser named (one query).
    guests = [] if speakers else edition_guests(edition)
    return render(
        request, "people/edition_speakers.html", {"edition": edition, "speakers": speakers, "guests": guests}
    )


@require_safe
@cached_page
def person_detail(request, slug):
    person = queries.get_person_with_sessions(slug)
    return render(request, "people/person_detail.html", {"person": person})
