"""The browser's own date and time pickers, for the dates and times organisers and speakers type in an edition's
time zone (the view activates the zone; the form parses and shows the values in it)."""

from django import forms

# What a datetime-local input sends (browsers without the picker let people type the second form).
LOCAL_DATETIME_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")
