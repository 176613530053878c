"""The check-in desk in Chromium: the QR decoder the page loads (zxing-wasm, for phones without BarcodeDetector)
reads the ticket's own QR code from the rendered PDF, and scans made while the network is down are kept on the
phone and sent when it returns, each counted once."""

import base64
import re

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from occupy.browser_tests.axe import wcag_violations
from occupy.browser_tests.conftest import BROKEN_PAGE, PHONE
from occupy.browser_tests.screens import pdf_page_as_png
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceDay, AttendanceMode
from occupy.registration.services.checkin import check_in_code
from occupy.registration.services.tickets import render_ticket_pdf
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery"


@pytest.fixture
def edition(transactional_db):
    return EditionFactory(slug="desk", year=2031, time_zone="Europe/Bucharest")


@pytest.fixture
def ana(edition):
    return RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)


@pytest.fixture
def desk_page(edition, open_page, django_user_model):
    """The check-in page on a phone, signed in as an account that may only check people in."""
    desk = django_user_model.objects.create_user("desk", "desk@example.org", PASSWORD)
    desk.user_permissions.add(Permission.objects.get(content_type__app_label="registration", codename="check_in"))
    page = open_page(PHONE, is_mobile=True, has_touch=True)
    page.goto(f"/organise/{edition.slug}/check-in/")
    page.fill("[name=username]", "desk")
    page.fill("[name=password]", PASSWORD)
    page.locator("[type=submit]").click()
    expect(page).to_have_url(re.compile(rf"/organise/{edition.slug}/check-in/$"))
    page.wait_for_load_state("load")
    return page


def ticket_as_png(registration, folder) -> bytes:
    """The ticket PDF as the participant downloads it, its first page drawn by pdftoppm."""
    return pdf_page_as_png(render_ticket_pdf(registration), folder, dpi=150)


DECODE = """async (source) => {
  const image = new Image();
  image.src = source;
  await image.decode();
  const reader = await window.occupyQrReader.libraryDetector();
  return (await reader.detect(image)).map((code) => code.rawValue);
}"""


def test_check_in_decoder_reads_the_tickets_qr_from_the_pdf(desk_page, ana, tmp_path):
    png = ticket_as_png(ana, tmp_path)
    wasm = []
    desk_page.on("response", lambda response: wasm.append(response) if response.url.endswith(".wasm") else None)

    decoded = desk_page.evaluate(DECODE, "data:image/png;base64," + base64.b64encode(png).decode())

    assert png.startswith(b"\x89PNG")
    assert decoded == [check_in_code(ana)]
    # The library and its WebAssembly come from our own static files, under the page's CSP.
    assert [(response.status, response.headers["content-type"]) for response in wasm] == [(200, "application/wasm")]
    assert re.search(r"/static/vendor/zxing-wasm/zxing_reader\.[0-9a-f]{12}\.wasm$", wasm[0].url)


def test_check_in_desk_keeps_scans_made_offline_and_sends_them_once_back_online(desk_page, ana):
    code = check_in_code(ana)
    queue = desk_page.locator("#checkin-queue")
    news = desk_page.locator("#checkin-live")

    desk_page.context.set_offline(True)
    for _ in range(2):  # the ticket scanned twice while the network is down
        desk_page.fill("#code", code)
        desk_page.locator("#code-form button[type=submit]").click()
    expect(queue).to_have_text("2 scans waiting to be sent")
    assert desk_page.evaluate("document.querySelector('#checkin-queue').dataset.waitingOne") == (
        "{count} scan waiting to be sent"
    )
    expect(news).to_have_text(  # said once, not at every scan
        "No connection: the scan is kept on this phone and sent when the connection returns."
    )
    assert AttendanceDay.objects.count() == 0

    desk_page.context.set_offline(False)
    expect(queue).to_be_hidden()
    expect(news.locator(".checkin-message--success")).to_have_text(
        re.compile(r"^Ana Popescu is checked in \(\d\d:\d\d\)\.$")
    )
    expect(news.locator(".checkin-message--info").first).to_contain_text("Ana Popescu was already checked in at")
    assert AttendanceDay.objects.filter(registration=ana).count() == 1

    desk_page.fill("#code", code)  # and once more, online
    desk_page.locator("#code-form button[type=submit]").click()
    already = re.compile(r"^Ana Popescu was already checked in at \d\d:\d\d\. Nothing changed\.$")
    checked_in = re.compile(r"^Ana Popescu is checked in \(\d\d:\d\d\)\.$")
    expect(news.locator(".checkin-message")).to_have_text([already, already, checked_in])  # the newest first
    expect(desk_page.locator('[data-count="today"]')).to_have_text("1")
    assert AttendanceDay.objects.count() == 1
    assert desk_page.evaluate("localStorage.getItem('occupy-checkin-queue:' + location.pathname)") == "[]"
    assert wcag_violations(desk_page) == []


