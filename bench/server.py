"""The benchmarked app server: gunicorn on 127.0.0.1, started and stopped by bench/run.py."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Two workers (one per core), each with two threads and keep-alive: wrk, like browsers, reuses connections,
# and a sync worker closes every connection after one response. Measured on the 400-session schedule, the
# workers spend 1.13 ms of CPU per request this way against 1.39 ms with sync workers; more threads only
# add switching under the GIL. (gunicorn's default keep-alive is 2 s; 5 s outlives a browser's pauses.)
GUNICORN_OPTIONS = [
    "--workers",
    "2",
    "--worker-class",
    "gthread",
    "--threads",
    "2",
    "--keep-alive",
    "5",
    "--backlog",
    "2048",
    "--log-level",
    "warning",
    # The workers' heartbeat file is touched on every request: keep it in memory, not on disk.
    "--worker-tmp-dir",
    "/dev/shm",
    # Each worker listens on a socket of its own (SO_REUSEPORT) and the kernel spreads new connections over
    # them: with one shared socket, the first gthread worker to wake took every keep-alive connection in
    # 6 of 24 wrk runs and the other idled (bench/spread.py measures both).
    "--reuse-port",
]


# The production task worker: one process (the machine's cores are the web workers'), e-mails of the outbox.
CELERY_OPTIONS = ["--concurrency", "1", "--loglevel", "warning", "--without-gossip", "--without-mingle"]


def start_worker(env: dict, log) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "occupy", "worker", *CELERY_OPTIONS]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start(env: dict, port: int, log, options: list[str] | None = None) -> subprocess.Popen:
    command = [sys.executable, "-m", "gunicorn", "occupy.wsgi:application", "--bind", f"127.0.0.1:{port}"]
    options = GUNICORN_OPTIONS if options is None else options
    return subprocess.Popen([*command, *options], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until_serving(url: str, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer {url} within {seconds} s")


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def workers_cpu_seconds(server: subprocess.Popen) -> float:
    """User + system CPU time of the gunicorn workers so far (Linux /proc). It does not depend on what else
    runs on the machine, so it gives a capacity figure that wall-clock requests/s on a busy machine do not."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    ticks = 0
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)
    return ticks / os.sysconf("SC_CLK_TCK")
