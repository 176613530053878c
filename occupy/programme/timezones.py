"""Time zones for showing the programme: the edition's own zone by default, the visitor's on request (?tz=).

A zone name from a query string is only ever looked up in the set of known zones; it is never handed to
ZoneInfo (which would read files named by it) before that check.
"""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

# The regions whose "Area/City" zones the select offers; other known zones (aliases such as "US/Eastern"
# or "Etc/GMT+5") are still accepted from ?tz= and then added to the select.
SELECT_REGIONS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
MAX_ZONE_NAME = 64


@functools.cache
def known_zones() -> frozenset[str]:
    # available_timezones() scans the file system: once per process is enough.
    return frozenset(zoneinfo.available_timezones())


@functools.cache
def zone_choices() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The zones the select offers, grouped by region: (("Africa", ("Africa/Abidjan", …)), …)."""
    groups = {region: [] for region in SELECT_REGIONS}
    for name in known_zones():
        region = name.split("/", 1)[0]
        if region in groups and "/" in name:
            groups[region].append(name)
    return tuple((region, tuple(sorted(names))) for region, names in groups.items() if names)


@functools.lru_cache(maxsize=64)
def zone_options_html(requested: str) -> str:
    """The select's <optgroup>s of zone_choices(), `requested` selected: ~430 options, joined once per process
    and requested zone rather than by the template engine on every render (a fifth of the schedule's)."""
    return mark_safe(  # noqa: S308 (zone names come from the zone database and are escaped all the same)
        "".join(
            f'<optgroup label="{escape(region)}">'
            + "".join(f"<option{' selected' if name == requested else ''}>{escape(name)}</option>" for name in names)
            + "</optgroup>"
            for region, names in zone_choices()
        )
    )


def edition_zone(edition) -> zoneinfo.ZoneInfo:
    """The edition's zone; UTC if the stored name is not a known zone (it is validated on save, not on bulk load)."""
    if edition.time_zone in known_zones():
        return zoneinfo.ZoneInfo(edition.time_zone)
    return zoneinfo.ZoneInfo("UTC")


@dataclass(frozen=True)
class DisplayZone:
    """The zone a page shows times in, and why."""

    zone: zoneinfo.ZoneInfo
    requested: str  # the ?tz= value as given ("" when none): kept in links to the next page
    error: str  # a message for the visitor when ?tz= named no known zone

    @property
    def name(self) -> str:
        return self.zone.key

    @property
    def is_visitors(self) -> bool:
        return bool(self.requested) and not self.error


def resolve_display_zone(edition, requested: str) -> DisplayZone:
    """The zone to show `edition`'s times in: the visitor's `requested` zone when it is known, else the edition's."""
    requested = requested.strip()
    if not requested:
        return DisplayZone(edition_zone(edition), "", "")
    if len(requested) <= MAX_ZONE_NAME and requested in known_zones():
        return DisplayZone(zoneinfo.ZoneInfo(requested), requested, "")
    message = _("We do not know the time zone “%(zone)s”, so times are shown in the edition's time zone.") % {
        "zone": quote_for_message(requested)
    }
    return DisplayZone(edition_zone(edition), "", str(message))


def zone_label(zone: zoneinfo.ZoneInfo, at: datetime.datetime) -> str:
    """ "Europe/Bucharest (EEST, UTC+03:00)": the zone's name, its abbreviation and offset at the moment `at`."""
    local = at.astimezone(zone)
    offset = local.utcoffset() or datetime.timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    utc = f"UTC{sign}{hours:02d}:{mins:02d}"
    abbreviation = local.tzname() or ""
    # Zones without a letter abbreviation report "+04": saying it twice helps nobody.
    if not abbreviation or abbreviation[0] in "+-" or abbreviation == "UTC":
        return f"{zone.key} ({utc})"
    return f"{zone.key} ({abbreviation}, {utc})"


def quote_for_message(text: str, limit: int = 60) -> str:
    """Untrusted input made fit to quote back in a message: short, printable (the template escapes it)."""
    printable = "".join(ch if ch.isprintable() else "\N{REPLACEMENT CHARACTER}" for ch in text[: limit + 1])
    return printable if len(printable) <= limit else printable[: limit - 1] + "…"
