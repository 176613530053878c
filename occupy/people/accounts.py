"""Accounts of submitters and speakers: sign-up with a verified e-mail address, password reset, the profile.

An account's user name is its e-mail address (lower case): people sign in with their address. An account is
inactive until its address is verified by the signed link the sign-up e-mail carries (VERIFY_DAYS). Every
e-mail goes through the outbox (registration.services.mail), and the links with secrets in them are made when
the e-mail is sent (mailing.SECRET_LINKS), never stored.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from occupy.people.models import Person
from occupy.people.photos import store_photo
from occupy.registration.models import EmailKind
from occupy.registration.services.mail import queue_message

VERIFY_DAYS = 3
VERIFY_SALT = "occupy.people.verify-account"
VERIFY_TEMPLATE = "people/email/verify_account"
EXISTING_TEMPLATE = "people/email/existing_account"
RESET_TEMPLATE = "people/email/password_reset"


def make_verification_token(user) -> str:
    """A signed token naming the account and the address it verifies (a changed address voids it)."""
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT, compress=True)


def _account_mail(*, user, template: str, subject: str, language: str) -> None:
    with translation.override(language):
        queue_message(
            to=user.email,
            kind=EmailKind.ACCOUNT,
            template=template,
            subject=str(subject),
            language=language,
            context={"user_id": user.pk, "name": user.first_name},
        )


def sign_up(*, name: str, email: str, password: str, language: str):
    """Make an inactive account for `email` and send the link that verifies it; for an address that has an
    account already, send that account's owner a reminder instead (so the page never tells whether an address
    is known). Returns the account, new or existing.

    Side effects: a User (inactive), one e-mail in the outbox."""
    email = email.strip().lower()
    User = get_user_model()
    with transaction.atomic():
        existing = User.objects.select_for_update().filter(username=email).first()
        if existing is not None:
            with translation.override(language):
                subject = _("Your Occupy Library account")
            _account_mail(user=existing, template=EXISTING_TEMPLATE, subject=subject, language=language)
            return existing
        user = User(username=email, email=email, first_name=name.strip()[:150], is_active=False)
        user.set_password(password)
        user.save()
        get_or_create_profile(user=user, language=language)
        with translation.override(language):
            subject = _("Please confirm your e-mail address for Occupy Library")
        _account_mail(user=user, template=VERIFY_TEMPLATE, subject=subject, language=language)
    return user


def verify_account(*, token: str):
    """Activate the account a verification token names; None when the token is forged, expired, or its
    address has changed since.

    Side effects: User.is_active set."""
    try:
        value = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_DAYS * 24 * 3600)
    except signing.BadSignature:
        return None
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(pk=value.get("user"), email=value.get("email")).first()
        if user is None:
            return None
        if not user.is_active:
            user.is_active = True
            user.save(update_fields=["is_active"])
    return user


def send_password_reset(*, user, language: str) -> None:
    """Queue the e-mail with a link to choose a new password (Django's token, made when it is sent).

    Side effects: one e-mail in the outbox."""
    with translation.override(language):
        subject = _("Choose a new password for Occupy Library")
    _account_mail(user=user, template=RESET_TEMPLATE, subject=subject, language=language)


def _user_links(context: dict) -> dict:
    user = get_user_model().objects.filter(pk=context.get("user_id")).first()
    if user is None:
        return {}
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return {
        "verify_url": settings.SITE_URL + reverse("people:verify", kwargs={"token": make_verification_token(user)}),
        "reset_url": settings.SITE_URL
        + reverse("people:password-reset-confirm", kwargs={"uidb64": uid, "token": token}),
        "login_url": settings.SITE_URL + reverse("people:login"),
        "verify_days": VERIFY_DAYS,
    }


def register_mail_links() -> None:
    from occupy.registration.mailing import register_secret_links

    for template in (VERIFY_TEMPLATE, EXISTING_TEMPLATE, RESET_TEMPLATE):
        register_secret_links(template, _user_links)


def _unique_slug(name: str) -> str:
    base = slugify(name)[:180] or "speaker"
    slug, number = base, 1
    while Person.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def get_or_create_profile(*, user, language: str = "") -> Person:
    """The account's speaker profile (one Person per account, across editions), made from its name when missing,
    with `language` (the one the account was made in) for the e-mails the call writes to its speaker.

    Side effects: a Person row the first time."""
    person = Person.objects.filter(user=user).first()
    if person is not None:
        return person
    with transaction.atomic():
        name = user.first_name or user.email.split("@")[0]
        return Person.objects.create(
            user=user, name=name, slug=_unique_slug(name), email=user.email, language=language
        )


def save_profile(*, person: Person, fields: dict, photo=None) -> Person:
    """Save a speaker profile's fields and, when given, its (already checked) photo, re-encoded with its
    renditions (occupy.people.photos.store_photo).

    Side effects: the Person row; the photo and its renditions in storage, the previous ones deleted."""
    with transaction.atomic():
        for name, value in fields.items():
            setattr(person, name, value)
        person.save()
        if photo is not None:
            store_photo(person=person, upload=photo)
    return person
