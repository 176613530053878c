"""Who someone is at an edition, as certificates and badges print it: participant, speaker or organiser (and the
staff at the desk). Speakers are the people with a session in the edition; organisers and staff are the accounts
with that role for it (editions.EditionRole). A registration is matched to them by its e-mail address."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from occupy.editions.models import Edition, EditionRole, Role
from occupy.people.models import Person


class ConferenceRole:
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    ORGANISER = "organiser"
    STAFF = "staff"

    LABELS = {
        PARTICIPANT: _("Participant"),
        SPEAKER: _("Speaker"),
        ORGANISER: _("Organiser"),
        STAFF: _("Staff"),
    }


@dataclass(frozen=True)
class EditionPeople:
    """The speakers and the organising team of one edition, by lower-case e-mail address."""

    speakers: list[Person]
    team: list[tuple[object, str]]  # (user, ConferenceRole.ORGANISER | STAFF), organisers first
    speaker_emails: frozenset[str]
    organiser_emails: frozenset[str]

    def role_of(self, email: str) -> str:
        """The role printed for an address: organiser before speaker before participant."""
        email = (email or "").lower()
        if email and email in self.organiser_emails:
            return ConferenceRole.ORGANISER
        if email and email in self.speaker_emails:
            return ConferenceRole.SPEAKER
        return ConferenceRole.PARTICIPANT


def _email_of(person: Person) -> str:
    return (person.email or (person.user.email if person.user_id else "") or "").lower()


def edition_people(edition: Edition) -> EditionPeople:
    """The edition's speakers (people with a session in it) and its organisers and check-in staff (two queries)."""
    speakers = list(
        Person.objects.filter(session_speakers__session__edition=edition)
        .select_related("user")
        .distinct()
        .order_by("name", "pk")
    )
    roles = (
        EditionRole.objects.filter(edition=edition)
        .filter(Q(role=Role.ORGANISER) | Q(role=Role.CHECK_IN_DESK))
        .select_related("user", "user__person")
        .order_by("pk")
    )
    by_user = {}
    for edition_role in roles:  # one badge per account: an organiser who also staffs the desk is an organiser
        role = ConferenceRole.ORGANISER if edition_role.role == Role.ORGANISER else ConferenceRole.STAFF
        if by_user.get(edition_role.user_id, (None, None))[1] != ConferenceRole.ORGANISER:
            by_user[edition_role.user_id] = (edition_role.user, role)
    team = list(by_user.values())
    team.sort(key=lambda entry: (entry[1] != ConferenceRole.ORGANISER, display_name(entry[0]).lower()))
    return EditionPeople(
        speakers=speakers,
        team=team,
        speaker_emails=frozenset(email for email in map(_email_of, speakers) if email),
        organiser_emails=frozenset(
            user.email.lower() for user, role in team if role == ConferenceRole.ORGANISER and user.email
        ),
    )


def display_name(user) -> str:
    """The name an account goes by: its speaker profile's, else its full name, else its user name."""
    person = getattr(user, "person", None)
    if person is not None:
        return person.name
    return user.get_full_name() or user.get_username()
