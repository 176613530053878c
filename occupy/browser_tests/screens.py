"""Screenshots compared with recorded PNGs (occupy/browser_tests/screenshots/), with a tolerance.

A pixel differs when one of its channels moves by more than PIXEL_THRESHOLD (of 255): anti-aliasing of the
same glyphs never does, a moved block does. A screenshot matches while at most ALLOWED_FRACTION of its pixels
differ; a size change counts the pixels outside the common area as different. On a mismatch the expected and
actual PNGs and a diff image (differing pixels in red over a faded copy of the actual) are written to a
temporary folder named in the failure message.

With UPDATE_SCREENSHOTS=1 in the environment the screenshots are recorded (overwriting the baselines) instead.
"""

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PIL import Image, ImageChops

BASELINES = Path(__file__).resolve().parent / "screenshots"
PIXEL_THRESHOLD = 40
ALLOWED_FRACTION = 0.01
MAX_HEIGHT = 2400  # a long page is compared from its top: enough for the layout, modest PNGs


def recording() -> bool:
    return os.environ.get("UPDATE_SCREENSHOTS", "") not in ("", "0")


def settle(page) -> None:
    """Wait until the page will draw the same thing every time: web fonts loaded, images decoded, no focus ring
    or caret from a field that took focus on load."""
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")
    page.evaluate(
        "Promise.all([...document.images].map(i => i.complete ? true : i.decode().catch(() => true)))"
        ".then(() => { if (document.activeElement) document.activeElement.blur(); return true; })"
    )


def screenshot(page, *, max_height: int = MAX_HEIGHT) -> bytes:
    """The page from its top, as wide as the viewport and as tall as its content (at most max_height)."""
    settle(page)
    width = page.viewport_size["width"]
    height = min(page.evaluate("document.documentElement.scrollHeight"), max_height)
    return page.screenshot(
        full_page=True,
        animations="disabled",
        caret="hide",
        clip={"x": 0, "y": 0, "width": width, "height": height},
    )


def difference(expected: Image.Image, actual: Image.Image) -> tuple[float, Image.Image]:
    """The fraction of pixels that differ and an image showing where."""
    width, height = max(expected.width, actual.width), max(expected.height, actual.height)
    canvas_expected = Image.new("RGB", (width, height), (255, 0, 255))
    canvas_expected.paste(expected.convert("RGB"))
    canvas_actual = Image.new("RGB", (width, height), (0, 255, 0))
    canvas_actual.paste(actual.convert("RGB"))
    channels = ImageChops.difference(canvas_expected, canvas_actual).split()
    strongest = ImageChops.lighter(ImageChops.lighter(channels[0], channels[1]), channels[2])
    mask = strongest.point(lambda value: 255 if value > PIXEL_THRESHOLD else 0)
    differing = mask.histogram()[255]
    faded = Image.blend(canvas_actual, Image.new("RGB", (width, height), (255, 255, 255)), 0.7)
    diff = Image.composite(Image.new("RGB", (width, height), (220, 0, 0)), faded, mask)
    return differing / (width * height), diff


def assert_looks_like(name: str, png: bytes, *, folder: Path = BASELINES) -> None:
    """Compare `png` with the baseline `name` (a file name ending in .png), or record it when recording."""
    baseline = folder / name
    if recording():
        folder.mkdir(parents=True, exist_ok=True)
        baseline.write_bytes(png)
        return
    if not baseline.exists():
        raise AssertionError(
            f"No baseline {baseline}: record it with "
            "UPDATE_SCREENSHOTS=1 .venv/bin/pytest -p no:cacheprovider occupy/browser_tests/test_visual.py"
        )
    expected = Image.open(baseline)
    actual = Image.open(io.BytesIO(png))
    fraction, diff = difference(expected, actual)
    if fraction <= ALLOWED_FRACTION:
        return
    folder = Path(tempfile.mkdtemp(prefix="occupy-screenshots-"))
    stem = name.removesuffix(".png")
    expected.save(folder / f"{stem}.expected.png")
    actual.save(folder / f"{stem}.actual.png")
    diff.save(folder / f"{stem}.diff.png")
    raise AssertionError(
        f"{name}: {fraction:.2%} of the pixels differ (allowed {ALLOWED_FRACTION:.0%}; expected "
        f"{expected.width}×{expected.height}, got {actual.width}×{actual.height}). See {folder / f'{stem}.diff.png'} "
        f"(and .expected.png, .actual.png beside it). If the change is intended, re-record with UPDATE_SCREENSHOTS=1."
    )


def pdf_page_as_png(pdf: bytes, folder: Path, *, dpi: int = 96) -> bytes:
    """The first page of a PDF as poppler's pdftoppm draws it (96 dpi: one pixel per CSS pixel)."""
    if shutil.which("pdftoppm") is None:
        pytest.fail("pdftoppm not found: install Debian's 'poppler-utils' package (`make poppler` as root).")
    (folder / "page.pdf").write_bytes(pdf)
    command = ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", str(folder / "page.pdf"), str(folder / "page")]
    subprocess.run(command, check=True, timeout=60)
    return (folder / "page.png").read_bytes()
