"""The README's screenshots, taken from the demo content. With UPDATE_SCREENSHOTS=1 they are written to
docs/screenshots/; otherwise to a temporary folder, so the run still proves the pages render."""

import os
from pathlib import Path

import pytest

from occupy.editions.models import Theme

pytestmark = [pytest.mark.browser]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_screenshots_of_home_and_schedule(demo, desktop_page, tmp_path):
    folder = DOCS if os.environ.get("UPDATE_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    theme = Theme.objects.filter(edition__slug="sample").order_by("order", "pk").first()
    shots = {"home.png": "/", "schedule.png": f"/sample/schedule/?theme={theme.slug}"}
    for name, path in shots.items():
        response = desktop_page.goto(path)
        assert response.status == 200
        desktop_page.screenshot(
            path=folder / name, full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": 1300}
        )
        assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
