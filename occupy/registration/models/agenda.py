"""A participant's personal agenda: the sessions they chose, and their place in a workshop's waiting list."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.programme.models import Session
from occupy.registration.models.registration import Registration


class AgendaItemStatus(models.TextChoices):
    CHOSEN = "chosen", _("In my agenda")
    WAITING = "waiting", _("Waiting for a seat")


class AgendaItem(models.Model):
    """A session in a confirmed registration's agenda. In a session with limited seats a CHOSEN item holds a
    seat; a WAITING item is a place in that session's waiting list, first come first served (created_at).
    Changes go through registration.services.agenda only (they hold a row lock on the session)."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("registration")
    )
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("session")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AgendaItemStatus.choices, default=AgendaItemStatus.CHOSEN
    )
    created_at = models.DateTimeField(_("added at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("given a seat at"), null=True, blank=True)

    class Meta:
        ordering = ["session__starts_at", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        constraints = [
            models.UniqueConstraint(fields=["registration", "session"], name="agenda_session_once_per_registration")
        ]
        indexes = [models.Index(fields=["session", "status", "created_at"])]

    def __str__(self):
        return f"{self.registration} — {self.session}"
