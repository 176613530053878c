from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from occupy.registration.models import Answer, EmailLog, EmailStatus, Question, Registration
from occupy.registration.services.mail import retry_failed_emails


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
class RegistrationAdmin(admin.ModelAdmin):
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


@admin.register(EmailLog)
class EmailLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "kind", "to", "subject", "status", "attempts", "sent_at"]
    list_filter = ["status", "kind", "registration__edition"]
    search_fields = ["to", "subject"]
    readonly_fields = [f.name for f in EmailLog._meta.fields]
    actions = ["send_again"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Send the failed e-mails again"))
    def send_again(self, request, queryset):
        count = retry_failed_emails(queryset.filter(status=EmailStatus.FAILED))
        self.message_user(request, _("%(count)d e-mails handed to the mail task.") % {"count": count})


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["label", "edition", "kind", "required", "order"]
    list_filter = ["edition", "kind", "required"]
    list_editable = ["order"]
    search_fields = ["label"]
