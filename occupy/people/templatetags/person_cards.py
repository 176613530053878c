"""`{% person_card person "h2" links %}`: one person as a card (photo or initials, name linked to their page,
position, organisation, country and, when given, the sessions of `links`, SessionSpeaker rows with their
session and its edition).

Written in Python rather than as an included template: the speakers page of a 400-session edition holds ~500
cards, and the template engine spent ~250 ms of CPU resolving their variables (bench/cpu.py); joined from
strings they cost a few milliseconds. The markup is what the former components/_person_card.html wrote.
"""

import functools
from html import escape

from django import template
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django_countries import countries

from occupy.web.templatetags.pictures import avatar_img

register = template.Library()


@functools.lru_cache(maxsize=16)
def _paths(script_prefix: str) -> tuple[str, str]:
    # reverse() cost a quarter of the page (1,000 calls): the two patterns, with a mark where slugs go.
    person = reverse("people:detail", kwargs={"slug": "slug-mark"})
    session = reverse("programme:session", kwargs={"edition": "edition-mark", "slug": "slug-mark"})
    return (
        person.replace("slug-mark", "{slug}"),
        session.replace("edition-mark", "{edition}").replace("slug-mark", "{slug}"),
    )


@functools.lru_cache(maxsize=1024)
def _country_name(code: str, language: str | None) -> str:
    """The country's name in the active `language`, escaped: django-countries looks a name up through several
    translation calls, so once per country and language rather than per card."""
    return escape(str(countries.name(code)))


def _country_code(person) -> str:
    """The person's country code: from the loaded column where it is (django-countries builds a Country
    object, looking the code up, on every read of `person.country`: a tenth of the speakers page)."""
    code = person.__dict__.get("country")
    if code is None:  # deferred, or never set
        country = person.country
        return country.code if country else ""
    return getattr(code, "code", code) or ""


def avatar(person) -> str:
    """components/_avatar.html at its default size."""
    if person.photo:
        return avatar_img(person, 4)
    return f'<span class="avatar avatar--initials" aria-hidden="true">{escape(person.initials)}</span>'


@register.simple_tag
def person_card(person, heading: str = "h3", links=()) -> SafeString:
    return mark_safe(_card(person, heading, links, _paths(get_script_prefix()), get_language()))  # noqa: S308


@register.simple_tag
def speaker_cards(people, heading: str = "h3") -> SafeString:
    """`<li>{% person_card person heading person.edition_links %}</li>` for each of `people`, with the script
    prefix and language looked up once for the list rather than per card."""
    paths, language = _paths(get_script_prefix()), get_language()
    return mark_safe(  # noqa: S308 (every value is escaped)
        "".join(f"<li>{_card(person, heading, person.edition_links, paths, language)}</li>" for person in people)
    )


def _card(person, heading, links, paths, language) -> str:
    tag = "h2" if heading == "h2" else "h3"
    person_path, session_path = paths
    parts = [
        '\n<article class="person-card">\n  ',
        avatar(person),
        '\n\n  <div class="person-card__text">\n    \n    ',
        f'<{tag} class="person-card__name"><a href="{escape(person_path.format(slug=person.slug))}">'
        f"{escape(person.name)}</a></{tag}>\n    \n    ",
    ]
    if person.position:
        parts.append(f'<p class="person-card__position">{escape(person.position)}</p>')
    parts.append("\n    ")
    code = _country_code(person)
    if person.organisation or code:
        separator = " · " if person.organisation and code else ""
        country = _country_name(code, language) if code else ""
        parts.append(f'<p class="person-card__meta">{escape(person.organisation)}{separator}{country}</p>')
    parts.append("\n    ")
    if links:
        items = "".join(
            f'<li><a href="{escape(session_path.format(edition=link.session.edition.slug, slug=link.session.slug))}">'
            f"{escape(link.session.title)}</a></li>"
            for link in links
        )
        parts.append(f'<ul class="person-card__sessions">{items}</ul>')
    parts.append("\n  </div>\n</article>\n")
    return "".join(parts)  # every value is escaped
