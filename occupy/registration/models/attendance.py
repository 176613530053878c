"""Who really attended, day by day: checked in at the venue, or joined online through their own link."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from occupy.registration.models.registration import AttendanceMode, Registration


class AttendanceDay(models.Model):
    """One day a participant attended in one way (LIVE: checked in at the venue; ONLINE: joined the stream).

    `day` is the local date in the edition's time zone. Checking in or joining again the same day only moves
    `last_seen_at`: the row is unique per registration, day and mode.
    """

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendance_days", verbose_name=_("registration")
    )
    day = models.DateField(_("day"))
    mode = models.CharField(_("attended"), max_length=10, choices=AttendanceMode.choices)
    first_seen_at = models.DateTimeField(_("first seen at"))
    last_seen_at = models.DateTimeField(_("last seen at"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )

    class Meta:
        ordering = ["day", "first_seen_at"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["registration", "day", "mode"], name="attendance_once_per_day_and_mode")
        ]
        indexes = [models.Index(fields=["mode", "day"])]

    def __str__(self):
        return f"{self.registration} — {self.day} ({self.mode})"
