"""A session's slot as the exports state it."""

import datetime


def session_end(session) -> datetime.datetime:
    """The session's end; a scheduled session without one lasts its format's usual length."""
    if session.ends_at:
        return session.ends_at
    return session.starts_at + datetime.timedelta(minutes=session.format.default_minutes or 30)


def hours_minutes(delta: datetime.timedelta) -> str:
    """A duration as HH:MM (frab's `duration`)."""
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
