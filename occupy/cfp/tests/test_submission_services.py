import pytest

from occupy.cfp.models import SubmissionSpeaker, SubmissionState
from occupy.cfp.services import submissions
from occupy.cfp.services.submissions import SubmissionRefused
from occupy.cfp.tests.conftest import AFTER, DURING, OPENS
from occupy.cfp.tests.factories import CallQuestionFactory, SubmissionFactory, UserFactory

pytestmark = pytest.mark.django_db


def _content(call, submitter, **overrides):
    content = {
        "edition": call.edition,
        "submitter": submitter,
        "fields": {"title": "Reading clubs", "abstract": "How we did it.", "format": call.ignite, "language": "ro"},
        "answers": {},
        "co_speakers": [],
    }
    content.update(overrides)
    return content


def test_save_draft_makes_a_draft_with_the_submitter_as_first_speaker(fixed_call, submitter):
    submission = submissions.save_draft(now=DURING, **_content(fixed_call, submitter))
    assert submission.state == SubmissionState.DRAFT
    assert submission.submitted_at is None
    speaker = submission.speakers.get()
    assert (speaker.is_submitter, speaker.email, speaker.person.user) == (True, "ana@example.org", submitter)


def test_save_draft_after_the_deadline_is_refused_and_the_draft_is_kept(fixed_call, submitter):
    draft = submissions.save_draft(now=DURING, **_content(fixed_call, submitter))
    changed = _content(
        fixed_call, submitter, fields={"title": "Too late", "abstract": "x", "format": fixed_call.ignite}
    )
    with pytest.raises(SubmissionRefused, match="closed on 2031-06-30 23:59 \\(Europe/Bucharest\\)"):
        submissions.save_draft(submission=draft, now=AFTER, **changed)
    draft.refresh_from_db()
    assert (draft.title, draft.state) == ("Reading clubs", SubmissionState.DRAFT)


def test_save_draft_before_the_call_opens_is_refused(fixed_call, submitter):
    with pytest.raises(SubmissionRefused, match="not open yet"):
        submissions.save_draft(now=OPENS.replace(day=1, month=4), **_content(fixed_call, submitter))


def test_submit_invites_each_co_speaker_once(fixed_call, submitter, django_capture_on_commit_callbacks, mailoutbox):
    co = [{"name": "Olena <b>Kovalenko</b>", "email": "Olena@Example.org"}]
    with django_capture_on_commit_callbacks(execute=True):
        draft = submissions.save_draft(now=DURING, **_content(fixed_call, submitter, co_speakers=co))
        assert mailoutbox == []
        submitted = submissions.submit(submission=draft, now=DURING)
        submissions.save_draft(submission=submitted, now=DURING, **_content(fixed_call, submitter, co_speakers=co))
    assert (submitted.state, submitted.submitted_at) == (SubmissionState.SUBMITTED, DURING)
    assert [message.to for message in mailoutbox] == [["olena@example.org"]]
    speaker = SubmissionSpeaker.objects.get(email="olena@example.org")
    assert speaker.invited_at == DURING
    html = mailoutbox[0].alternatives[0][0]
    assert "Olena &lt;b&gt;Kovalenko&lt;/b&gt;" in html
    assert "<b>Kovalenko" not in html
    assert f"/cfp/invitation/{speaker.invitation}/" in mailoutbox[0].body
    assert mailoutbox[0].subject == f"Ana Popescu invites you to present “Reading clubs” at {fixed_call.edition.title}"


def test_submit_refuses_an_unanswered_required_question(fixed_call, submitter):
    CallQuestionFactory(call=fixed_call, label="Who took part?", required=True)
    draft = submissions.save_draft(now=DURING, **_content(fixed_call, submitter))
    with pytest.raises(SubmissionRefused, match="Who took part\\?"):
        submissions.submit(submission=draft, now=DURING)
    draft.refresh_from_db()
    assert draft.state == SubmissionState.DRAFT


def test_save_draft_ignores_answers_to_another_calls_questions(fixed_call, submitter):
    foreign = CallQuestionFactory()
    own = CallQuestionFactory(call=fixed_call)
    answers = {foreign.pk: "forged", own.pk: "Forty readers"}
    submission = submissions.save_draft(now=DURING, **_content(fixed_call, submitter, answers=answers))
    assert list(submission.answers.values_list("question_id", "answer")) == [(own.pk, "Forty readers")]


def test_save_draft_removes_co_speakers_left_out(fixed_call, submitter):
    both = [{"name": "B", "email": "b@example.org"}, {"name": "C", "email": "c@example.org"}]
    draft = submissions.save_draft(now=DURING, **_content(fixed_call, submitter, co_speakers=both))
    submissions.save_draft(submission=draft, now=DURING, **_content(fixed_call, submitter, co_speakers=both[1:]))
    assert list(draft.speakers.values_list("email", "order")) == [("ana@example.org", 0), ("c@example.org", 1)]


def test_withdraw_is_allowed_after_the_deadline_but_not_after_acceptance(fixed_call, submitter):
    submission = SubmissionFactory(edition=fixed_call.edition, submitter=submitter)
    assert submissions.withdraw(submission=submission, now=AFTER).state == SubmissionState.WITHDRAWN
    accepted = SubmissionFactory(edition=fixed_call.edition, state=SubmissionState.ACCEPTED)
    with pytest.raises(SubmissionRefused):
        submissions.withdraw(submission=accepted)
    accepted.refresh_from_db()
    assert accepted.state == SubmissionState.ACCEPTED


def test_a_withdrawn_contribution_cannot_be_changed(fixed_call, submitter):
    submission = SubmissionFactory(edition=fixed_call.edition, submitter=submitter, state=SubmissionState.WITHDRAWN)
    with pytest.raises(SubmissionRefused, match="can no longer be changed"):
        submissions.save_draft(submission=submission, now=DURING, **_content(fixed_call, submitter))


def test_accept_invitation_links_the_co_speakers_profile(fixed_call, submitter):
    draft = submissions.save_draft(
        now=DURING, **_content(fixed_call, submitter, co_speakers=[{"name": "Olena", "email": "olena@example.org"}])
    )
    speaker = draft.speakers.get(is_submitter=False)
    olena = UserFactory(username="olena", first_name="Olena Kovalenko")
    accepted = submissions.accept_invitation(speaker=speaker, user=olena, now=DURING)
    assert accepted.accepted_invitation_at == DURING
    assert accepted.person.user == olena
    assert accepted.person.name == "Olena Kovalenko"


def test_the_submitter_cannot_accept_an_invitation_to_their_own_contribution(fixed_call, submitter):
    draft = submissions.save_draft(
        now=DURING, **_content(fixed_call, submitter, co_speakers=[{"name": "Olena", "email": "olena@example.org"}])
    )
    with pytest.raises(SubmissionRefused):
        submissions.accept_invitation(speaker=draft.speakers.get(is_submitter=False), user=submitter)


def test_decline_invitation_removes_the_co_speaker(fixed_call, submitter):
    draft = submissions.save_draft(
        now=DURING, **_content(fixed_call, submitter, co_speakers=[{"name": "Olena", "email": "olena@example.org"}])
    )
    submissions.decline_invitation(speaker=draft.speakers.get(is_submitter=False))
    assert list(draft.speakers.values_list("email", flat=True)) == ["ana@example.org"]
