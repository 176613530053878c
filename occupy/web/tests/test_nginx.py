"""deploy/nginx.conf, the proxy production needs, run for real on 127.0.0.1: nginx accepts the file, and with
four slow clients holding connections a normal request still gets its answer at once, because nginx reads
each request whole before it reaches gunicorn. The same four clients sent straight to gunicorn freeze it:
that is why the proxy is required.

Only the addresses, the certificate and the folders are changed for the test; the rest is the file as shipped.
"""

import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.nginx

CONFIG = Path(settings.BASE_DIR) / "deploy" / "nginx.conf"
HOST = "occupylibrary.net"
SLOW_CLIENTS = 4


def nginx_binary() -> str:
    found = shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if os.path.exists(p)), None)
    if not found:
        pytest.fail(
            "nginx not found: install Debian's 'nginx-light' package (`make nginx` as root), "
            "or deselect these tests with -m 'not nginx'.",
            pytrace=False,
        )
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(*, http: int, https: int, app: int, folder: Path) -> str:
    """deploy/nginx.conf on 127.0.0.1 ports, with a test certificate and folders under `folder`."""
    text = CONFIG.read_text()
    replacements = {
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app};",
        "/var/cache/nginx/occupy-static": str(folder / "cache"),
        "/var/cache/nginx/occupy-pages": str(folder / "pages"),
        f"/etc/letsencrypt/live/{HOST}/fullchain.pem": str(folder / "cert.pem"),
        f"/etc/letsencrypt/live/{HOST}/privkey.pem": str(folder / "key.pem"),
        "/srv/occupy/media/": str(folder / "media") + "/",
    }
    for old, new in replacements.items():
        assert old in text, f"{old} is no longer in deploy/nginx.conf: update this test"
        text = text.replace(old, new)
    text = re.sub(r"^\s*listen \[::\]:\d+.*$", "", text, flags=re.MULTILINE)  # no IPv6 on the test machine
    text = re.sub(r"listen 80\b", f"listen 127.0.0.1:{http}", text)
    return re.sub(r"listen 443\b", f"listen 127.0.0.1:{https}", text)


def main_config(folder: Path) -> str:
    """What Debian's /etc/nginx/nginx.conf provides around a site (gzip on at the http level, as there)."""
    temp = {name: folder / name for name in ("body", "proxy", "fastcgi", "uwsgi", "scgi")}
    user = "user root;" if os.geteuid() == 0 else ""  # workers as root can read the test's private folder
    return f"""{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    gzip on;
    client_body_temp_path {temp["body"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    include {folder}/occupy.conf;
}}
"""


@pytest.fixture
def nginx_setup(tmp_path):
    binary = nginx_binary()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", tmp_path / "key.pem", "-out", tmp_path / "cert.pem", "-days", "2", "-subj", f"/CN={HOST}",
         "-addext", f"subjectAltName=DNS:{HOST}"],
        check=True, capture_output=True, timeout=30,
    )  # fmt: skip
    (tmp_path / "media").mkdir()
    ports = {"http": free_port(), "https": free_port(), "app": free_port()}
    (tmp_path / "occupy.conf").write_text(site_config(folder=tmp_path, **ports))
    (tmp_path / "nginx.conf").write_text(main_config(tmp_path))
    command = [binary, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(tmp_path / "nginx.conf")]
    return command, ports


def test_nginx_accepts_the_shipped_configuration(nginx_setup):
    command, _ = nginx_setup

    result = subprocess.run([*command, "-t"], capture_output=True, text=True, timeout=30)

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_upload_limit_fits_in_nginxs_body_limit():
    limit = re.search(r"client_max_body_size (\d+)m;", CONFIG.read_text())

    assert limit, "deploy/nginx.conf sets no client_max_body_size"
    assert settings.MAX_UPLOAD_MB < int(limit.group(1)) <= settings.MAX_UPLOAD_MB + 2


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited early with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listening on {port} after {seconds} s")


