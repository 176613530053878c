import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditionMode(models.TextChoices):
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid: live and online")
    LIVE = "live", _("Live")


class RegistrationWindow:
    """Where an edition's registration stands at a moment (Edition.registration_window)."""

    OPEN = "open"
    NOT_YET = "not_yet"
    CLOSED = "closed"
    ENDED = "ended"


def published_through(path: str = "") -> models.Q:
    """The one rule of what visitors may see: an edition is public once it is published; a draft is seen only in
    the organisers' workspace. `path` leads from another model to its edition ("session__edition"), so reads of
    sessions, speakers or news apply the same rule as reads of editions."""
    return models.Q(**{f"{path}__is_published" if path else "is_published": True})


class EditionQuerySet(models.QuerySet):
    def published(self):
        """Editions visitors may see (every public page, feed and export reads editions through this)."""
        return self.filter(published_through())

    def current_first(self):
        """Published editions, the one the home page shows first: the sample edition where the demo loaded
        one (a site holding sample data is a demo, and its newcomers should meet the open registration),
        otherwise the latest."""
        return self.published().order_by("-is_sample", "-year")

    def current(self):
        """The edition the home page shows, or None."""
        return self.current_first().first()

    def latest_real(self):
        """The latest published edition that is not sample data, or None: the one the organiser's own pages
        (organiser, about, contact, privacy) speak of, even on a demo site."""
        return self.published().filter(is_sample=False).order_by("-year").first()


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value})


class Edition(models.Model):
    """One edition of the conference (2020, 2022, …). Its slug is the first part of every public URL."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in URLs, e.g. 2022."))
    title = models.CharField(_("title"), max_length=200)
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Bucharest", validators=[validate_time_zone]
    )
    mode = models.CharField(_("mode"), max_length=10, choices=EditionMode.choices, default=EditionMode.HYBRID)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, help_text=_("ISO 3166 code"))
    live_capacity = models.PositiveIntegerField(
        _("live places"), null=True, blank=True, help_text=_("Places at the venue; empty for no live attendance.")
    )
    online_stream_url = models.URLField(
        _("online stream"), blank=True, help_text=_("Private: shown only to confirmed online participants.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact person's role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    schedule_url = models.URLField(_("external schedule link"), blank=True)
    # A new edition is a draft: no public page shows it until an organiser publishes it.
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("A draft is seen only in the organisers' workspace.")
    )
    is_sample = models.BooleanField(
        _("contains sample data"), default=False, help_text=_("The programme is invented demo content.")
    )
    programme_is_complete = models.BooleanField(
        _("the whole programme is here"),
        default=True,
        help_text=_(
            "Untick for an edition whose programme was published elsewhere: its figures are then shown only "
            "as stated below, never counted from the sessions here."
        ),
    )
    # Figures as the organiser stated them ("90+"): shown as written, before anything counted from the data.
    stated_keynote_speakers = models.CharField(_("keynote speakers (as stated)"), max_length=20, blank=True)
    stated_speakers = models.CharField(_("speakers (as stated)"), max_length=20, blank=True)
    stated_countries = models.CharField(_("countries (as stated)"), max_length=20, blank=True)
    stated_sessions = models.CharField(_("sessions (as stated)"), max_length=20, blank=True)
    stated_participants = models.CharField(_("participants (as stated)"), max_length=20, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__gte=F("start_date")), name="edition_dates_in_order"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("editions:detail", kwargs={"edition": self.slug})

    @property
    def tz(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    def is_on(self, now=None) -> bool:
        """Whether `now` falls on one of the edition's days, in its own time zone."""
        day = timezone.localtime(now or timezone.now(), self.tz).date()
        return self.start_date <= day <= self.end_date

    def has_ended(self, now=None) -> bool:
        """Whether the edition's last day is over, in its own time zone."""
        return timezone.localtime(now or timezone.now(), self.tz).date() > self.end_date

    def registration_window(self, now=None) -> str:
        """Whether people can register now (a RegistrationWindow): before it opens, while open, after it closes
        or after the edition."""
        now = now or timezone.now()
        if self.has_ended(now):
            return RegistrationWindow.ENDED
        if self.registration_opens_at and now < self.registration_opens_at:
            return RegistrationWindow.NOT_YET
        if self.registration_closes_at and now >= self.registration_closes_at:
            return RegistrationWindow.CLOSED
        return RegistrationWindow.OPEN

    @property
    def has_live_attendance(self):
        return self.mode in (EditionMode.HYBRID, EditionMode.LIVE)

    @property
    def has_online_attendance(self):
        return self.mode in (EditionMode.HYBRID, EditionMode.ONLINE)

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})


class Theme(models.Model):
    """A theme (track) of an edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes", verbose_name=_("edition"))
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "title"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="theme_slug_unique_per_edition")]

    def __str__(self):
        return self.title


class SessionFormat(models.Model):
    """A kind of session: keynote, case study, 5-minute Ignite talk, workshop, interactive debate, panel…"""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="formats", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True)
    default_minutes = models.PositiveSmallIntegerField(_("usual length in minutes"), default=30)
    is_keynote = models.BooleanField(_("keynote"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("session format")
        verbose_name_plural = _("session formats")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="format_slug_unique_per_edition")]

    def __str__(self):
        return self.name


class RoomKind(models.TextChoices):
    PHYSICAL = "physical", _("At the venue")
    VIRTUAL = "virtual", _("Online")


class Room(models.Model):
    """A room or stage, physical or virtual. Its stream link is private to registrants."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("edition"))
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    kind = models.CharField(_("kind"), max_length=10, choices=RoomKind.choices, default=RoomKind.PHYSICAL)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    stream_url = models.URLField(_("stream link"), blank=True, help_text=_("Private: shown only to registrants."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="room_slug_unique_per_edition")]

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    REVIEWER = "reviewer", _("Reviewer")
    CHECK_IN_DESK = "check_in_desk", _("Check-in desk")


class EditionRole(models.Model):
    """What one account may do for one edition. The permissions each role grants are in `editions.roles`."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="roles", verbose_name=_("edition"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="edition_roles", verbose_name=_("account")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("role in an edition")
        verbose_name_plural = _("roles in editions")
        constraints = [models.UniqueConstraint(fields=["edition", "user", "role"], name="one_role_once_per_edition")]
        permissions = [
            ("manage_edition", _("Can change an edition's settings, publish it, copy it and give roles")),
        ]

    def __str__(self):
        return f"{self.user} — {self.get_role_display()} ({self.edition})"
