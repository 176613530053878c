"""The hybrid event in Chromium (issue 12): a participant opens their live page and asks a question; a second
participant votes for it; the chair's view, open all along, shows it on top within 5 seconds without a reload.
axe-core finds no WCAG violation on the live page, the questions, the feedback form and the chair's view."""

import re

import pytest
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.live.models import Question
from occupy.live.tests.world import Event
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import SpeakerRole
from occupy.programme.tests.factories import SessionSpeakerFactory

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery"
ASKED = "How did the library convince its city council to fund the makerspace?"


@pytest.fixture
def event(transactional_db, django_user_model):
    event = Event()
    chair = django_user_model.objects.create_user("chair", "chair@example.org", PASSWORD)
    SessionSpeakerFactory(
        session=event.session, person=PersonFactory(name="Maria Moderator", user=chair), role=SpeakerRole.MODERATOR
    )
    # An earlier question: with no votes on either, the earlier comes first, so the new one must climb.
    Question.objects.create(session=event.session, registration=event.other, text="Will the slides be shared?")
    return event


def assert_accessible(page, found):
    violations = wcag_violations(page)
    if violations:
        found[page.url] = violations


def test_a_question_voted_for_rises_to_the_top_of_the_chairs_view_without_a_reload(event, open_page):
    found = {}
    # The chair signs in and opens the chair's view of the debate.
    chair = open_page()
    chair.goto(f"/{event.edition.slug}/sessions/{event.session.slug}/questions/chair/")
    chair.fill("[name=username]", "chair")
    chair.fill("[name=password]", PASSWORD)
    chair.locator("main [type=submit]").click()
    expect(chair).to_have_url(re.compile(r"/questions/chair/$"))
    first_on_chair = chair.locator(".question-list .question__text").first
    expect(first_on_chair).to_have_text("Will the slides be shared?")
    assert_accessible(chair, found)
    chair.evaluate("window.notReloaded = true")

    # The first participant opens their live page and asks a question.
    ana = open_page()
    ana.goto(f"/registration/{event.participant.token}/live/")
    expect(ana.locator(".live-slot--now")).to_contain_text("Debate happening now")
    assert_accessible(ana, found)
    ana.locator(".live-slot--now").get_by_role("link", name="Questions").click()
    assert_accessible(ana, found)
    ana.get_by_label("Your question").fill(ASKED)
    ana.get_by_role("button", name="Ask").click()
    expect(ana.locator(".question-list")).to_contain_text(ASKED)
    assert_accessible(ana, found)

    # The second participant votes for it.
    bogdan = open_page()
    bogdan.goto(f"/registration/{event.other.token}/live/{event.session.slug}/questions/")
    bogdan.get_by_role("button", name=re.compile("^Vote for “How did the library")).click()
    expect(bogdan.locator(".question-list .question").first).to_contain_text("you voted")

    # Within 5 seconds the chair's view shows it on top, with its vote, and the page was never reloaded.
    expect(first_on_chair).to_have_text(ASKED, timeout=5_000)
    expect(chair.locator(".question-list .question").first).to_contain_text("1 vote")
    assert chair.evaluate("window.notReloaded") is True

    # The feedback form of the running session.
    ana.goto(f"/registration/{event.participant.token}/live/{event.session.slug}/feedback/")
    assert_accessible(ana, found)
    ana.get_by_label("4 of 5").check()
    ana.get_by_label("Comment (optional)").fill("Lively debate.")
    ana.get_by_role("button", name="Send my feedback").click()
    expect(ana.locator("main")).to_contain_text("you rated this session 4 out of 5")
    assert_accessible(ana, found)

    # The public live page and the presenter view.
    ana.goto(f"/{event.edition.slug}/live/")
    assert_accessible(ana, found)
    chair.goto(f"/{event.edition.slug}/sessions/{event.session.slug}/questions/present/")
    expect(chair.locator(".present-question").first).to_contain_text(ASKED)
    assert_accessible(chair, found)

    assert found == {}, "\n".join(f"{url}\n  " + "\n  ".join(lines) for url, lines in found.items())


def test_organisers_stream_and_feedback_pages_have_no_wcag_violations(event, open_page, django_user_model):
    from occupy.editions.models import Role
    from occupy.editions.services import grant_role

    organiser = django_user_model.objects.create_user("organiser", "organiser@example.org", PASSWORD)
    grant_role(edition=event.edition, user=organiser, role=Role.ORGANISER)
    page = open_page()
    page.goto(f"/organise/{event.edition.slug}/live/streams/")
    page.fill("[name=username]", "organiser")
    page.fill("[name=password]", PASSWORD)
    page.locator("main [type=submit]").click()
    expect(page).to_have_url(re.compile(r"/live/streams/$"))
    found = {}
    assert_accessible(page, found)
    page.get_by_label("Own stream link (optional)").first.fill("not a link")
    page.locator(f"#session-{event.session.pk} button[type=submit]").click()
    expect(page.locator("[role=alert]")).to_contain_text("Enter a full web address")
    assert_accessible(page, found)
    page.goto(f"/organise/{event.edition.slug}/live/feedback/")
    assert_accessible(page, found)
    assert found == {}, "\n".join(f"{url}\n  " + "\n  ".join(lines) for url, lines in found.items())
