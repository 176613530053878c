"""Roles per edition: organisers give and take them on the workspace's people page; the workspace shows each
account the editions and pages its roles open."""

import pytest
from django.urls import reverse

from occupy.editions.models import EditionRole, Role
from occupy.editions.services import RoleRefused, grant_role, revoke_role
from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, title="Occupy Library 2031")


def account(django_user_model, username, email=None):
    return django_user_model.objects.create_user(username, email or f"{username}@example.org", "pw-long-enough-1")


@pytest.fixture
def chief(django_user_model, edition):
    user = account(django_user_model, "chief")
    grant_role(edition=edition, user=user, role=Role.ORGANISER)
    return user


@pytest.fixture
def chief_client(client, chief):
    client.force_login(chief)
    return client


def people_url(edition):
    return reverse("organise:roles", kwargs={"edition": edition.slug})


def take_url(edition):
    return reverse("organise:roles-take", kwargs={"edition": edition.slug})


def held(edition):
    return sorted(EditionRole.objects.filter(edition=edition).values_list("user__username", "role"))


def test_grant_role_twice_keeps_one_row(django_user_model, edition):
    user = account(django_user_model, "rita")
    first, created = grant_role(edition=edition, user=user, role=Role.REVIEWER)
    again, created_again = grant_role(edition=edition, user=user, role=Role.REVIEWER)
    assert (created, created_again, again.pk) == (True, False, first.pk)
    assert held(edition) == [("rita", "reviewer")]


def test_grant_role_refuses_an_unknown_role_and_an_inactive_account(django_user_model, edition):
    user = account(django_user_model, "rita")
    with pytest.raises(RoleRefused):
        grant_role(edition=edition, user=user, role="king")
    user.is_active = False
    user.save()
    with pytest.raises(RoleRefused):
        grant_role(edition=edition, user=user, role=Role.REVIEWER)
    assert held(edition) == []


def test_revoke_role_keeps_the_last_organiser(django_user_model, edition, chief):
    with pytest.raises(RoleRefused):
        revoke_role(edition=edition, user=chief, role=Role.ORGANISER)
    second = account(django_user_model, "second")
    grant_role(edition=edition, user=second, role=Role.ORGANISER)
    assert revoke_role(edition=edition, user=chief, role=Role.ORGANISER) is True
    assert revoke_role(edition=edition, user=chief, role=Role.ORGANISER) is False
    assert held(edition) == [("second", "organiser")]


def test_people_page_lists_roles_and_gives_one_by_e_mail(chief_client, django_user_model, edition):
    account(django_user_model, "desk", "Desk@Example.org")
    response = chief_client.post(people_url(edition), {"email": "desk@example.ORG ", "role": "check_in_desk"})
    assert response.status_code == 303
    assert response["Location"] == people_url(edition)
    assert held(edition) == [("chief", "organiser"), ("desk", "check_in_desk")]
    page = chief_client.get(people_url(edition)).content.decode()
    assert "desk@example.ORG now has the role “Check-in desk” in this edition." in page
    assert "Desk@example.org" in page and "chief@example.org" in page


def test_people_page_giving_a_role_again_changes_nothing_and_says_so(chief_client, edition):
    response = chief_client.post(people_url(edition), {"email": "chief@example.org", "role": "organiser"}, follow=True)
    assert "already had the role “Organiser”" in response.content.decode()
    assert held(edition) == [("chief", "organiser")]


