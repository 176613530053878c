"""Filling the placeholders of the organisers' e-mail texts ({name} {title} {edition} {link}) in templates."""

from django import template
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

from occupy.cfp.mail_text import fill

register = template.Library()


@register.filter
def placeholders(text: str, values: dict) -> str:
    """The text part: `text` with its placeholders filled, as typed."""
    return fill(text, values)


@register.filter
def placeholders_html(text: str, values: dict) -> str:
    """The HTML part: `text` and the values escaped (markup in a title or a name is shown, never run), then
    paragraphs and line breaks."""
    escaped = fill(escape(text), {key: escape(value) for key, value in values.items()})
    return mark_safe(linebreaks(escaped))  # noqa: S308 (everything in it was escaped above)
