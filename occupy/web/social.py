"""Social preview images (Open Graph, Twitter cards): a 1200 × 630 PNG drawn with Pillow from a page's title,
in the site's colours and with the "OL" mark of the header. Drawing takes ~50 ms, so each card is kept in the
cache under a key made of its text; a card's URL is stable and its response cacheable.

DejaVu Sans (Debian's fonts-dejavu-core, which covers Romanian and Ukrainian letters) is used where installed;
Pillow's own scalable font otherwise.
"""

import hashlib
import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from occupy.web.cacheguard import cache_get, cache_set

WIDTH, HEIGHT = 1200, 630
INK, ACCENT, SOFT, WHITE = (29, 29, 40), (138, 28, 58), (247, 233, 237), (255, 255, 255)
SAMPLE_BG, SAMPLE_LINE = (255, 243, 191), (122, 92, 0)  # the sample notice's colours in site.css
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu/",)
CACHE_SECONDS = 7 * 24 * 3600
VERSION = 1  # bump when the drawing changes: cached cards are keyed by it


@lru_cache(maxsize=16)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        try:
            return ImageFont.truetype(folder + name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def _wrap(draw, text: str, face, max_width: int, max_lines: int) -> list[str]:
    """Lines of `text` no wider than max_width; the last one ends in "…" when the text is longer."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=face) <= max_width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        while lines[-1] and draw.textlength(lines[-1] + "…", font=face) > max_width:
            lines[-1] = lines[-1].rsplit(" ", 1)[0] if " " in lines[-1] else lines[-1][:-1]
        lines[-1] += "…"
    return lines


def draw_mark(draw, left: int, top: int, side: int) -> None:
    """The "OL" mark of the site's header: white letters on a wine-red disc."""
    draw.ellipse((left, top, left + side, top + side), fill=ACCENT)
    draw.text(
        (left + side / 2, top + side / 2), "OL", font=font(round(side * 0.4), bold=True), fill=WHITE, anchor="mm"
    )


def render_card(*, kicker: str, title: str, footer: str, mark: str = "") -> bytes:
    """The card; `mark` (the sample-data mark) is written on a yellow band across the top."""
    image = Image.new("RGB", (WIDTH, HEIGHT), SOFT)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - 24, WIDTH, HEIGHT), fill=ACCENT)
    if mark:
        draw.rectangle((0, 0, WIDTH, 52), fill=SAMPLE_BG)
        draw.line((0, 52, WIDTH, 52), fill=SAMPLE_LINE, width=3)
        draw.text((WIDTH / 2, 26), mark.upper(), font=font(26, bold=True), fill=INK, anchor="mm")
    draw_mark(draw, 80, 70, 96)
    draw.text((196, 118), "Occupy Library", font=font(40, bold=True), fill=INK, anchor="lm")
    for line in _wrap(draw, kicker.upper(), font(30, bold=True), WIDTH - 160, 1):
        draw.text((80, 225), line, font=font(30, bold=True), fill=ACCENT)
    title_font = font(64, bold=True)
    for number, line in enumerate(_wrap(draw, title, title_font, WIDTH - 160, 3)):
        draw.text((80, 280 + number * 78), line, font=title_font, fill=INK)
    for line in _wrap(draw, footer, font(30), WIDTH - 160, 1):
        draw.text((80, HEIGHT - 80), line, font=font(30), fill=INK)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def social_card(*, kicker: str, title: str, footer: str, mark: str = "") -> bytes:
    """The card's PNG, from the cache when drawn before."""
    digest = hashlib.sha256("\x1f".join((str(VERSION), kicker, title, footer, mark)).encode()).hexdigest()
    key = f"og-card:{digest}"
    png = cache_get(key)
    if png is None:
        png = render_card(kicker=kicker, title=title, footer=footer, mark=mark)
        cache_set(key, png, CACHE_SECONDS)
    return png
