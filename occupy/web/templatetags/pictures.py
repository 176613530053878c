"""`<img>` tags for stored images with their renditions (occupy.web.images): `srcset` and `sizes` so a browser
fetches no more pixels than it shows, `width`/`height` so nothing shifts while they load, lazy and async.

    {% load pictures %}
    {% avatar_img person 4 %}        a person's photo shown 4rem square (the initials are the caller's fallback)
    {% logo_img organisation 3 %}    an organisation's logo shown 3rem high
"""

from django import template
from django.utils.html import format_html

from occupy.web.images import LOGO, PHOTO, rendition_name, rendition_size, rendition_widths

register = template.Library()
ROOT_FONT_PX = 16


def _candidates(field_file, width, height, spec):
    storage = field_file.storage
    return [
        (storage.url(rendition_name(field_file.name, w)), *rendition_size(width, height, w, spec))
        for w in rendition_widths(width, height, spec)
    ]


def _smallest_covering(candidates, display_px):
    return next((c for c in candidates if c[1] >= display_px), candidates[-1])


@register.simple_tag
def avatar_img(person, rem, alt=""):
    """The person's photo as a square `rem` wide (CSS: .avatar); an <img> of the original when its renditions
    were never built (run `manage.py build_renditions`). Decorative (alt="") where the name is written next
    to it."""
    display_px = round(float(rem) * ROOT_FONT_PX)
    photo, width, height = person.photo, person.photo_width, person.photo_height
    if not (width and height):
        return format_html(
            '<img class="avatar" src="{}" alt="{}" width="{}" height="{}" loading="lazy" decoding="async">',
            photo.url,
            alt,
            display_px,
            display_px,
        )
    candidates = _candidates(photo, width, height, PHOTO)
    src, src_width, src_height = _smallest_covering(candidates, display_px)
    return format_html(
        '<img class="avatar" src="{}" srcset="{}" sizes="{}rem" alt="{}" width="{}" height="{}" loading="lazy"'
        ' decoding="async">',
        src,
        ", ".join(f"{url} {w}w" for url, w, _ in candidates),
        rem,
        alt,
        src_width,
        src_height,
    )


@register.simple_tag
def logo_img(organisation, rem):
    """The organisation's logo `rem` high, as wide as its proportions make it (CSS: .partner__logo); decorative,
    as the organisation's name is written next to it."""
    logo, width, height = organisation.logo, organisation.logo_width, organisation.logo_height
    display_height = round(float(rem) * ROOT_FONT_PX)
    if not (width and height):
        return format_html(
            '<img class="partner__logo" src="{}" alt="" height="{}" loading="lazy" decoding="async">',
            logo.url,
            display_height,
        )
    display_width = max(1, round(display_height * width / height))
    candidates = _candidates(logo, width, height, LOGO)
    src = _smallest_covering(candidates, display_width)[0]
    return format_html(
        '<img class="partner__logo" src="{}" srcset="{}" sizes="{}px" alt="" width="{}" height="{}" loading="lazy"'
        ' decoding="async">',
        src,
        ", ".join(f"{url} {w}w" for url, w, _ in candidates),
        display_width,
        display_width,
        display_height,
    )
