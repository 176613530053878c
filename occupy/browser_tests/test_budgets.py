"""The schedule, a session page and the manage page stay under 100 KB transferred at a programme of 120
sessions without photos (issue 9), on a phone and on a wide screen.

What counts: every response the page loads in a fresh browser (no cache) — the document, stylesheets, scripts,
images, fonts — after the page is idle. Text (HTML, CSS, JavaScript, SVG, JSON) is counted gzipped at level 5,
as deploy/nginx.conf compresses it (gzip_comp_level 5; WhiteNoise's precompressed static files are smaller
still); other bodies (images, fonts) are counted as they are. The test's live server does not compress, so the
bodies are measured, not the bytes on its wire; Chromium does not ask plain-HTTP servers for brotli, and
gzip is what every browser gets from nginx.
"""

import gzip

import pytest

from occupy.browser_tests.fixed_edition import fixed_registration
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import build_programme

pytestmark = [pytest.mark.browser]

BUDGET = 100 * 1024
TEXT = ("text/", "javascript", "json", "svg", "xml")
PHONE = {"width": 390, "height": 844}
WIDE = {"width": 1366, "height": 900}


def transferred(response) -> int:
    body = response.body()
    kind = response.headers.get("content-type", "")
    return len(gzip.compress(body, compresslevel=5)) if any(t in kind for t in TEXT) else len(body)


def page_weight(open_page, viewport, path: str) -> tuple[int, dict[str, int]]:
    """Bytes a first visit to `path` transfers, and the share of each resource."""
    page = open_page(viewport, is_mobile=viewport is PHONE)
    responses = []
    page.on("response", lambda response: responses.append(response))
    assert page.goto(path).status == 200, path
    page.wait_for_load_state("networkidle")
    shares = {response.url: transferred(response) for response in responses if response.status == 200}
    return sum(shares.values()), shares


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["390", "1366"])
def test_schedule_session_and_manage_page_stay_under_100_kb(transactional_db, open_page, viewport):
    edition = EditionFactory(year=2042, slug="budget", venue_name="Central University Library")
    sessions = build_programme(edition, sessions=120)
    registration = fixed_registration(edition)
    paths = [
        f"/{edition.slug}/schedule/",
        f"/{edition.slug}/sessions/{sessions[60].slug}/",
        registration.get_absolute_url(),
    ]
    weights = {path: page_weight(open_page, viewport, path) for path in paths}
    over = {path: (total, shares) for path, (total, shares) in weights.items() if total > BUDGET}
    assert over == {}, "\n".join(
        f"{path}: {total} bytes > {BUDGET}\n  " + "\n  ".join(f"{size:>7} {url}" for url, size in shares.items())
        for path, (total, shares) in over.items()
    )
    # The measure is real: the schedule of 120 sessions weighs more than a session page.
    assert weights[paths[0]][0] > weights[paths[1]][0] > 5_000
