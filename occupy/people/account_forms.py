from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from occupy.people.accounts import send_password_reset
from occupy.people.models import Person
from occupy.people.photos import prepare_photo


class SignUpForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=150)
    email = forms.EmailField(label=_("E-mail address"), max_length=150)
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        max_length=200,
        help_text=_("At least 10 characters, not only digits, and not like your name or address."),
    )

    def clean(self):
        data = super().clean()
        if data.get("password"):
            from django.contrib.auth.models import User

            probe = User(username=data.get("email", ""), email=data.get("email", ""), first_name=data.get("name", ""))
            try:
                password_validation.validate_password(data["password"], probe)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class SignInForm(AuthenticationForm):
    """Accounts made here sign in with their e-mail address (their user name); accounts made in the admin or with
    createsuperuser (organisers, the check-in desk) may have a plain user name, which is taken as typed."""

    username = forms.CharField(
        label=_("E-mail address or user name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        return username.lower() if "@" in username else username


class OutboxPasswordResetForm(PasswordResetForm):
    """Django's reset form, its e-mail sent through the outbox (with the link made when it is sent)."""

    def save(self, **kwargs):
        language = translation.get_language()
        for user in self.get_users(self.cleaned_data["email"]):
            send_password_reset(user=user, language=language)


class ProfileForm(forms.ModelForm):
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("A JPEG, PNG, WebP or GIF image; it is shown at most 400 pixels wide."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp,image/gif"}),
    )

    class Meta:
        model = Person
        fields = ["name", "bio", "country", "organisation", "position", "website", "language"]
        widgets = {"bio": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["bio"].max_length = 3000
        self.fields["bio"].validators.append(forms.CharField(max_length=3000).validators[0])
        self.fields["bio"].help_text = _("Shown on your public speaker page once you speak in a published programme.")

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return prepare_photo(upload)
