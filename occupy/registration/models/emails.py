from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.registration.models.registration import Registration


class EmailKind(models.TextChoices):
    CONFIRM = "confirm", _("Confirm your e-mail address")
    EXISTING = "existing", _("Already registered: your link")
    CONFIRMED = "confirmed", _("Registration confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    PROMOTED = "promoted", _("Promoted from the waiting list")
    CANCELLED = "cancelled", _("Registration cancelled")
    SEAT = "seat", _("A workshop seat freed up")


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will be retried")


class EmailLog(models.Model):
    """Every e-mail sent to a participant, so organisers can see what was sent to whom and when.

    A row is written (queued) in the same transaction as the change that causes the e-mail; the task that
    sends it updates the row (sent, or failed with the error and the number of attempts).
    """

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="emails", verbose_name=_("registration")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EmailKind.choices)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=EmailStatus.choices, default=EmailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to}"