def connect(port: int, *, tls: bool, timeout: float) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    if tls:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        sock = context.wrap_socket(sock, server_hostname=HOST)
    return sock


class SlowClients:
    """Clients that send a request's headers one line every half second (slowloris), on 127.0.0.1."""

    def __init__(self, port: int, *, tls: bool, count: int = SLOW_CLIENTS):
        self.stop = threading.Event()
        self.sockets = [connect(port, tls=tls, timeout=5) for _ in range(count)]
        self.threads = [threading.Thread(target=self._trickle, args=(sock,), daemon=True) for sock in self.sockets]

    def _trickle(self, sock):
        try:
            sock.sendall(f"GET /language/?lang=en HTTP/1.1\r\nHost: {HOST}\r\n".encode())
            for n in range(40):
                if self.stop.wait(0.5):
                    return
                sock.sendall(f"X-Slow-{n}: {n}\r\n".encode())
        except OSError:
            return

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        time.sleep(1)  # every slow client has sent its first bytes: gunicorn gave each a thread
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for sock in self.sockets:
            sock.close()
        for thread in self.threads:
            thread.join(5)


def normal_request(port: int, *, tls: bool, timeout: float) -> bytes:
    """A whole response to GET /language/?next=/ (a redirect that needs no database), or socket.timeout."""
    with connect(port, tls=tls, timeout=timeout) as sock:
        sock.sendall(f"GET /language/?lang=en&next=/ HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def gunicorn(tmp_path, nginx_setup):
    """gunicorn with the README's options on one core (one worker, two threads), production settings."""
    _, ports = nginx_setup
    env = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "SECURE_SSL_REDIRECT")}
    env |= {
        "DEBUG": "false",
        "SECRET_KEY": "nginx-test-" + "k" * 50,
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
    }
    options = ["--workers", "1", "--worker-class", "gthread", "--threads", "2", "--keep-alive", "5"]
    command = [sys.executable, "-m", "gunicorn", "occupy.wsgi:application", *options]
    with open(tmp_path / "gunicorn.log", "wb") as log:
        process = subprocess.Popen(
            [*command, "--bind", f"127.0.0.1:{ports['app']}"],
            cwd=settings.BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        wait_for_port(ports["app"], process)
        yield process
    finally:
        process.terminate()
        process.wait(10)


@pytest.fixture
def nginx(nginx_setup, gunicorn):
    command, ports = nginx_setup
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(ports["https"], process)
        yield ports
    finally:
        process.terminate()
        process.wait(10)


def test_slow_clients_do_not_block_a_normal_request_behind_nginx(nginx):
    with SlowClients(nginx["https"], tls=True):
        started = time.monotonic()
        response = normal_request(nginx["https"], tls=True, timeout=3)
        elapsed = time.monotonic() - started

    assert response.startswith(b"HTTP/1.1 302"), response[:200]
    assert elapsed < 2
    # nginx told Django the request came over HTTPS: no redirect to https, and HSTS is sent.
    assert b"\r\nLocation: /\r\n" in response
    assert b"Strict-Transport-Security" in response


def test_the_same_slow_clients_freeze_gunicorn_alone(nginx):
    with SlowClients(nginx["app"], tls=False):
        with pytest.raises(TimeoutError):
            normal_request(nginx["app"], tls=False, timeout=2)


def test_plain_http_redirects_to_https_and_unknown_hosts_are_refused(nginx):
    with connect(nginx["http"], tls=False, timeout=5) as sock:
        sock.sendall(f"GET /2022/?x=1 HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
        redirect = sock.recv(65536)
    with connect(nginx["http"], tls=False, timeout=5) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
        refused = sock.recv(65536)

    assert redirect.startswith(b"HTTP/1.1 301")
    assert f"Location: https://{HOST}/2022/?x=1\r\n".encode() in redirect
    assert refused == b""  # 444: the connection is closed without an answer
