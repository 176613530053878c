import pytest
from django.conf import settings

from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2022)


def test_language_switch_sets_the_cookie_and_the_next_page_is_in_romanian(client, edition):
    response = client.get("/language/?lang=ro&next=/2022/")

    assert response.status_code == 302
    assert response["Location"] == "/2022/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ro"
    page = client.get("/2022/")
    assert '<html lang="ro"' in page.content.decode()


def test_cached_pages_are_kept_apart_by_language(client, edition):
    assert '<html lang="en"' in client.get("/2022/").content.decode()

    client.get("/language/?lang=uk&next=/2022/")

    assert '<html lang="uk"' in client.get("/2022/").content.decode()


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", "http:\\\\evil.example"])
def test_language_switch_refuses_an_off_site_next(client, edition, next_url):
    response = client.get("/language/", {"lang": "ro", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_every_page_links_to_every_language_with_the_current_page_as_next(client, edition):
    html = client.get("/2022/speakers/").content.decode()

    for code in ("en", "ro", "uk"):
        assert f'href="/language/?lang={code}&amp;next=/2022/speakers/"' in html


def test_layout_has_landmarks_skip_link_and_links_to_every_edition(client, edition):
    EditionFactory(year=2020)

    html = client.get("/2022/").content.decode()

    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<header" in html and "<footer" in html and "<nav" in html
    assert html.count("<h1") == 1
    assert 'href="/2020/"' in html and 'href="/2022/"' in html
    assert "style=" not in html and "onclick" not in html
