"""The review in Chromium: two reviewers score a contribution (the second then sees the first's score), the
organiser accepts it from the ranking, and both speakers confirm from the link in their e-mail; the contribution
becomes an unscheduled session with both speakers."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from bench.review import session_cookie
from occupy.browser_tests.conftest import DESKTOP
from occupy.cfp.models import ReviewAssignment, SubmissionState
from occupy.cfp.tests.factories import ReviewCriterionFactory, SubmissionFactory, SubmissionSpeakerFactory
from occupy.cfp.tests.roles import with_role
from occupy.editions.models import Role
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.models import Unavailability

pytestmark = [pytest.mark.browser]
TITLE = "Reading clubs in rural libraries"


def signed_in(open_page, live_server, user):
    page = open_page(DESKTOP)
    name, value = session_cookie(user).split("=", 1)
    page.context.add_cookies([{"name": name, "value": value, "url": live_server.url}])
    return page


def score(page, relevance: str, clarity: str) -> None:
    page.goto("/organise/2039/review/")
    page.get_by_role("link", name=TITLE).click()
    expect(
        page.get_by_text("You see the other reviewers' scores once you have saved your own review.")
    ).to_be_visible()
    page.get_by_label("Relevance").fill(relevance)
    page.get_by_label("Clarity").fill(clarity)
    page.get_by_label("Comment").fill("Useful for small libraries.")
    page.get_by_role("button", name="Save my review").click()
    expect(page.get_by_text("Your review is saved.")).to_be_visible()


def confirmation_path(email: str) -> str:
    [message] = [m for m in mail.outbox if m.to == [email]]
    return re.search(r"https?://[^/\s]+(/cfp/confirm/[\w-]+/)", message.body).group(1)


def test_two_reviewers_score_the_organiser_accepts_and_the_speakers_confirm(transactional_db, open_page, live_server):
    edition = EditionFactory(year=2039, slug="2039", time_zone="Europe/Bucharest")
    ReviewCriterionFactory(edition=edition, name="Relevance", weight=3)
    ReviewCriterionFactory(edition=edition, name="Clarity", weight=1)
    submission = SubmissionFactory(edition=edition, title=TITLE)
    SubmissionSpeakerFactory(submission=submission, name="Ana Pop", email="ana@example.org")
    first, second = with_role(edition, username="first"), with_role(edition, username="second")
    organiser = with_role(edition, Role.ORGANISER, username="organiser")
    for reviewer in (first, second):
        ReviewAssignment.objects.create(submission=submission, reviewer=reviewer)

    score(signed_in(open_page, live_server, first), "5", "1")  # (15 + 1) / 4 = 4
    page = signed_in(open_page, live_server, second)
    score(page, "3", "3")  # 3
    expect(page.get_by_role("heading", name="Reviewer 1: 4.00")).to_be_visible()

    page = signed_in(open_page, live_server, organiser)
    page.goto("/organise/2039/review/ranking/")
    row = page.get_by_role("row", name=re.compile(TITLE))
    expect(row.get_by_role("cell", name="3.50")).to_be_visible()  # the mean of 4 and 3
    expect(row.get_by_role("cell", name="1.00")).to_be_visible()  # the spread
    page.get_by_label(f"Select “{TITLE}”").check()
    page.get_by_label("Decision").select_option("accept")
    page.get_by_role("button", name="Apply the decision to the selected contributions").click()
    expect(page.get_by_text("1 contributions changed")).to_be_visible()

    speaker = open_page(DESKTOP)
    speaker.goto(confirmation_path(submission.submitter.email))
    speaker.get_by_label("Yes, I will present it").check()
    speaker.get_by_label("At the venue").check()
    speaker.get_by_label("Not available from (period 1)").fill("2039-06-02T10:00")
    speaker.get_by_label("until (period 1)").fill("2039-06-02T12:00")
    speaker.get_by_role("button", name="Send my answer").click()
    expect(speaker.get_by_text("you have confirmed that you will present it (At the venue)")).to_be_visible()

    speaker.goto(confirmation_path("ana@example.org"))
    speaker.get_by_label("Yes, I will present it").check()
    speaker.get_by_label("Online").check()
    speaker.get_by_role("button", name="Send my answer").click()
    expect(speaker.get_by_text("you have confirmed that you will present it (Online)")).to_be_visible()

    submission.refresh_from_db()
    assert submission.state == SubmissionState.CONFIRMED
    assert list(submission.session.session_speakers.values_list("person__name", flat=True)) == [
        submission.submitter.username,
        "Ana Pop",
    ]
    assert [(u.starts_at.hour, u.ends_at.hour) for u in Unavailability.objects.all()] == [(7, 9)]  # 10:00 in Bucharest
