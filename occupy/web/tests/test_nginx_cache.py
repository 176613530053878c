"""deploy/nginx.conf's microcache, run for real on 127.0.0.1 in front of a stand-in app server that counts what
reaches it: a public response (Cache-Control: public) is kept one second, so a burst reaches the app once,
and is refreshed after that; anything not public, or setting a cookie, reaches the app every time."""

import http.client
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from occupy.web.tests.test_nginx import HOST, connect, nginx_setup, wait_for_port  # noqa: F401 (nginx_setup: a fixture)

pytestmark = pytest.mark.nginx

RESPONSES = {
    "/public": [("Cache-Control", "public, max-age=60, stale-while-revalidate=30")],
    "/private": [("Cache-Control", "private, no-store")],
    "/no-cache-control": [],
    "/public-with-cookie": [("Cache-Control", "public, max-age=60"), ("Set-Cookie", "csrftoken=abc; Path=/")],
}


class App:
    """A stand-in app server: each answer says how many requests for its path reached it."""

    def __init__(self, port: int):
        self.hits: dict[str, int] = {}
        self.lock = threading.Lock()
        app = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                with app.lock:
                    app.hits[self.path] = app.hits.get(self.path, 0) + 1
                    body = f"{self.path} {app.hits[self.path]}".encode()
                self.send_response(200)
                for name, value in RESPONSES[self.path]:
                    self.send_header(name, value)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)


@pytest.fixture
def proxy(nginx_setup):  # noqa: F811
    import subprocess

    command, ports = nginx_setup
    app = App(ports["app"])
    app.thread.start()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(ports["https"], process)
        yield app, ports["https"]
    finally:
        process.terminate()
        process.wait(10)
        app.server.shutdown()


def get(port: int, path: str) -> tuple[str, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.sock = connect(port, tls=True, timeout=5)  # TLS with the site's name (SNI), as a browser
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.read().decode(), response.getheader("X-Cache", "")
    finally:
        connection.close()


def test_a_burst_on_a_public_page_reaches_the_app_about_once_a_second(proxy):
    app, port = proxy
    get(port, "/public")

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: get(port, "/public")[0], range(40)))
    elapsed = time.monotonic() - started

    assert all(answer.startswith("/public ") for answer in answers)
    # One refresh per second of the burst at most (a busy machine may stretch it past a second), never 40.
    assert app.hits["/public"] <= 2 + int(elapsed)
    assert app.hits["/public"] < 10


@pytest.mark.parametrize("path", ["/private", "/no-cache-control", "/public-with-cookie"])
def test_what_is_not_public_reaches_the_app_every_time(proxy, path):
    app, port = proxy

    answers = [get(port, path)[0] for _ in range(3)]

    assert answers == [f"{path} 1", f"{path} 2", f"{path} 3"]


def test_a_public_page_is_refreshed_within_two_seconds(proxy):
    app, port = proxy
    get(port, "/public")
    time.sleep(1.2)

    deadline = time.monotonic() + 2
    answer = get(port, "/public")[0]  # may still be the copy in hand while one request refreshes it
    while answer == "/public 1" and time.monotonic() < deadline:
        time.sleep(0.1)
        answer = get(port, "/public")[0]

    assert answer == "/public 2"
