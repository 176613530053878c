"""The forms of the workspace's edition pages: a new edition, and an edition's settings.

Dates and times are typed in the edition's time zone: the view activates that zone while the form parses and
renders (as the admin does, `editions.admin_time`), and the form says which zone it is."""

import zoneinfo

from django import forms
from django.urls import Resolver404, resolve
from django.utils.translation import gettext_lazy as _

from occupy.editions.admin_time import zone_note
from occupy.editions.models import Edition
from occupy.editions.widgets import DateInput, LocalDateTimeInput

ZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class NewEditionForm(forms.ModelForm):
    copy_from = forms.ModelChoiceField(
        label=_("Copy the previous edition"),
        queryset=Edition.objects.order_by("-year"),
        required=False,
        empty_label=_("No: start empty"),
        help_text=_(
            "Copies its themes, formats, rooms, registration questions and texts (venue, contact, time zone, mode, "
            "capacity); never its sessions, speakers, registrations or news."
        ),
    )

    class Meta:
        model = Edition
        fields = ["year", "slug", "title", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].min_value = 2000
        self.fields["year"].widget.attrs.update(min=2000, max=2200)
        self.fields["copy_from"].initial = Edition.objects.order_by("-year").values_list("pk", flat=True).first()

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not 2000 <= year <= 2200:
            raise forms.ValidationError(_("Give a year between 2000 and 2200."))
        return year

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        # Edition pages come after every fixed prefix (/news/, /organise/…): an edition named like one of them
        # would never be reached.
        try:
            taken = resolve(f"/{slug}/").view_name != "editions:detail"
        except Resolver404:
            taken = False
        if taken:
            raise forms.ValidationError(_("This address belongs to another page of the site; choose another."))
        return slug


class EditionSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("time zone"), choices=ZONE_CHOICES)

    class Meta:
        model = Edition
        fields = [
            "title",
            "tagline",
            "summary",
            "description",
            "start_date",
            "end_date",
            "time_zone",
            "mode",
            "venue_name",
            "venue_address",
            "city",
            "country",
            "live_capacity",
            "registration_opens_at",
            "registration_closes_at",
            "contact_name",
            "contact_role",
            "contact_email",
            "website",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "registration_opens_at": LocalDateTimeInput(),
            "registration_closes_at": LocalDateTimeInput(),
        }

    def __init__(self, *args, zone, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["time_zone"].help_text = _(
            "Registration times keep the clock time typed here when the zone changes: 10:00 stays 10:00 in the new "
            "zone. Sessions already in the programme keep their moment, so check the schedule after a change."
        )
        for name in ("registration_opens_at", "registration_closes_at"):
            self.fields[name].help_text = zone_note(zone)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("registration_opens_at"), cleaned.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("Registration must close after it opens."))
        return cleaned
