"""The type scale and spacing hold from a 360-px phone to a wide screen (issue 9): nothing scrolls sideways, text
lines stop near 65 characters (no half-empty text columns), cards are not stretched across a wide screen, and
headings grow with the screen without jumping."""

import pytest

from occupy.people.models import Person

pytestmark = [pytest.mark.browser]

NARROW, WIDE = {"width": 360, "height": 780}, {"width": 1440, "height": 900}

# For each paragraph of text in the page's main part: its width against 70 "0" characters of its own font.
MEASURE = """() => {
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(70);
    probe.style.position = 'absolute';
    probe.style.whiteSpace = 'nowrap';
    probe.style.visibility = 'hidden';
    document.body.append(probe);
    const lines = [...document.querySelectorAll('main p')].filter(p => p.textContent.trim().length > 120)
        .map(p => {
            probe.style.font = getComputedStyle(p).font;
            return {text: p.textContent.trim().slice(0, 40), width: p.getBoundingClientRect().width,
                    limit: probe.getBoundingClientRect().width};
        });
    probe.remove();
    const cards = [...document.querySelectorAll('main .card, main .person-card, main .edition-card')]
        .map(card => card.getBoundingClientRect().width);
    return {overflow: document.documentElement.scrollWidth - window.innerWidth, lines, cards,
            h1: parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)};
}"""


def pages() -> list[str]:
    speaker = Person.objects.filter(sessions__edition__slug="sample").distinct().order_by("pk").first()
    return ["/", "/2022/", "/sample/speakers/", f"/speakers/{speaker.slug}/", "/organiser/", "/about/", "/privacy/"]


def test_text_keeps_a_readable_measure_and_nothing_overflows_from_360_px_to_1440_px(demo, open_page):
    h1_sizes = {}
    for viewport in (NARROW, WIDE):
        page = open_page(viewport)
        for path in pages():
            page.goto(path)
            found = page.evaluate(MEASURE)
            assert found["overflow"] <= 0, (path, viewport)
            too_long = [line for line in found["lines"] if line["width"] > line["limit"]]
            assert too_long == [], (path, viewport, too_long)
            assert all(width <= 40 * 16 for width in found["cards"]), (path, viewport, found["cards"])
            h1_sizes.setdefault(path, []).append(found["h1"])
    for path, (narrow, wide) in h1_sizes.items():
        assert 28 <= narrow < wide <= 50, (path, narrow, wide)
