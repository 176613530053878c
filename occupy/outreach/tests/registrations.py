"""Making many registrations fast, for the announcement tests."""

from occupy.registration.models import AttendanceMode, Registration, RegistrationStatus


def many_registrations(edition, count: int, *, prefix: str = "p", **fields) -> list[Registration]:
    """`count` confirmed registrations in a few bulk inserts (the model's defaults make tokens and codes)."""
    values = {"status": RegistrationStatus.CONFIRMED, "attendance": AttendanceMode.ONLINE, "country": "RO"}
    values.update(fields)
    return Registration.objects.bulk_create(
        [
            Registration(edition=edition, name=f"Person {n}", email=f"{prefix}{n}@example.org", **values)
            for n in range(count)
        ],
        batch_size=500,
    )
