"""The theme colours in schedule.css: one per palette slot, each with AA contrast for text on white (4.5:1),
so the stripe and swatch are clear and the colour would also do for text."""

import re
from pathlib import Path

from django.conf import settings

from occupy.programme.timetable import THEME_COLOURS

CSS = Path(settings.BASE_DIR) / "occupy" / "static" / "css" / "schedule.css"


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_every_theme_colour_has_aa_contrast_on_white():
    colours = dict(re.findall(r"\.theme-(\d+) \{ --theme: (#[0-9a-f]{6}); \}", CSS.read_text()))
    assert sorted(colours, key=int) == [str(n) for n in range(1, THEME_COLOURS + 1)]
    ratios = {n: (1.05) / (luminance(colour) + 0.05) for n, colour in colours.items()}
    assert all(ratio >= 4.5 for ratio in ratios.values()), ratios
