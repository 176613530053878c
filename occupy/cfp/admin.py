"""The call's raw records for organisers who need them. The workspace (/organise/) is where the call is run:
states change only through the services there (cfp/services/), so the admin shows a submission's state without
letting anyone type a new one."""

from django.contrib import admin

from occupy.cfp.models import Call, CallQuestion, DecisionTemplate, ReviewCriterion, Submission, SubmissionSpeaker
from occupy.editions.admin_time import EditionTimeZoneAdminMixin


class CallQuestionInline(admin.TabularInline):
    model = CallQuestion
    extra = 0


@admin.register(Call)
class CallAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ["edition", "opens_at", "closes_at"]
    list_select_related = ["edition"]
    filter_horizontal = ["themes", "formats"]
    inlines = [CallQuestionInline]


class SubmissionSpeakerInline(admin.TabularInline):
    model = SubmissionSpeaker
    extra = 0
    fields = ["name", "email", "person", "order", "is_submitter", "accepted_invitation_at", "confirmed_at"]
    readonly_fields = ["is_submitter", "accepted_invitation_at", "confirmed_at"]
    raw_id_fields = ["person"]


@admin.register(Submission)
class SubmissionAdmin(EditionTimeZoneAdminMixin, admin.ModelAdmin):
    list_display = ["title", "edition", "format", "theme", "state", "submitted_at"]
    list_filter = ["edition", "state"]
    list_select_related = ["edition", "format", "theme"]
    search_fields = ["title", "abstract", "code", "speakers__name", "speakers__email"]
    readonly_fields = ["code", "state", "submitter", "submitted_at", "decided_at", "session"]
    inlines = [SubmissionSpeakerInline]


@admin.register(ReviewCriterion)
class ReviewCriterionAdmin(admin.ModelAdmin):
    list_display = ["name", "edition", "weight", "order"]
    list_filter = ["edition"]


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(admin.ModelAdmin):
    list_display = ["edition", "decision", "language", "subject"]
    list_filter = ["edition", "decision", "language"]
