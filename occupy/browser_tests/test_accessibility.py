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


def test_workspace_edition_pages_have_no_wcag_violations(demo, open_page, django_user_model):
    """The workspace's edition pages (new edition, settings, publishing), and the new-edition form showing its
    errors."""
    django_user_model.objects.create_superuser("root", "root@example.org", "correct horse battery staple")
    page = open_page(DESKTOP)
    page.goto("/admin/login/?next=/organise/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/organise/")
    found = {}
    for path in ["/organise/", "/organise/new/", "/organise/sample/settings/", "/organise/sample/publish/"]:
        assert page.goto(path).status == 200, path
        if violations := wcag_violations(page):
            found[path] = violations
    page.goto("/organise/new/")
    page.fill("#id_title", "")
    page.click("button[type=submit]")
    assert "Please correct the fields marked below" in page.content()
    if violations := wcag_violations(page):
        found["/organise/new/ (errors)"] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())


ORGANISER_PAGES = [
    "/organise/",
    "/organise/sample/people/",
    "/organise/sample/registrations/",
    "/organise/sample/check-in/",
    "/organise/sample/badges/",
]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_organiser_pages_have_no_wcag_violations(demo, open_page, django_user_model, viewport):
    django_user_model.objects.create_user(
        "chief", "chief@example.org", "correct horse battery", is_staff=True, is_superuser=True
    )
    page = open_page(viewport)
    page.goto("/admin/login/?next=/organise/")
    page.fill("[name=username]", "chief")
    page.fill("[name=password]", "correct horse battery")
    page.locator("[type=submit]").click()
    page.wait_for_url("**/organise/")
    found = {}
    for path in ORGANISER_PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        found[path] = wcag_violations(page)
    # The forms with every error shown: giving a role and registering a walk-in, both empty.
    page.goto("/organise/sample/people/")
    page.get_by_role("button", name="Give the role").click()
    page.wait_for_load_state("load")
    assert page.locator(".field__error").count() == 1  # the e-mail address (a role is always chosen)
    found["people (errors)"] = wcag_violations(page)
    page.goto("/organise/sample/check-in/")
    page.get_by_role("button", name="Register with a live place").click()
    page.wait_for_load_state("load")
    assert page.locator(".field__error").count() == 3
    found["walk-in (errors)"] = wcag_violations(page)
    found = {path: lines for path, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())


def review_pages(live_server) -> tuple[list[str], str]:
    """The review pages of an edition with one contribution, assigned to and reviewed by its organiser, and the
    session cookie of that organiser."""
    from bench.review import session_cookie
    from occupy.cfp.models import ReviewAssignment, SubmissionState
    from occupy.cfp.services.review import save_review
    from occupy.cfp.tests.factories import ReviewCriterionFactory, SubmissionFactory
    from occupy.cfp.tests.roles import with_role
    from occupy.editions.models import Role
    from occupy.editions.tests.factories import EditionFactory

    edition = EditionFactory(year=2039, slug="2039")
    organiser = with_role(edition, Role.ORGANISER, username="axe-organiser")
    criterion = ReviewCriterionFactory(edition=edition, name="Relevance", description="For librarians elsewhere")
    reviewed, to_review = SubmissionFactory.create_batch(2, edition=edition)
    accepted = SubmissionFactory(edition=edition, state=SubmissionState.ACCEPTED)
    for submission in (reviewed, to_review):
        ReviewAssignment.objects.create(submission=submission, reviewer=organiser)
    save_review(submission=reviewed, reviewer=organiser, scores={criterion.pk: 4}, comment="Clear")
    paths = [
        "/organise/2039/review/",
        f"/organise/2039/review/{reviewed.code}/",
        f"/organise/2039/review/{to_review.code}/",
        "/organise/2039/review/assign/",
        "/organise/2039/review/criteria/",
        "/organise/2039/review/ranking/",
        f"/organise/2039/review/templates/?preview={reviewed.code}",
        f"/cfp/confirm/{accepted.speakers.get().invitation}/",
    ]
    return paths, session_cookie(organiser)


