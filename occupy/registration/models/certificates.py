"""Certificates of attendance, each with a short public code that /verify/<code>/ confirms."""

import secrets

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.registration.models.registration import Registration

# 32 symbols without the look-alikes 0/O and 1/I: 12 of them make 60 random bits, short enough to type.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Certificate(models.Model):
    """The certificate of attendance of one registration, issued the first time it is downloaded."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="certificate", verbose_name=_("registration")
    )
    code = models.CharField(_("code"), max_length=CODE_LENGTH, unique=True, default=new_certificate_code)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")

    def __str__(self):
        return self.code
