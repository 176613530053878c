"""Reviewers and the check-in desk are rarely staff: the organiser pages send them to the site's own sign-in page,
which brings them back where they were going."""

import pytest

from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def test_an_account_with_a_role_but_no_staff_status_signs_in_and_reaches_its_page(client, django_user_model):
    edition = EditionFactory()
    desk = django_user_model.objects.create_user("desk@example.org", "desk@example.org", "pw-long-enough-1")
    grant_role(edition=edition, user=desk, role=Role.CHECK_IN_DESK)
    page = f"/organise/{edition.slug}/check-in/"

    refused = client.get(page)
    signed_in = client.post(refused["Location"], {"username": "desk@example.org", "password": "pw-long-enough-1"})

    assert refused.status_code == 302 and refused["Location"] == f"/account/login/?next={page}"
    assert signed_in.status_code == 302 and signed_in["Location"] == page
    assert client.get(page).status_code == 200


def test_an_account_made_in_the_admin_signs_in_with_its_plain_user_name(client, django_user_model):
    edition = EditionFactory()
    desk = django_user_model.objects.create_user("Desk1", "desk1@example.org", "pw-long-enough-1")
    grant_role(edition=edition, user=desk, role=Role.CHECK_IN_DESK)
    page = f"/organise/{edition.slug}/check-in/"

    wrong_case = client.post(f"/account/login/?next={page}", {"username": "desk1", "password": "pw-long-enough-1"})
    signed_in = client.post(f"/account/login/?next={page}", {"username": "Desk1", "password": "pw-long-enough-1"})

    assert wrong_case.status_code == 400
    assert signed_in.status_code == 302 and signed_in["Location"] == page