def test_review_pages_have_no_wcag_violations(transactional_db, open_page, live_server):
    paths, cookie = review_pages(live_server)
    page = open_page(DESKTOP)
    name, value = cookie.split("=", 1)
    page.context.add_cookies([{"name": name, "value": value, "url": live_server.url}])
    found = {}
    for path in paths:
        response = page.goto(path)
        assert response.status == 200 and page.url == live_server.url + path, path  # signed in, not redirected
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


def participant_pages() -> tuple[list[str], str]:
    """The public and participant pages issue 9 touches, in the sample edition (whose registration is open), and
    the organiser's check-in page: paths for anyone, and the one that needs the desk's permission."""
    from occupy.registration.models import AttendanceMode
    from occupy.registration.services.agenda import add_to_agenda
    from occupy.registration.tests.factories import RegistrationFactory

    session = (
        Session.objects.filter(edition__slug="sample", starts_at__isnull=False, speakers__isnull=False)
        .order_by("starts_at", "pk")
        .first()
    )
    registration = RegistrationFactory(
        edition=session.edition, name="Iryna Axe", email="axe@example.org", attendance=AttendanceMode.LIVE
    )
    add_to_agenda(registration=registration, session=session)
    public = [
        "/sample/",
        "/sample/schedule/",
        f"/sample/sessions/{session.slug}/",
        "/sample/speakers/",
        "/sample/register/",
        registration.get_absolute_url(),
        f"{registration.get_absolute_url()}agenda/",
    ]
    return public, "/organise/sample/check-in/"


@pytest.mark.parametrize(
    "viewport", [{"width": 390, "height": 844}, {"width": 1366, "height": 900}], ids=["390", "1366"]
)
def test_participant_pages_have_no_wcag_violations_in_every_language(demo, open_page, django_user_model, viewport):
    """Issue 9: schedule, session, speakers, edition, register, manage, agenda and check-in, in English, Romanian
    and Ukrainian (chosen as a visitor does, with the language switch), on a phone and on a wide screen."""
    public, check_in = participant_pages()
    django_user_model.objects.create_superuser("desk", "desk@example.org", "correct horse battery staple")
    page = open_page(viewport)
    languages = ["en", "ro", "uk"]
    found = {}

    def check(path: str, language: str) -> None:
        assert page.goto(path).status == 200 and page.url.endswith(path), path  # not redirected to sign in
        assert page.locator("html").get_attribute("lang") == language, (path, language)
        if violations := wcag_violations(page):
            found[f"{path} ({language})"] = violations

    for language in languages:
        page.goto(f"/language/?lang={language}&next=/")
        for path in public:
            check(path, language)
    page.goto("/admin/login/?next=/organise/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", "correct horse battery staple")
    page.click("input[type=submit]")
    page.wait_for_url("**/organise/")
    for language in languages:
        page.goto(f"/language/?lang={language}&next=/")
        check(check_in, language)
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("language", ["ro", "uk"])
def test_schedule_and_session_pages_have_no_wcag_violations_in_romanian_and_ukrainian(
    demo, open_page, viewport, language
):
    """The schedule (grid on the desktop, one day at a time on the phone, the filters unfolded) and a session,
    with the script's marks in place."""
    session = Session.objects.filter(edition__slug="sample", starts_at__isnull=False, capacity__isnull=False).first()
    page = open_page(viewport)
    page.goto(f"/language/?lang={language}&next=/")
    found = {}
    for path in ["/sample/schedule/", f"/sample/sessions/{session.slug}/"]:
        page.goto(path)
        assert page.locator("html").get_attribute("lang") == language
        page.wait_for_load_state("networkidle")  # the seats from mine.json are in place
        if page.locator(".schedule-filter-box").count():
            page.locator(".schedule-filter-box").evaluate("box => { box.open = true; }")
        violations = wcag_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())
