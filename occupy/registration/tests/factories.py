import factory
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, ParticipantRole, Registration, RegistrationStatus


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed online registration unless told otherwise."""

    class Meta:
        model = Registration

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Participant {n}")
    email = factory.Sequence(lambda n: f"participant{n}@example.org")
    country = "RO"
    role = ParticipantRole.LIBRARIAN
    attendance = AttendanceMode.ONLINE
    status = RegistrationStatus.CONFIRMED
    privacy_consent_at = factory.LazyFunction(timezone.now)
    confirmed_at = factory.LazyFunction(timezone.now)
