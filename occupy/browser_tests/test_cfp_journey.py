"""A submitter's journey in Chromium (issue 8): make an account and confirm it from the e-mail, submit a case study
with a co-speaker, who agrees by their link; the organiser's call settings; axe-core on each of these pages.

They walk the demo's sample edition, whose call is open whatever the day the tests run.
"""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP
from occupy.cfp.models import Submission, SubmissionSpeaker, SubmissionState
from occupy.editions.models import Edition, EditionRole, Role, SessionFormat

pytestmark = [pytest.mark.browser]


def _link(email: str, path: str) -> str:
    [message] = [m for m in mail.outbox if email in m.to]
    return re.search(rf"https?://[^/\s]+({path}\S+/)", message.body).group(1)


def _sign_up(page, name: str, email: str, *, then=re.compile(r"/account/profile/$")) -> None:
    """Fill the sign-up form the page shows, confirm the address from the e-mail, and arrive at `then`."""
    page.fill("#id_name", name)
    page.fill("#id_email", email)
    page.fill("#id_password", "a long passphrase 42")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Check your e-mail")
    page.goto(_link(email, "/account/verify/"))
    page.get_by_role("button", name="Confirm my e-mail address").click()
    expect(page).to_have_url(then)


def test_submit_a_case_study_with_a_co_speaker_who_agrees(demo, open_page):
    mail.outbox.clear()
    found = {}
    page = open_page(DESKTOP)
    page.goto("/sample/cfp/")
    found["call"] = wcag_violations(page)
    page.goto("/account/signup/")
    _sign_up(page, "Ana Popescu", "ana@biblioteca.example")
    found["profile"] = wcag_violations(page)
    page.goto("/sample/cfp/submit/")
    page.locator("main form button[value=submit]").click()
    found["submit (errors)"] = wcag_violations(page)
    page.fill("#id_title", "Reading clubs in village libraries")
    page.fill("#id_abstract", "How forty villages started reading together.")
    case_study = SessionFormat.objects.get(edition__slug="sample", slug="case-study")
    page.select_option("#id_format", value=str(case_study.pk))
    page.fill("#id_speakers-0-name", "Olena Kovalenko")
    page.fill("#id_speakers-0-email", "olena@biblioteka.example")
    page.locator("main form button[value=submit]").click()
    expect(page.locator("main")).to_contain_text("Your contribution is submitted.")
    found["submission"] = wcag_violations(page)
    submission = Submission.objects.get(title="Reading clubs in village libraries")
    assert submission.state == SubmissionState.SUBMITTED
    page.goto("/account/submissions/")
    found["my contributions"] = wcag_violations(page)

    co_speaker = open_page(DESKTOP)
    invitation = _link("olena@biblioteka.example", "/cfp/invitation/")
    co_speaker.goto(invitation)
    found["invitation"] = wcag_violations(co_speaker)
    co_speaker.get_by_role("link", name="Make an account").click()
    _sign_up(co_speaker, "Olena Kovalenko", "olena2@biblioteka.example", then=re.compile(re.escape(invitation) + "$"))
    co_speaker.get_by_role("button", name="I agree to present it").click()
    speaker = SubmissionSpeaker.objects.get(submission=submission, is_submitter=False)
    assert speaker.accepted_invitation_at is not None
    assert speaker.person.name == "Olena Kovalenko"
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())


def test_call_settings_page_has_no_wcag_violations(demo, open_page, django_user_model):
    organiser = django_user_model.objects.create_user("org", "org@example.org", "correct horse battery", is_staff=True)
    EditionRole.objects.create(edition=Edition.objects.get(slug="sample"), user=organiser, role=Role.ORGANISER)
    page = open_page(DESKTOP)
    page.goto("/organise/sample/call/")
    page.fill("[name=username]", "org")
    page.fill("[name=password]", "correct horse battery")
    page.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/organise/sample/call/$"))
    found = {"settings": wcag_violations(page)}
    page.fill("#id_closes_at", "2000-01-01T10:00")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main")).to_contain_text("The call must close after it opens.")
    found["settings (errors)"] = wcag_violations(page)
    found = {name: lines for name, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{name}\n  " + "\n  ".join(lines) for name, lines in found.items())
