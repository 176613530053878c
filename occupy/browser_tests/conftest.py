"""Fixtures for the browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.

The live server runs in this process (a thread), so the test database, the local-memory cache and the mail
outbox are shared with the test. Static files are served by WhiteNoise from the STATIC_ROOT that the root
conftest fills, exactly as in production (hashed names from the manifest), not by Django's finders.
"""

import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API keeps an event loop running in this thread; the ORM calls the tests make
# (loading the demo, reading the outbox's registrations) are still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Console messages that mean a page is broken: a CSP refusal (inline script or style), a script error.
BROKEN_PAGE = re.compile(r"Content Security Policy|Refused to|Uncaught", re.IGNORECASE)


PLAIN_HTTP_SETTINGS = {
    "SECURE_SSL_REDIRECT": False,
    "SESSION_COOKIE_SECURE": False,
    "CSRF_COOKIE_SECURE": False,
    "LANGUAGE_COOKIE_SECURE": False,
}


def _passthrough(app):
    return app


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, but with static files left to WhiteNoise (the production path).

    Django's StaticFilesHandler would look the hashed names from the manifest up in the source folders and
    answer 404, so the stylesheet would silently not load."""
    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    # Production settings, less what needs TLS: the live server speaks plain HTTP. Set before the server
    # thread builds its middleware, which reads them once.
    with override_settings(**PLAIN_HTTP_SETTINGS):
        server = LiveServer(addr, start=False)
        server.thread.static_handler = _passthrough
        server.start()
        yield server
        server.stop()


@pytest.fixture(scope="session")
def chromium_browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package (`make chromium` as root), "
            "or deselect the browser tests with -m 'not browser'.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(transactional_db):
    """The demo as `make run` loads it: both real editions and the sample edition, whose registration is open."""
    call_command("load_demo", "--sample", verbosity=0)


@pytest.fixture
def open_page(chromium_browser, live_server):
    """Open pages at a viewport size; every page must load without CSP refusals, script errors or a missing
    stylesheet, script or image (the page itself may be a 404 on purpose)."""
    contexts, problems = [], []

    def opener(viewport=DESKTOP, **context_args):
        context = chromium_browser.new_context(
            viewport=viewport, base_url=live_server.url, accept_downloads=True, **context_args
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda msg: (
                problems.append(f"{page.url}: {msg.text}")
                if msg.type == "error" and BROKEN_PAGE.search(msg.text)
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"{page.url}: {error}"))
        page.on(
            "response",
            lambda response: (
                problems.append(f"{page.url}: {response.status} for {response.url}")
                if response.status >= 400 and response.request.resource_type != "document"
                else None
            ),
        )
        return page

    yield opener
    for context in contexts:
        context.close()
    assert problems == []


@pytest.fixture
def desktop_page(open_page):
    return open_page(DESKTOP)


@pytest.fixture
def phone_page(open_page):
    return open_page(PHONE, is_mobile=True, has_touch=True)
