"""Drive one URL with wrk for a bounded time and read its summary (requests/s, latency percentiles, errors)."""

import re
import subprocess
from dataclasses import dataclass

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class WrkResult:
    connections: int
    requests: int
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int
    output: str = ""

    @property
    def errors(self) -> int:
        return self.non_2xx + self.socket_errors


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * _UNITS[unit]


def parse(output: str, connections: int) -> WrkResult:
    """Read wrk's `--latency` report. Raises ValueError when the report has no summary (wrk failed)."""
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    total = re.search(r"(\d+) requests in", output)
    if not rps or not total:
        raise ValueError(f"wrk printed no summary:\n{output}")
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return WrkResult(
        connections=connections,
        requests=int(total.group(1)),
        requests_per_second=float(rps.group(1)),
        p50_ms=_ms(percentiles["50"]),
        p99_ms=_ms(percentiles["99"]),
        non_2xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket.groups()) if socket else 0,
        output=output,
    )


def run(
    url: str,
    *,
    connections: int,
    seconds: int,
    threads: int = 2,
    script: str | None = None,
    script_args: tuple[str, ...] = (),
    timeout_seconds: int | None = None,
    headers: tuple[str, ...] = (),
) -> WrkResult:
    """Drive `url`; with `script`, a wrk Lua script makes the requests (its arguments follow `--`). wrk counts a
    response that takes longer than its timeout (2 s unless `timeout_seconds`) as a socket error. `headers`
    ("Name: value") go with every request (a session cookie, for a signed-in page)."""
    command = ["wrk", f"-t{min(threads, connections)}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for header in headers:
        command += ["-H", header]
    if timeout_seconds:
        command.append(f"--timeout={timeout_seconds}s")
    if script:
        command += ["-s", script, url, "--", *script_args]
    else:
        command.append(url)
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60, check=False)
    return parse(done.stdout + done.stderr, connections)
