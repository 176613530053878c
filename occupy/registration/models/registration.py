import secrets

from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from occupy.editions.models import Edition


def new_token() -> str:
    """An unguessable token (256 bits) for links that reach private objects."""
    return secrets.token_urlsafe(32)


# Letters and digits a person reads off a ticket and types without doubt: no 0/O, 1/I/L.
SHORT_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
SHORT_CODE_LENGTH = 8


def new_short_code() -> str:
    """A check-in code a person can type at the desk (8 of 31 characters, about 40 bits): printed on the ticket
    beside the QR code. Unique per edition (a constraint); it opens nothing but the check-in."""
    return "".join(secrets.choice(SHORT_CODE_ALPHABET) for _ in range(SHORT_CODE_LENGTH))


class AttendanceMode(models.TextChoices):
    LIVE = "live", _("Live, at the venue")
    ONLINE = "online", _("Online")


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class ParticipantRole(models.TextChoices):
    LIBRARIAN = "librarian", _("Librarian")
    LIBRARY_MANAGER = "library_manager", _("Library manager")
    NGO = "ngo", _("NGO")
    EDUCATOR = "educator", _("Educator")
    RESEARCHER = "researcher", _("Researcher")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        """The only registrations that count anywhere: capacity, figures, lists."""
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def confirmed_live(self):
        return self.confirmed().filter(attendance=AttendanceMode.LIVE)

    def waiting(self):
        """The waiting list for a live place, first come first served."""
        return self.filter(status=RegistrationStatus.WAITLISTED).order_by("waitlisted_at", "pk")


class Registration(models.Model):
    """A person's free registration for one edition. State changes go through registration.services only.

    States: pending (until the e-mail address is confirmed) → confirmed | waitlisted (for a live place; may
    follow online meanwhile) → cancelled. Erasure anonymises a registration and cancels it; what remains is
    what the figures need (edition, country, role, attendance, status, dates, language).
    """

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("edition")
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Signed with a timestamp into the confirmation link (services/tokens.py); separate from the manage token
    # so that the confirmation e-mail never carries the manage link's secret.
    confirmation_key = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    short_code = models.CharField(
        _("check-in code"), max_length=SHORT_CODE_LENGTH, default=new_short_code, editable=False
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    country = CountryField(_("country"), blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=ParticipantRole.choices, default=ParticipantRole.OTHER)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=AttendanceMode.choices, default=AttendanceMode.ONLINE
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.PENDING
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    privacy_consent_at = models.DateTimeField(_("privacy consent given at"), null=True, blank=True)
    newsletter_consent = models.BooleanField(_("newsletter"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One e-mail address registers once per edition, compared without case.
            models.UniqueConstraint(Lower("email"), "edition", name="registration_email_once_per_edition"),
            models.UniqueConstraint(fields=["edition", "short_code"], name="registration_short_code_once_per_edition"),
        ]
        indexes = [models.Index(fields=["edition", "status", "attendance"])]
        # What the organiser pages check (web/permissions.py): staff status alone opens no personal data.
        # The check-in desk needs only check_in, which shows names, never the list with e-mail addresses.
        permissions = [
            ("view_participants", _("Can see the list of participants and export it (with e-mail addresses)")),
            ("check_in", _("Can check participants in at the venue")),
            ("print_badges", _("Can print the participants' name badges")),
        ]

    def __str__(self):
        return f"{self.name} ({self.edition})"

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("registration:manage", kwargs={"token": self.token})

    @property
    def is_active(self):
        return self.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)

    @property
    def is_editable(self):
        """A participant may change their details until the registration is cancelled (or erased)."""
        return self.status != RegistrationStatus.CANCELLED

    @property
    def may_attend_live(self):
        return self.status == RegistrationStatus.CONFIRMED and self.attendance == AttendanceMode.LIVE

    @property
    def may_attend_online(self):
        """Confirmed online participants, and people waiting for a live place (offered online meanwhile)."""
        return (
            self.status == RegistrationStatus.CONFIRMED and self.attendance == AttendanceMode.ONLINE
        ) or self.status == RegistrationStatus.WAITLISTED
