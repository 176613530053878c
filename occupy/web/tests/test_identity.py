"""The site's identity: favicon, touch icons and web manifest served; social preview cards (Open Graph and
Twitter) for editions and sessions, each a 1200 × 630 PNG at a stable, cacheable URL."""

import io
import json

import pytest
from django.contrib.staticfiles import finders
from django.test import override_settings
from PIL import Image

from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    edition = EditionFactory(year=2022, title="Occupy Library 2022", summary="Libraries lead the way.")
    session = SessionFactory(
        edition=edition, title="Repair cafés in <small> libraries", slug="repair", abstract="Fix it together."
    )
    SessionSpeakerFactory(session=session, person=PersonFactory(name="Ana Popescu"))
    return session


def test_base_page_names_the_favicons_touch_icon_and_manifest(client, session):
    html = client.get("/2022/").content.decode()

    assert '<link rel="icon" href="/static/icons/favicon.' in html and 'type="image/svg+xml">' in html
    assert 'type="image/png" sizes="32x32">' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_icons_are_the_sizes_they_claim():
    for name, size in [
        ("favicon-32.png", 32),
        ("apple-touch-icon.png", 180),
        ("icon-192.png", 192),
        ("icon-512.png", 512),
    ]:
        with Image.open(finders.find(f"icons/{name}")) as icon:
            assert (icon.format, icon.size) == ("PNG", (size, size))
    with Image.open(finders.find("icons/favicon.ico")) as icon:
        assert icon.format == "ICO"
        assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


def test_web_manifest_lists_192_and_512_pixel_icons(client):
    response = client.get("/manifest.webmanifest")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Occupy Library"
    sizes = {icon["sizes"] for icon in manifest["icons"] if icon["type"] == "image/png"}
    assert sizes == {"192x192", "512x512"}
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"].startswith("/static/icons/favicon.")
    assert response["Location"].endswith(".ico")


def test_edition_page_has_open_graph_and_twitter_meta(client, session):
    html = client.get("/2022/").content.decode()

    assert '<meta property="og:type" content="website">' in html
    assert '<meta property="og:title" content="Occupy Library 2022">' in html
    assert '<meta property="og:description" content="Libraries lead the way.">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/2022/">' in html
    assert '<meta property="og:image" content="http://127.0.0.1:8000/2022/og.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_session_page_has_open_graph_meta_with_its_title_escaped(client, session):
    html = client.get("/2022/sessions/repair/").content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Repair cafés in &lt;small&gt; libraries">' in html
    assert '<meta property="og:description" content="Fix it together.">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/2022/sessions/repair/">' in html
    assert '<meta property="og:image" content="http://127.0.0.1:8000/2022/sessions/repair/og.png">' in html


@pytest.mark.parametrize("path", ["/2022/og.png", "/2022/sessions/repair/og.png"])
def test_social_card_is_a_cacheable_1200_by_630_png(client, session, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    with Image.open(io.BytesIO(response.content)) as card:
        assert (card.format, card.size) == ("PNG", (1200, 630))
    assert client.get(path).content == response.content  # the second comes from the cache, the same card


@pytest.mark.parametrize("path", ["/2022/sessions/nope/og.png", "/1999/og.png", "/2022/sessions/repair/og.png"])
def test_social_card_of_an_unknown_or_unpublished_page_is_a_404(client, session, path):
    session.edition.is_published = False
    session.edition.save()

    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/2022/og.png", "/2022/sessions/repair/og.png"])
def test_social_card_of_a_sample_edition_carries_the_sample_band(client, session, path):
    real = Image.open(io.BytesIO(client.get(path).content)).convert("RGB")
    session.edition.is_sample = True
    session.edition.save()

    sample = Image.open(io.BytesIO(client.get(path).content)).convert("RGB")

    assert real.getpixel((10, 10)) == (247, 233, 237)  # the card's background
    assert sample.getpixel((10, 10)) == (255, 243, 191)  # the sample notice's yellow
    assert sample.getpixel((600, 51)) == (122, 92, 0)


@override_settings(SITE_URL="https://occupylibrary.net")
def test_social_meta_links_come_from_site_url_not_the_host(client, session):
    html = client.get("/2022/sessions/repair/", HTTP_HOST="testserver").content.decode()

    assert '<meta property="og:url" content="https://occupylibrary.net/2022/sessions/repair/">' in html
    assert '<meta property="og:image" content="https://occupylibrary.net/2022/sessions/repair/og.png">' in html
