"""The organisers' workspace at /organise/: every edition, with links to the organiser pages this account may
open, and the way there from the admin."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.organise.links import PAGES, permission_of

pytestmark = pytest.mark.django_db


def staff(django_user_model, *perms, username="desk"):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw-long-enough-1", is_staff=True
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def test_the_links_ask_for_the_permissions_the_views_require():
    assert {name: permission_of(name) for name, _label in PAGES} == {
        "organise:registrations": "registration.view_participants",
        "organise:check-in": "registration.check_in",
        "organise:badges-page": "registration.print_badges",
        "organise:roles": "editions.manage_edition",
        "organise:edition-settings": "editions.manage_edition",
        "organise:call": "cfp.manage_call",
        "organise:review-list": "cfp.review_submission",
        "organise:review-ranking": "cfp.manage_call",
        "organise:schedule": "programme.edit_schedule",
        "organise:live-streams": "live.manage_streams",
        "organise:live-feedback": "live.read_feedback",
        "organise:dashboard": "outreach.view_dashboard",
        "organise:announcements": "outreach.send_announcement",
        "organise:survey": "outreach.manage_survey",
    }


def test_a_superuser_sees_every_edition_newest_first_with_every_page(organiser_client):
    EditionFactory(year=2021, title="Occupy Library 2021")
    EditionFactory(year=2024, title="Occupy Library 2024", is_published=False)
    EditionFactory(year=2030, title="Sample edition", is_sample=True)
    response = organiser_client.get("/organise/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Sample edition") < page.index("Occupy Library 2024") < page.index("Occupy Library 2021")
    assert "Draft — not public" in page and "Sample data" in page
    for slug in ("2021", "2024", "2030"):
        for name, _label in PAGES:
            assert f'href="{reverse(name, kwargs={"edition": slug})}"' in page
    assert 'href="/admin/"' in page
    assert "You have no organiser role yet" not in page


def test_the_check_in_desk_sees_check_in_only(client, django_user_model):
    edition = EditionFactory()
    client.force_login(staff(django_user_model, "registration.check_in"))
    page = client.get("/organise/").content.decode()
    assert f'href="/organise/{edition.slug}/check-in/"' in page
    assert "/registrations/" not in page and "/badges/" not in page
    assert "You have no organiser role yet" not in page
    assert client.get(f"/organise/{edition.slug}/check-in/").status_code == 200


def test_the_workspace_is_never_cached_and_shows_the_header_link(organiser_client):
    response = organiser_client.get("/organise/")
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert '<a href="/organise/" aria-current="page">Workspace</a>' in response.content.decode()


def test_public_pages_never_show_the_workspace_link(organiser_client):
    EditionFactory()
    page = organiser_client.get("/").content.decode()
    assert 'href="/organise/"' not in page


def test_the_workspace_is_translated(organiser_client):
    page = organiser_client.get("/organise/", HTTP_ACCEPT_LANGUAGE="ro").content.decode()
    assert "Organisers' workspace" not in page


def test_the_admin_index_links_to_the_workspace(organiser_client):
    response = organiser_client.get("/admin/")
    assert response.status_code == 200
    assert 'href="/organise/"' in response.content.decode()


@pytest.mark.parametrize("editions", [1, 3])
def test_the_workspace_reads_a_fixed_number_of_queries(client, django_user_model, django_assert_num_queries, editions):
    user = staff(django_user_model, "registration.print_badges")
    for year in range(editions):
        grant_role(edition=EditionFactory(year=2020 + year), user=user, role=Role.CHECK_IN_DESK)
    client.force_login(user)
    # Session, user, the user's roles in every edition (read once), the editions, the user's and their groups'
    # permissions (read once), the header's editions.
    with django_assert_num_queries(7):
        response = client.get("/organise/")
    assert response.content.decode().count("/check-in/") == editions


@pytest.mark.parametrize("name", [name for name, _label in PAGES])
def test_organiser_pages_link_back_to_the_workspace(organiser_client, name):
    edition = EditionFactory()
    page = organiser_client.get(reverse(name, kwargs={"edition": edition.slug})).content.decode()
    assert '<a href="/organise/">Workspace</a>' in page
