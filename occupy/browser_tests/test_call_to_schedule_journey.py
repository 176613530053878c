"""Issue 8's journey in Chromium, from the call to the public schedule, each step on the real pages: a submitter
makes an account and submits a case study with a co-speaker, who agrees by the link in their e-mail; the organiser
assigns two reviewers, who sign in and score it; the organiser accepts it from the ranking; both speakers confirm
by the link in the decision e-mail; the organiser places the new session with the keyboard alone and publishes;
a visitor then finds it at the typed time (the edition's zone) on the schedule, in schedule.xml and the changelog.

axe-core checks the submitter's pages on the way, as the call's own journey did.
"""

import datetime
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP
from occupy.browser_tests.test_keyboard import tab_to
from occupy.cfp.models import Submission, SubmissionState
from occupy.cfp.tests.factories import CallFactory, ReviewCriterionFactory, UserFactory
from occupy.editions.models import EditionRole, Role
from occupy.editions.tests.factories import EditionFactory, RoomFactory, SessionFormatFactory
from occupy.programme.models import ScheduleVersion, Unavailability

pytestmark = [pytest.mark.browser]

TITLE = "Reading clubs in village libraries"
PASSWORD = "a long passphrase 42"
REVIEWERS = ("first@biblioteca.example", "second@biblioteca.example")


def _link(email: str, path: str) -> str:
    """The one link to `path` in the e-mails sent to `email`, as a path on the live server."""
    [link] = [
        match.group(1)
        for message in mail.outbox
        if email in message.to
        for match in re.finditer(rf"https?://[^/\s]+({path}\S+/)", message.body)
    ]
    return link


def _sign_up(page, name: str, email: str, *, then) -> None:
    """Fill the sign-up form the page shows, confirm the address from the e-mail, and arrive at `then`."""
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Check your e-mail")
    page.goto(_link(email, "/account/verify/"))
    page.get_by_role("button", name="Confirm my e-mail address").click()
    expect(page).to_have_url(then)


def _signed_in(open_page, email: str, path: str):
    """A new browser that opens `path`, is sent to the sign-in page, signs in and lands on `path`."""
    page = open_page(DESKTOP)
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/account/login/\?next="))
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    return page


def _with_role(edition, role: Role, email: str):
    user = UserFactory(username=email, email=email, password=PASSWORD)
    EditionRole.objects.create(edition=edition, user=user, role=role)
    return user


def _score(page, relevance: str, clarity: str) -> None:
    page.get_by_role("link", name=TITLE).click()
    expect(
        page.get_by_text("You see the other reviewers' scores once you have saved your own review.")
    ).to_be_visible()
    page.get_by_label("Relevance").fill(relevance)
    page.get_by_label("Clarity").fill(clarity)
    page.get_by_label("Comment").fill("Useful for small libraries.")
    page.get_by_role("button", name="Save my review").click()
    expect(page.get_by_text("Your review is saved.")).to_be_visible()


def _confirm(page, email: str, attendance: str) -> None:
    page.goto(_link(email, "/cfp/confirm/"))
    page.get_by_label("Yes, I will present it").check()
    page.get_by_label(attendance).check()
    if attendance == "At the venue":
        page.get_by_label("Not available from (period 1)").fill("2040-06-02T10:00")
        page.get_by_label("until (period 1)").fill("2040-06-02T12:00")
    page.get_by_role("button", name="Send my answer").click()
    expect(page.get_by_text(f"you have confirmed that you will present it ({attendance})")).to_be_visible()


@pytest.fixture
def edition(transactional_db):
    """A published Bucharest edition on 2 and 3 June 2040 with an open call, two rooms and two criteria."""
    edition = EditionFactory(year=2040, time_zone="Europe/Bucharest")
    CallFactory(edition=edition)
    SessionFormatFactory(edition=edition, name="Case study", slug="case-study", default_minutes=20)
    RoomFactory(edition=edition, name="Aula", order=0)
    RoomFactory(edition=edition, name="Lab", order=1)
    ReviewCriterionFactory(edition=edition, name="Relevance", weight=3)
    ReviewCriterionFactory(edition=edition, name="Clarity", weight=1)
    return edition


