"""Reads for the live pages: each list a page shows, with the queries it needs declared here."""

from django.db.models import Avg, Count, Q

from occupy.editions.models import Room
from occupy.live.models import Feedback, Question, SessionStream
from occupy.live.rules import NEXT_HORIZON, now_and_next
from occupy.programme.models import Session, SpeakerRole


def rooms_now(edition, now):
    """Every room with what is on at `now` and what is next (two queries whatever the programme's size)."""
    rooms = list(Room.objects.filter(edition=edition))
    sessions = (
        Session.objects.filter(
            edition=edition, starts_at__isnull=False, ends_at__gt=now, starts_at__lt=now + NEXT_HORIZON
        )
        .select_related("edition", "format", "theme")
        .order_by("starts_at", "pk")
    )
    return now_and_next(rooms, sessions, now)


def get_scheduled_session(edition, slug):
    """A published session of `edition` by slug, or None (one query)."""
    return Session.objects.select_related("edition", "room").filter(edition=edition, slug=slug).first()


def session_stream_url(session) -> str:
    """The private stream a session is followed on: its own, else its room's, else the edition's; "" if none."""
    own = SessionStream.objects.filter(session=session).values_list("stream_url", flat=True).first()
    if own:
        return own
    if session.room and session.room.stream_url:
        return session.room.stream_url
    return session.edition.online_stream_url


def public_recording_url(session) -> str:
    """The recording of a session, when an organiser has marked it public; "" otherwise (one query)."""
    return (
        SessionStream.objects.filter(session=session, recording_is_public=True)
        .exclude(recording_url="")
        .values_list("recording_url", flat=True)
        .first()
        or ""
    )


def questions_for(session, *, include_hidden: bool = False) -> list[Question]:
    """A session's questions: pinned first, then by votes, then oldest first, each with `vote_count` (one query)."""
    questions = Question.objects.filter(session=session).annotate(vote_count=Count("votes"))
    if not include_hidden:
        questions = questions.filter(is_hidden=False)
    return list(questions.order_by("-is_pinned", "-vote_count", "created_at", "pk"))


def voted_question_ids(registration, session) -> set[int]:
    return set(registration.question_votes.filter(question__session=session).values_list("question_id", flat=True))


def feedback_summary(edition) -> list[dict]:
    """Per session of `edition` that has feedback: {"session_id", "title", "slug", "count", "average"}, in the
    programme's order (one query). The organisers' dashboard reads this."""
    rows = (
        Feedback.objects.filter(session__edition=edition)
        .values("session_id", "session__title", "session__slug", "session__starts_at")
        .annotate(count=Count("pk"), average=Avg("rating"))
        .order_by("session__starts_at", "session__title")
    )
    return [
        {
            "session_id": row["session_id"],
            "title": row["session__title"],
            "slug": row["session__slug"],
            "count": row["count"],
            "average": round(float(row["average"]), 2),
        }
        for row in rows
    ]


def feedback_comments(sessions) -> dict[int, list[Feedback]]:
    """The comments given on `sessions`, newest first, per session id (one query)."""
    comments: dict[int, list[Feedback]] = {}
    for feedback in (
        Feedback.objects.filter(session__in=sessions)
        .exclude(comment="")
        .only("session_id", "rating", "comment", "created_at")
    ):
        comments.setdefault(feedback.session_id, []).append(feedback)
    return comments


def sessions_spoken_by(user):
    """The sessions in which `user`'s person speaks or moderates, newest edition first (one query)."""
    return list(
        Session.objects.filter(session_speakers__person__user=user)
        .select_related("edition")
        .distinct()
        .order_by("-edition__year", "starts_at", "title")
    )


def chairs_session(user, session) -> bool:
    """Whether `user` is a moderator of `session` through their speaker profile (one query)."""
    return (
        user.is_authenticated
        and session.session_speakers.filter(Q(role=SpeakerRole.MODERATOR), person__user=user).exists()
    )


def streams_for_organisers(edition):
    """Rooms and scheduled sessions of `edition` with their streams, for the organisers' page (two queries)."""
    rooms = list(Room.objects.filter(edition=edition))
    sessions = list(
        Session.objects.filter(edition=edition)
        .select_related("room", "stream")
        .order_by("starts_at", "room__order", "title")
    )
    return rooms, sessions