@pytest.mark.parametrize(
    "data, message",
    [
        ({"email": "nobody@example.org", "role": "reviewer"}, "No account has this e-mail address."),
        ({"email": "", "role": "reviewer"}, "This field is required."),
        ({"email": "rita@example.org"}, "This field is required."),
        ({"email": "rita@example.org", "role": "king"}, "Select a valid choice."),
        ({"email": "x" * 250 + "@example.org", "role": "reviewer"}, "at most 254 characters"),
        ({"email": "<b>rita</b>@example.org", "role": "reviewer"}, "Enter a valid email address."),
    ],
)
def test_people_page_bad_input_is_a_400_with_a_message_keeping_what_was_typed(
    chief_client, django_user_model, edition, data, message
):
    account(django_user_model, "rita")
    response = chief_client.post(people_url(edition), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert "<b>rita</b>" not in page
    if data.get("email") and len(data["email"]) < 100:
        assert f'value="{data["email"]}"'.replace("<", "&lt;").replace(">", "&gt;") in page
    assert held(edition) == [("chief", "organiser")]


def test_people_page_two_accounts_with_one_address_are_refused(chief_client, django_user_model, edition):
    account(django_user_model, "twin1", "twin@example.org")
    account(django_user_model, "twin2", "TWIN@example.org")
    response = chief_client.post(people_url(edition), {"email": "twin@example.org", "role": "reviewer"})
    assert response.status_code == 400
    assert "Several accounts have this e-mail address" in response.content.decode()


def test_people_page_takes_a_role_back(chief_client, django_user_model, edition):
    rita = account(django_user_model, "rita")
    grant_role(edition=edition, user=rita, role=Role.REVIEWER)
    response = chief_client.post(take_url(edition), {"account": rita.pk, "role": "reviewer"}, follow=True)
    assert "rita@example.org no longer has the role “Reviewer” in this edition." in response.content.decode()
    assert held(edition) == [("chief", "organiser")]


def test_people_page_refuses_to_take_the_last_organiser(chief_client, chief, edition):
    response = chief_client.post(take_url(edition), {"account": chief.pk, "role": "organiser"})
    assert response.status_code == 409
    assert "An edition keeps at least one organiser" in response.content.decode()
    assert held(edition) == [("chief", "organiser")]


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"account": "abc", "role": "reviewer"},
        {"account": "999999", "role": "reviewer"},
        {"account": "1", "role": "x"},
    ],
)
def test_people_page_taking_a_forged_role_is_a_400(chief_client, edition, data):
    response = chief_client.post(take_url(edition), data)
    assert response.status_code == 400
    assert "This role is not on the list." in response.content.decode()
    assert held(edition) == [("chief", "organiser")]


def test_people_page_cannot_take_a_role_of_another_edition(chief_client, django_user_model, edition):
    other = EditionFactory(year=2032)
    rita = account(django_user_model, "rita")
    grant_role(edition=other, user=rita, role=Role.REVIEWER)
    response = chief_client.post(take_url(edition), {"account": rita.pk, "role": "reviewer"})
    assert response.status_code == 400
    assert held(other) == [("rita", "reviewer")]


@pytest.mark.parametrize("people", [2, 20])
def test_people_page_reads_a_fixed_number_of_queries(
    chief_client, django_user_model, django_assert_num_queries, edition, people
):
    for number in range(people):
        grant_role(edition=edition, user=account(django_user_model, f"r{number}"), role=Role.REVIEWER)
    # Session, user, the user's and their groups' permissions, the user's roles in the edition, the edition, the
    # roles with their accounts, the header's editions.
    with django_assert_num_queries(8):
        response = chief_client.get(people_url(edition))
    assert response.content.decode().count("@example.org</td>") == people + 1


def test_the_workspace_shows_a_role_holder_only_the_editions_and_pages_of_their_roles(
    client, django_user_model, edition
):
    other = EditionFactory(year=2032, title="Occupy Library 2032")
    desk = account(django_user_model, "desk")
    grant_role(edition=edition, user=desk, role=Role.CHECK_IN_DESK)
    client.force_login(desk)
    page = client.get("/organise/").content.decode()
    assert "<h2>Occupy Library 2031</h2>" in page and "<h2>Occupy Library 2032" not in page
    assert 'href="/organise/2031/check-in/"' in page
    assert "/registrations/" not in page and "/badges/" not in page and "/people/" not in page
    assert f"/organise/{other.slug}/" not in page
    assert "You have no organiser role yet" not in page


def test_the_workspace_shows_an_organiser_the_people_page(chief_client, edition):
    page = chief_client.get("/organise/").content.decode()
    assert 'href="/organise/2031/people/"' in page
    assert 'href="/organise/2031/registrations/"' in page


def test_roles_are_in_the_admin_on_their_own_and_on_the_edition(organiser_client, chief, edition):
    assert "chief" in organiser_client.get("/admin/editions/editionrole/").content.decode()
    assert "chief" in organiser_client.get(f"/admin/editions/edition/{edition.pk}/change/").content.decode()


def test_an_organiser_taking_their_own_role_goes_back_to_the_workspace(
    chief_client, chief, django_user_model, edition
):
    grant_role(edition=edition, user=account(django_user_model, "second"), role=Role.ORGANISER)
    response = chief_client.post(take_url(edition), {"account": chief.pk, "role": "organiser"})
    assert response.status_code == 303
    assert response["Location"] == "/organise/"
    assert chief_client.get(people_url(edition)).status_code == 403
    assert held(edition) == [("second", "organiser")]


def test_a_role_holder_without_staff_status_sees_the_header_link_to_the_workspace(client, django_user_model, edition):
    desk = account(django_user_model, "desk")
    grant_role(edition=edition, user=desk, role=Role.CHECK_IN_DESK)
    client.force_login(desk)
    page = client.get("/organise/2031/check-in/").content.decode()
    assert '<a href="/organise/">Workspace</a>' in page
