"""On the rendered pages, photos and logos never carry far more pixels than they are shown at (issue 9): the
browser picks a rendition from srcset/sizes whose natural width is at most about twice its displayed CSS width.
The pages with photos and logos pass axe too, at both widths and in all three languages."""

import io
import mimetypes
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import DESKTOP, PHONE
from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.editions.tests.factories import EditionFactory
from occupy.people.photos import store_photo
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.web.images import LOGO, store_image

pytestmark = [pytest.mark.browser]

PAGES = ["/2022/", "/2022/speakers/", "/speakers/ana-popescu/", "/2022/sessions/repair/"]


def upload(size, mode="RGB", fmt="JPEG"):
    out = io.BytesIO()
    Image.new(mode, size, "teal").save(out, fmt)
    return SimpleUploadedFile(f"upload.{fmt.lower()}", out.getvalue())


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def with_photos(transactional_db, media_root):
    edition = EditionFactory(year=2022, title="Occupy Library 2022")
    session = SessionFactory(edition=edition, title="Repair cafés", slug="repair")
    for order, (name, slug, size) in enumerate(
        [("Ana Popescu", "ana-popescu", (3000, 2000)), ("Olena Shevchenko", "olena", (1200, 1600))], start=1
    ):
        person = PersonFactory(name=name, slug=slug)
        store_photo(person=person, upload=upload(size))
        SessionSpeakerFactory(person=person, session=session, order=order)
    SessionSpeakerFactory(person=PersonFactory(name="Ion Ionescu", slug="ion"), session=session, order=3)
    for order, (slug, size) in enumerate([("wide", (1600, 400)), ("square", (600, 600))], start=1):
        organisation = Organisation.objects.create(name=f"Library {slug}", slug=slug, url="https://example.org/")
        store_image(instance=organisation, field_name="logo", upload=upload(size, "RGBA", "PNG"), stem=slug, spec=LOGO)
        EditionPartner.objects.create(
            edition=edition, organisation=organisation, role=PartnerRole.PARTNER, order=order
        )


def serve_media(page, media_root: Path):
    """The live server (DEBUG off) serves no uploads, as in production where the proxy does: serve them here."""

    def fulfil(route):
        path = media_root / route.request.url.split("/media/", 1)[1]
        if not path.is_file():
            return route.fulfill(status=404)
        return route.fulfill(status=200, body=path.read_bytes(), content_type=mimetypes.guess_type(path.name)[0])

    page.route("**/media/**", fulfil)


# An <img> with srcset reports a naturalWidth corrected by the chosen candidate's density (a 96w file shown at
# sizes=64px says 64): the file's own pixel width is read by loading the chosen file again, without srcset.
MEASURE = """() => Promise.all([...document.querySelectorAll('img.avatar, img.partner__logo')].map(img => {
    img.loading = 'eager';
    const loaded = element => element.complete && element.naturalWidth
        ? Promise.resolve() : new Promise(done => { element.onload = element.onerror = done; });
    return loaded(img).then(() => {
        const file = new Image();
        file.src = img.currentSrc;
        return loaded(file).then(() => ({
            src: img.currentSrc, natural: file.naturalWidth, shown: img.getBoundingClientRect().width,
            layoutShift: img.getAttribute('width') / img.getAttribute('height')
                - file.naturalWidth / file.naturalHeight,
        }));
    });
}))"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_photo_or_logo_is_more_than_twice_the_size_it_is_shown_at(with_photos, media_root, open_page, viewport):
    page = open_page(viewport)
    serve_media(page, media_root)
    measured = {}
    for path in PAGES:
        page.goto(path)
        measured[path] = page.evaluate(MEASURE)

    assert [len(images) for images in measured.values()] == [2, 2, 1, 2]  # the logos; 2 photos, Ion's initials
    too_big = [
        (path, image) for path, images in measured.items() for image in images
        if not (0 < image["natural"] <= 2 * image["shown"] and "/media/" in image["src"])
    ]  # fmt: skip
    assert too_big == []
    assert all(abs(image["layoutShift"]) < 0.05 for images in measured.values() for image in images)


@pytest.mark.parametrize("language", ["en", "ro", "uk"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_pages_with_photos_and_logos_have_no_wcag_violations(with_photos, media_root, open_page, viewport, language):
    page = open_page(viewport, extra_http_headers={"Accept-Language": language})
    serve_media(page, media_root)
    found = {}
    for path in PAGES:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.locator("html").get_attribute("lang") == language
        violations = wcag_violations(page)
        if violations:
            found[path] = violations
    assert found == {}, "\n".join(f"{path}\n  " + "\n  ".join(lines) for path, lines in found.items())
