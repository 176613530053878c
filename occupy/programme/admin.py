"""The organisers' admin for the programme: speakers and materials inline on a session; slots (room, start,
end) editable on the session list and in the form."""

from django import forms
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from occupy.editions.admin_time import EditionTimeZoneAdminMixin
from occupy.editions.models import Room, SessionFormat, Theme
from occupy.programme.models import Material, Session, SessionSpeaker
from occupy.registration.services.agenda import fill_free_seats


class EditionLabelledChoiceField(forms.ModelChoiceField):
    """Rooms, themes and formats of every edition share one list: each is labelled with its edition's year."""

    def label_from_instance(self, obj):
        return f"{obj.edition.year} · {obj}"


class SessionAdminForm(forms.ModelForm):
    """Also the form of each row on the session list (list_editable), so both check the same rule."""

    class Meta:
        model = Session
        fields = [
            "edition",
            "title",
            "slug",
            "abstract",
            "format",
            "theme",
            "language",
            "is_sample",
            "room",
            "starts_at",
            "ends_at",
            "attendance",
            "capacity",
        ]

    def clean(self):
        cleaned = super().clean()
        edition = cleaned.get("edition") if "edition" in self.fields else self.instance.edition
        if edition is None:
            return cleaned
        for name in ("format", "theme", "room"):
            chosen = cleaned.get(name)
            if name in self.fields and chosen is not None and chosen.edition_id != edition.pk:
                self.add_error(
                    name,
                    _("Choose one of the %(edition)s edition's own (this one belongs to %(other)s).")
                    % {"edition": edition.year, "other": chosen.edition.year},
                )
        starts_at, ends_at = cleaned.get("starts_at"), cleaned.get("ends_at")
        if ends_at and not starts_at and "starts_at" in self.fields:
            self.add_error("starts_at", _("A session with an end needs a start."))
        elif starts_at and ends_at and ends_at <= starts_at:
            self.add_error("ends_at", _("The end must come after the start."))
        return cleaned


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "order"]


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0
    fields = ["kind", "title", "url", "file", "order"]


@admin.register(Session)
class SessionAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    form = SessionAdminForm
    list_display = ["title", "edition", "format", "theme", "room", "starts_at", "ends_at", "attendance"]
    list_display_links = ["title"]
    list_editable = ["room", "starts_at", "ends_at"]
    list_filter = ["edition", "format__is_keynote", "attendance", "theme", "format", "room", "is_sample"]
    list_select_related = ["edition", "format__edition", "theme__edition", "room__edition"]
    search_fields = ["title", "slug", "abstract", "speakers__name"]
    prepopulated_fields = {"slug": ("title",)}
    date_hierarchy = "starts_at"
    list_per_page = 50
    inlines = [SessionSpeakerInline, MaterialInline]
    actions = ["fill_free_seats_action"]
    fieldsets = [
        (None, {"fields": ["edition", "title", "slug", "abstract", "format", "theme", "language", "is_sample"]}),
        (_("Slot"), {"fields": ["room", ("starts_at", "ends_at")]}),
        (_("Attendance"), {"fields": ["attendance", "capacity"]}),
    ]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        models = {"room": Room, "theme": Theme, "format": SessionFormat}
        if db_field.name in models:
            queryset = models[db_field.name].objects.select_related("edition").order_by("-edition__year", "order")
            field = super().formfield_for_foreignkey(db_field, request, queryset=queryset, **kwargs)
            labelled = EditionLabelledChoiceField(
                queryset=queryset,
                required=field.required,
                widget=field.widget,
                label=field.label,
                help_text=field.help_text,
            )
            # Evaluated once per form class: the rows of the session list share it instead of one query each.
            labelled.choices = list(labelled.choices)
            return labelled
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_changelist_form(self, request, **kwargs):
        kwargs.setdefault("form", SessionAdminForm)
        return super().get_changelist_form(request, **kwargs)

    def save_model(self, request, obj, form, change):
        # The admin edits the published slot as a raw record, outside the schedule editor's versions: the draft
        # follows it, so the editor shows no pending change that would undo this edit on the next publication.
        if not change or {"room", "starts_at", "ends_at"} & set(form.changed_data):
            obj.draft_room, obj.draft_starts_at, obj.draft_ends_at = obj.room, obj.starts_at, obj.ends_at
        super().save_model(request, obj, form, change)
        # More seats (or no limit any more) go at once to the people on the session's waiting list.
        if change and "capacity" in form.changed_data:
            self._promote(request, [obj])

    @admin.action(description=_("Fill free seats from the waiting list"))
    def fill_free_seats_action(self, request, queryset):
        if not self._promote(request, queryset):
            self.message_user(request, _("Nobody was given a seat: no seat is free, or nobody is waiting."))

    def _promote(self, request, sessions) -> int:
        promoted = sum(len(fill_free_seats(session=session)) for session in sessions)
        if promoted:
            message = ngettext(
                "%(count)d person waiting was given a seat and told by e-mail.",
                "%(count)d people waiting were given a seat and told by e-mail.",
                promoted,
            )
            messages.success(request, message % {"count": promoted})
        return promoted


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "session"]
    list_filter = ["kind", "session__edition"]
    search_fields = ["title", "session__title"]
    list_select_related = ["session"]
    autocomplete_fields = ["session"]
