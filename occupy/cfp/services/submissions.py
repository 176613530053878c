"""The one place a submission changes state (and its speakers their invitation): the submitter's side.

draft → submitted (submit), draft/submitted/waitlisted → withdrawn (withdraw); content changes (save_draft)
only while the call is open. The deadline is enforced here, on the server: a change after the call closes raises
CallClosed and changes nothing. Co-speakers are invited by e-mail when the contribution is submitted (or when
added to a submitted one) and agree (accept_invitation) or decline (decline_invitation) by their link.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from occupy.cfp.models import Call, Submission, SubmissionAnswer, SubmissionSpeaker, SubmissionState
from occupy.editions import sample
from occupy.editions.models import Edition
from occupy.people.accounts import get_or_create_profile
from occupy.registration.models import EmailKind
from occupy.registration.services.mail import queue_message

EDITABLE = (SubmissionState.DRAFT, SubmissionState.SUBMITTED)
WITHDRAWABLE = (SubmissionState.DRAFT, SubmissionState.SUBMITTED, SubmissionState.WAITLISTED)
INVITATION_TEMPLATE = "cfp/email/invitation"


class SubmissionRefused(Exception):
    """A change the call's rules do not allow; str() is the message for the submitter."""


def _check_call_open(edition: Edition, now: datetime.datetime) -> Call:
    call = Call.objects.filter(edition=edition).first()
    if call is None or now < call.opens_at:
        raise SubmissionRefused(_("The call for contributions is not open yet."))
    if not call.is_open(now):
        closed = timezone.localtime(call.closes_at, edition.tz)
        raise SubmissionRefused(
            _("The call for contributions closed on %(date)s (%(zone)s); changes are no longer accepted.")
            % {"date": closed.strftime("%Y-%m-%d %H:%M"), "zone": edition.tz.key}
        )
    return call


def save_draft(
    *,
    edition: Edition,
    submitter,
    fields: dict,
    answers: dict,
    co_speakers: list[dict],
    submission: Submission | None = None,
    now: datetime.datetime | None = None,
) -> Submission:
    """Save a contribution's content: a new one as a draft, an existing one (draft or submitted) in its state.
    `fields` are title, abstract, format, theme, language; `answers` maps question ids of the call to text;
    `co_speakers` are {"name", "email"} in order (the submitter is always the first speaker).

    Raises SubmissionRefused outside the call's dates or when the contribution may no longer change.
    Side effects: the Submission, its answers and speakers; on a submitted contribution, new co-speakers are
    invited (one e-mail each)."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _check_call_open(edition, now)
        if submission is None:
            submission = Submission(edition=edition, submitter=submitter, state=SubmissionState.DRAFT)
        else:
            submission = Submission.objects.select_for_update().get(pk=submission.pk, submitter=submitter)
            if submission.state not in EDITABLE:
                raise SubmissionRefused(_("This contribution can no longer be changed."))
        for name, value in fields.items():
            setattr(submission, name, value)
        submission.save()
        questions = {question.pk for question in call.questions.all()}
        for question_id, text in answers.items():
            if question_id in questions:
                SubmissionAnswer.objects.update_or_create(
                    submission=submission, question_id=question_id, defaults={"answer": text}
                )
        _save_speakers(submission, submitter, co_speakers)
        if submission.state == SubmissionState.SUBMITTED:
            _invite_uninvited(submission, now)
    return submission


def _save_speakers(submission: Submission, submitter, co_speakers: list[dict]) -> None:
    person = get_or_create_profile(user=submitter)
    SubmissionSpeaker.objects.get_or_create(
        submission=submission,
        is_submitter=True,
        defaults={"person": person, "name": person.name, "email": submitter.email, "order": 0},
    )
    wanted = {}
    for row in co_speakers:
        email = row["email"].strip().lower()
        if email and email != submitter.email.lower() and email not in wanted:
            wanted[email] = row["name"].strip()
    current = {speaker.email.lower(): speaker for speaker in submission.speakers.filter(is_submitter=False)}
    for email, speaker in current.items():
        if email not in wanted:
            speaker.delete()
    for order, (email, name) in enumerate(wanted.items(), start=1):
        speaker = current.get(email)
        if speaker is None:
            SubmissionSpeaker.objects.create(submission=submission, name=name, email=email, order=order)
        elif (speaker.name, speaker.order) != (name, order):
            speaker.name, speaker.order = name, order
            speaker.save(update_fields=["name", "order"])


def submit(*, submission: Submission, now: datetime.datetime | None = None) -> Submission:
    """Submit a draft to the call; its co-speakers are invited.

    Raises SubmissionRefused outside the call's dates, when a required question is unanswered, or when the
    contribution is not a draft. Side effects: state submitted, submitted_at; one e-mail per co-speaker."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _check_call_open(submission.edition, now)
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.state == SubmissionState.SUBMITTED:
            return submission
        if submission.state != SubmissionState.DRAFT:
            raise SubmissionRefused(_("Only a draft can be submitted."))
        answered = set(submission.answers.exclude(answer="").values_list("question_id", flat=True))
        missing = [
            question.label for question in call.questions.all() if question.required and question.pk not in answered
        ]
        if missing:
            raise SubmissionRefused(
                _("Please answer the required questions before submitting: %(questions)s")
                % {"questions": "; ".join(missing)}
            )
        submission.state = SubmissionState.SUBMITTED
        submission.submitted_at = now
        submission.save(update_fields=["state", "submitted_at", "updated_at"])
        _invite_uninvited(submission, now)
    return submission


