"""An edition happening now, for the live app's tests and its browser journey."""

import datetime

from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.tests.factories import RegistrationFactory


class Event:
    """An edition happening now: one session running (started 10 minutes ago), the next one in an hour, both in
    one room. The times are relative to the clock, not of the day: the rules are tested at fixed times elsewhere."""

    def __init__(self):
        now = timezone.now()
        today = timezone.localdate(now, datetime.UTC)
        self.edition = EditionFactory(
            year=2040,
            start_date=today - datetime.timedelta(days=1),
            end_date=today + datetime.timedelta(days=1),
            online_stream_url="https://edition-stream.example.org/all",
        )
        self.room = RoomFactory(edition=self.edition, name="Main hall", slug="main-hall")
        self.session = SessionFactory(
            edition=self.edition,
            room=self.room,
            slug="debate-now",
            title="Debate happening now",
            starts_at=now - datetime.timedelta(minutes=10),
            ends_at=now + datetime.timedelta(minutes=50),
        )
        self.next_session = SessionFactory(
            edition=self.edition,
            room=self.room,
            slug="talk-next",
            title="Talk coming next",
            starts_at=now + datetime.timedelta(minutes=60),
            ends_at=now + datetime.timedelta(minutes=90),
        )
        self.participant = RegistrationFactory(edition=self.edition, name="Ana Confirmed")
        self.other = RegistrationFactory(edition=self.edition, name="Bogdan Confirmed")
