"""Reads for the speaker pages, each declaring what it loads."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext as _

from occupy.editions.models import Edition, published_through
from occupy.people.models import Person
from occupy.programme.models import Guest, SessionSpeaker


class EditionLink:
    """A speaker's session in the edition, as a card links it (`link.session.edition.slug`, `.slug`, `.title`)."""

    __slots__ = ("session",)

    def __init__(self, session):
        self.session = session


class LinkedSession:
    __slots__ = ("edition", "slug", "title")

    def __init__(self, edition, slug, title):
        self.edition, self.slug, self.title = edition, slug, title


def speakers_of_edition(edition: Edition) -> list[Person]:
    """The people speaking in an edition, by name, each with `edition_links`: their sessions in this edition
    as `EditionLink`s (two queries, whatever the size of the programme). The links are plain rows: built as
    SessionSpeaker and Session instances, 1,000 of them were a third of the page's CPU."""
    people = list(
        Person.objects.filter(session_speakers__session__edition=edition)
        .defer("bio", "email", "website")  # what a card does not show
        .distinct()
        .order_by("name", "pk")
    )
    links = (
        SessionSpeaker.objects.filter(session__edition=edition)
        .order_by("session__starts_at", "session__title")
        .values_list("person_id", "session__slug", "session__title")
    )
    by_person = {person.pk: [] for person in people}
    for person_id, slug, title in links:
        by_person[person_id].append(EditionLink(LinkedSession(edition, slug, title)))
    for person in people:
        person.edition_links = by_person[person.pk]
    return people


def get_person_with_sessions(slug: str) -> Person:
    """A person with `sessions_by_edition`: [(edition, [SessionSpeaker with session, format, theme, room])],
    newest edition first, and `guest_editions`: the editions that named them as a guest, published editions
    only (three queries); 404 when unknown."""
    links = (
        SessionSpeaker.objects.filter(published_through("session__edition"))
        .select_related("session__edition", "session__format", "session__theme", "session__room")
        .order_by("-session__edition__year", "session__starts_at", "session__title")
    )
    person = (
        Person.objects.filter(slug=slug)
        .prefetch_related(
            Prefetch("session_speakers", queryset=links, to_attr="published_links"),
            Prefetch(
                "guest_of",
                queryset=Guest.objects.filter(published_through("edition"))
                .select_related("edition")
                .order_by("-edition__year"),
                to_attr="published_guest_of",
            ),
        )
        .first()
    )
    # A person with no session and no guest role in a published edition is not public (yet): no page for them.
    if person is None or not (person.published_links or person.published_guest_of):
        raise Http404(_("There is no speaker “%(slug)s”.") % {"slug": slug})
    grouped: dict[int, tuple[Edition, list[SessionSpeaker]]] = {}
    for link in person.published_links:
        edition = link.session.edition
        grouped.setdefault(edition.pk, (edition, []))[1].append(link)
    person.sessions_by_edition = list(grouped.values())
    person.guest_editions = [guest.edition for guest in person.published_guest_of]
    return person


def accounts_with_email(email: str) -> list:
    """Active accounts whose e-mail address is `email` (without case), at most two: the caller needs to know
    only whether there is none, one, or more than one."""
    return list(get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).order_by("pk")[:2])