def save_and_submit(
    *, submission: Submission | None = None, now: datetime.datetime | None = None, **content
) -> Submission:
    """save_draft then submit, in one transaction: both happen or neither (a refused submit keeps nothing of
    this save; the form shows again with what was typed)."""
    now = now or timezone.now()
    with transaction.atomic():
        saved = save_draft(submission=submission, now=now, **content)
        return submit(submission=saved, now=now)


def withdraw(*, submission: Submission, now: datetime.datetime | None = None) -> Submission:
    """Withdraw a contribution before it is decided (or from the waiting list); allowed after the deadline.

    Side effects: state withdrawn."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=submission.pk)
        if submission.state not in WITHDRAWABLE:
            raise SubmissionRefused(_("This contribution can no longer be withdrawn."))
        submission.state = SubmissionState.WITHDRAWN
        submission.save(update_fields=["state", "updated_at"])
    return submission


def _invite_uninvited(submission: Submission, now: datetime.datetime) -> None:
    for speaker in submission.speakers.filter(is_submitter=False, invited_at__isnull=True):
        invite_co_speaker(speaker=speaker, now=now)


def invite_co_speaker(*, speaker: SubmissionSpeaker, now: datetime.datetime | None = None) -> SubmissionSpeaker:
    """E-mail a co-speaker the link where they agree to present the contribution, or decline.

    Side effects: invited_at; one e-mail in the outbox (in the submitter's language at the time)."""
    now = now or timezone.now()
    submission = speaker.submission
    edition = submission.edition
    language = translation.get_language() or settings.LANGUAGE_CODE
    with transaction.atomic(), translation.override(language):
        subject = _("%(name)s invites you to present “%(title)s” at %(edition)s") % {
            "name": submission.submitter.first_name or submission.submitter.email,
            "title": submission.title,
            "edition": edition.title,
        }
        notice = ""
        if sample.is_sample(edition):
            subject = f"{_(sample.SUBJECT_PREFIX)} {subject}"
            notice = sample.notice_text()
        queue_message(
            to=speaker.email,
            kind=EmailKind.CALL,
            template=INVITATION_TEMPLATE,
            subject=subject,
            language=language,
            context={
                "speaker_id": speaker.pk,
                "name": speaker.name,
                "submitter": submission.submitter.first_name or submission.submitter.email,
                "title": submission.title,
                "abstract": submission.abstract,
                "edition": edition.title,
                "sample_notice": notice,
            },
        )
        speaker.invited_at = now
        speaker.save(update_fields=["invited_at"])
    return speaker


def _invitation_links(context: dict) -> dict:
    speaker = SubmissionSpeaker.objects.filter(pk=context.get("speaker_id")).only("invitation").first()
    if speaker is None:
        return {}
    path = reverse("cfp:invitation", kwargs={"invitation": speaker.invitation})
    return {"invitation_url": settings.SITE_URL + path}


def register_mail_links() -> None:
    from occupy.registration.mailing import register_secret_links

    register_secret_links(INVITATION_TEMPLATE, _invitation_links)


def accept_invitation(*, speaker: SubmissionSpeaker, user, now: datetime.datetime | None = None) -> SubmissionSpeaker:
    """A co-speaker agrees to present the contribution, signed in to their account, whose speaker profile
    becomes theirs on it.

    Side effects: accepted_invitation_at, person (their profile, made when missing)."""
    now = now or timezone.now()
    with transaction.atomic():
        speaker = SubmissionSpeaker.objects.select_for_update().get(pk=speaker.pk)
        if (
            SubmissionSpeaker.objects.filter(submission_id=speaker.submission_id, person__user=user)
            .exclude(pk=speaker.pk)
            .exists()
        ):
            raise SubmissionRefused(_("You are a speaker of this contribution already."))
        speaker.person = get_or_create_profile(user=user)
        if speaker.accepted_invitation_at is None:
            speaker.accepted_invitation_at = now
        speaker.save(update_fields=["person", "accepted_invitation_at"])
    return speaker


def decline_invitation(*, speaker: SubmissionSpeaker) -> None:
    """A co-speaker declines: they are no longer a speaker of the contribution (its submitter sees so).

    Side effects: the SubmissionSpeaker row deleted."""
    with transaction.atomic():
        SubmissionSpeaker.objects.filter(pk=speaker.pk, is_submitter=False).delete()
