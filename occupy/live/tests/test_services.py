"""Questions, votes, feedback and joining, through the services; the database holds the one-per-person rules."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from occupy.live import services
from occupy.live.models import Feedback, Question, SessionStream, Vote
from occupy.live.queries import feedback_summary, questions_for
from occupy.registration.models import AttendanceDay, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_vote_counts_once_per_participant_and_the_database_refuses_a_second_row(event):
    question = services.ask_question(
        registration=event.participant, session=event.session, text="Why?", at=timezone.now()
    )
    assert services.vote(registration=event.other, question=question, at=timezone.now()) is True
    assert services.vote(registration=event.other, question=question, at=timezone.now()) is False
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(question=question, registration=event.other)
    assert questions_for(event.session)[0].vote_count == 1


def test_vote_for_ones_own_question_is_refused(event):
    question = services.ask_question(
        registration=event.participant, session=event.session, text="Mine", at=timezone.now()
    )
    with pytest.raises(services.LiveError, match="your own question"):
        services.vote(registration=event.participant, question=question, at=timezone.now())
    assert question.votes.count() == 0


def test_questions_are_ordered_pinned_first_then_by_votes_and_hidden_ones_only_for_the_chair(event):
    now = timezone.now()
    voters = [RegistrationFactory(edition=event.edition) for _ in range(3)]
    first = services.ask_question(registration=event.participant, session=event.session, text="First", at=now)
    popular = services.ask_question(registration=event.other, session=event.session, text="Popular", at=now)
    pinned = services.ask_question(registration=event.other, session=event.session, text="Pinned", at=now)
    hidden = services.ask_question(registration=event.other, session=event.session, text="Rude", at=now)
    for voter in voters:
        services.vote(registration=voter, question=popular, at=now)
    services.vote(registration=voters[0], question=first, at=now)
    services.moderate(question=pinned, action="pin")
    services.moderate(question=hidden, action="hide")

    assert [q.text for q in questions_for(event.session)] == ["Pinned", "Popular", "First"]
    assert [q.text for q in questions_for(event.session, include_hidden=True)] == [
        "Pinned",
        "Popular",
        "First",
        "Rude",
    ]
    with pytest.raises(services.LiveError):
        services.vote(registration=voters[1], question=Question.objects.get(pk=hidden.pk), at=now)


def test_question_text_is_checked_and_only_confirmed_participants_of_the_edition_ask(event):
    now = timezone.now()
    with pytest.raises(services.LiveError, match="Write your question"):
        services.ask_question(registration=event.participant, session=event.session, text="   ", at=now)
    with pytest.raises(services.LiveError, match="under 300"):
        services.ask_question(registration=event.participant, session=event.session, text="x" * 301, at=now)
    waiting = RegistrationFactory(edition=event.edition, status=RegistrationStatus.WAITLISTED)
    with pytest.raises(services.NotAllowed):
        services.ask_question(registration=waiting, session=event.session, text="Hi", at=now)
    stranger = RegistrationFactory()
    with pytest.raises(services.NotAllowed, match="another edition"):
        services.ask_question(registration=stranger, session=event.session, text="Hi", at=now)
    with pytest.raises(services.NotNow):
        services.ask_question(registration=event.participant, session=event.next_session, text="Too early", at=now)
    assert Question.objects.count() == 0


def test_feedback_is_given_once_and_the_database_refuses_a_second(event):
    now = timezone.now()
    services.give_feedback(registration=event.participant, session=event.session, rating="4", comment="Good", at=now)
    with pytest.raises(services.LiveError, match="already"):
        services.give_feedback(registration=event.participant, session=event.session, rating=5, comment="", at=now)
    with pytest.raises(IntegrityError), transaction.atomic():
        Feedback.objects.create(registration=event.participant, session=event.session, rating=1)
    assert Feedback.objects.get().rating == 4


def test_feedback_needs_a_rating_from_1_to_5_and_a_started_session(event):
    now = timezone.now()
    for rating in ["0", "6", "", None, "five"]:
        with pytest.raises(services.LiveError, match="1 to 5"):
            services.give_feedback(
                registration=event.participant, session=event.session, rating=rating, comment="", at=now
            )
    with pytest.raises(services.NotNow):
        services.give_feedback(
            registration=event.participant, session=event.next_session, rating=5, comment="", at=now
        )
    assert Feedback.objects.count() == 0


def test_feedback_summary_gives_count_and_average_per_session_in_one_query(event, django_assert_num_queries):
    now = timezone.now()
    for rating in [5, 4, 2]:
        services.give_feedback(
            registration=RegistrationFactory(edition=event.edition),
            session=event.session,
            rating=rating,
            comment="",
            at=now,
        )
    with django_assert_num_queries(1):
        summary = feedback_summary(event.edition)
    assert summary == [
        {
            "session_id": event.session.pk,
            "title": event.session.title,
            "slug": "debate-now",
            "count": 3,
            "average": 3.67,
        }
    ]


def test_join_session_prefers_the_sessions_own_stream_and_records_online_attendance(event):
    now = timezone.now()
    assert services.join_session(registration=event.participant, session=event.session, at=now) == (
        "https://edition-stream.example.org/all"
    )
    event.room.stream_url = "https://room.example.org/main"
    event.room.save()
    event.session.refresh_from_db()
    assert services.join_session(registration=event.participant, session=event.session, at=now) == (
        "https://room.example.org/main"
    )
    SessionStream.objects.create(session=event.session, stream_url="https://own.example.org/debate")
    assert services.join_session(registration=event.participant, session=event.session, at=now) == (
        "https://own.example.org/debate"
    )
    assert AttendanceDay.objects.filter(registration=event.participant, mode="online").count() == 1
    with pytest.raises(services.NotNow, match="15 minutes"):
        services.join_session(registration=event.participant, session=event.next_session, at=now)
    later = event.session.ends_at + datetime.timedelta(seconds=1)
    with pytest.raises(services.NotNow, match="ended"):
        services.join_session(registration=event.participant, session=event.session, at=later)


def test_set_session_stream_refuses_a_public_recording_without_a_link_and_a_bad_address(event):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.set_session_stream(session=event.session, stream_url="", recording_url="", recording_is_public=True)
    with pytest.raises(ValidationError):
        services.set_session_stream(
            session=event.session, stream_url="javascript:alert(1)", recording_url="", recording_is_public=False
        )
    assert not SessionStream.objects.exists()
