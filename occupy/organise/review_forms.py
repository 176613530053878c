"""Forms of the review pages: assigning reviewers, criteria, a review, the ranking's filters and decisions."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from occupy.cfp.models import SCORE_MAX, SCORE_MIN, Decision, DecisionTemplate, Review, ReviewCriterion


class AssignForm(forms.Form):
    """Add or remove one reviewer on one contribution (its reference, from the page)."""

    submission = forms.CharField(max_length=20)
    reviewer = forms.TypedChoiceField(label=_("Reviewer"), coerce=int)
    action = forms.ChoiceField(choices=[("add", _("Add")), ("remove", _("Remove"))])

    def __init__(self, *args, reviewers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].choices = [(reviewer.pk, reviewer.get_username()) for reviewer in reviewers]


class AutoAssignForm(forms.Form):
    per_submission = forms.IntegerField(label=_("Reviewers per contribution"), min_value=1, max_value=10, initial=2)


class CriterionForm(forms.ModelForm):
    class Meta:
        model = ReviewCriterion
        fields = ["name", "description", "weight", "order"]
        help_texts = {"weight": _("From 1 to 10: how much this criterion counts in the ranking.")}


class ReviewForm(forms.Form):
    """A score on each of the edition's criteria and a comment."""

    comment = forms.CharField(
        label=_("Comment"),
        max_length=Review._meta.get_field("comment").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("For the organisers and the other reviewers; never sent to the speakers."),
    )

    def __init__(self, *args, criteria=(), review=None, **kwargs):
        super().__init__(*args, **kwargs)
        given = {score.criterion_id: score.value for score in review.scores.all()} if review else {}
        self.criteria = list(criteria)
        scores = {}
        for criterion in self.criteria:
            scores[f"score_{criterion.pk}"] = forms.IntegerField(
                label=criterion.name,
                help_text=criterion.description,
                initial=given.get(criterion.pk),
                validators=[MinValueValidator(SCORE_MIN), MaxValueValidator(SCORE_MAX)],
                widget=forms.NumberInput(attrs={"min": SCORE_MIN, "max": SCORE_MAX}),
            )
        self.fields = {**scores, "comment": self.fields["comment"]}
        if review is not None:
            self.fields["comment"].initial = review.comment

    def scores(self) -> dict[int, int]:
        return {criterion.pk: self.cleaned_data[f"score_{criterion.pk}"] for criterion in self.criteria}


class RankingFilterForm(forms.Form):
    theme = forms.ModelChoiceField(label=_("Theme"), queryset=None, required=False, empty_label=_("All"))
    format = forms.ModelChoiceField(label=_("Format"), queryset=None, required=False, empty_label=_("All"))
    order = forms.ChoiceField(
        label=_("Order"),
        choices=[("-average", _("Best average first")), ("average", _("Lowest average first"))],
        required=False,
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = edition.themes.all()
        self.fields["format"].queryset = edition.formats.all()


class DecideForm(forms.Form):
    submissions = forms.MultipleChoiceField(label=_("Contributions"), choices=[])
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices)

    def __init__(self, *args, codes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submissions"].choices = [(code, code) for code in codes]
        self.fields["submissions"].error_messages["required"] = _("Tick at least one contribution.")


class TemplateChoiceForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.choices, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES, required=False)
    preview = forms.CharField(label=_("Preview for"), max_length=20, required=False)


class TemplateForm(forms.ModelForm):
    class Meta:
        model = DecisionTemplate
        fields = ["subject", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 12})}
        help_texts = {
            "body": _(
                "Placeholders: {name} the speaker, {title} the contribution, {edition}, {link} (for an "
                "accepted contribution, the page where the speaker confirms)."
            )
        }
