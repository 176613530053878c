"""Registration models, one module per concept."""

from occupy.registration.models.emails import EmailKind, EmailLog, EmailStatus  # noqa: F401
from occupy.registration.models.questions import Answer, Question, QuestionKind  # noqa: F401
from occupy.registration.models.registration import (  # noqa: F401
    AttendanceMode,
    ParticipantRole,
    Registration,
    RegistrationStatus,
    new_token,
)
