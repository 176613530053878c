"""axe-core finds no WCAG 2.2 A/AA violation on the public pages, on a desktop and on a phone (issue 2)."""

import pytest

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP, PHONE
from occupy.content.models import NewsPost
from occupy.people.models import Person
from occupy.programme.models import Session

pytestmark = [pytest.mark.browser]


def public_pages() -> list[str]:
    session = Session.objects.filter(edition__slug="sample", starts_at__isnull=False, speakers__isnull=False).first()
    speaker = Person.objects.filter(sessions__edition__slug="sample").distinct().order_by("pk").first()
    news = NewsPost.objects.order_by("pk").first()
    return [
        "/",
        "/2020/",
        "/2022/",
        "/sample/",
        "/2020/schedule/",
        "/2022/schedule/",
        "/sample/schedule/",
        f"/sample/sessions/{session.slug}/",
        "/sample/speakers/",
        "/sample/cfp/",
        "/2020/speakers/",
        "/2022/speakers/",
        f"/speakers/{speaker.slug}/",
        "/speakers/hannelore-vogt/",  # a guest of 2020, without sessions on this site
        "/organiser/",
        "/news/",
        news.get_absolute_url(),
        "/about/",
        "/contact/",
        "/privacy/",
        "/accessibility/",
        "/no-such-edition/",
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_public_pages_have_no_wcag_violations(demo, open_page, viewport):
    page = open_page(viewport)
    found = {}
    for path in public_pages():
        response = page.goto(path)
        assert response.status == (404 if path == "/no-such-edition/" else 200), path
        violations = wcag_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())
