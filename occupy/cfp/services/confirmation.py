"""Accepted speakers confirm (or decline), and a confirmed contribution becomes a session of the programme.

A speaker reaches their page by their invitation code alone (unguessable). When every speaker of an accepted
contribution has confirmed, the contribution is confirmed and becomes an unscheduled programme.Session with its
speakers. Those who have not confirmed are reminded, at most once per interval.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from occupy.cfp.models import SpeakerAttendance, Submission, SubmissionSpeaker, SubmissionState
from occupy.cfp.queries import speakers_to_remind
from occupy.cfp.services.decisions import language_of, queue_speaker_email
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, SessionSpeaker, Unavailability

# A speaker who has not confirmed is reminded this many days after the decision, then every this many days.
REMIND_AFTER_DAYS = 7
REMINDER_SUBJECT = _("Please confirm your contribution “{title}” to {edition}")
REMINDER_BODY = _(
    "Dear {name},\n\nYour contribution “{title}” is accepted for {edition}, and we have not heard from you yet. "
    "Please confirm that you will present it, tell us whether you will come to the venue or present online, and "
    "when you are not available, on this page:\n{link}\n\nThank you,\nThe organisers of {edition}"
)


def _unique_slug(model, base: str, **scope) -> str:
    base = slugify(base)[:180] or "speaker"
    slug, n = base, 1
    while model.objects.filter(slug=slug, **scope).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def person_for(speaker: SubmissionSpeaker) -> Person:
    """The speaker's profile: the one linked, the submitter's own, or a new one from their name and e-mail.
    Side effects: may create a Person and links it to the speaker."""
    person = speaker.person
    if person is None and speaker.is_submitter:
        person = Person.objects.filter(user_id=speaker.submission.submitter_id).first()
    if person is None:
        person = Person.objects.create(slug=_unique_slug(Person, speaker.name), name=speaker.name, email=speaker.email)
    if speaker.person_id != person.pk:
        speaker.person = person
        speaker.save(update_fields=["person"])
    return person


def _locked(speaker: SubmissionSpeaker) -> Submission:
    # Two speakers confirming at the same moment must not both miss that they were the last one.
    return Submission.objects.select_for_update().select_related("edition").get(pk=speaker.submission_id)


def confirm_speaker(
    *, speaker: SubmissionSpeaker, attendance: str, unavailable: Iterable[tuple[datetime.datetime, datetime.datetime]]
) -> Submission:
    """Record that `speaker` will present, how (live or online), and when they cannot (UTC periods).

    Raises ValidationError unless the contribution is accepted and the speaker has not answered yet. Side effects:
    the speaker's confirmed_at and attendance, their Person (created if needed), one programme.Unavailability
    per period; when every speaker has confirmed, the submission is confirmed and becomes a session."""
    if attendance not in SpeakerAttendance.values:
        raise ValidationError(_("Say whether you will present at the venue or online."))
    with transaction.atomic():
        submission = _locked(speaker)
        if submission.state != SubmissionState.ACCEPTED or speaker.confirmed_at is not None:
            raise ValidationError(_("This contribution is not waiting for your confirmation."))
        speaker.submission = submission
        person = person_for(speaker)
        speaker.confirmed_at, speaker.attendance = timezone.now(), attendance
        speaker.save(update_fields=["confirmed_at", "attendance"])
        Unavailability.objects.bulk_create(
            Unavailability(edition=submission.edition, person=person, starts_at=start, ends_at=end)
            for start, end in unavailable
        )
        _confirm_when_everyone_has(submission)
    return submission


def decline_speaker(*, speaker: SubmissionSpeaker) -> Submission:
    """`speaker` will not present. The submitter declining (or the last speaker) declines the contribution; a
    co-speaker declining leaves it to the others. Side effects: the submission's state, or the co-speaker's row
    deleted; may confirm the contribution when everyone left has confirmed."""
    with transaction.atomic():
        submission = _locked(speaker)
        if submission.state != SubmissionState.ACCEPTED or speaker.confirmed_at is not None:
            raise ValidationError(_("This contribution is not waiting for your confirmation."))
        if speaker.is_submitter or submission.speakers.count() == 1:
            submission.state = SubmissionState.DECLINED
            submission.save(update_fields=["state", "updated_at"])
        else:
            speaker.delete()
            _confirm_when_everyone_has(submission)
    return submission


def _confirm_when_everyone_has(submission: Submission) -> None:
    if submission.speakers.filter(confirmed_at__isnull=True).exists():
        return
    submission.state = SubmissionState.CONFIRMED
    submission.save(update_fields=["state", "updated_at"])
    create_session(submission=submission)


def create_session(*, submission: Submission) -> Session:
    """The programme session `submission` becomes: title, abstract, format, theme, language, its speakers in
    order, attendance from theirs (all live, all online, or hybrid), no room or time yet. Idempotent: a submission
    that has its session keeps it. Side effects: one Session, its SessionSpeaker rows, Person rows for speakers
    without one; the submission's `session`."""
    with transaction.atomic():
        submission = Submission.objects.select_for_update().select_related("edition").get(pk=submission.pk)
        if submission.session_id is not None:
            return submission.session
        speakers = list(submission.speakers.all())
        ways = {speaker.attendance for speaker in speakers if speaker.attendance}
        attendance = ways.pop() if len(ways) == 1 else Attendance.HYBRID
        session = Session.objects.create(
            edition=submission.edition,
            slug=_unique_slug(Session, submission.title, edition=submission.edition),
            title=submission.title,
            abstract=submission.abstract,
            format_id=submission.format_id,
            theme_id=submission.theme_id,
            language=submission.language,
            attendance=attendance,
            is_sample=submission.edition.is_sample,
        )
        for order, speaker in enumerate(speakers):
            speaker.submission = submission
            person = person_for(speaker)
            SessionSpeaker.objects.get_or_create(session=session, person=person, defaults={"order": order})
        submission.session = session
        submission.save(update_fields=["session", "updated_at"])
    return session


def remind_speakers(*, after_days: int, now: datetime.datetime | None = None) -> int:
    """E-mail each speaker of an accepted contribution who has not confirmed `after_days` days after the
    decision, at most once every `after_days` days. Side effects: one outbox e-mail per speaker reminded, and
    their reminded_at. Returns how many."""
    now = now or timezone.now()
    interval = datetime.timedelta(days=after_days)
    reminded = 0
    with transaction.atomic():
        speakers = speakers_to_remind(accepted_before=now - interval, reminded_before=now - interval)
        for speaker in speakers.select_for_update(of=("self",)):
            language = language_of(speaker)
            with translation.override(language):
                subject, body = str(REMINDER_SUBJECT), str(REMINDER_BODY)
            queue_speaker_email(speaker=speaker, subject=subject, body=body, language=language, confirm=True)
            speaker.reminded_at = now
            speaker.save(update_fields=["reminded_at"])
            reminded += 1
    return reminded
