"""Sample registrations, so that the "participants" figure is computed from data: invented names, e-mail
addresses at the reserved domain example.org, all confirmed. Planned from a fixed seed, never from the database."""

import datetime
import random
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from occupy.demo import names
from occupy.registration.models import AttendanceMode, ParticipantRole, Registration, RegistrationStatus

# The press release: "More than 800 participants have signed up". 2022: a sample figure, live ones within the
# venue's 250 places.
CONFIRMED = {
    "2020": {AttendanceMode.ONLINE: 812},
    "2022": {AttendanceMode.LIVE: 186, AttendanceMode.ONLINE: 128},
}
WINDOWS = {
    "2020": ((2020, 8, 1), (2020, 9, 21)),
    "2022": ((2022, 3, 1), (2022, 5, 31)),
}
ROLE_WEIGHTS = {
    ParticipantRole.LIBRARIAN: 10,
    ParticipantRole.LIBRARY_MANAGER: 4,
    ParticipantRole.NGO: 2,
    ParticipantRole.EDUCATOR: 2,
    ParticipantRole.RESEARCHER: 1,
    ParticipantRole.STUDENT: 1,
    ParticipantRole.OTHER: 1,
}
LANGUAGE_WEIGHTS = {"en": 5, "ro": 4, "uk": 2}


def plan_registrations(edition) -> list[Registration]:
    """Unsaved confirmed registrations of a sample edition, the same on every call."""
    rng = random.Random(f"occupy-registrations-{edition.slug}")
    tz = ZoneInfo(edition.time_zone)
    first_day, last_day = (datetime.datetime(*day, 9, 0, tzinfo=tz) for day in WINDOWS[edition.slug])
    window_minutes = int((last_day - first_day).total_seconds() // 60)
    registrations = []
    number = 0
    for attendance, count in CONFIRMED[edition.slug].items():
        for _ in range(count):
            number += 1
            country = names.weighted_country(rng)
            name = names.invent_name(rng, country)
            created_at = first_day + datetime.timedelta(minutes=rng.randrange(window_minutes))
            confirmed_at = created_at + datetime.timedelta(minutes=rng.randrange(2, 180))
            registrations.append(
                Registration(
                    edition=edition,
                    name=name,
                    email=f"{slugify(name).replace('-', '.')}.{number}@example.org",
                    country=country,
                    organisation=rng.choice(["", f"{names.invent_city(rng, country)} Public Library"]),
                    role=rng.choices(list(ROLE_WEIGHTS), weights=list(ROLE_WEIGHTS.values()))[0],
                    attendance=attendance,
                    status=RegistrationStatus.CONFIRMED,
                    language=rng.choices(list(LANGUAGE_WEIGHTS), weights=list(LANGUAGE_WEIGHTS.values()))[0],
                    created_at=created_at,
                    confirmed_at=confirmed_at,
                    privacy_consent_at=created_at,
                    newsletter_consent=rng.random() < 0.4,
                    is_sample=True,
                )
            )
    return registrations
