"""Registration models, one module per concept."""

from occupy.registration.models.registration import (  # noqa: F401
    AttendanceMode,
    ParticipantRole,
    Registration,
    RegistrationStatus,
    new_token,
)
