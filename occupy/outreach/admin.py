from django import forms
from django.contrib import admin

from occupy.outreach.models import Unsubscription


class UnsubscriptionForm(forms.ModelForm):
    class Meta:
        model = Unsubscription
        fields = ["address"]

    def clean_address(self):
        # Announcements compare lower-case addresses; lowering before the unique check keeps a duplicate a 4xx.
        return self.cleaned_data["address"].strip().lower()


@admin.register(Unsubscription)
class UnsubscriptionAdmin(admin.ModelAdmin):
    """Addresses that get no announcements: an organiser adds one when someone asks by replying to an e-mail."""

    form = UnsubscriptionForm
    list_display = ("address", "created_at")
    search_fields = ("address",)
    readonly_fields = ("created_at",)
