"""Accepted speakers confirm; a contribution all of whose speakers confirmed becomes a session; reminders."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from occupy.cfp.models import SpeakerAttendance, SubmissionState
from occupy.cfp.services.confirmation import confirm_speaker, create_session, decline_speaker, remind_speakers
from occupy.cfp.tests.factories import SubmissionFactory, SubmissionSpeakerFactory
from occupy.cfp.tests.roles import give_organisation
from occupy.editions.tests.factories import ThemeFactory
from occupy.people.models import Person
from occupy.programme.models import Attendance, Session, Unavailability

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def accepted(**kwargs):
    return SubmissionFactory(**{"state": SubmissionState.ACCEPTED, "decided_at": timezone.now(), **kwargs})


def test_when_every_speaker_confirms_the_contribution_becomes_an_unscheduled_session_with_its_speakers():
    theme = ThemeFactory()
    submission = accepted(edition=theme.edition, theme=theme, title="Libraries & maps", language="ro")
    profile = give_organisation(submission.submitter, "City Library")
    cospeaker = SubmissionSpeakerFactory(submission=submission, name="Ana Pop", email="ana@example.org", order=1)
    submitter = submission.speakers.get(is_submitter=True)
    period = (datetime.datetime(2031, 6, 2, 7, tzinfo=UTC), datetime.datetime(2031, 6, 2, 9, tzinfo=UTC))

    confirm_speaker(speaker=submitter, attendance=SpeakerAttendance.LIVE, unavailable=[period])
    submission.refresh_from_db()
    assert submission.state == SubmissionState.ACCEPTED and submission.session is None

    confirm_speaker(speaker=cospeaker, attendance=SpeakerAttendance.ONLINE, unavailable=[])
    submission.refresh_from_db()
    session = submission.session
    assert submission.state == SubmissionState.CONFIRMED
    assert (session.title, session.abstract, session.format_id, session.theme_id, session.language) == (
        "Libraries & maps",
        submission.abstract,
        submission.format_id,
        theme.pk,
        "ro",
    )
    assert (session.attendance, session.room, session.starts_at) == (Attendance.HYBRID, None, None)
    ana = Person.objects.get(name="Ana Pop")
    assert ana.email == "ana@example.org"
    assert list(session.session_speakers.values_list("person", flat=True)) == [profile.pk, ana.pk]
    assert list(Unavailability.objects.values_list("person", "starts_at", "ends_at")) == [(profile.pk, *period)]

    assert create_session(submission=submission) == session
    assert Session.objects.count() == 1 and session.session_speakers.count() == 2


def test_a_speaker_confirms_once_and_only_an_accepted_contribution():
    submission = accepted()
    speaker = submission.speakers.get()
    confirm_speaker(speaker=speaker, attendance=SpeakerAttendance.LIVE, unavailable=[])
    with pytest.raises(ValidationError, match="not waiting"):
        confirm_speaker(speaker=speaker, attendance=SpeakerAttendance.LIVE, unavailable=[])
    submitted = SubmissionFactory().speakers.get()
    with pytest.raises(ValidationError, match="not waiting"):
        confirm_speaker(speaker=submitted, attendance=SpeakerAttendance.LIVE, unavailable=[])


def test_a_cospeaker_declining_leaves_the_contribution_to_the_others_and_the_submitter_declining_declines_it():
    submission = accepted()
    cospeaker = SubmissionSpeakerFactory(submission=submission)
    confirm_speaker(speaker=submission.speakers.get(is_submitter=True), attendance="online", unavailable=[])
    decline_speaker(speaker=cospeaker)
    submission.refresh_from_db()
    assert submission.state == SubmissionState.CONFIRMED
    assert submission.session.attendance == Attendance.ONLINE

    other = accepted()
    decline_speaker(speaker=other.speakers.get())
    other.refresh_from_db()
    assert other.state == SubmissionState.DECLINED and other.session is None


def test_remind_speakers_writes_to_those_who_have_not_confirmed_at_most_once_per_interval(
    django_capture_on_commit_callbacks,
):
    now = datetime.datetime(2031, 5, 1, 12, tzinfo=UTC)
    old = accepted(decided_at=now - datetime.timedelta(days=8), language="uk", title="Old")
    SubmissionSpeakerFactory(submission=old, email="co@example.org")
    confirmed = SubmissionSpeakerFactory(submission=old, email="done@example.org", confirmed_at=now)
    accepted(decided_at=now - datetime.timedelta(days=2))  # too recent

    with django_capture_on_commit_callbacks(execute=True):
        assert remind_speakers(after_days=7, now=now) == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["co@example.org", old.submitter.email]
    assert "Old" in mail.outbox[0].subject and "/cfp/confirm/" in mail.outbox[0].body
    assert remind_speakers(after_days=7, now=now + datetime.timedelta(days=4)) == 0
    with django_capture_on_commit_callbacks(execute=True):
        assert remind_speakers(after_days=7, now=now + datetime.timedelta(days=8)) == 3  # the recent one too
    assert len(mail.outbox) == 5
    assert confirmed.email not in {message.to[0] for message in mail.outbox}


def test_the_remind_speakers_command_reminds_and_says_how_many(django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    accepted(decided_at=timezone.now() - datetime.timedelta(days=3))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("remind_speakers", "--days", "2", stdout=out)
    assert out.getvalue() == "1 speakers reminded.\n"
    assert len(mail.outbox) == 1
