import datetime

from django.db import models
from django.db.models import Q
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
    # E-mails not about a registration (accounts, the call for contributions): rendered from `template`.
    ACCOUNT = "account", _("About an account")
    CALL = "call", _("About a contribution to the call")
    SCHEDULE = "schedule", _("A session moved or was cancelled")
    # Not essential: the organisers' announcements (occupy.outreach), with an unsubscribe link.
    ANNOUNCEMENT = "announcement", _("An announcement from the organisers")


class EmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENDING = "sending", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed, will be retried")


# A sender claims an e-mail for this long: a claim older than that belongs to a sender that died (a worker
# killed mid-send), and the e-mail may be claimed again. Far above EMAIL_TIMEOUT, so a slow send is not doubled.
CLAIM_LEASE = datetime.timedelta(minutes=10)


class EmailLogQuerySet(models.QuerySet):
    def deliverable(self, now: datetime.datetime):
        """E-mails a sender may claim now: queued, failed, or claimed by a sender whose lease ran out."""
        return self.filter(
            Q(status__in=[EmailStatus.QUEUED, EmailStatus.FAILED])
            | Q(status=EmailStatus.SENDING, claimed_at__lt=now - CLAIM_LEASE)
        )


class EmailLog(models.Model):
    """Every e-mail to a participant: the outbox its senders deliver from, and what organisers see was sent.

    A row is written (queued) in the same transaction as the change that causes the e-mail, so the e-mail
    exists exactly when the change does. Senders (the task handed each e-mail after the commit, the periodic
    sweep, `manage.py send_pending_emails`) claim a row before sending it (sending, claimed_at), so no two send
    the same e-mail; then mark it sent, or failed with the error and the number of attempts, to be sent again.
    """

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="emails",
        verbose_name=_("registration"),
        help_text=_("Empty for an e-mail to a speaker who is not registered."),
    )
    # A schedule change notice (kind SCHEDULE) names the publication it tells about and, for a speaker, the
    # person it is written to, in `language` (below: a speaker has no registration to hold one).
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="+", verbose_name=_("speaker")
    )
    schedule_version = models.ForeignKey(
        "programme.ScheduleVersion", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=EmailKind.choices)
    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=EmailStatus.choices, default=EmailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    # For e-mails without a registration (see queue_message): the templates, the language and the plain values
    # they read. Secrets (links with tokens) are never stored here: mailing.SECRET_LINKS makes them when sending.
    template = models.CharField(_("template"), max_length=100, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    context = models.JSONField(_("values"), default=dict, blank=True)

    objects = EmailLogQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("e-mail sent")
        verbose_name_plural = _("e-mails sent")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to}"
