"""Announcements to participants and speakers, the addresses that asked for none, and the post-event survey."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from occupy.editions.models import Edition


class Segment(models.TextChoices):
    CONFIRMED = "confirmed", _("Everyone confirmed")
    LIVE = "live", _("Confirmed, at the venue")
    ONLINE = "online", _("Confirmed, online")
    WAITING = "waiting", _("The waiting list")
    SPEAKERS = "speakers", _("The speakers of the programme")
    COUNTRY = "country", _("Confirmed, from one country")


class AnnouncementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")


class Announcement(models.Model):
    """An e-mail an organiser writes to a segment of an edition's people. A draft until sent; sending freezes
    its recipients (AnnouncementRecipient) and the text can no longer change.

    `versions` holds the text in other languages, {"ro": {"subject": ..., "body": ...}}: a recipient whose
    language has a version gets it, everyone else gets `subject` and `body`."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="announcements", verbose_name=_("edition")
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=20000)
    versions = models.JSONField(_("other languages"), default=dict, blank=True)
    segment = models.CharField(_("to"), max_length=12, choices=Segment.choices, default=Segment.CONFIRMED)
    country = CountryField(_("country"), blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=AnnouncementStatus.choices, default=AnnouncementStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    recipients_count = models.PositiveIntegerField(_("recipients"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        permissions = [
            ("send_announcement", _("Can write and send announcements to an edition's participants")),
            ("view_dashboard", _("Can see an edition's dashboard")),
        ]

    def __str__(self):
        return self.subject

    def text_in(self, language: str) -> tuple[str, str]:
        """(subject, body) in `language` when a version is written in it, else the main text."""
        version = self.versions.get(language) or {}
        if version.get("subject") and version.get("body"):
            return version["subject"], version["body"]
        return self.subject, self.body


class AnnouncementRecipient(models.Model):
    """One address an announcement goes to, frozen when sending starts. `email` is its outbox entry, set in the
    same transaction that writes the entry: a recipient with `queued_at` is never queued again, which is what
    makes sending again after an interruption send only the remainder."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="recipients")
    address = models.EmailField(max_length=254)  # lower case
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=10, blank=True)
    queued_at = models.DateTimeField(null=True, blank=True)
    skipped = models.BooleanField(default=False, help_text="Unsubscribed after sending started: not sent.")
    email = models.OneToOneField(
        "registration.EmailLog", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["announcement", "address"], name="announcement_once_per_address")
        ]
        indexes = [models.Index(fields=["announcement", "queued_at"])]

    def __str__(self):
        return self.address


class Unsubscription(models.Model):
    """An address that asked for no more announcements, site-wide (every edition): essential e-mails
    (confirmation, ticket, schedule changes) still reach it."""

    address = models.EmailField(max_length=254, unique=True)  # lower case
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("unsubscribed address")
        verbose_name_plural = _("unsubscribed addresses")

    def __str__(self):
        return self.address


class Survey(models.Model):
    """An edition's post-event survey: the organisers' questions, answered once per confirmed registration."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="survey")
    is_open = models.BooleanField(_("open"), default=False)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        permissions = [("manage_survey", _("Can set an edition's survey and read its answers"))]

    def __str__(self):
        return f"{self.edition}"


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    SCALE = "scale", _("A scale from 1 to 5")
    CHOICE = "choice", _("One choice among options")


class SurveyQuestion(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind of answer"), max_length=8, choices=QuestionKind.choices)
    options = models.TextField(_("options"), blank=True, help_text=_("For one choice: one option per line."))
    required = models.BooleanField(_("an answer is required"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.label

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class SurveyResponse(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    registration = models.ForeignKey(
        "registration.Registration", on_delete=models.CASCADE, related_name="survey_responses"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "registration"], name="survey_answered_once")]

    def __str__(self):
        return f"{self.survey} · {self.registration_id}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(blank=True, max_length=5000)
    number = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="survey_question_answered_once")]

    def __str__(self):
        return f"{self.question}: {self.number if self.number is not None else self.text}"
