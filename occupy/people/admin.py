from django.contrib import admin

from occupy.people.models import Person
from occupy.programme.models import SessionSpeaker
from occupy.web.admin_images import ImageUploadAdminMixin
from occupy.web.images import PHOTO


class SessionSpeakerInline(admin.TabularInline):
    """The person's sessions, all editions, read from the speaker's side."""

    model = SessionSpeaker
    extra = 0
    autocomplete_fields = ["session"]
    fields = ["session", "role", "order"]


@admin.register(Person)
class PersonAdmin(ImageUploadAdminMixin, admin.ModelAdmin):
    image_fields = {"photo": PHOTO}
    list_display = ["name", "position", "organisation", "country", "is_sample"]
    list_filter = ["country", "is_sample", "sessions__edition"]
    search_fields = ["name", "slug", "organisation", "position", "email"]
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ["user"]
    inlines = [SessionSpeakerInline]
    fields = [
        "name",
        "slug",
        "position",
        "organisation",
        "country",
        "bio",
        "photo",
        "website",
        "email",
        "user",
        "is_sample",
    ]
