"""Decisions in bulk: the state changes and each speaker gets one e-mail, in their language, after the commit."""

import pytest
from django.core import mail

from occupy.cfp.models import Decision, DecisionTemplate, SubmissionState
from occupy.cfp.services.decisions import decide, preview, save_template
from occupy.cfp.tests.factories import SubmissionFactory, SubmissionSpeakerFactory, UserFactory
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.registration.models import EmailKind, EmailLog, EmailStatus

pytestmark = pytest.mark.django_db(transaction=True)


def test_decide_accepts_and_emails_every_speaker_once_in_their_language():
    edition = EditionFactory(title="Occupy Library 2031")
    submission = SubmissionFactory(edition=edition, title="Reading <b>clubs</b>", language="ro")
    cospeaker = SubmissionSpeakerFactory(submission=submission, name="Ana <script>x</script>", email="ana@example.org")
    organiser = UserFactory()

    assert decide(submissions=[submission], decision=Decision.ACCEPT, by=organiser) == 1

    submission.refresh_from_db()
    assert submission.state == SubmissionState.ACCEPTED
    assert submission.decided_at is not None
    assert sorted(message.to[0] for message in mail.outbox) == ["ana@example.org", submission.submitter.email]
    to_ana = next(message for message in mail.outbox if message.to == ["ana@example.org"])
    assert to_ana.subject == "Contribuția dumneavoastră „Reading <b>clubs</b>” este acceptată la Occupy Library 2031"
    assert f"/cfp/confirm/{cospeaker.invitation}/" in to_ana.body
    html = to_ana.alternatives[0][0]
    assert "Reading &lt;b&gt;clubs&lt;/b&gt;" in html and "<b>clubs" not in html
    assert "Ana &lt;script&gt;x&lt;/script&gt;" in html and "<script>" not in html
    assert '<html lang="ro">' in html
    assert set(EmailLog.objects.values_list("kind", "status", "registration", "language")) == {
        (EmailKind.CALL, EmailStatus.SENT, None, "ro")
    }
    # The confirmation link is made when the e-mail is sent: the outbox never keeps the invitation code.
    assert all(cospeaker.invitation not in str(log.context) for log in EmailLog.objects.all())

    # The same decision again changes nothing and e-mails nobody.
    assert decide(submissions=[submission], decision=Decision.ACCEPT, by=organiser) == 0
    assert len(mail.outbox) == 2


def test_decide_uses_the_organisers_template_and_falls_back_to_english_for_a_language_the_site_lacks():
    edition = EditionFactory(title="Occupy Library 2032")
    submission = SubmissionFactory(edition=edition, title="Maps", language="de")
    save_template(
        edition=edition,
        decision=Decision.REJECT,
        language="en",
        subject="About {title}",
        body="Hello {name}, sorry about {title} at {edition}. {unknown} stays.",
    )
    decide(submissions=[submission], decision=Decision.REJECT, by=UserFactory())
    [message] = mail.outbox
    assert message.subject == "About Maps"
    assert message.body.startswith(
        f"Hello {submission.speakers.get().name}, sorry about Maps at Occupy Library 2032. {{unknown}} stays."
    )


def test_decide_leaves_withdrawn_and_draft_contributions_alone():
    edition = EditionFactory()
    withdrawn = SubmissionFactory(edition=edition, state=SubmissionState.WITHDRAWN)
    draft = SubmissionFactory(edition=edition, state=SubmissionState.DRAFT)
    assert decide(submissions=[withdrawn, draft], decision=Decision.WAITLIST, by=UserFactory()) == 0
    assert mail.outbox == []
    withdrawn.refresh_from_db()
    assert withdrawn.state == SubmissionState.WITHDRAWN


def test_a_sample_editions_decision_says_so_in_the_subject():
    submission = SubmissionFactory(edition=EditionFactory(is_sample=True, title="Sample"), language="en")
    decide(submissions=[submission], decision=Decision.WAITLIST, by=UserFactory())
    [message] = mail.outbox
    assert message.subject.startswith("[Sample] ")
    assert message.body.startswith("*** Sample data: This edition, its sessions, speakers and registrations")
    assert "Sample data: This edition" in message.alternatives[0][0]


def test_preview_renders_without_sending_or_saving():
    submission = SubmissionFactory(title="Maps")
    [email] = preview(submission=submission, decision=Decision.ACCEPT, language="uk")
    assert "Maps" in email.subject and email.language == "uk"
    assert mail.outbox == [] and EmailLog.objects.count() == 0
    assert DecisionTemplate.objects.count() == 0


def test_decide_writes_to_each_speaker_in_their_profiles_language_before_the_contributions():
    submission = SubmissionFactory(title="Maps", language="en")
    PersonFactory(user=submission.submitter, language="uk")
    cospeaker = SubmissionSpeakerFactory(
        submission=submission, email="ana@example.org", person=PersonFactory(language="ro")
    )
    third = SubmissionSpeakerFactory(submission=submission, email="ion@example.org", order=2)

    decide(submissions=[submission], decision=Decision.REJECT, by=UserFactory())

    languages = dict(EmailLog.objects.values_list("to", "language"))
    assert languages == {submission.submitter.email: "uk", cospeaker.email: "ro", third.email: "en"}
