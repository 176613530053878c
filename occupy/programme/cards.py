"""A session's card on the schedule page, written in Python rather than by a template include.

The schedule of 400 sessions spent three quarters of its render in the Django template engine resolving the
card's forty variables for each session (bench/cpu.py: ~250 ms of CPU per render); the same markup joined from
strings costs a few milliseconds. The markup is byte for byte what the former `programme/_slot_session.html`
wrote (schedule.css, js/schedule.js and the screenshots depend on it); labels are translated once per page.
"""

from dataclasses import dataclass
from html import escape  # what django.utils.html.escape does, without its lazy-string wrapper (a third of the cost)

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from occupy.programme.models import Attendance


@dataclass(frozen=True)
class CardLabels:
    """What every card on a page shares: the page's translated labels, escaped once, and its links' parts."""

    edition_slug: str
    tz_query: str
    offers_agenda: bool
    agenda_open: bool
    format: str
    theme: str
    attendance: str
    speakers: str
    moderator: str
    agenda: str
    tba: str
    attendance_names: dict

    @classmethod
    def for_page(cls, edition, *, tz_query: str, offers_agenda: bool, agenda_open: bool) -> "CardLabels":
        return cls(
            edition_slug=escape(edition.slug),
            tz_query=escape(tz_query),
            offers_agenda=offers_agenda,
            agenda_open=agenda_open,
            format=escape(gettext("Format")),
            theme=escape(gettext("Theme")),
            attendance=escape(gettext("Attendance")),
            speakers=escape(gettext("Speakers")),
            moderator=escape(gettext("moderator")),
            agenda=escape(gettext("Add to my agenda")),
            tba=escape(gettext("Room to be announced")),
            attendance_names={value: escape(str(label)) for value, label in Attendance.choices},
        )


def slot_html(slot, labels: CardLabels, zone) -> SafeString:
    """A time slot of the schedule, its sessions' cards in it: one loop iteration of schedule.html's day."""
    starts = slot.starts_at.astimezone(zone)
    cards = "".join(session_card(session, labels, zone) for session in slot.sessions)
    return mark_safe(  # noqa: S308 (the cards are escaped; the rest are numbers and times)
        f'\n      <li class="timeslot">\n        <h3 class="slot-time r-{slot.row}">'
        f'<time datetime="{starts.isoformat()}">'
        f'{starts:%H:%M}</time></h3>\n        <ul class="slot-sessions">\n          {cards}\n        </ul>\n'
        "      </li>\n      "
    )


def session_card(session, labels: CardLabels, zone) -> SafeString:
    """The card of `session` (a queries.ScheduleEntry placed by timetable.build_timetable: column, row, span,
    theme_class), its times in `zone`."""
    slug = escape(session.slug)
    title = escape(session.title)
    starts = session.starts_at.astimezone(zone)
    classes = f"slot-session col-{session.column.index} r-{session.row} s-{session.span}"
    if session.theme_class:
        classes += " " + session.theme_class
    if session.span < 5:
        classes += " is-short"
    parts = [
        f'\n<li class="{classes}" data-session="{slug}">\n'
        f'  <h4 class="slot-session__title"><a href="/{labels.edition_slug}/sessions/{slug}/{labels.tz_query}">'
        f"{title}</a></h4>\n"
        f'  <p class="slot-session__when"><time data-starts datetime="{starts.isoformat()}">'
        f"{starts:%H:%M}</time>"
    ]
    if session.ends_at:
        ends = session.ends_at.astimezone(zone)
        parts.append(f'–<time data-ends datetime="{ends.isoformat()}">{ends:%H:%M}</time>')
    room = escape(session.room.name) if session.room else labels.tba
    parts.append(
        f'\n    · <span class="slot-session__room">{room}</span></p>\n'
        f'  <ul class="slot-session__facts">\n'
        f'    <li><span class="visually-hidden">{labels.format}: </span>{escape(session.format.name)}</li>\n    '
    )
    if session.theme:
        parts.append(
            f'<li class="slot-session__theme"><span class="theme-swatch" aria-hidden="true"></span>'
            f'<span class="visually-hidden">{labels.theme}: </span>{escape(session.theme.title)}</li>'
        )
    attendance = escape(session.attendance)
    parts.append(
        f'\n    <li class="attendance attendance--{attendance}"><span class="visually-hidden">{labels.attendance}: '
        f"</span>{labels.attendance_names.get(session.attendance, attendance)}</li>\n  </ul>\n  "
    )
    if session.speakers:
        names = ", ".join(
            escape(name) + (f" ({labels.moderator})" if role == "moderator" else "") for name, role in session.speakers
        )
        parts.append(
            f'\n  <p class="slot-session__speakers"><span class="visually-hidden">{labels.speakers}: </span>'
            f"{names}</p>\n  "
        )
    parts.append("\n  ")
    if session.capacity is not None:
        parts.append('<p class="slot-session__seats" data-seats hidden></p>')
    parts.append("\n  ")
    if labels.offers_agenda:
        hidden = "" if labels.agenda_open else " hidden"
        parts.append(
            f'<p class="slot-session__agenda" data-agenda{hidden}><a href="/{labels.edition_slug}/agenda/add/{slug}/">'
            f'{labels.agenda}<span class="visually-hidden">: {title}</span></a></p>'
        )
    parts.append("\n</li>\n")
    return mark_safe("".join(parts))  # noqa: S308 (every value above is escaped)
