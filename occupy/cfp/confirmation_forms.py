"""The accepted speaker's answer: present or not, live or online, and when they cannot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from occupy.cfp.models import SpeakerAttendance
from occupy.editions.widgets import LOCAL_DATETIME_FORMATS, LocalDateTimeInput

PERIODS = 3


class ConfirmationForm(forms.Form):
    """Times are read in the current time zone: the view activates the edition's."""

    answer = forms.ChoiceField(
        label=_("Will you present this contribution?"),
        choices=[("confirm", _("Yes, I will present it")), ("decline", _("No, I cannot present it"))],
        widget=forms.RadioSelect,
    )
    attendance = forms.ChoiceField(
        label=_("How will you present?"), choices=SpeakerAttendance.choices, widget=forms.RadioSelect, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for n in range(1, PERIODS + 1):
            self.fields[f"from_{n}"] = forms.DateTimeField(
                label=_("Not available from (period %(n)d)") % {"n": n},
                required=False,
                input_formats=LOCAL_DATETIME_FORMATS,
                widget=LocalDateTimeInput(),
            )
            self.fields[f"until_{n}"] = forms.DateTimeField(
                label=_("until (period %(n)d)") % {"n": n},
                required=False,
                input_formats=LOCAL_DATETIME_FORMATS,
                widget=LocalDateTimeInput(),
            )

    def period_fields(self):
        return [(self[f"from_{n}"], self[f"until_{n}"]) for n in range(1, PERIODS + 1)]

    def clean(self):
        data = super().clean()
        if data.get("answer") == "confirm" and not data.get("attendance"):
            self.add_error("attendance", _("Say whether you will present at the venue or online."))
        periods = []
        for n in range(1, PERIODS + 1):
            start, end = data.get(f"from_{n}"), data.get(f"until_{n}")
            if f"from_{n}" in self.errors or f"until_{n}" in self.errors:
                continue
            if bool(start) != bool(end):
                self.add_error(f"until_{n}" if start else f"from_{n}", _("Give both the start and the end."))
            elif start and end <= start:
                self.add_error(f"until_{n}", _("The end must come after the start."))
            elif start:
                periods.append((start, end))
        data["periods"] = periods
        return data
