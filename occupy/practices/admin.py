"""The practices as stored. Edits keep the search columns right through the service; approving and rejecting is
done in the workspace (/organise/practices/), where the rule lives."""

from django.contrib import admin

from occupy.practices import services
from occupy.practices.models import Practice


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "country", "organisation", "status", "is_sample", "edition", "published_at"]
    list_filter = ["status", "is_sample", "country", "library_type", "edition"]
    search_fields = ["title", "organisation", "city"]
    list_select_related = ["edition"]
    readonly_fields = ["status", "published_at", "session"]
    exclude = ["search_title", "search_body", "search_vector"]

    def save_model(self, request, obj, form, change):
        tags = services.tags_of(obj) if obj.pk else {}
        services.save_practice(practice=obj, **tags)
