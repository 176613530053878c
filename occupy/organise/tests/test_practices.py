"""Moderating the good-practice library in the workspace: approve, reject, edit, take an edition's sessions in."""

import pytest
from django.contrib.auth.models import Permission

from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory
from occupy.practices.enums import Status
from occupy.practices.models import Practice
from occupy.practices.tests.factories import make_practice
from occupy.programme.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client, django_user_model):
    user = django_user_model.objects.create_user("mod", "mod@example.org", "pw-long-1")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="practices", codename="moderate_practice")
    )
    client.force_login(user)
    return client


@pytest.fixture
def proposal():
    return make_practice(title="Library <b>bikes</b>", status=Status.PROPOSED, published_at=None, sdgs=[4])


def test_the_moderator_sees_proposals_escaped_and_approves_one(moderator, client, proposal):
    html = moderator.get("/organise/practices/").content.decode()
    assert "Library &lt;b&gt;bikes&lt;/b&gt;" in html
    response = moderator.post(f"/organise/practices/{proposal.pk}/decide/", {"status": "approved"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.APPROVED and proposal.published_at is not None
    assert client.get(proposal.get_absolute_url()).status_code == 200
    assert "bikes" in client.get("/practices/?q=bikes").content.decode()


def test_a_rejected_practice_stays_private(moderator, client, proposal):
    moderator.post(f"/organise/practices/{proposal.pk}/decide/", {"status": "rejected"})
    proposal.refresh_from_db()
    assert proposal.status == Status.REJECTED
    assert client.get(proposal.get_absolute_url()).status_code == 404


def test_an_unknown_decision_changes_nothing(moderator, proposal):
    response = moderator.post(f"/organise/practices/{proposal.pk}/decide/", {"status": "proposed"}, follow=True)
    assert "Choose to approve or to reject" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED


def test_the_moderator_edits_a_practice_and_its_search_follows(moderator, client, proposal):
    data = {
        "title": "Library bikes",
        "summary": "Books by bicycle to the villages.",
        "organisation": "Biblioteca Județeană",
        "country": "MD",
        "library_type": "mobile",
        "sdgs": ["4", "10"],
        "themes": "outreach",
    }
    assert moderator.post(f"/organise/practices/{proposal.pk}/", data).status_code == 302
    moderator.post(f"/organise/practices/{proposal.pk}/decide/", {"status": "approved"})
    assert "Library bikes" in client.get("/practices/?q=villages&country=MD&sdg=10").content.decode()
    bad = moderator.post(f"/organise/practices/{proposal.pk}/", {**data, "country": "XX"})
    assert bad.status_code == 400
    assert "Books by bicycle" in bad.content.decode()


def test_the_moderator_takes_an_editions_sessions_in(moderator):
    edition = EditionFactory(year=2036)
    SessionFactory(edition=edition, format=SessionFormatFactory(edition=edition, slug="case-study"), title="A case")
    response = moderator.post("/organise/practices/from-edition/", {"edition": edition.slug}, follow=True)
    assert "1 practices created" in response.content.decode()
    assert Practice.objects.get().title == "A case"
    assert (
        "Choose an edition"
        in moderator.post("/organise/practices/from-edition/", {"edition": "nope"}, follow=True).content.decode()
    )


def test_an_editions_organiser_without_the_site_wide_permission_is_refused(client, django_user_model, proposal):
    from occupy.editions.models import Role
    from occupy.editions.services import grant_role

    user = django_user_model.objects.create_user("org", "org@example.org", "pw-long-1")
    grant_role(edition=EditionFactory(year=2037), user=user, role=Role.ORGANISER)
    client.force_login(user)
    assert client.get("/organise/practices/").status_code == 403
    assert client.post(f"/organise/practices/{proposal.pk}/decide/", {"status": "approved"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED
