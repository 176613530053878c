"""Registration models, one module per concept."""

from occupy.registration.models.agenda import AgendaItem, AgendaItemStatus  # noqa: F401
from occupy.registration.models.attendance import AttendanceDay  # noqa: F401
from occupy.registration.models.badges import BadgeBatch, BadgeBatchStatus  # noqa: F401
from occupy.registration.models.certificates import Certificate  # noqa: F401
from occupy.registration.models.emails import EmailKind, EmailLog, EmailStatus  # noqa: F401
from occupy.registration.models.questions import Answer, Question, QuestionKind  # noqa: F401
from occupy.registration.models.registration import (  # noqa: F401
    AttendanceMode,
    ParticipantRole,
    Registration,
    RegistrationStatus,
    new_token,
)
