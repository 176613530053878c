"""The search's parameters, and the practice form (a librarian's proposal; an organiser's edit)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from occupy.practices.enums import SDG_CHOICES, Audience, LibraryType
from occupy.practices.models import Practice
from occupy.practices.search import clean_query

SORTS = [("relevance", _("Relevance")), ("date", _("Newest first"))]
MAX_THEMES = 10


class QueryField(forms.CharField):
    """Any text: NUL and control characters are removed, not refused, and the query is cut to a bounded length."""

    def to_python(self, value):
        return clean_query(super().to_python(str(value or "").replace("\x00", "")))


class SearchForm(forms.Form):
    """Every parameter of a search URL. The query is never refused (it is cleaned and cut to a bounded length); a
    facet value that cannot exist is."""

    q = QueryField(label=_("Search the practices"), required=False)
    country = forms.CharField(label=_("Country"), required=False, max_length=2)
    sdg = forms.TypedChoiceField(
        label=_("Goal"), choices=[("", "")] + SDG_CHOICES, coerce=int, required=False, empty_value=None
    )
    theme = forms.SlugField(label=_("Theme"), required=False, max_length=100)
    audience = forms.ChoiceField(label=_("Audience"), choices=[("", "")] + Audience.choices, required=False)
    type = forms.ChoiceField(label=_("Type of library"), choices=[("", "")] + LibraryType.choices, required=False)
    edition = forms.SlugField(label=_("Edition"), required=False, max_length=50)
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORTS, required=False)

    def clean_country(self):
        code = self.cleaned_data["country"].upper()
        if code and code not in dict(countries):
            raise forms.ValidationError(_("There is no country with this code."))
        return code

    def filters(self) -> dict:
        return {
            name: self.cleaned_data.get(name) for name in ("country", "sdg", "theme", "audience", "type", "edition")
        }


class PracticeForm(forms.ModelForm):
    audiences = forms.MultipleChoiceField(
        label=_("Audiences"), choices=Audience.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    sdgs = forms.TypedMultipleChoiceField(
        label=_("Sustainable Development Goals"),
        choices=SDG_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    themes = forms.CharField(
        label=_("Themes"),
        required=False,
        max_length=1000,
        help_text=_("A few words each, separated by commas: e.g. coding, reading, climate."),
    )

    class Meta:
        model = Practice
        fields = [
            "title",
            "summary",
            "description",
            "organisation",
            "country",
            "city",
            "library_type",
            "partners",
            "results",
            "slides_url",
            "video_url",
            "website_url",
            "contact_name",
            "contact_email",
            "contact_is_public",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "description": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, instance=None, proposing=False, **kwargs):
        initial = kwargs.pop("initial", {})
        if instance is not None and instance.pk:
            tags = list(instance.tags.all())
            initial.setdefault("audiences", [t.value for t in tags if t.kind == "audience"])
            initial.setdefault("sdgs", [t.value for t in tags if t.kind == "sdg"])
            initial.setdefault("themes", ", ".join(t.label or t.value for t in tags if t.kind == "theme"))
        super().__init__(*args, instance=instance, initial=initial, **kwargs)
        self.fields["summary"].required = True
        self.fields["organisation"].required = True
        self.fields["country"].required = True
        if proposing:  # the organisers must be able to ask the librarian who proposes it
            self.fields["contact_name"].required = True
            self.fields["contact_email"].required = True

    def clean_themes(self):
        themes = [" ".join(t.split()) for t in self.cleaned_data["themes"].split(",")]
        themes = [t for t in themes if t]
        if len(themes) > MAX_THEMES:
            raise forms.ValidationError(_("At most %(n)s themes, please.") % {"n": MAX_THEMES})
        if any(len(t) > 100 for t in themes):
            raise forms.ValidationError(_("A theme is a few words: at most 100 characters each."))
        return themes

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contact_is_public") and not (cleaned.get("contact_name") or cleaned.get("contact_email")):
            self.add_error("contact_is_public", _("Give a contact name or e-mail to show."))
        return cleaned

    def tags(self) -> dict:
        return {
            "audiences": self.cleaned_data["audiences"],
            "sdgs": self.cleaned_data["sdgs"],
            "themes": self.cleaned_data["themes"],
        }