def test_a_case_study_goes_from_the_call_to_the_published_schedule(edition, open_page):
    mail.outbox.clear()
    organiser_email = "org@biblioteca.example"
    _with_role(edition, Role.ORGANISER, organiser_email)
    for email in REVIEWERS:
        _with_role(edition, Role.REVIEWER, email)
    found = {}

    # The submitter reads the call, makes an account and submits a case study with a co-speaker.
    page = open_page(DESKTOP)
    page.goto("/2040/cfp/")
    found["call"] = wcag_violations(page)
    page.goto("/account/signup/")
    _sign_up(page, "Ana Popescu", "ana@biblioteca.example", then=re.compile(r"/account/profile/$"))
    found["profile"] = wcag_violations(page)
    page.goto("/2040/cfp/submit/")
    page.locator("main form button[value=submit]").click()
    found["submit (errors)"] = wcag_violations(page)
    page.fill("#id_title", TITLE)
    page.fill("#id_abstract", "How forty villages started reading together.")
    page.select_option("#id_format", value=str(edition.formats.get(slug="case-study").pk))
    page.fill("#id_speakers-0-name", "Olena Kovalenko")
    page.fill("#id_speakers-0-email", "olena@biblioteka.example")
    page.locator("main form button[value=submit]").click()
    expect(page.locator("main")).to_contain_text("Your contribution is submitted.")
    found["submission"] = wcag_violations(page)
    page.goto("/account/submissions/")
    found["my contributions"] = wcag_violations(page)

    # The co-speaker follows the invitation, makes an account on the way and agrees.
    co_speaker = open_page(DESKTOP)
    invitation = _link("olena@biblioteka.example", "/cfp/invitation/")
    co_speaker.goto(invitation)
    found["invitation"] = wcag_violations(co_speaker)
    co_speaker.get_by_role("link", name="Make an account").click()
    _sign_up(co_speaker, "Olena Kovalenko", "olena2@biblioteka.example", then=re.compile(re.escape(invitation) + "$"))
    co_speaker.get_by_role("button", name="I agree to present it").click()
    expect(co_speaker.locator("main")).not_to_contain_text("I agree to present it")
    submission = Submission.objects.get(title=TITLE)
    assert submission.state == SubmissionState.SUBMITTED
    assert submission.speakers.get(is_submitter=False).accepted_invitation_at is not None

    # The organiser assigns two reviewers, who sign in and score it.
    organiser = _signed_in(open_page, organiser_email, "/organise/2040/review/assign/")
    for email in REVIEWERS:
        organiser.get_by_label(f"Reviewer for “{TITLE}”").select_option(label=email)
        organiser.get_by_role("button", name="Add", exact=True).click()
        expect(organiser.get_by_role("button", name=f"Remove {email} from “{TITLE}”")).to_be_visible()
    _score(_signed_in(open_page, "first@biblioteca.example", "/organise/2040/review/"), "5", "1")  # (15 + 1) / 4
    reviewer = _signed_in(open_page, "second@biblioteca.example", "/organise/2040/review/")
    _score(reviewer, "3", "3")
    expect(reviewer.get_by_role("heading", name="Reviewer 1: 4.00")).to_be_visible()

    # The organiser accepts it from the ranking.
    organiser.goto("/organise/2040/review/ranking/")
    row = organiser.get_by_role("row", name=re.compile(TITLE))
    expect(row.get_by_role("cell", name="3.50")).to_be_visible()  # the mean of 4 and 3
    expect(row.get_by_role("cell", name="1.00")).to_be_visible()  # the spread
    organiser.get_by_label(f"Select “{TITLE}”").check()
    organiser.get_by_label("Decision").select_option("accept")
    organiser.get_by_role("button", name="Apply the decision to the selected contributions").click()
    expect(organiser.get_by_text("1 contributions changed")).to_be_visible()

    # Both speakers confirm by the link in the decision e-mail: the contribution becomes an unscheduled session.
    _confirm(page, "ana@biblioteca.example", "At the venue")
    _confirm(co_speaker, "olena@biblioteka.example", "Online")
    submission.refresh_from_db()
    assert submission.state == SubmissionState.CONFIRMED
    session = submission.session
    assert (session.starts_at, session.room) == (None, None)
    assert list(session.session_speakers.values_list("person__name", flat=True)) == [
        "Ana Popescu",
        "Olena Kovalenko",
    ]
    assert [(u.starts_at.hour, u.ends_at.hour) for u in Unavailability.objects.all()] == [(7, 9)]  # 10:00 local

    # The organiser places it in Lab at 10:00 on 3 June with the keyboard alone, and publishes.
    organiser.goto("/organise/2040/schedule/")
    expect(organiser.locator(f"#session-{session.pk}")).to_contain_text(TITLE)
    tab_to(organiser, f"#session-{session.pk} summary")
    organiser.keyboard.press("Enter")
    tab_to(organiser, f"#room-{session.pk}")
    organiser.keyboard.press("ArrowDown")  # Aula → Lab
    tab_to(organiser, f"#day-{session.pk}")
    organiser.keyboard.press("ArrowDown")  # the second day
    tab_to(organiser, f"#start-{session.pk}")
    organiser.keyboard.type("1000A")  # hours, minutes and, where the browser shows a 12-hour clock, AM
    expect(organiser.locator(f"#start-{session.pk}")).to_have_value("10:00")
    tab_to(organiser, f"#session-{session.pk} form.placement button[type=submit]")
    organiser.keyboard.press("Enter")
    lab = edition.rooms.get(name="Lab")
    placed = organiser.locator(f'#day-2040-06-03 td[data-room="{lab.pk}"][data-start="10:00"] #session-{session.pk}')
    expect(placed).to_contain_text("10:00–10:20")
    expect(organiser.locator("#editor-status")).to_have_text("Saved: the draft is updated.")
    tab_to(organiser, ".editor-publish button[type=submit]")
    organiser.keyboard.press("Enter")
    expect(organiser.locator(".notice")).to_contain_text("Version 1 of the schedule is published")
    session.refresh_from_db()
    assert (session.room, session.starts_at) == (lab, datetime.datetime(2040, 6, 3, 7, 0, tzinfo=datetime.UTC))
    assert ScheduleVersion.objects.filter(edition=edition, number=1).exists()

    # A visitor finds it at 10:00 on the schedule, in schedule.xml and in the changelog.
    visitor = open_page(DESKTOP)
    visitor.goto("/2040/schedule/")
    entry = visitor.locator("li.slot-session", has_text=TITLE)
    expect(entry.locator(".slot-session__when")).to_contain_text("10:00–10:20 · Lab")
    xml = visitor.request.get("/2040/schedule.xml").text()
    assert f"<title>{TITLE}</title>" in xml and "<start>10:00</start>" in xml and "<version>1</version>" in xml
    visitor.goto("/2040/changes/")
    expect(visitor.locator("main")).to_contain_text("Version 1")
    expect(visitor.locator("main")).to_contain_text(f"Added: {TITLE}")

    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())
