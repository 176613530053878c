"""The contact, privacy and accessibility pages name the site's contact (content.SiteContact), whatever the
latest edition says (issue 6)."""

import pytest

from occupy.content.models import SiteContact
from occupy.content.services import set_site_contact
from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db

PAGES = ["/contact/", "/privacy/", "/accessibility/"]


@pytest.fixture
def andreea():
    return set_site_contact(
        name="Andreea Dumitrescu",
        role="Communication Coordinator, Progress Foundation",
        email="andreea.dumitrescu@progressfoundation.ro",
    )


def test_contact_page_shows_the_site_contact_not_the_latest_editions(client, andreea):
    EditionFactory(year=2040, contact_name="Someone Else", contact_email="someone@example.org")

    html = client.get("/contact/").content.decode()

    assert "Andreea Dumitrescu" in html
    assert "Communication Coordinator, Progress Foundation" in html
    assert 'href="mailto:andreea.dumitrescu@progressfoundation.ro"' in html
    assert "Someone Else" not in html and "someone@example.org" not in html


@pytest.mark.parametrize("path", PAGES)
def test_site_contact_is_whom_the_pages_tell_to_write_to(client, andreea, path):
    assert "mailto:andreea.dumitrescu@progressfoundation.ro" in client.get(path).content.decode()


@pytest.mark.parametrize("path", PAGES)
def test_without_a_site_contact_the_pages_say_so(client, path):
    EditionFactory(contact_email="someone@example.org")
    SiteContact.objects.create(name="", email="")  # a row emptied in the admin counts as no contact

    response = client.get(path)

    assert response.status_code == 200
    html = response.content.decode()
    assert "mailto:" not in html
    if path != "/privacy/":
        assert "No contact person has been named yet." in html


def test_a_changed_contact_shows_at_once_on_the_cached_page(client, andreea):
    assert "Andreea Dumitrescu" in client.get("/contact/").content.decode()

    set_site_contact(name="Ioana Pop", role="Coordinator", email="ioana@example.org")

    html = client.get("/contact/").content.decode()
    assert "Ioana Pop" in html and "Andreea Dumitrescu" not in html
    assert SiteContact.objects.count() == 1


def test_site_contact_is_one_row_whoever_adds_it(andreea):
    SiteContact(name="A second one").save()

    assert list(SiteContact.objects.values_list("pk", "name")) == [(1, "A second one")]


def test_organiser_edits_the_site_contact_in_the_admin(organiser_client, andreea):
    url = "/admin/content/sitecontact/1/change/"
    assert organiser_client.get(url).status_code == 200
    data = {"name": "Ioana Pop", "role": "Coordinator", "email": "ioana@example.org"}

    response = organiser_client.post(url, data)

    assert response.status_code == 302
    assert SiteContact.objects.get().email == "ioana@example.org"
    # One contact for the site, never deleted.
    assert organiser_client.get("/admin/content/sitecontact/1/delete/").status_code == 403


@pytest.mark.parametrize("existing", [False, True], ids=["none-yet", "replacing"])
def test_organiser_adds_the_site_contact_in_the_admin(organiser_client, existing):
    if existing:
        set_site_contact(name="Andreea Dumitrescu", email="andreea.dumitrescu@progressfoundation.ro")
    data = {"name": "Ioana Pop", "role": "", "email": "not an address"}
    refused = organiser_client.post("/admin/content/sitecontact/add/", data)
    assert refused.status_code == 200 and "Enter a valid email address." in refused.content.decode()

    organiser_client.post("/admin/content/sitecontact/add/", {**data, "email": "ioana@example.org"})

    assert list(SiteContact.objects.values_list("pk", "email")) == [(1, "ioana@example.org")]
