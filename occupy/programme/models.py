from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, Room, SessionFormat, Theme
from occupy.people.models import Person
from occupy.web.uploads import max_upload_size


class Attendance(models.TextChoices):
    """How a session can be followed: at the venue, online, or both (a streamed session at the venue)."""

    LIVE = "live", _("At the venue")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("At the venue and online")


class SessionQuerySet(models.QuerySet):
    def scheduled(self):
        return self.filter(starts_at__isnull=False)

    def followable(self, attendance: str):
        """Sessions one can follow in this way: 'live' includes hybrid sessions, and so does 'online'."""
        return self.filter(attendance__in=[attendance, Attendance.HYBRID])


class Session(models.Model):
    """A talk, keynote, workshop, debate… of an edition, with its slot (room, start, end).

    A session presented as a case study is what the good-practice library will later draw on.
    """

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("edition"))
    slug = models.SlugField(_("slug"), max_length=200)
    title = models.CharField(_("title"), max_length=300)
    abstract = models.TextField(_("abstract"), blank=True)
    format = models.ForeignKey(
        SessionFormat, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("format")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions", verbose_name=_("theme")
    )
    language = models.CharField(_("language"), max_length=10, default="en")
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.HYBRID
    )
    room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions", verbose_name=_("room")
    )
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("seats"), null=True, blank=True, help_text=_("For workshops with limited seats; empty for no limit.")
    )
    # The draft placement the schedule editor changes; publish_schedule() copies it to room/starts_at/ends_at,
    # which are all that public pages and exports read. No draft start means "not in the draft schedule".
    draft_room = models.ForeignKey(
        Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("room (draft)")
    )
    draft_starts_at = models.DateTimeField(_("starts at (draft)"), null=True, blank=True)
    draft_ends_at = models.DateTimeField(_("ends at (draft)"), null=True, blank=True)
    speakers = models.ManyToManyField(
        Person, through="SessionSpeaker", related_name="sessions", verbose_name=_("speakers")
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "room__order", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="session_slug_unique_per_edition"),
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(starts_at__isnull=False, ends_at__gt=F("starts_at")),
                name="session_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(draft_ends_at__isnull=True)
                | Q(draft_starts_at__isnull=False, draft_ends_at__gt=F("draft_starts_at")),
                name="session_draft_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["edition", "starts_at"])]
        permissions = [("edit_schedule", _("Can build an edition's schedule and publish it"))]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programme:session", kwargs={"edition": self.edition.slug, "slug": self.slug})

    @property
    def has_pending_change(self) -> bool:
        """Whether the draft placement differs from the published one."""
        return (self.draft_room_id, self.draft_starts_at, self.draft_ends_at) != (
            self.room_id,
            self.starts_at,
            self.ends_at,
        )

    @property
    def duration_minutes(self):
        if self.starts_at and self.ends_at:
            return int((self.ends_at - self.starts_at).total_seconds() // 60)
        return None


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")


class SessionSpeaker(models.Model):
    """A person speaking in a session, in the order the programme lists them."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="session_speakers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="session_speakers")
    role = models.CharField(_("role"), max_length=20, choices=SpeakerRole.choices, default=SpeakerRole.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="speaker_once_per_session")]

    def __str__(self):
        return f"{self.person} — {self.session}"


class Guest(models.Model):
    """A person the organiser named as a guest of an edition, whether or not this site holds their sessions.
    What they are is their Person's position and organisation."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="guests", verbose_name=_("edition"))
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="guest_of", verbose_name=_("person"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "order", "id"]
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        constraints = [models.UniqueConstraint(fields=["edition", "person"], name="guest_once_per_edition")]

    def __str__(self):
        return f"{self.person} — {self.edition}"


class MaterialKind(models.TextChoices):
    SLIDES = "slides", _("Slides")
    VIDEO = "video", _("Video")
    LINK = "link", _("Link")


class Material(models.Model):
    """Slides, a recording or a link attached to a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="materials")
    kind = models.CharField(_("kind"), max_length=10, choices=MaterialKind.choices)
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), blank=True)
    file = models.FileField(_("file"), upload_to="materials/", blank=True, validators=[max_upload_size])
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")

    def __str__(self):
        return self.title

    @property
    def href(self):
        return self.file.url if self.file else self.url


class Unavailability(models.Model):
    """A time when a speaker said they cannot present at an edition (from their confirmation): the schedule
    editor warns when one of their sessions falls in it."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="unavailabilities")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="unavailabilities")
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("speaker's unavailability")
        verbose_name_plural = _("speakers' unavailabilities")
        constraints = [
            models.CheckConstraint(condition=Q(ends_at__gt=F("starts_at")), name="unavailability_ends_after_start")
        ]

    def __str__(self):
        return f"{self.person}: {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M} UTC"


class ScheduleVersion(models.Model):
    """One publication of an edition's schedule: number 1, 2, 3… The exports carry the latest number."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="schedule_versions", verbose_name=_("edition")
    )
    number = models.PositiveIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        "auth.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        ordering = ["edition", "-number"]
        verbose_name = _("schedule version")
        verbose_name_plural = _("schedule versions")
        constraints = [models.UniqueConstraint(fields=["edition", "number"], name="schedule_version_number_unique")]

    def __str__(self):
        return f"{self.edition} v{self.number}"


class ChangeKind(models.TextChoices):
    ADDED = "added", _("Added")
    MOVED = "moved", _("Moved")
    CANCELLED = "cancelled", _("Cancelled")


class ScheduleChange(models.Model):
    """What one publication changed for one session: where and when it was before and after."""

    version = models.ForeignKey(ScheduleVersion, on_delete=models.CASCADE, related_name="changes")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="schedule_changes")
    kind = models.CharField(_("change"), max_length=10, choices=ChangeKind.choices)
    old_room = models.ForeignKey(Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    old_starts_at = models.DateTimeField(null=True, blank=True)
    old_ends_at = models.DateTimeField(null=True, blank=True)
    new_room = models.ForeignKey(Room, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    new_starts_at = models.DateTimeField(null=True, blank=True)
    new_ends_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version", "kind", "new_starts_at", "old_starts_at", "id"]
        verbose_name = _("schedule change")
        verbose_name_plural = _("schedule changes")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.session}"
