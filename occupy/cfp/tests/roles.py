"""Accounts with a role in an edition, and a speaker profile, for the review tests."""

from occupy.cfp.tests.factories import UserFactory
from occupy.editions.models import EditionRole, Role
from occupy.people.models import Person


def give_organisation(user, organisation: str) -> Person:
    return Person.objects.create(
        slug=f"person-{user.username}", name=user.username, organisation=organisation, user=user
    )


def with_role(edition, role=Role.REVIEWER, *, username=None, organisation=""):
    user = UserFactory(**({"username": username} if username else {}))
    EditionRole.objects.create(edition=edition, user=user, role=role)
    if organisation:
        give_organisation(user, organisation)
    return user
