import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Session


def new_code() -> str:
    """An unguessable public reference for a submission or an invitation (URLs never carry sequential ids)."""
    return secrets.token_urlsafe(12)


class Call(models.Model):
    """An edition's call for contributions: when it is open, what it asks for and the guidance submitters read."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="call", verbose_name=_("edition"))
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"), help_text=_("Submissions and their changes are refused after it."))
    guidance = models.TextField(_("guidance for submitters"), blank=True)
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"), help_text=_("None: every theme."))
    formats = models.ManyToManyField(
        SessionFormat, blank=True, verbose_name=_("formats"), help_text=_("None: every format.")
    )

    class Meta:
        verbose_name = _("call for contributions")
        verbose_name_plural = _("calls for contributions")
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="call_closes_after_it_opens")
        ]
        permissions = [
            ("manage_call", _("Can run an edition's call: settings, reviewers, ranking, decisions")),
            ("review_submission", _("Can review the submissions assigned to them")),
        ]

    def __str__(self):
        return str(self.edition)

    def is_open(self, now) -> bool:
        """Whether submitters may submit and change their contributions at `now`."""
        return self.opens_at <= now < self.closes_at


class CallQuestion(models.Model):
    """An extra question the call asks every submitter."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions", verbose_name=_("call"))
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question of the call")
        verbose_name_plural = _("questions of the call")

    def __str__(self):
        return self.label


class SubmissionState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ACCEPTED = "accepted", _("Accepted")
    WAITLISTED = "waitlisted", _("On the waiting list")
    REJECTED = "rejected", _("Not accepted")
    CONFIRMED = "confirmed", _("Confirmed by the speakers")
    DECLINED = "declined", _("Declined by the speakers")


class Submission(models.Model):
    """A contribution proposed to an edition's call, from draft to decision and the speakers' confirmation."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("edition")
    )
    code = models.CharField(_("reference"), max_length=20, unique=True, default=new_code, editable=False)
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), max_length=5000)
    format = models.ForeignKey(SessionFormat, on_delete=models.PROTECT, verbose_name=_("format"))
    theme = models.ForeignKey(Theme, on_delete=models.SET_NULL, null=True, blank=True, verbose_name=_("theme"))
    language = models.CharField(_("language of presentation"), max_length=10, default="en")
    state = models.CharField(
        _("state"), max_length=20, choices=SubmissionState.choices, default=SubmissionState.DRAFT, db_index=True
    )
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("submitter")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    session = models.OneToOneField(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submission",
        verbose_name=_("session"),
        help_text=_("The session this contribution became once accepted and confirmed."),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [models.Index(fields=["edition", "state"])]

    def __str__(self):
        return self.title


class SubmissionAnswer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(CallQuestion, on_delete=models.CASCADE, related_name="answers")
    answer = models.TextField(_("answer"), max_length=2000, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "question"], name="one_answer_per_question")]

    def __str__(self):
        return f"{self.question}: {self.answer[:50]}"


class SpeakerAttendance(models.TextChoices):
    LIVE = "live", _("At the venue")
    ONLINE = "online", _("Online")


class SubmissionSpeaker(models.Model):
    """A speaker of a submission: the submitter, or a co-speaker invited by e-mail who confirms by their link.

    `person` is the speaker profile (people.Person, one across editions), set when the speaker has an account."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="speakers")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="submission_speakers"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_submitter = models.BooleanField(default=False)
    invitation = models.CharField(max_length=20, unique=True, default=new_code, editable=False)
    invited_at = models.DateTimeField(null=True, blank=True)
    accepted_invitation_at = models.DateTimeField(
        _("agreed to co-present"), null=True, blank=True, help_text=_("Empty until an invited co-speaker agrees.")
    )
    # The speaker's confirmation after acceptance.
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    attendance = models.CharField(_("will present"), max_length=10, choices=SpeakerAttendance.choices, blank=True)
    # The last reminder to confirm, so `remind_speakers` writes at most once per interval.
    reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    # When they are not available is saved as programme.Unavailability rows, which the schedule editor reads.

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("speaker of a submission")
        verbose_name_plural = _("speakers of submissions")
        constraints = [
            models.UniqueConstraint(fields=["submission", "email"], name="one_speaker_per_email_per_submission")
        ]

    def __str__(self):
        return self.name


class ReviewCriterion(models.Model):
    """What reviewers score an edition's submissions on, and how much it weighs in the ranking."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="review_criteria")
    name = models.CharField(_("criterion"), max_length=200)
    description = models.CharField(_("description"), max_length=500, blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self):
        return self.name


class ReviewAssignment(models.Model):
    """A submission given to a reviewer to score."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_assignments")
    assigned_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "reviewer"], name="assigned_once")]

    def __str__(self):
        return f"{self.reviewer} → {self.submission}"


SCORE_MIN, SCORE_MAX = 0, 5


class Review(models.Model):
    """One reviewer's scores and comment on one submission."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews")
    comment = models.TextField(_("comment"), blank=True, max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["submission", "reviewer"], name="one_review_per_reviewer")]

    def __str__(self):
        return f"{self.reviewer} on {self.submission}"


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(ReviewCriterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "criterion"], name="one_score_per_criterion"),
            models.CheckConstraint(condition=Q(value__lte=SCORE_MAX), name="score_within_scale"),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Decision(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    WAITLIST = "waitlist", _("Waiting list")
    REJECT = "reject", _("Reject")


class DecisionTemplate(models.Model):
    """The e-mail a decision sends, as the organisers wrote it. Placeholders: {title}, {name}, {edition}, {link}."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="decision_templates")
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices)
    language = models.CharField(_("language"), max_length=10, default="en")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=10000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "decision", "language"], name="one_template_per_decision")
        ]

    def __str__(self):
        return f"{self.get_decision_display()} ({self.language})"
