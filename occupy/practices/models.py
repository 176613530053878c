"""A practice of the good-practice library, and its tags (audiences, goals, themes).

A practice is public when it is approved (`Practice.objects.public()`): proposed and rejected ones are seen only in
the organisers' workspace. Its search columns (`search_title`, `search_body`, and on PostgreSQL `search_vector`)
are written by `services.save_practice` / `services.reindex`, never by hand: see `search.py`.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from occupy.editions.models import Edition
from occupy.practices.enums import LibraryType, Status, TagKind, tag_label
from occupy.programme.models import Session


class PracticeQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Status.APPROVED)


class Practice(models.Model):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    summary = models.TextField(_("summary"), max_length=1000)
    description = models.TextField(_("description"), blank=True)
    organisation = models.CharField(_("library or organisation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    city = models.CharField(_("city"), max_length=200, blank=True)
    library_type = models.CharField(
        _("type of library"), max_length=20, choices=LibraryType.choices, default=LibraryType.PUBLIC
    )
    partners = models.TextField(_("partners"), blank=True)
    results = models.TextField(_("results"), blank=True)
    slides_url = models.URLField(_("slides"), blank=True)
    video_url = models.URLField(_("video"), blank=True)
    website_url = models.URLField(_("website"), blank=True)
    edition = models.ForeignKey(
        Edition,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practices",
        verbose_name=_("presented at the edition"),
    )
    # The session it was presented in: one practice per session, so taking an edition's sessions in again
    # updates the same practices.
    session = models.OneToOneField(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="practice",
        verbose_name=_("presented in the session"),
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_is_public = models.BooleanField(
        _("the contact agreed to be shown"), default=False, help_text=_("Only then is the contact on the page.")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    is_sample = models.BooleanField(_("sample data"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    # Search columns (see search.py): folded text, and on PostgreSQL its weighted tsvector (GIN index).
    search_title = models.TextField(editable=False, default="")
    search_body = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    # The tags again, as "kind:value" (themes "theme:value:label"), so that a search counts every facet from the
    # matching rows alone, without joining the tags (services.facet_keys writes it with the tags).
    facet_keys = models.JSONField(default=list, editable=False)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        permissions = [("moderate_practice", _("Can approve, reject and edit the library's practices"))]
        indexes = [
            models.Index(fields=["status", "-published_at"]),
            models.Index(fields=["status", "country"]),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self) -> bool:
        return self.status == Status.APPROVED

    @property
    def public_contact(self) -> tuple[str, str] | None:
        """The contact as the page may show it: only where the presenter agreed to one."""
        if self.contact_is_public and (self.contact_name or self.contact_email):
            return self.contact_name, self.contact_email
        return None

    def tags_of(self, kind: str) -> list["PracticeTag"]:
        """This practice's tags of one kind (reads the prefetched tags when there are)."""
        return [tag for tag in self.tags.all() if tag.kind == kind]

    @property
    def sdgs(self):
        return sorted(self.tags_of(TagKind.SDG), key=lambda tag: int(tag.value))

    @property
    def audiences(self):
        return self.tags_of(TagKind.AUDIENCE)

    @property
    def themes(self):
        return self.tags_of(TagKind.THEME)


class PracticeTag(models.Model):
    """One audience, goal (its number, 1 to 17) or theme of a practice: one table for every multi-valued facet,
    so that the facet counts of a search are one aggregate query on both SQLite and PostgreSQL."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="tags")
    kind = models.CharField(_("kind"), max_length=10, choices=TagKind.choices)
    value = models.SlugField(_("value"), max_length=100)
    label = models.CharField(_("label"), max_length=200, blank=True)  # a theme's own words

    class Meta:
        ordering = ["kind", "label", "value"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
        constraints = [models.UniqueConstraint(fields=["practice", "kind", "value"], name="practice_tag_once")]
        indexes = [models.Index(fields=["kind", "value"])]

    def __str__(self):
        return self.display

    @property
    def display(self) -> str:
        return tag_label(self.kind, self.value, self.label)
