"""Whether the load reaches every gunicorn worker whatever the clients' keep-alive pattern (issue 10).

With one listening socket shared by the workers, whichever gthread worker wakes first accepts the next
connection, and a keep-alive client then stays on that worker: in 6 of 24 wrk runs at 16 connections every
connection landed on one worker while the other idled. With `--reuse-port` (bench/server.py, README) each
worker listens on a socket of its own and the kernel spreads new connections over them by their addresses.

This starts a gunicorn of its own twice, with one shared socket and then with the options of bench/server.py,
each time runs wrk at 16 connections RUNS times on the cached schedule (new connections each run), and counts
the responses of each worker from gunicorn's access log (one line per request, the worker's pid).

Stand-alone, against a database loaded as bench/cpu.py says:
DATABASE_URL=postgres://… SECRET_KEY=… ALLOWED_HOSTS=127.0.0.1 python bench/spread.py
"""

import collections
import os
import sys
import tempfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import server, wrk  # noqa: E402

RUNS = int(os.environ.get("BENCH_SPREAD_RUNS", "8"))
SECONDS = int(os.environ.get("BENCH_SPREAD_SECONDS", "3"))
PATH = "/sample/schedule/"
# A run is "spread" when the least busy of the two workers answered at least this share of its requests.
FAIR_SHARE = 0.25


def _options(reuse_port: bool) -> list[str]:
    options = [option for option in server.GUNICORN_OPTIONS if option != "--reuse-port"]
    return [*options, "--reuse-port"] if reuse_port else options


def measure(env: dict, *, reuse_port: bool) -> list[tuple[float, list[int]]]:
    """[(requests/s, [responses per worker, busiest first])] for each run."""
    port = server.free_port()
    base = f"http://127.0.0.1:{port}"
    access = tempfile.NamedTemporaryFile("w+", prefix="occupy-bench-spread-", suffix=".log", delete=False)
    log = tempfile.NamedTemporaryFile("w+", prefix="occupy-bench-spread-gunicorn-", suffix=".log", delete=False)
    options = [*_options(reuse_port), "--access-logfile", access.name, "--access-logformat", "%(p)s"]
    workers = int(options[options.index("--workers") + 1])
    gunicorn = server.start(env, port, log, options)
    runs = []
    try:
        server.wait_until_serving(base + "/", gunicorn)
        for _ in range(4):  # the page into each worker's copy of the cache
            urllib.request.urlopen(base + PATH, timeout=10).read()
        wrk.run(base + PATH, connections=16, seconds=2)
        for _ in range(RUNS):
            seen = Path(access.name).read_text().count("\n")
            result = wrk.run(base + PATH, connections=16, seconds=SECONDS)
            lines = Path(access.name).read_text().splitlines()[seen:]
            counts = sorted(collections.Counter(lines).values(), reverse=True)
            counts += [0] * (workers - len(counts))
            runs.append((result.requests_per_second, counts))
    finally:
        server.stop(gunicorn)
        access.close()
        log.close()
        os.unlink(access.name)
    return runs


def report(name: str, runs: list[tuple[float, list[int]]]) -> str:
    fair = 0
    for index, (rate, counts) in enumerate(runs, 1):
        share = counts[-1] / max(sum(counts), 1)
        fair += share >= FAIR_SHARE
        print(f"  {name} run {index}: {rate:7.0f} req/s, responses per worker {counts}, least busy {share:.0%}")
    rates = sorted(rate for rate, _ in runs)
    return (
        f"{name}: {fair} of {len(runs)} runs spread over both workers (least busy ≥ {FAIR_SHARE:.0%}); "
        f"req/s min {rates[0]:.0f}, median {rates[len(rates) // 2]:.0f}"
    )


def main() -> int:
    env = dict(os.environ)
    lines = []
    for name, reuse_port in (("one shared socket", False), ("--reuse-port", True)):
        print(f"== {name}: wrk c16 × {RUNS} runs of {SECONDS} s on {PATH}", flush=True)
        lines.append(report(name, measure(env, reuse_port=reuse_port)))
    print()
    for line in lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
