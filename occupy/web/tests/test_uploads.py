"""Uploads have a size limit (MAX_UPLOAD_MB): the admin form says so clearly, keeps what was typed and saves
nothing; a file within the limit is accepted."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from occupy.people.models import Person
from occupy.programme.models import Material
from occupy.programme.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_MB = 1


def noise_png(side: int) -> bytes:
    """A valid PNG that does not compress (random pixels): side 700 gives ~1.4 MiB, side 100 ~30 KiB."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def person_form(photo: bytes):
    return {
        "name": "Ana Popescu",
        "slug": "ana-popescu",
        "photo": SimpleUploadedFile("ana.png", photo, content_type="image/png"),
        "session_speakers-TOTAL_FORMS": "0",
        "session_speakers-INITIAL_FORMS": "0",
    }


def test_admin_refuses_a_photo_over_the_limit_with_a_clear_message(organiser_client):
    photo = noise_png(700)
    assert len(photo) > 1024 * 1024

    response = organiser_client.post("/admin/people/person/add/", person_form(photo))

    assert response.status_code == 200
    body = response.content.decode()
    assert f"This file is {len(photo) / 1024 / 1024:.1f} MB; a file can be at most 1 MB." in body
    assert 'value="Ana Popescu"' in body
    assert not Person.objects.exists()


def test_admin_accepts_a_photo_within_the_limit(organiser_client):
    response = organiser_client.post("/admin/people/person/add/", person_form(noise_png(100)))

    assert response.status_code == 302
    person = Person.objects.get()
    # Re-encoded by the same service as the profile page's photos, with its renditions; the raw upload not kept.
    assert (person.photo.name, person.photo_width, person.photo_height) == ("people/ana-popescu.jpg", 100, 100)
    assert person.photo.storage.exists("people/ana-popescu.w96.jpg")
    assert not person.photo.storage.exists("people/ana.png")


def test_admin_refuses_a_text_file_as_a_photo(organiser_client):
    form = {**person_form(b""), "photo": SimpleUploadedFile("ana.jpg", b"not a photo", content_type="image/jpeg")}

    response = organiser_client.post("/admin/people/person/add/", form)

    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()
    assert not Person.objects.exists()


def test_admin_refuses_session_material_over_the_limit(organiser_client):
    session = SessionFactory()
    slides = SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024), content_type="application/pdf")

    response = organiser_client.post(
        "/admin/programme/material/add/",
        {"session": session.pk, "kind": "slides", "title": "Slides", "file": slides, "order": "0"},
    )

    assert response.status_code == 200
    assert "a file can be at most 1 MB" in response.content.decode()
    assert not Material.objects.exists()


def test_admin_clearing_a_photo_deletes_it_and_its_renditions(organiser_client, django_capture_on_commit_callbacks):
    organiser_client.post("/admin/people/person/add/", person_form(noise_png(300)))
    person = Person.objects.get()
    storage = person.photo.storage
    assert storage.exists("people/ana-popescu.w192.jpg")

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            f"/admin/people/person/{person.pk}/change/",
            {**person_form(b""), "photo": "", "photo-clear": "on"},
        )

    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.photo.name, person.photo_width, person.photo_height) == ("", None, None)
    assert not storage.exists("people/ana-popescu.jpg")
    assert not storage.exists("people/ana-popescu.w192.jpg")
