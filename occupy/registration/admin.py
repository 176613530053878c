from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from occupy.editions.admin_time import EditionTimeZoneAdminMixin
from occupy.registration.models import (
    AgendaItem,
    Answer,
    AttendanceDay,
    BadgeBatch,
    Certificate,
    EmailLog,
    Question,
    Registration,
)
from occupy.registration.services.agenda import remove_from_agenda
from occupy.registration.services.lifecycle import delete_registration
from occupy.registration.services.mail import send_again


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0
    fields = ["question", "value"]
    readonly_fields = ["question"]


class EmailLogInline(admin.TabularInline):
    model = EmailLog
    extra = 0
    can_delete = False
    fields = ["kind", "to", "status", "attempts", "created_at", "sent_at", "error"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Registration)
class RegistrationAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ["name", "email", "edition", "attendance", "status", "country", "role", "created_at"]
    list_filter = ["edition", "status", "attendance", "role", "country", "newsletter_consent", "is_sample"]
    search_fields = ["name", "email", "organisation"]
    list_select_related = ["edition"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "token",
        "status",
        "attendance",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "erased_at",
        "privacy_consent_at",
    ]
    inlines = [AnswerInline, EmailLogInline]

    def has_add_permission(self, request):
        # Registrations are made through the register form (double opt-in), never typed in here.
        return False

    # Deleting frees a live place: it goes through the lifecycle service, which gives it to the first person
    # waiting (the bulk "delete selected" action calls delete_queryset).
    def delete_model(self, request, obj):
        delete_registration(registration=obj)

    def delete_queryset(self, request, queryset):
        for registration in queryset.order_by("pk"):
            delete_registration(registration=registration)

    def log_deletions(self, request, queryset):
        # Who deleted which row stays in the history, but not the person's name (str() of a registration).
        entries = super().log_deletions(request, queryset)
        for entry in entries:
            entry.object_repr = f"#{entry.object_id}"
        LogEntry.objects.bulk_update(entries, ["object_repr"])
        return entries


@admin.register(EmailLog)
class EmailLogAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    edition_path = "registration__edition"
    list_display = ["created_at", "kind", "to", "subject", "status", "attempts", "sent_at"]
    list_select_related = ["registration__edition"]
    list_filter = ["status", "kind", "registration__edition"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in EmailLog._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the unsent e-mails now"))
    def send_again(self, request, queryset):
        handed, left = send_again(queryset)
        self.message_user(
            request,
            _("%(count)d e-mails handed to the mail task; %(left)d already sent or being sent were left alone.")
            % {"count": handed, "left": left},
        )


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["label", "edition", "kind", "required", "order"]
    list_filter = ["edition", "kind", "required"]
    list_editable = ["order"]
    search_fields = ["label"]


class ParticipantSearchMixin:
    """Rows that belong to a registration are found by the participant's name or e-mail."""

    search_fields = ["registration__name", "registration__email"]
    search_help_text = _("Search by the participant's name or e-mail address.")


@admin.register(AgendaItem)
class AgendaItemAdmin(ParticipantSearchMixin, EditionTimeZoneAdminMixin, admin.ModelAdmin):
    """Personal agendas and the workshops' waiting lists (status "waiting for a seat"), in order of arrival.

    Seats are taken and given only through the agenda services, which lock the session: here organisers look,
    and may remove an item, which gives its seat to the first person waiting."""

    edition_path = "registration__edition"
    list_display = ["registration", "session", "status", "created_at", "promoted_at"]
    list_filter = ["status", "session__edition"]
    list_select_related = ["registration__edition", "session"]
    autocomplete_fields = ["registration", "session"]
    readonly_fields = ["registration", "session", "status", "created_at", "promoted_at"]
    ordering = ["session__starts_at", "session_id", "status", "created_at", "id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        remove_from_agenda(registration=obj.registration, session=obj.session)

    def delete_queryset(self, request, queryset):
        for item in queryset.select_related("registration", "session"):
            remove_from_agenda(registration=item.registration, session=item.session)


@admin.register(AttendanceDay)
class AttendanceDayAdmin(ParticipantSearchMixin, EditionTimeZoneAdminMixin, admin.ModelAdmin):
    """Check-ins at the venue and online joins. Organisers may add a day for someone who attended unrecorded
    (the certificate counts it)."""

    edition_path = "registration__edition"
    list_display = ["registration", "day", "mode", "first_seen_at", "last_seen_at", "checked_in_by"]
    list_filter = ["registration__edition", "mode", "day"]
    list_select_related = ["registration__edition", "checked_in_by"]
    autocomplete_fields = ["registration"]
    readonly_fields = ["checked_in_by"]
    date_hierarchy = "day"

    def get_changeform_initial_data(self, request):
        now = timezone.now()
        return {
            "day": timezone.localdate(now),
            "first_seen_at": now,
            "last_seen_at": now,
            **super().get_changeform_initial_data(request),
        }

    def save_model(self, request, obj, form, change):
        if not change:
            obj.checked_in_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Certificate)
class CertificateAdmin(ParticipantSearchMixin, EditionTimeZoneAdminMixin, admin.ModelAdmin):
    """Certificates are issued when a participant downloads theirs; the code is printed on it and never changes."""

    edition_path = "registration__edition"
    list_display = ["code", "registration", "issued_at"]
    list_filter = ["registration__edition"]
    list_select_related = ["registration__edition"]
    search_fields = [*ParticipantSearchMixin.search_fields, "=code"]
    search_help_text = _("Search by the participant's name or e-mail address, or by the certificate's code.")
    readonly_fields = ["code", "registration", "issued_at"]
    date_hierarchy = "issued_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(BadgeBatch)
class BadgeBatchAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    """Runs of the badges PDF; started from the edition's badges page, never here."""

    list_display = ["edition", "status", "participants", "created_at", "finished_at", "requested_by"]
    list_filter = ["edition", "status"]
    list_select_related = ["edition", "requested_by"]
    readonly_fields = ["edition", "status", "file", "participants", "requested_by", "created_at", "finished_at"]
    search_fields = ["edition__title", "edition__slug"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
