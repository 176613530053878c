from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from occupy.editions.models import Edition, published_through
from occupy.web.images import image_content
from occupy.web.uploads import max_upload_size


class Organisation(models.Model):
    """An organisation: the organiser, a partner, a supporter, a funder, a library."""

    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    country = CountryField(_("country"), blank=True)
    url = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    founded = models.PositiveSmallIntegerField(_("founded in"), null=True, blank=True)
    logo = models.ImageField(
        _("logo"), upload_to="organisations/", blank=True, validators=[max_upload_size, image_content]
    )
    # The stored logo's size, written with its renditions (occupy.web.images): pages build srcset from it.
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class PartnerRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    SUPPORTER = "supporter", _("With the support of")
    PARTNER = "partner", _("Partners")
    PROJECT_PARTNER = "project_partner", _("Project partners")
    SPONSOR = "sponsor", _("Sponsors")
    IMPLEMENTER = "implementer", _("Implemented by")
    FUNDER = "funder", _("Funded by")


class EditionPartner(models.Model):
    """An organisation's role in one edition, shown grouped by role on the edition page."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="partners", verbose_name=_("edition"))
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="edition_roles", verbose_name=_("organisation")
    )
    role = models.CharField(_("role"), max_length=20, choices=PartnerRole.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["edition", "role", "order"]
        verbose_name = _("edition partner")
        verbose_name_plural = _("edition partners")
        constraints = [
            models.UniqueConstraint(fields=["edition", "organisation", "role"], name="partner_role_once_per_edition")
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()}, {self.edition})"


class Project(models.Model):
    """One of an organisation's projects (the organiser page lists them)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="projects", verbose_name=_("organisation")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"))
    url = models.URLField(_("link"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="projects/", blank=True, validators=[max_upload_size, image_content])
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "title"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self):
        return self.title


class NewsPostQuerySet(models.QuerySet):
    def published(self):
        """Posts visitors may see: their time has come, and they speak of no edition or of a published one (a
        post about a draft edition waits for it)."""
        return self.filter(models.Q(edition=None) | published_through("edition"), published_at__lte=timezone.now())


class NewsPost(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    edition = models.ForeignKey(
        Edition, on_delete=models.SET_NULL, null=True, blank=True, related_name="news", verbose_name=_("edition")
    )
    links = models.JSONField(_("links"), default=list, blank=True, help_text=_('[{"title": "…", "url": "…"}]'))

    objects = NewsPostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("content:news-detail", kwargs={"slug": self.slug})


class SiteContact(models.Model):
    """Whom visitors write to about the site and the conference: one row (pk=1) for the whole site, shown on
    the contact, privacy and accessibility pages whatever edition is current. Edited in the admin; set by
    `content.services.set_site_contact`."""

    name = models.CharField(_("name"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("site contact")
        verbose_name_plural = _("site contact")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="site_contact_is_single")]

    def __str__(self):
        return self.name or self.email or str(_("site contact"))

    def save(self, *args, **kwargs):
        self.pk = 1  # the one row, whoever adds it (the admin's "add" included)
        super().save(*args, **kwargs)

    @property
    def is_set(self) -> bool:
        return bool(self.name or self.email)
