import functools

from django import forms
from django.forms.fields import normalize_choices
from django.utils import translation
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from occupy.registration.models import ParticipantRole, Question, QuestionKind
from occupy.registration.rules import attendance_choices

YES_NO = [("yes", _("Yes")), ("no", _("No"))]
NAME_MAX, ORGANISATION_MAX, NEEDS_MAX, ANSWER_MAX = 200, 300, 2000, 1000


def validate_no_markup(value: str) -> None:
    if "<" in value or ">" in value:
        raise forms.ValidationError(_("Please write this without the characters < and >."), code="markup")


def _privacy_label():
    # One sentence for translators: the link's words take the verb's case (Ukrainian "з політикою …").
    link, end = SafeString('<a href="/privacy/">'), SafeString("</a>")
    return format_html(_("I agree to the {link}privacy policy{end}"), link=link, end=end)


def _question_field(question: Question) -> forms.Field:
    common = {"label": question.label, "required": question.required, "help_text": question.help_text}
    if question.kind == QuestionKind.CHOICE:
        choices = [(choice, choice) for choice in question.choice_list]
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=YES_NO, widget=forms.RadioSelect, **common)
    return forms.CharField(max_length=ANSWER_MAX, widget=forms.Textarea(attrs={"rows": 2}), **common)


@functools.lru_cache(maxsize=16)
def country_choices(language: str | None) -> list:
    """The country select's choices in `language` (names translated and sorted in it), normalised as a
    ChoiceField keeps them."""
    with translation.override(language):
        return normalize_choices([("", str(_("Choose a country")))] + [(code, str(name)) for code, name in countries])


class DetailsForm(forms.Form):
    """What a participant tells us about themselves, and the edition's extra questions."""

    name = forms.CharField(
        label=_("Name"),
        max_length=NAME_MAX,
        validators=[validate_no_markup],
        widget=forms.TextInput({"autocomplete": "name"}),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=ORGANISATION_MAX,
        required=False,
        widget=forms.TextInput({"autocomplete": "organization"}),
    )
    role = forms.ChoiceField(label=_("Role"), choices=ParticipantRole.choices)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"),
        max_length=NEEDS_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Tell us what would help you take part; only the organisers see it."),
    )
    newsletter_consent = forms.BooleanField(label=_("Send me the Occupy Library newsletter"), required=False)

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        # Built and normalised once per language and process, not per form (the field's `choices` setter
        # normalises every one of ~250 countries again: 8% of a registration's CPU; so does the widget's).
        country = self.fields["country"]
        country._choices = country.widget._choices = country_choices(translation.get_language())
        self.questions = list(questions)
        for question in self.questions:
            self.fields[f"q_{question.pk}"] = _question_field(question)

    def question_fields(self):
        return [self[f"q_{question.pk}"] for question in self.questions]

    def answers(self) -> dict:
        """Answered questions and their answers (unanswered optional questions are left out)."""
        return {
            question: self.cleaned_data[f"q_{question.pk}"]
            for question in self.questions
            if self.cleaned_data.get(f"q_{question.pk}")
        }


class RegistrationForm(DetailsForm):
    email = forms.EmailField(label=_("E-mail"), max_length=254, widget=forms.EmailInput({"autocomplete": "email"}))
    attendance = forms.ChoiceField(label=_("I will attend"), widget=forms.RadioSelect)
    privacy_consent = forms.BooleanField(
        label=lazy(_privacy_label, SafeString)(),
        error_messages={"required": _("Please agree to the privacy policy: we cannot register you without it.")},
    )

    field_order = ["name", "email", "country", "organisation", "role", "attendance", "accessibility_needs"]

    def __init__(self, *args, edition, venue_full=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.edition = edition
        choices = attendance_choices(edition, venue_full=venue_full)
        self.fields["attendance"].choices = choices
        if len(choices) == 1:
            self.fields["attendance"].initial = choices[0][0]

    def say_venue_full(self, venue_full: bool) -> None:
        """Label the live choice for a form shown again (the hint is not needed to check what was sent)."""
        self.fields["attendance"].choices = attendance_choices(self.edition, venue_full=venue_full)


class ResendForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"), max_length=254, widget=forms.EmailInput({"autocomplete": "email"}))


class AttendanceForm(forms.Form):
    attendance = forms.ChoiceField()
    # Set by the confirmation page: the participant knows they give up their live place (or their turn for one).
    confirmed = forms.BooleanField(required=False)

    def __init__(self, *args, edition, venue_full=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attendance"].choices = attendance_choices(edition, venue_full=venue_full)
