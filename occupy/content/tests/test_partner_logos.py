"""Partners on the edition page: linked to their sites, with their logo from renditions sized to its display."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.editions.tests.factories import EditionFactory
from occupy.web.images import LOGO, store_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def logo_upload(size):
    out = io.BytesIO()
    Image.new("RGBA", size, (0, 0, 0, 0)).save(out, "PNG")
    return SimpleUploadedFile("logo.png", out.getvalue())


def test_partner_links_to_its_site_with_its_logo_inside_the_link(client):
    edition = EditionFactory(year=2022)
    library = Organisation.objects.create(name="Biblioteca Metropolitană", slug="bmb", url="https://bmb.example.org/")
    store_image(instance=library, field_name="logo", upload=logo_upload((1600, 400)), stem="bmb", spec=LOGO)
    plain = Organisation.objects.create(name="Without Site", slug="plain")
    EditionPartner.objects.create(edition=edition, organisation=library, role=PartnerRole.PARTNER, order=1)
    EditionPartner.objects.create(edition=edition, organisation=plain, role=PartnerRole.PARTNER, order=2)

    html = client.get("/2022/").content.decode()

    assert (
        '<a class="partner__link" href="https://bmb.example.org/" rel="noopener"><img class="partner__logo" '
        'src="/media/organisations/bmb.w192.png" srcset="/media/organisations/bmb.w96.png 96w, '
        '/media/organisations/bmb.w192.png 192w, /media/organisations/bmb.w400.png 400w" sizes="192px" alt="" '
        'width="192" height="48" loading="lazy" decoding="async">Biblioteca Metropolitană</a>'
    ) in html
    assert "<span>Without Site</span>" in html


def test_admin_upload_of_a_logo_is_checked_and_kept_with_renditions(organiser_client):
    response = organiser_client.post(
        "/admin/content/organisation/add/",
        {
            "name": "Biblioteca",
            "slug": "biblioteca",
            "logo": logo_upload((300, 100)),
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("edition_roles", "projects")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 302
    library = Organisation.objects.get()
    assert (library.logo.name, library.logo_width, library.logo_height) == ("organisations/biblioteca.png", 300, 100)
    assert library.logo.storage.exists("organisations/biblioteca.w192.png")
    assert not library.logo.storage.exists("organisations/logo.png")  # the raw upload is never stored


def test_admin_refuses_a_text_file_as_a_logo_and_keeps_what_was_typed(organiser_client):
    response = organiser_client.post(
        "/admin/content/organisation/add/",
        {
            "name": "Biblioteca",
            "slug": "biblioteca",
            "logo": SimpleUploadedFile("logo.png", b"not an image at all"),
            **{
                f"{prefix}-{key}": "0"
                for prefix in ("edition_roles", "projects")
                for key in ("TOTAL_FORMS", "INITIAL_FORMS")
            },
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Upload a valid image." in body or "This file is not a photo we can read" in body
    assert 'value="Biblioteca"' in body
    assert not Organisation.objects.exists()
