import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from occupy.cfp.tests.factories import UserFactory
from occupy.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _signup(client, **overrides):
    data = {"name": "Ana <b>Popescu</b>", "email": "Ana@Example.org", "password": "a long passphrase 42"}
    return client.post(reverse("people:signup"), {**data, **overrides})


def _link(message, name):
    return re.search(rf"http://[^\s]+/account/{name}/[^\s]+", message.body).group(0)


def test_signup_makes_an_inactive_account_and_the_link_verifies_it(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client)
    assert response.status_code == 200
    user = get_user_model().objects.get()
    assert (user.username, user.email, user.is_active) == ("ana@example.org", "ana@example.org", False)
    [message] = mailoutbox
    assert message.subject == "Please confirm your e-mail address for Occupy Library"
    assert "Dear Ana <b>Popescu</b>," in message.body  # the text part is plain text
    assert "Dear Ana &lt;b&gt;Popescu&lt;/b&gt;," in message.alternatives[0][0]
    link = _link(message, "verify").removeprefix("http://127.0.0.1:8000")
    assert client.get(link).status_code == 200  # a button: mail scanners follow links
    response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.is_active
    assert client.get(reverse("people:profile")).status_code == 200
    assert user.person.language == "en"  # the call's e-mails to this speaker: the language they signed up in


def test_a_forged_verification_link_is_refused(client):
    response = client.post(reverse("people:verify", kwargs={"token": "forged"}))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_signup_with_a_known_address_tells_its_owner_not_the_visitor(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    UserFactory(username="ana@example.org", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = _signup(client)
    assert "Check your e-mail" in response.content.decode()
    assert get_user_model().objects.count() == 1
    assert mailoutbox[0].subject == "Your Occupy Library account"


def test_signup_bad_input_keeps_what_was_typed(client):
    response = _signup(client, email="not an address", password="123")
    page = response.content.decode()
    assert response.status_code == 400
    assert "Enter a valid email address." in page
    assert 'value="Ana &lt;b&gt;Popescu&lt;/b&gt;"' in page
    assert get_user_model().objects.count() == 0


def test_sign_in_with_the_address_and_sign_out(client):
    UserFactory(username="ana@example.org", email="ana@example.org")
    response = client.post(reverse("people:login"), {"username": "ANA@example.org", "password": "pw-long-enough-1"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cfp:my-submissions")
    assert client.post(reverse("people:logout")).status_code == 302
    assert client.get(reverse("people:profile")).status_code == 302


def test_sign_in_is_limited_after_failures(client, settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_PER_ADDRESS = 2
    for _attempt in range(2):
        response = client.post(reverse("people:login"), {"username": "a@example.org", "password": "wrong"})
        assert response.status_code == 400
    response = client.post(reverse("people:login"), {"username": "a@example.org", "password": "wrong"})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()


def test_password_reset_goes_through_the_outbox_and_its_link_works(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    user = UserFactory(username="ana@example.org", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("people:password-reset"), {"email": "ana@example.org"})
    assert response["Location"] == reverse("people:password-reset-done")
    [message] = mailoutbox
    link = _link(message, "password-reset").removeprefix("http://127.0.0.1:8000")
    response = client.get(link, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "another passphrase 7", "new_password2": "another passphrase 7"}
    )
    assert response["Location"] == reverse("people:password-reset-complete")
    user.refresh_from_db()
    assert user.check_password("another passphrase 7")


def _image(fmt="PNG", size=(800, 600)):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, fmt)
    return out.getvalue()


def _profile(client, photo):
    data = {"name": "Ana Popescu", "bio": "<script>x</script> Librarian", "country": "RO", "organisation": "BNR"}
    return client.post(reverse("people:profile"), {**data, "photo": photo})


def test_profile_photo_is_reencoded_and_resized(client):
    user = UserFactory()
    client.force_login(user)
    response = _profile(client, SimpleUploadedFile("me.png", _image(), content_type="image/png"))
    assert response.status_code == 302
    person = Person.objects.get(user=user)
    with Image.open(person.photo.path) as saved:
        assert (saved.format, saved.size) == ("JPEG", (800, 600))
    assert (person.photo_width, person.photo_height) == (800, 600)
    page = client.get(reverse("people:profile")).content.decode()
    assert f'src="/media/{person.photo.name.removesuffix(".jpg")}.w192.jpg"' in page
    assert 'alt="Your current photo"' in page
    assert (person.bio, person.country.code) == ("<script>x</script> Librarian", "RO")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"just some text", "This file is not a photo we can read"),
        (_image(size=(8000, 6000)), "This image is too large (8000 × 6000 pixels)"),
        (_image()[:200], "This file is not a photo we can read"),
    ],
)
def test_profile_refuses_what_is_not_a_usable_image_and_keeps_the_rest(client, content, message):
    user = UserFactory()
    client.force_login(user)
    response = _profile(client, SimpleUploadedFile("me.jpg", content, content_type="image/jpeg"))
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "&lt;script&gt;x&lt;/script&gt; Librarian" in page
    assert 'value="BNR"' in page
    assert not Person.objects.get(user=user).photo


def test_profile_refuses_a_file_over_the_size_limit(client, settings):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(UserFactory())
    big = SimpleUploadedFile("me.jpg", b"\xff" * (2 * 1024 * 1024), content_type="image/jpeg")
    response = _profile(client, big)
    assert response.status_code == 400
    assert "This file is 2.0 MB; a file can be at most 1 MB." in response.content.decode()


def test_a_decompression_bomb_is_refused(client):
    # A PNG that claims 20000 × 20000 pixels: tiny as a file, 1.2 GB once decoded.
    out = io.BytesIO()
    Image.new("1", (20000, 20000)).save(out, "PNG")
    client.force_login(UserFactory())
    response = _profile(client, SimpleUploadedFile("bomb.png", out.getvalue(), content_type="image/png"))
    assert response.status_code == 400
    assert "This image has far too many pixels to be a photo" in response.content.decode()


def test_the_public_person_page_waits_for_a_published_session(client):
    user = UserFactory()
    client.force_login(user)
    _profile(client, "")
    person = Person.objects.get(user=user)
    assert client.get(person.get_absolute_url()).status_code == 404


def test_signup_from_an_invitation_leads_back_to_it_once_confirmed(
    client, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("people:signup") + "?next=/cfp/invitation/abc/",
            {"name": "Olena", "email": "olena@example.org", "password": "a long passphrase 42"},
        )
    link = _link(mailoutbox[0], "verify").removeprefix("http://127.0.0.1:8000")
    assert "invitation" not in mailoutbox[0].body
    assert client.post(link)["Location"] == "/cfp/invitation/abc/"


def test_signup_refuses_a_next_address_on_another_site(client, django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("people:signup") + "?next=https://evil.example/",
            {"name": "Olena", "email": "olena@example.org", "password": "a long passphrase 42"},
        )
    link = _link(mailoutbox[0], "verify").removeprefix("http://127.0.0.1:8000")
    assert client.post(link)["Location"] == reverse("people:profile")
