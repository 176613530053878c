"""Partners on the edition page: linked to their sites, with their logo from renditions sized to its display."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from occupy.content.models import EditionPartner, Organisation, PartnerRole, Project
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


def test_organiser_page_shows_the_organisers_and_its_projects_logos(client):
    edition = EditionFactory(year=2022)
    progress = Organisation.objects.create(name="Progress Foundation", slug="progress")
    store_image(instance=progress, field_name="logo", upload=logo_upload((400, 400)), stem="progress", spec=LOGO)
    EditionPartner.objects.create(edition=edition, organisation=progress, role=PartnerRole.ORGANISER)
    project = Project.objects.create(organisation=progress, title="Biblionet", slug="biblionet", summary="Libraries.")
    store_image(instance=project, field_name="logo", upload=logo_upload((960, 480)), stem="biblionet", spec=LOGO)
    Project.objects.create(organisation=progress, title="No logo", slug="no-logo", summary="Plain.")

    html = client.get("/organiser/").content.decode()

    assert '<img class="partner__logo" src="/media/organisations/progress.w96.png"' in html
    assert 'sizes="48px" alt="" width="48" height="48"' in html
    assert '<img class="partner__logo" src="/media/projects/biblionet.w96.png"' in html
    assert 'sizes="96px" alt="" width="96" height="48"' in html
    assert html.count('class="partner__logo"') == 2


@pytest.mark.parametrize("partners", [2, 20])
def test_edition_page_with_logos_issues_the_same_queries_at_two_sizes(client, django_assert_num_queries, partners):
    edition = EditionFactory(year=2022)
    for number in range(partners):
        organisation = Organisation.objects.create(
            name=f"Library {number}", slug=f"library-{number}", logo="organisations/shared.png", logo_width=400,
            logo_height=100, url="https://example.org/",
        )  # fmt: skip
        EditionPartner.objects.create(edition=edition, organisation=organisation, role=PartnerRole.PARTNER)

    with django_assert_num_queries(11):
        html = client.get("/2022/").content.decode()

    assert html.count('<img class="partner__logo" src="/media/organisations/shared.w192.png"') == partners
