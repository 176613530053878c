"""Draw the site's icons (the "OL" mark of the header: white letters on the wine-red of --accent) into
occupy/static/icons/: the PNG fallbacks of favicon.svg, favicon.ico, the 180-px apple-touch-icon and the
192/512-px icons of the web manifest. Original artwork, made here; run again after changing the mark:

    python manage.py make_icons
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

from occupy.web.social import ACCENT, WHITE, font

SUPERSAMPLE = 4  # drawn larger, then reduced: smooth edges at 16 px


def disc(side: int) -> Image.Image:
    """The mark on a transparent square (browser tabs)."""
    big = side * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, big - 1, big - 1), fill=ACCENT)
    draw.text((big / 2, big / 2), "OL", font=font(round(big * 0.42), bold=True), fill=WHITE, anchor="mm")
    return image.resize((side, side), Image.Resampling.LANCZOS)


def tile(side: int) -> Image.Image:
    """The mark filling an opaque square (home screens round or mask the corners themselves); the letters stay
    inside the central 80 %, the safe zone of a maskable icon."""
    big = side * SUPERSAMPLE
    image = Image.new("RGB", (big, big), ACCENT)
    draw = ImageDraw.Draw(image)
    draw.text((big / 2, big / 2), "OL", font=font(round(big * 0.36), bold=True), fill=WHITE, anchor="mm")
    return image.resize((side, side), Image.Resampling.LANCZOS)


class Command(BaseCommand):
    help = "Draw the favicon PNG/ICO fallbacks and the touch and manifest icons into occupy/static/icons/."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "occupy" / "static" / "icons"
        folder.mkdir(parents=True, exist_ok=True)
        disc(32).save(folder / "favicon-32.png", optimize=True)
        disc(48).save(folder / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)])
        tile(180).save(folder / "apple-touch-icon.png", optimize=True)
        tile(192).save(folder / "icon-192.png", optimize=True)
        tile(512).save(folder / "icon-512.png", optimize=True)
        self.stdout.write(f"Icons written to {folder}")
