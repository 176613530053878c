"""The /accessibility/ statement (issue 6): the standard, how it is tested, the known limits, whom to write
to; linked from every page's footer."""

import pytest

from occupy.content.services import set_site_contact

pytestmark = pytest.mark.django_db


def test_accessibility_statement_says_standard_tests_limits_and_contact(client):
    set_site_contact(name="Andreea Dumitrescu", role="Coordinator", email="andreea.dumitrescu@progressfoundation.ro")

    response = client.get("/accessibility/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Accessibility statement</h1>" in html
    assert "WCAG) 2.2 at level AA" in html
    for how in ("axe-core runs on every public page", "keyboard alone", "390 pixels", "works without it"):
        assert how in html
    for limit in ("not tagged PDFs", "BarcodeDetector", "the language their authors wrote them in"):
        assert limit in html
    assert 'href="mailto:andreea.dumitrescu@progressfoundation.ro"' in html


def test_accessibility_statement_is_in_romanian_and_ukrainian(client):
    romanian = client.get("/accessibility/", headers={"accept-language": "ro"}).content.decode()
    ukrainian = client.get("/accessibility/", headers={"accept-language": "uk"}).content.decode()

    assert "<h1>Declarație de accesibilitate</h1>" in romanian
    assert "<h1>Заява про доступність</h1>" in ukrainian


def test_every_page_links_to_the_accessibility_statement(client):
    for path in ("/", "/contact/", "/news/"):
        assert '<a href="/accessibility/">Accessibility</a>' in client.get(path).content.decode(), path
