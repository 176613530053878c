"""The schedule editor's placement form: a room, a day of the edition and a start time typed in the
edition's time zone, and a length in minutes (the format's usual length when left empty)."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition

MAX_MINUTES = 12 * 60


def edition_days(edition: Edition) -> list[datetime.date]:
    return [
        edition.start_date + datetime.timedelta(days=offset)
        for offset in range((edition.end_date - edition.start_date).days + 1)
    ]


class PlacementForm(forms.Form):
    room = forms.ModelChoiceField(
        queryset=None,
        label=_("Room"),
        error_messages={"invalid_choice": _("Choose one of this edition's rooms.")},
    )
    day = forms.TypedChoiceField(
        label=_("Day"),
        coerce=datetime.date.fromisoformat,
        error_messages={"invalid_choice": _("Choose one of the edition's days.")},
    )
    start = forms.TimeField(
        label=_("Start"),
        input_formats=["%H:%M"],
        error_messages={"invalid": _("Type the start time as hours and minutes, for example 10:30.")},
    )
    minutes = forms.IntegerField(
        label=_("Minutes"),
        required=False,
        min_value=1,
        max_value=MAX_MINUTES,
        help_text=_("Empty: the format's usual length."),
    )

    def __init__(self, *args, edition: Edition, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["room"].queryset = rooms
        self.fields["day"].choices = [(day.isoformat(), day.isoformat()) for day in edition_days(edition)]

    def starts_at(self) -> datetime.datetime:
        """The start typed, in the edition's zone (stored in UTC)."""
        data = self.cleaned_data
        return datetime.datetime.combine(data["day"], data["start"], tzinfo=self.edition.tz)

    def length(self, session) -> int:
        return self.cleaned_data["minutes"] or session.format.default_minutes
