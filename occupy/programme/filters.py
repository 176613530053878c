"""The schedule's filters (theme, format, attendance) read from a query string.

Values are matched in Python against the edition's own themes and formats, so nothing a visitor types
reaches the database; an unknown value is dropped with a message for the visitor.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from occupy.programme.models import Attendance
from occupy.programme.timezones import quote_for_message

# The ways to follow a session a visitor can filter by: a hybrid session matches both.
ATTENDANCE_FILTERS = {
    Attendance.LIVE.value: _("At the venue"),
    Attendance.ONLINE.value: _("Online"),
}


@dataclass
class ScheduleFilters:
    theme: object = None  # a Theme of the edition, or None for all
    format: object = None  # a SessionFormat of the edition, or None for all
    attendance: str = ""  # "live", "online" or "" for all
    tz: str = ""  # the visitor's known time zone, kept in every link
    errors: list[str] = field(default_factory=list)

    @property
    def is_active(self) -> bool:
        return bool(self.theme or self.format or self.attendance)

    def params(self, **changes) -> dict[str, str]:
        """The query parameters of these filters, with `changes` applied ("" removes one)."""
        values = {
            "theme": self.theme.slug if self.theme else "",
            "format": self.format.slug if self.format else "",
            "attendance": self.attendance,
            "tz": self.tz,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}

    def query(self, **changes) -> str:
        """ "?theme=…&tz=…" (or "" when nothing is set), for links that keep the other filters."""
        params = self.params(**changes)
        return "?" + urlencode(params) if params else ""

    def theme_links(self, themes, path: str) -> list[tuple[object, str]]:
        """(theme, href) for filtering by each theme with plain links, keeping the other filters."""
        return [(theme, path + self.query(theme=theme.slug)) for theme in themes]


def parse_schedule_filters(query, *, themes, formats, tz: str = "") -> ScheduleFilters:
    """Read theme, format and attendance from `query` (a QueryDict) against the edition's `themes` and
    `formats`; `tz` is the already validated visitor's zone, to carry along."""
    filters = ScheduleFilters(tz=tz)
    theme_slug = query.get("theme", "").strip()
    if theme_slug:
        filters.theme = next((theme for theme in themes if theme.slug == theme_slug), None)
        if filters.theme is None:
            filters.errors.append(
                str(_("There is no theme “%(value)s” in this edition: showing all themes."))
                % {"value": quote_for_message(theme_slug)}
            )
    format_slug = query.get("format", "").strip()
    if format_slug:
        filters.format = next((fmt for fmt in formats if fmt.slug == format_slug), None)
        if filters.format is None:
            filters.errors.append(
                str(_("There is no session format “%(value)s” in this edition: showing all formats."))
                % {"value": quote_for_message(format_slug)}
            )
    attendance = query.get("attendance", "").strip()
    if attendance:
        if attendance in ATTENDANCE_FILTERS:
            filters.attendance = attendance
        else:
            filters.errors.append(
                str(_("“%(value)s” is not a way to attend: choose at the venue or online. Showing all sessions."))
                % {"value": quote_for_message(attendance)}
            )
    return filters
