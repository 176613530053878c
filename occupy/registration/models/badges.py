"""Name badges for the venue, printed from a PDF made in the background."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition


class BadgeBatchStatus(models.TextChoices):
    PREPARING = "preparing", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


def badge_file_name(batch, filename):
    # A random name: the file lies under MEDIA_ROOT and is only ever served through a staff-only view.
    return f"badges/{batch.edition.slug}-{uuid.uuid4().hex}.pdf"


class BadgeBatch(models.Model):
    """One run of the badge PDF for an edition's confirmed live participants."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="badge_batches", verbose_name=_("edition")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BadgeBatchStatus.choices, default=BadgeBatchStatus.PREPARING
    )
    file = models.FileField(_("file"), upload_to=badge_file_name, blank=True)
    participants = models.PositiveIntegerField(_("participants"), default=0)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("badge batch")
        verbose_name_plural = _("badge batches")

    def __str__(self):
        return f"{self.edition} badges ({self.status})"
