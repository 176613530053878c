"""Sample registrations of the sample edition, so that the organisers' pages (list, figures, check-in) show
something: invented names, e-mail addresses at the reserved domain example.org, confirmed between the opening
of registration and today. Planned from a fixed seed and the edition's dates, never from other rows."""

import datetime
import random

from django.utils.text import slugify

from occupy.demo import names
from occupy.registration.models import AttendanceMode, ParticipantRole, Registration, RegistrationStatus

CONFIRMED = {AttendanceMode.LIVE: 36, AttendanceMode.ONLINE: 24}  # live ones well within the live places
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


def plan_registrations(edition, *, now: datetime.datetime) -> list[Registration]:
    """Unsaved confirmed registrations of the sample edition, made between its registration opening and `now`;
    the same rows for the same edition dates and `now`."""
    rng = random.Random("occupy-registrations-sample")
    first = edition.registration_opens_at
    window_minutes = max(int((now - first).total_seconds() // 60) - 180, 1)
    registrations = []
    number = 0
    for attendance, count in CONFIRMED.items():
        for _ in range(count):
            number += 1
            country = names.weighted_country(rng)
            name = names.invent_name(rng, country)
            created_at = first + datetime.timedelta(minutes=rng.randrange(window_minutes))
            confirmed_at = created_at + datetime.timedelta(minutes=rng.randrange(2, 180))
            registrations.append(
                Registration(
                    edition=edition,
                    name=name,
                    email=f"{slugify(name).replace('-', '.')}.{number}@example.org",
                    country=country,
                    organisation=rng.choice(["", f"Sample Library, {names.invent_city(rng, country)}"]),
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
