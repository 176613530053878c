"""Writes of the live app: joining a stream through one's own link, questions, votes, moderation, feedback,
and the organisers' stream settings. Each checks who may act before doing anything."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from occupy.live.models import COMMENT_MAX_LENGTH, QUESTION_MAX_LENGTH, Feedback, Question, SessionStream, Vote
from occupy.live.queries import session_stream_url
from occupy.live.rules import Window, feedback_open, questions_open, room_join_window, session_join_window
from occupy.registration.models import Registration, RegistrationStatus
from occupy.registration.services.attendance import record_online_attendance


class LiveError(Exception):
    """Why a participant cannot do this now; the message is for them."""


class NotAllowed(LiveError):
    """The registration may not do this at all (not confirmed, another edition): a 403."""


class NotNow(LiveError):
    """Not at this time (before the window opens, after it closes)."""


def check_participant(registration: Registration, edition) -> None:
    """Streams, questions and feedback are for confirmed participants of the session's own edition."""
    if registration.edition_id != edition.pk:
        raise NotAllowed(_("Your registration is for another edition."))
    if registration.status != RegistrationStatus.CONFIRMED:
        raise NotAllowed(_("Only confirmed registrations can follow the streams, ask questions and give feedback."))


WINDOW_MESSAGES = {
    Window.EARLY: _("This link opens 15 minutes before the session starts. Come back then: it will work."),
    Window.OVER: _("This session has ended. If the organisers publish a recording, it will be on the session page."),
    Window.UNSCHEDULED: _("This session has no time in the schedule yet."),
}


def join_session(*, registration: Registration, session, at: datetime.datetime) -> str:
    """The stream to forward a participant to for `session` at `at`, or "" when no stream is set (nothing is
    recorded then). Side effect: records online attendance for the day (registration's AttendanceDay).
    Raises NotAllowed or NotNow (before JOIN_OPENS_BEFORE the start, after the end)."""
    check_participant(registration, session.edition)
    window = session_join_window(session, at)
    if window != Window.OPEN:
        raise NotNow(WINDOW_MESSAGES[window])
    url = session_stream_url(session)
    if url:
        record_online_attendance(registration, at=at)
    return url


def join_room(*, registration: Registration, room, at: datetime.datetime) -> str:
    """Like join_session for a room's stream (else the edition's), which works on the edition's days."""
    check_participant(registration, room.edition)
    window = room_join_window(room.edition, at)
    if window == Window.EARLY:
        raise NotNow(_("The conference has not begun yet: this link works on the conference's days."))
    if window == Window.OVER:
        raise NotNow(_("The conference is over: this link no longer works."))
    url = room.stream_url or room.edition.online_stream_url
    if url:
        record_online_attendance(registration, at=at)
    return url


def clean_question_text(text: str) -> str:
    text = " ".join((text or "").split())
    if not text:
        raise LiveError(_("Write your question first."))
    if len(text) > QUESTION_MAX_LENGTH:
        raise LiveError(
            _("Keep your question under %(max)d characters (it has %(count)d).")
            % {"max": QUESTION_MAX_LENGTH, "count": len(text)}
        )
    return text


def ask_question(*, registration: Registration, session, text: str, at: datetime.datetime) -> Question:
    """Add a question to `session` from `registration`. Raises LiveError (empty, too long, not now, not allowed)."""
    check_participant(registration, session.edition)
    if not questions_open(session, at):
        raise NotNow(_("Questions are open from 15 minutes before the session until it ends."))
    return Question.objects.create(session=session, registration=registration, text=clean_question_text(text))


def vote(*, registration: Registration, question: Question, at: datetime.datetime) -> bool:
    """Give `registration`'s vote to `question`; True when it counted, False when they had voted already.
    Asking a question is not voting for it: one's own question takes no vote (LiveError). The unique constraint
    on (question, registration) decides between two votes sent at once."""
    check_participant(registration, question.session.edition)
    if not questions_open(question.session, at):
        raise NotNow(_("Questions are open from 15 minutes before the session until it ends."))
    if question.registration_id == registration.pk:
        raise LiveError(_("You cannot vote for your own question."))
    if question.is_hidden:
        raise LiveError(_("This question is no longer shown."))
    try:
        with transaction.atomic():
            Vote.objects.create(question=question, registration=registration)
    except IntegrityError:
        return False
    return True


MODERATION = {
    "hide": {"is_hidden": True},
    "show": {"is_hidden": False},
    "answered": {"is_answered": True},
    "unanswered": {"is_answered": False},
    "pin": {"is_pinned": True},
    "unpin": {"is_pinned": False},
}


def moderate(*, question: Question, action: str) -> None:
    """The chair's actions on a question (MODERATION's keys). Raises LiveError for another action."""
    if action not in MODERATION:
        raise LiveError(_("Unknown action."))
    Question.objects.filter(pk=question.pk).update(**MODERATION[action])


def give_feedback(*, registration: Registration, session, rating, comment: str, at: datetime.datetime) -> Feedback:
    """Save a participant's rating (1–5) and comment, once per session (the unique constraint decides between
    two sent at once). Raises LiveError (not started yet, bad rating, already given, not allowed)."""
    check_participant(registration, session.edition)
    if not feedback_open(session, at):
        raise NotNow(_("Feedback opens when the session starts."))
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise LiveError(_("Choose a rating from 1 to 5."))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX_LENGTH:
        raise LiveError(_("Keep your comment under %(max)d characters.") % {"max": COMMENT_MAX_LENGTH})
    try:
        with transaction.atomic():
            return Feedback.objects.create(session=session, registration=registration, rating=rating, comment=comment)
    except IntegrityError:
        raise LiveError(_("You have already given feedback on this session: thank you.")) from None


def _checked_url(value: str, field: str) -> str:
    value = (value or "").strip()
    if value:
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            raise ValidationError({field: _("Enter a full web address starting with https://.")}) from None
        if len(value) > 200:
            raise ValidationError({field: _("Keep the address under 200 characters.")})
    return value


def set_room_stream(*, room, stream_url: str) -> None:
    """Set a room's stream link. Participants' links name the room, never the address, so they keep working."""
    room.stream_url = _checked_url(stream_url, "stream_url")
    room.save(update_fields=["stream_url"])


def set_session_stream(*, session, stream_url: str, recording_url: str, recording_is_public: bool) -> None:
    """Set a session's own stream link and its recording (public or not). Raises ValidationError."""
    stream_url = _checked_url(stream_url, "stream_url")
    recording_url = _checked_url(recording_url, "recording_url")
    if recording_is_public and not recording_url:
        raise ValidationError({"recording_is_public": _("Give the recording's link before making it public.")})
    SessionStream.objects.update_or_create(
        session=session,
        defaults={
            "stream_url": stream_url,
            "recording_url": recording_url,
            "recording_is_public": recording_is_public,
        },
    )
