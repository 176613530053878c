"""The client's address, for the per-IP rate limits, with zero, one or more trusted proxies in front.

Behind a proxy REMOTE_ADDR is the proxy, so every visitor would share one counter. Where the client's address
is read from is set by RATELIMIT_IP_HEADER:

- `REMOTE_ADDR` (the default): no proxy; the socket's peer.
- `HTTP_X_REAL_IP`: one proxy that overwrites the header with the address it was reached from (nginx:
  `proxy_set_header X-Real-IP $remote_addr;`, as deploy/nginx/occupy.conf does). A client's own X-Real-IP
  never reaches the application.
- `HTTP_X_FORWARDED_FOR`: a chain to which each proxy appends the address it was reached from. A client may
  send the header with anything in it, so only the entries appended by our own proxies are believed: the
  RATELIMIT_TRUSTED_PROXIES-th from the right is the client as the outermost trusted proxy saw it; what is to
  its left was written by the client and is ignored.

IPv6 clients are counted per /64, the block one subscriber usually holds (they could otherwise change address
for every attempt). A missing or unreadable header falls back to REMOTE_ADDR: the proxy's one shared counter,
which is stricter, never looser.
"""

import ipaddress
import logging

from django.conf import settings

logger = logging.getLogger(__name__)
FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"


def _parse(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    value = value.strip()
    if value.startswith("["):  # "[2001:db8::1]:443"
        value = value[1 : value.find("]")]
    elif value.count(":") == 1:  # "203.0.113.5:443"
        value = value.split(":")[0]
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


def _counted_as(address) -> str:
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _from_header(meta) -> str:
    header = settings.RATELIMIT_IP_HEADER
    value = meta.get(header, "")
    if header == FORWARDED_FOR:
        entries = [entry for entry in value.split(",") if entry.strip()]
        trusted = max(1, settings.RATELIMIT_TRUSTED_PROXIES)
        # Fewer entries than trusted proxies: the request did not come through all of them.
        return entries[-trusted] if len(entries) >= trusted else ""
    return value.rsplit(",", 1)[-1]  # a single value; if a proxy appended, its entry is the last


def client_ip(request) -> str:
    """The key the per-IP limits count this request under (an address, or an IPv6 /64)."""
    remote = request.META.get("REMOTE_ADDR", "")
    value = remote if settings.RATELIMIT_IP_HEADER == "REMOTE_ADDR" else _from_header(request.META)
    address = _parse(value) if value else None
    if address is None:
        if settings.RATELIMIT_IP_HEADER != "REMOTE_ADDR":
            logger.warning(
                "No client address in %s: counting the request under the proxy's", settings.RATELIMIT_IP_HEADER
            )
        address = _parse(remote)
    return _counted_as(address) if address is not None else remote