def test_check_in_desk_says_why_the_camera_cannot_start(desk_page):
    desk_page.locator("#scan-start").click()

    # Headless Chromium has no camera.
    expect(desk_page.locator("#scanner-status")).to_have_text(
        "No camera was found on this device. Type the ticket’s code or search by name below."
    )
    expect(desk_page.locator("#scan-start")).to_be_visible()
    expect(desk_page.locator("#scanner")).to_be_hidden()


@pytest.mark.parametrize(
    ("language", "waiting"),
    [("ro", "1 scanare așteaptă să fie trimisă"), ("uk", "1 сканування очікує надсилання")],
)
def test_check_in_desk_in_romanian_and_ukrainian_has_no_wcag_violations(
    desk_page, live_server, ana, language, waiting
):
    desk_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    desk_page.reload()
    desk_page.context.set_offline(True)
    desk_page.fill("#code", check_in_code(ana))
    desk_page.locator("#code-form button[type=submit]").click()

    expect(desk_page.locator("html")).to_have_attribute("lang", language)
    expect(desk_page.locator("#checkin-queue")).to_have_text(waiting)
    assert desk_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert wcag_violations(desk_page) == []
    desk_page.context.set_offline(False)
    expect(desk_page.locator("#checkin-queue")).to_be_hidden()
    assert AttendanceDay.objects.filter(registration=ana).count() == 1


def ticket_as_camera_video(png: bytes, folder):
    """The ticket's image as a Y4M video, which Chromium's fake camera plays in a loop."""
    from io import BytesIO

    from PIL import Image

    image = Image.open(BytesIO(png)).convert("L")
    image = image.crop((0, 0, image.width, image.width * 3 // 4)).resize((640, 480))  # the top: name and QR
    path = folder / "camera.y4m"
    with path.open("wb") as video:
        video.write(b"YUV4MPEG2 W640 H480 F10:1 Ip A1:1 C420jpeg\n")
        for _ in range(10):
            video.write(b"FRAME\n" + image.tobytes() + bytes([128]) * (320 * 240 * 2))
    return path


def test_check_in_desk_scans_a_ticket_with_the_camera_where_the_browser_has_no_barcode_detector(
    chromium_browser, live_server, edition, ana, django_user_model, tmp_path
):
    from occupy.browser_tests.conftest import CHROMIUM, CHROMIUM_ARGS

    camera = ticket_as_camera_video(ticket_as_png(ana, tmp_path), tmp_path)
    browser = chromium_browser.browser_type.launch(
        executable_path=CHROMIUM,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-ui-for-media-stream",
            "--use-fake-device-for-media-stream",
            f"--use-file-for-fake-video-capture={camera}",
        ],
    )
    try:
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=live_server.url)
        context.add_init_script("delete window.BarcodeDetector;")  # as in Safari and Firefox
        context.grant_permissions(["camera"], origin=live_server.url)
        page = context.new_page()
        errors, wasm = [], []
        page.on("request", lambda request: wasm.append(request.url) if request.url.endswith(".wasm") else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda msg: errors.append(msg.text) if BROKEN_PAGE.search(msg.text) else None)
        page.on(
            "response",
            lambda response: errors.append(f"{response.status} {response.url}") if response.status >= 400 else None,
        )
        desk = django_user_model.objects.create_user("camera-desk", "cd@example.org", PASSWORD)
        desk.user_permissions.add(Permission.objects.get(content_type__app_label="registration", codename="check_in"))
        page.goto(f"/organise/{edition.slug}/check-in/")
        page.fill("[name=username]", "camera-desk")
        page.fill("[name=password]", PASSWORD)
        page.locator("[type=submit]").click()
        page.locator("#scan-start").click()

        expect(page.locator("#checkin-live .checkin-message--success")).to_have_text(
            re.compile(r"^Ana Popescu is checked in \(\d\d:\d\d\)\.$"), timeout=20_000
        )
        expect(page.locator("#scanner")).to_be_visible()  # still on, for the next ticket
        assert AttendanceDay.objects.filter(registration=ana).count() == 1
        assert errors == []
        assert len(wasm) == 1  # read by the library, not by a BarcodeDetector
    finally:
        browser.close()
