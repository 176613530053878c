"""PDF documents (tickets, certificates, badges): Django templates of HTML and CSS rendered by WeasyPrint.

The templates carry their own styles and fetch nothing (occupy/web/pdf.py).
"""

import base64
import logging
import mimetypes
from dataclasses import dataclass

import segno
from django.template.loader import render_to_string
from django.utils.translation import gettext

from occupy.editions.sample import MARK, is_sample
from occupy.web.pdf import html_to_pdf

logger = logging.getLogger(__name__)

# Logos a PDF may embed (WeasyPrint reads only data: URIs), and how large: a bigger file is left out, not printed.
LOGO_TYPES = {"image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp"}
LOGO_MAX_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class OrganiserMark:
    name: str
    logo: str  # a data: URI, or "" when the organiser has no logo (or it cannot be read)


def organiser_mark(edition) -> OrganiserMark | None:
    """The organiser that certificates and badges name, with its logo (content.Organisation.logo) embedded; None
    when no organisation has the organiser role (one query, and a file read for the logo)."""
    from occupy.content.queries import organiser_of

    organiser = organiser_of(edition)
    if organiser is None:
        return None
    return OrganiserMark(name=organiser.name, logo=_logo_data_uri(organiser.logo))


def _logo_data_uri(logo) -> str:
    if not logo:
        return ""
    mimetype = mimetypes.guess_type(logo.name)[0]
    if mimetype not in LOGO_TYPES:
        return ""
    try:
        if logo.size > LOGO_MAX_BYTES:
            return ""
        with logo.open("rb") as file:
            data = file.read()
    except OSError:  # the file is missing from the storage: print the name without the logo
        logger.warning("The organiser's logo %s cannot be read", logo.name)
        return ""
    return f"data:{mimetype};base64,{base64.b64encode(data).decode('ascii')}"


def render_pdf(template_name: str, context: dict) -> bytes:
    # Every document of a sample edition carries the mark (registration/_sample_mark.pdf.html shows it).
    sample = is_sample(context.get("edition"), context.get("registration"))
    html = render_to_string(template_name, {**context, "sample_mark": gettext(MARK) if sample else ""})
    return html_to_pdf(html)


def qr_data_uri(data: str) -> str:
    """A QR code of `data` as an SVG data URI, sharp at any print size."""
    return segno.make(data, error="m", micro=False).svg_data_uri(scale=4, border=2)
