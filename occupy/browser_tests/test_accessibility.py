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
        "/sample/changes/",
        f"/sample/sessions/{session.slug}/",
        "/sample/speakers/",
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


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_schedule_editor_and_changelog_have_no_wcag_violations(demo, open_page, django_user_model, viewport):
    """The schedule editor of the sample edition, with a pending change and warnings, and the changelog after
    a publication."""
    from occupy.programme.services.schedule import publish_schedule, unschedule_session

    session = Session.objects.filter(edition__slug="sample", starts_at__isnull=False).order_by("pk").first()
    unschedule_session(session=session)
    publish_schedule(edition=session.edition)
    other = Session.objects.filter(edition__slug="sample", starts_at__isnull=False).order_by("pk")[1]
    unschedule_session(session=other)
    django_user_model.objects.create_superuser("root", "root@example.org", "correct horse battery staple")
    page = open_page(viewport)
    page.goto("/admin/login/?next=/organise/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/organise/")
    found = {}
    for path in ("/organise/sample/schedule/", "/sample/changes/"):
        assert page.goto(path).status == 200, path
        violations = wcag_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())
