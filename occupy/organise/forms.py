"""Forms of the organisers' workspace."""

from django import forms
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Role
from occupy.people.queries import accounts_with_email


class GiveRoleForm(forms.Form):
    """Give a role in an edition to an existing account, named by its e-mail address."""

    email = forms.EmailField(label=_("E-mail address of the account"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def clean_email(self):
        email = self.cleaned_data["email"]
        accounts = accounts_with_email(email)
        if not accounts:
            raise forms.ValidationError(
                _("No account has this e-mail address. Ask the person to make an account first, then try again.")
            )
        if len(accounts) > 1:
            raise forms.ValidationError(
                _("Several accounts have this e-mail address; give the role in the admin, where you can choose one.")
            )
        self.account = accounts[0]
        return email


class TakeRoleForm(forms.Form):
    """Take a role back: the account (by its id, as the list shows it) and the role."""

    account = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    role = forms.ChoiceField(choices=Role.choices)


class WalkInForm(forms.Form):
    """Someone at the venue who has not registered: a live place at once, if one is free."""

    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"), max_length=254, help_text=_("Their confirmation and manage link go there.")
    )
    consent = forms.BooleanField(
        label=_("They have read the privacy notice and agree to it"),
        error_messages={
            "required": _("Ask them to read the privacy notice first: without their agreement, no registration.")
        },
    )


class MoveToLiveForm(forms.Form):
    """An online registrant at the venue, named by their registration's id from the search results."""

    registration = forms.IntegerField(min_value=1, max_value=2**63 - 1)
