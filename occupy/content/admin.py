from django.contrib import admin

from occupy.content.models import EditionPartner, NewsPost, Organisation, Project, SiteContact
from occupy.editions.admin_time import EditionTimeZoneAdminMixin
from occupy.web.admin_images import ImageUploadAdminMixin
from occupy.web.images import LOGO


class ProjectInline(admin.StackedInline):
    model = Project
    extra = 0
    prepopulated_fields = {"slug": ("title",)}
    fields = [("title", "slug", "order"), "summary", "url"]


class EditionRoleInline(admin.TabularInline):
    model = EditionPartner
    extra = 0
    fields = ["edition", "role", "note", "order"]


@admin.register(Organisation)
class OrganisationAdmin(ImageUploadAdminMixin, admin.ModelAdmin):
    image_fields = {"logo": LOGO}
    list_display = ["name", "short_name", "country", "url"]
    list_filter = ["country", "edition_roles__role", "edition_roles__edition"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ("name",)}
    inlines = [EditionRoleInline, ProjectInline]


@admin.register(EditionPartner)
class EditionPartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "edition", "role", "order"]
    list_filter = ["edition", "role"]
    search_fields = ["organisation__name", "note"]
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation", "edition"]
    list_editable = ["role", "order"]


@admin.register(Project)
class ProjectAdmin(ImageUploadAdminMixin, admin.ModelAdmin):
    """Projects' logos are uploaded here (not in the organisation's inline), where they are re-encoded."""

    image_fields = {"logo": LOGO}
    list_display = ["title", "organisation", "order"]
    list_filter = ["organisation"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ["organisation"]
    list_select_related = ["organisation"]


@admin.register(NewsPost)
class NewsPostAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ["title", "published_at", "edition"]
    list_filter = ["edition"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "published_at"
    list_select_related = ["edition"]


@admin.register(SiteContact)
class SiteContactAdmin(admin.ModelAdmin):
    """One row for the whole site (the model pins its key, so "add" when one exists replaces it). It is never
    deleted: emptied, the pages say that no contact is set. Adding is not limited by a query, which every
    admin page's sidebar would run."""

    list_display = ["name", "role", "email"]
    fields = ["name", "role", "email"]

    def has_delete_permission(self, request, obj=None):
        return False
