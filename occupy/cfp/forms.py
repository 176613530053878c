"""Forms of the call: its settings (organisers) and a contribution (submitters)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from occupy.cfp.models import CallQuestion, Submission
from occupy.editions.models import SessionFormat, Theme
from occupy.editions.widgets import LOCAL_DATETIME_FORMATS, LocalDateTimeInput


class FormatChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return _("%(name)s (%(minutes)s minutes)") % {"name": obj.name, "minutes": obj.default_minutes}


class CallForm(forms.Form):
    """The call's settings; the view activates the edition's time zone, in which the times are typed."""

    opens_at = forms.DateTimeField(label=_("Opens"), input_formats=LOCAL_DATETIME_FORMATS, widget=LocalDateTimeInput())
    closes_at = forms.DateTimeField(
        label=_("Closes"),
        input_formats=LOCAL_DATETIME_FORMATS,
        widget=LocalDateTimeInput(),
        help_text=_("Submissions and their changes are refused after it."),
    )
    guidance = forms.CharField(
        label=_("Guidance for submitters"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 8})
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None: every theme."),
    )
    formats = FormatChoice(
        label=_("Formats"),
        queryset=SessionFormat.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None: every format. Each format's length is set with the format."),
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = Theme.objects.filter(edition=edition).order_by("order", "title")
        self.fields["formats"].queryset = SessionFormat.objects.filter(edition=edition).order_by("order", "name")

    def clean(self):
        data = super().clean()
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_at", _("The call must close after it opens."))
        return data


QuestionFormSet = forms.modelformset_factory(
    CallQuestion, fields=["label", "help_text", "required", "order"], extra=1, can_delete=True
)


class SubmissionForm(forms.ModelForm):
    """A contribution; the call's questions are added as fields `question_<id>`."""

    language = forms.ChoiceField(label=_("Language of presentation"), choices=settings.LANGUAGES)

    class Meta:
        model = Submission
        fields = ["title", "abstract", "format", "theme", "language"]
        widgets = {"abstract": forms.Textarea(attrs={"rows": 10})}

    def __init__(self, *args, formats, themes, questions, answers=None, submitting=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["format"].queryset = SessionFormat.objects.filter(pk__in=[f.pk for f in formats])
        self.fields["format"].label_from_instance = FormatChoice.label_from_instance.__get__(self.fields["format"])
        self.fields["theme"].queryset = Theme.objects.filter(pk__in=[t.pk for t in themes])
        self.fields["abstract"].help_text = _("At most 5000 characters.")
        self.questions = list(questions)
        answers = answers or {}
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = forms.CharField(
                label=question.label,
                help_text=question.help_text,
                required=question.required and submitting,
                max_length=2000,
                initial=answers.get(question.pk, ""),
                widget=forms.Textarea(attrs={"rows": 4}),
            )

    @property
    def question_fields(self):
        return [self[f"question_{question.pk}"] for question in self.questions]

    def answers(self) -> dict[int, str]:
        return {question.pk: self.cleaned_data.get(f"question_{question.pk}", "") for question in self.questions}

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CoSpeakerForm(forms.Form):
    name = forms.CharField(label=_("Co-speaker's name"), max_length=200, required=False)
    email = forms.EmailField(label=_("Co-speaker's e-mail address"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("email") and not data.get("name"):
            self.add_error("name", _("Please give the co-speaker's name too."))
        if data.get("name") and not data.get("email") and "email" not in self.errors:
            self.add_error("email", _("Please give the co-speaker's e-mail address too: we invite them by e-mail."))
        return data


CoSpeakerFormSet = forms.formset_factory(CoSpeakerForm, extra=2, max_num=10, validate_max=True)


def co_speakers_of(formset) -> list[dict]:
    return [
        {"name": form.cleaned_data["name"], "email": form.cleaned_data["email"]}
        for form in formset.forms
        if form.cleaned_data.get("email")
    ]
