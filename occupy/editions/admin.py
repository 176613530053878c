"""The organisers' admin for editions: themes, formats, rooms and partners edited on the edition itself."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from occupy.content.models import EditionPartner
from occupy.editions.admin_time import EditionTimeZoneAdminMixin, zone_named
from occupy.editions.models import Edition, EditionRole, Room, SessionFormat, Theme
from occupy.programme.models import Guest
from occupy.registration.services.lifecycle import fill_free_places


class ThemeInline(admin.StackedInline):
    model = Theme
    extra = 0
    prepopulated_fields = {"slug": ("title",)}
    fields = [("title", "slug", "order"), "description"]


class SessionFormatInline(admin.TabularInline):
    model = SessionFormat
    extra = 0
    prepopulated_fields = {"slug": ("name",)}
    fields = ["name", "slug", "description", "default_minutes", "is_keynote", "order"]


class RoomInline(admin.TabularInline):
    model = Room
    extra = 0
    prepopulated_fields = {"slug": ("name",)}
    fields = ["name", "slug", "kind", "capacity", "stream_url", "order"]


class EditionPartnerInline(admin.TabularInline):
    model = EditionPartner
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "role", "note", "order"]


class GuestInline(admin.TabularInline):
    model = Guest
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "order"]


class EditionRoleInline(admin.TabularInline):
    """Who may do what for the edition (organisers also give roles on the workspace's people page)."""

    model = EditionRole
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role"]


@admin.register(Edition)
class EditionAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ["title", "year", "start_date", "end_date", "mode", "city", "is_published", "is_sample"]
    list_filter = ["mode", "is_published", "is_sample"]
    search_fields = ["title", "tagline", "city", "venue_name"]
    prepopulated_fields = {"slug": ("year",)}
    date_hierarchy = "start_date"
    inlines = [ThemeInline, SessionFormatInline, RoomInline, EditionPartnerInline, GuestInline, EditionRoleInline]
    fieldsets = [
        (None, {"fields": [("year", "slug"), "title", "tagline", "summary", "description", "is_published"]}),
        (
            _("When and where"),
            {
                "fields": [
                    ("start_date", "end_date"),
                    "time_zone",
                    "mode",
                    "venue_name",
                    "venue_address",
                    ("city", "country"),
                ]
            },
        ),
        (
            _("Registration"),
            {"fields": ["live_capacity", ("registration_opens_at", "registration_closes_at"), "online_stream_url"]},
        ),
        (
            _("Key figures"),
            {
                "fields": [
                    "programme_is_complete",
                    ("stated_keynote_speakers", "stated_speakers", "stated_countries"),
                    ("stated_sessions", "stated_participants"),
                ]
            },
        ),
        (
            _("Contact and links"),
            {"fields": [("contact_name", "contact_role"), "contact_email", "website", "schedule_url", "is_sample"]},
        ),
    ]
    actions = ["fill_free_places_action"]
    edition_path = ""  # the object is the edition

    def zone_from_data(self, data):
        # The registration window is typed in the zone the form gives the edition (a new one, or a changed one).
        return zone_named(data.get("time_zone", ""))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # More live places (or live attendance opened by the mode) go at once to the people waiting for one.
        if change and {"live_capacity", "mode"} & set(form.changed_data):
            self._promote(request, [obj])

    @admin.action(description=_("Fill free places from the waiting list"))
    def fill_free_places_action(self, request, queryset):
        if not self._promote(request, queryset):
            self.message_user(request, _("Nobody was promoted: no live place is free, or nobody is waiting."))

    def _promote(self, request, editions) -> int:
        promoted = sum(len(fill_free_places(edition=edition)) for edition in editions)
        if promoted:
            message = ngettext(
                "%(count)d person waiting was given a live place and told by e-mail.",
                "%(count)d people waiting were given a live place and told by e-mail.",
                promoted,
            )
            messages.success(request, message % {"count": promoted})
        return promoted


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "edition", "order"]
    list_filter = ["edition"]
    search_fields = ["title", "description"]
    list_select_related = ["edition"]


@admin.register(SessionFormat)
class SessionFormatAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "default_minutes", "is_keynote", "order"]
    list_filter = ["edition", "is_keynote"]
    search_fields = ["name", "description"]
    list_select_related = ["edition"]


@admin.register(Room)
class RoomAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "kind", "capacity", "order"]
    list_filter = ["edition", "kind"]
    search_fields = ["name"]
    list_select_related = ["edition"]


@admin.register(EditionRole)
class EditionRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "edition"]
    list_filter = ["role", "edition"]
    search_fields = ["user__username", "user__email", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user"]
    list_select_related = ["user", "edition"]
