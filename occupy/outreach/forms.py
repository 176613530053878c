"""Forms of announcements (organisers), the survey's questions (organisers) and its answers (participants)."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from occupy.outreach.models import QuestionKind, Segment

OTHER_LANGUAGES = [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _clean_text(value: str) -> str:
    return value.replace("\x00", "").replace("\r\n", "\n").strip()


class AnnouncementForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Message"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Plain text: leave an empty line between paragraphs; web addresses become links."),
    )
    segment = forms.ChoiceField(label=_("To"), choices=Segment.choices, widget=forms.RadioSelect)
    country = forms.ChoiceField(
        label=_("Country (for “from one country”)"), required=False, choices=[("", "—")] + list(countries)
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, name in OTHER_LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject in %(language)s (optional)") % {"language": name}, max_length=200, required=False
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Message in %(language)s (optional)") % {"language": name},
                max_length=20000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Participants who chose this language get this version; everyone else gets the first."),
            )

    def clean(self):
        data = super().clean()
        for key in ["subject", "body"] + [
            f"{part}_{code}" for code, _n in OTHER_LANGUAGES for part in ("subject", "body")
        ]:
            if isinstance(data.get(key), str):
                data[key] = _clean_text(data[key])
        if data.get("segment") == Segment.COUNTRY and not data.get("country"):
            self.add_error("country", _("Choose the country whose participants receive it."))
        versions = {}
        for code, _name in OTHER_LANGUAGES:
            subject, body = data.get(f"subject_{code}", ""), data.get(f"body_{code}", "")
            if bool(subject) != bool(body):
                self.add_error(
                    f"body_{code}" if subject else f"subject_{code}",
                    _("Write both the subject and the message in this language, or neither."),
                )
            elif subject:
                versions[code] = {"subject": subject, "body": body}
        data["versions"] = versions
        return data

    @classmethod
    def initial_for(cls, announcement) -> dict:
        initial = {
            "subject": announcement.subject,
            "body": announcement.body,
            "segment": announcement.segment,
            "country": announcement.country.code or "",
        }
        for code, version in announcement.versions.items():
            initial[f"subject_{code}"] = version.get("subject", "")
            initial[f"body_{code}"] = version.get("body", "")
        return initial

    def language_fields(self):
        return [(name, self[f"subject_{code}"], self[f"body_{code}"]) for code, name in OTHER_LANGUAGES]


class QuestionForm(forms.Form):
    label = forms.CharField(label=_("Question"), max_length=300)
    kind = forms.ChoiceField(label=_("Kind of answer"), choices=QuestionKind.choices, widget=forms.RadioSelect)
    options = forms.CharField(
        label=_("Options"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For one choice among options: one option per line, at least two."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)

    def clean(self):
        data = super().clean()
        data["label"] = _clean_text(data.get("label", ""))
        options = [line.strip() for line in _clean_text(data.get("options", "")).splitlines() if line.strip()]
        if data.get("kind") == QuestionKind.CHOICE:
            if len(options) < 2:
                self.add_error("options", _("Give at least two options, one per line."))
            elif len(set(options)) != len(options):
                self.add_error("options", _("Each option may appear once."))
            elif any(len(option) > 200 for option in options):
                self.add_error("options", _("An option may have at most 200 characters."))
        data["options"] = "\n".join(options)
        return data


SCALE_CHOICES = [(str(value), str(value)) for value in range(1, 6)]


class SurveyForm(forms.Form):
    """A participant's answers: one field per question, named q_<id>."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            name = f"q_{question.pk}"
            if question.kind == QuestionKind.SCALE:
                field = forms.TypedChoiceField(
                    choices=SCALE_CHOICES,
                    coerce=int,
                    empty_value=None,
                    widget=forms.RadioSelect,
                    help_text=_("1 is the lowest, 5 the highest."),
                )
            elif question.kind == QuestionKind.CHOICE:
                field = forms.ChoiceField(
                    choices=[(option, option) for option in question.option_list], widget=forms.RadioSelect
                )
            else:
                field = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))
            field.label = question.label
            field.required = question.required
            self.fields[name] = field

    def answers(self) -> dict:
        """{question: value} of the answered questions."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q_{question.pk}")
            if isinstance(value, str):
                value = _clean_text(value)
            if value not in ("", None):
                answers[question] = value
        return answers
