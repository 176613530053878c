"""The event as it happens: a session's own stream and recording, questions and votes, feedback.

A session's stream and recording live here, in a one-to-one row beside the session, rather than as columns of
programme's Session: the programme (its pages, exports, PDF) never reads them, so nothing there can leak a private
stream link, and the live app, which is above the programme, owns everything about streams.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from occupy.programme.models import Session
from occupy.registration.models import Registration

QUESTION_MAX_LENGTH = 300
COMMENT_MAX_LENGTH = 2000


class SessionStream(models.Model):
    """A session's own stream link (overrides its room's) and its recording, public once an organiser says so."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="stream", verbose_name=_("session"))
    stream_url = models.URLField(
        _("stream link"), blank=True, help_text=_("Private: shown only to confirmed participants, through their link.")
    )
    recording_url = models.URLField(_("recording link"), blank=True)
    recording_is_public = models.BooleanField(
        _("recording is public"), default=False, help_text=_("Shown on the session's public page.")
    )

    class Meta:
        verbose_name = _("session stream")
        verbose_name_plural = _("session streams")
        permissions = [
            ("manage_streams", _("Can set the stream and recording links of rooms and sessions")),
            ("moderate_questions", _("Can chair the questions of every session")),
            ("read_feedback", _("Can read every session's feedback")),
        ]

    def __str__(self):
        return str(self.session)


class Question(models.Model):
    """A participant's question to a session's speakers; the chair hides it, pins it or marks it answered."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="questions")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=QUESTION_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    is_answered = models.BooleanField(_("answered"), default=False)
    is_pinned = models.BooleanField(_("pinned"), default=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text


class Vote(models.Model):
    """One participant's vote for a question: once per participant and question, which the database enforces."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="votes")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="question_votes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "registration"], name="one_vote_per_question")]

    def __str__(self):
        return f"{self.registration_id} → {self.question_id}"


class Feedback(models.Model):
    """A participant's rating (1–5) and comment on a session they attended: once per participant and session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="feedback")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="session_feedback")
    rating = models.PositiveSmallIntegerField(_("rating"))
    comment = models.TextField(_("comment"), blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        constraints = [
            models.UniqueConstraint(fields=["session", "registration"], name="one_feedback_per_session"),
            models.CheckConstraint(condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"),
        ]

    def __str__(self):
        return f"{self.session}: {self.rating}/5"
