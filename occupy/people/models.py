from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from occupy.web.images import image_content
from occupy.web.uploads import max_upload_size


class Person(models.Model):
    """One person across all editions: a speaker in 2020 and 2022 is one Person with one page."""

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300, blank=True, help_text=_("Job title or role"))
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    bio = models.TextField(_("biography"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True, validators=[max_upload_size, image_content])
    # The stored photo's size, written with its renditions (occupy.web.images): pages build srcset from it.
    photo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    photo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Private: never shown on the public site."))
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the call's e-mails are written in to this speaker."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("user account"),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:detail", kwargs={"slug": self.slug})

    @property
    def initials(self):
        return "".join(part[0] for part in self.name.replace(".", " ").split()[:2] if part).upper()
