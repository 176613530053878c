"""PDF documents (tickets, certificates, badges): Django templates of HTML and CSS rendered by WeasyPrint.

The templates carry their own styles and fetch nothing (occupy/web/pdf.py).
"""

import segno
from django.template.loader import render_to_string
from django.utils.translation import gettext

from occupy.editions.sample import MARK, is_sample
from occupy.web.pdf import html_to_pdf


def render_pdf(template_name: str, context: dict) -> bytes:
    # Every document of a sample edition carries the mark (registration/_sample_mark.pdf.html shows it).
    sample = is_sample(context.get("edition"), context.get("registration"))
    html = render_to_string(template_name, {**context, "sample_mark": gettext(MARK) if sample else ""})
    return html_to_pdf(html)


def qr_data_uri(data: str) -> str:
    """A QR code of `data` as an SVG data URI, sharp at any print size."""
    return segno.make(data, error="m", micro=False).svg_data_uri(scale=4, border=2)
