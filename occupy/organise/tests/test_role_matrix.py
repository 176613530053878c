"""The role matrix: every organiser URL, requested by every kind of account, gets exactly what it should.

The URLs come from the URL configuration (every route under `organise/`), and what each actor gets is derived
from one table: the permission the URL's view requires (its `required_permission`, set by `@require_permission`)
and the permissions each role grants (`GRANTS` in `occupy/editions/roles.py`). A new organiser URL is therefore
covered by default, and fails here if its view lacks `@require_permission`.

Actors (ACTORS): a visitor and a participant (a registration, no account) are sent to sign in; two submitters (an
account with a submission, no role) and a staff account without a role get 403; the reviewer, a reviewer the
contribution is not assigned to and the check-in desk of the edition open what their role grants and get 403
elsewhere (404 on a contribution's review form unless it is assigned to them: EXPECTED); the organiser of ANOTHER
edition gets 403; the organiser of the edition and a superuser open everything. "Opens" means 200 or a redirect
that is not to the sign-in page; a view that answers GET with 405 (POST-only) is then POSTed with POST_DATA and must
open too. Actors
who may not open a URL are refused on GET and on POST alike, and never see the participant's name or address.

To extend the matrix (the review and submitter pages do):
- a URL with a new argument: add its value to URL_KWARGS (argument name → function of the World), building what
  it needs in `World.__init__`;
- a POST-only view that needs a valid body to succeed: add it to POST_DATA (URL name → function of the World);
- an object-level rule (an unassigned reviewer on a submission's review page, another submitter's submission):
  add an actor to ACTORS if needed (actor → function of the World giving the account, or None for no account)
  and the exceptions to EXPECTED (a (URL name, actor) pair → the status code that actor must get instead of what
  the table says, e.g. `("organise:review", "unassigned_reviewer"): 404`).
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse

from occupy.cfp.models import ReviewAssignment
from occupy.cfp.tests.factories import SubmissionFactory
from occupy.editions.models import Role
from occupy.editions.roles import GRANTS
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory, RoomFactory
from occupy.outreach.models import Announcement
from occupy.practices.models import Practice
from occupy.practices.services import propose_practice
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AttendanceMode, BadgeBatch, BadgeBatchStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

# Landing pages under organise/ that need a signed-in account only: they show no participant data, and an account
# without any organiser permission gets a message saying so (200), not a 403.
LANDING = {"organise:home"}
SIGN_IN = "sign in"  # expected outcome: a redirect to the sign-in page
OPENS = "opens"  # expected outcome: 200 or a redirect elsewhere (GET, or POST for POST-only views)
DENIED = 403


class World:
    """An edition with a participant, a badge batch, and one account per actor."""

    def __init__(self, django_user_model):
        self.edition = EditionFactory(year=2031, title="Occupy Library 2031")
        self.other_edition = EditionFactory(year=2032, title="Occupy Library 2032")
        self.participant = RegistrationFactory(
            edition=self.edition, name="Ana Popescu", email="ana.secret@example.org", attendance=AttendanceMode.LIVE
        )
        self.online = RegistrationFactory(edition=self.edition, name="Olena Online", attendance=AttendanceMode.ONLINE)
        self.batch = BadgeBatch.objects.create(edition=self.edition, status=BadgeBatchStatus.READY, participants=1)
        self.batch.file.save("badges.pdf", ContentFile(b"%PDF-1.4 badges"))

        def account(username, **extra):
            return django_user_model.objects.create_user(username, f"{username}@example.org", "pw-long-1", **extra)

        self.accounts = {
            "submitter": SubmissionFactory(edition=self.edition, submitter=account("submitter")).submitter,
            "another_submitter": SubmissionFactory(
                edition=self.edition, submitter=account("another_submitter")
            ).submitter,
            "staff": account("staff", is_staff=True),
            "superuser": account("root", is_staff=True, is_superuser=True),
        }
        for actor, edition, role in [
            ("reviewer", self.edition, Role.REVIEWER),
            ("unassigned_reviewer", self.edition, Role.REVIEWER),
            ("check_in_desk", self.edition, Role.CHECK_IN_DESK),
            ("organiser_of_another_edition", self.other_edition, Role.ORGANISER),
            ("organiser", self.edition, Role.ORGANISER),
        ]:
            self.accounts[actor] = account(actor)
            grant_role(edition=edition, user=self.accounts[actor], role=role)
        # A session of the programme, for the schedule editor's forms.
        self.room = RoomFactory(edition=self.edition)
        self.session = SessionFactory(edition=self.edition)
        # The submitter's contribution, assigned to the reviewer only.
        self.submission = self.accounts["submitter"].submissions.get()
        ReviewAssignment.objects.create(submission=self.submission, reviewer=self.accounts["reviewer"])
        # A draft announcement (to the confirmed participants), for the announcement pages.
        self.announcement = Announcement.objects.create(edition=self.edition, subject="Doors open", body="At nine.")
        # A librarian's proposal for the good-practice library.
        self.practice = propose_practice(
            practice=Practice(
                title="A proposed practice", summary="To moderate.", organisation="A library", country="RO"
            )
        )


# Actor → the account it signs in with (None: no account), and the role it holds in the edition, if any.
ACTORS = {
    "visitor": lambda world: None,
    "participant": lambda world: None,
    "submitter": lambda world: world.accounts["submitter"],
    "another_submitter": lambda world: world.accounts["another_submitter"],
    "staff": lambda world: world.accounts["staff"],
    "reviewer": lambda world: world.accounts["reviewer"],
    "unassigned_reviewer": lambda world: world.accounts["unassigned_reviewer"],
    "check_in_desk": lambda world: world.accounts["check_in_desk"],
    "organiser_of_another_edition": lambda world: world.accounts["organiser_of_another_edition"],
    "organiser": lambda world: world.accounts["organiser"],
    "superuser": lambda world: world.accounts["superuser"],
}
ROLE_OF = {
    "reviewer": Role.REVIEWER,
    "unassigned_reviewer": Role.REVIEWER,
    "check_in_desk": Role.CHECK_IN_DESK,
    "organiser": Role.ORGANISER,
}

# URL argument → its value in the World.
URL_KWARGS = {
    "edition": lambda world: world.edition.slug,
    "batch": lambda world: world.batch.pk,
    "code": lambda world: world.submission.code,
    "announcement": lambda world: world.announcement.pk,
    "practice": lambda world: world.practice.pk,
}

# POST-only URL name → a body that succeeds.
POST_DATA = {
    "organise:walk-in": lambda world: {"name": "Walter", "email": "walter@example.org", "consent": "on"},
    "organise:move-to-live": lambda world: {"registration": world.online.pk},
    "organise:roles-take": lambda world: {"account": world.accounts["reviewer"].pk, "role": Role.REVIEWER},
    "organise:schedule-place": lambda world: {
        "session": world.session.pk,
        "room": world.room.pk,
        "day": world.edition.start_date.isoformat(),
        "start": "10:00",
    },
    "organise:schedule-unschedule": lambda world: {"session": world.session.pk},
    "organise:practice-decide": lambda world: {"status": "approved"},
    "organise:practices-from-edition": lambda world: {"edition": world.edition.slug},
}

# (URL name, actor) → the status code that actor gets instead of what the table says (object-level rules).
EXPECTED: dict[tuple[str, str], int] = {
    # A contribution's review form opens to the reviewers it is assigned to only: anyone else with the permission,
    # even an organiser, gets the 404 an unknown reference gets (nothing tells the contribution exists).
    ("organise:review-submission", "unassigned_reviewer"): 404,
    ("organise:review-submission", "organiser"): 404,
    ("organise:review-submission", "superuser"): 404,
}


def _walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _walk(pattern.url_patterns, route, inner)
        elif isinstance(pattern, URLPattern):
            yield route, f"{namespace}{pattern.name}" if pattern.name else route


def organise_routes() -> dict[str, str]:
    """URL name → route, for every URL under organise/."""
    return {name: route for route, name in _walk(get_resolver().url_patterns) if route.startswith("organise/")}


def arguments_of(route: str) -> list[str]:
    return [part.split(">")[0].split(":")[-1] for part in route.split("<")[1:]]


def url_of(name: str, world: World) -> str:
    arguments = arguments_of(organise_routes()[name])
    missing = [argument for argument in arguments if argument not in URL_KWARGS]
    assert not missing, f"{name}: give the URL argument(s) {missing} a value in URL_KWARGS"
    return reverse(name, kwargs={argument: URL_KWARGS[argument](world) for argument in arguments})


def required_permission(name: str, world: World) -> str | None:
    return getattr(resolve(url_of(name, world)).func, "required_permission", None)


def expectation(name: str, actor: str, world: World):
    """What `actor` gets at `name`, from the table: EXPECTED, then sign-in, landing pages, and the grants."""
    if (name, actor) in EXPECTED:
        return EXPECTED[name, actor]
    if ACTORS[actor](world) is None:
        return SIGN_IN
    if name in LANDING:
        return OPENS
    permission = required_permission(name, world)
    assert permission, f"{name}: its view must be decorated with @require_permission(...)"
    if actor == "superuser":
        return OPENS
    role = ROLE_OF.get(actor)
    return OPENS if role is not None and permission in GRANTS[role] else DENIED


def client_for(actor: str, world: World) -> Client:
    client = Client()
    user = ACTORS[actor](world)
    if user is not None:
        client.force_login(user)
    if actor == "participant":  # a participant who has just used their own manage link
        assert client.get(world.participant.get_absolute_url()).status_code == 200
    return client


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(django_user_model):
    return World(django_user_model)


@pytest.mark.parametrize("actor", sorted(ACTORS))
@pytest.mark.parametrize("name", sorted(organise_routes()))
def test_role_matrix(world, name, actor):
    url = url_of(name, world)
    client = client_for(actor, world)
    expected = expectation(name, actor, world)
    response = client.get(url)
    if expected == OPENS:
        if response.status_code == 405:  # POST-only
            response = client.post(url, POST_DATA[name](world) if name in POST_DATA else {})
        assert response.status_code in (200, 302, 303), (name, actor, response.status_code)
        assert not response.get("Location", "").startswith("/account/login/"), (name, actor)
        return
    responses = [response, client.post(url, POST_DATA[name](world) if name in POST_DATA else {})]
    for response in responses:
        if expected == SIGN_IN:
            assert response.status_code == 302, (name, actor, response.status_code)
            assert response["Location"] == f"/account/login/?next={url}", (name, actor)
        else:
            assert response.status_code == expected, (name, actor, response.status_code)
        body = response.content.decode()
        assert "Ana Popescu" not in body and "ana.secret" not in body, (name, actor)


# URL name → a site-wide permission no role grants: starting an edition comes before any role in it exists, and
# the good-practice library spans every edition.
SITE_WIDE = {
    "organise:edition-new": "editions.add_edition",
    "organise:practices": "practices.moderate_practice",
    "organise:practices-from-edition": "practices.moderate_practice",
    "organise:practice-edit": "practices.moderate_practice",
    "organise:practice-decide": "practices.moderate_practice",
}


def test_every_organiser_url_requires_a_permission_a_role_grants(world):
    every_permission = set().union(*GRANTS.values())
    for name in organise_routes().keys() - LANDING - SITE_WIDE.keys():
        assert required_permission(name, world) in every_permission, name
    assert {name: required_permission(name, world) for name in SITE_WIDE} == SITE_WIDE


def test_the_matrix_covers_every_actor_of_the_issue():
    assert set(ACTORS) >= {
        "visitor",
        "participant",
        "submitter",
        "another_submitter",
        "reviewer",
        "unassigned_reviewer",
        "check_in_desk",
        "organiser_of_another_edition",
        "organiser",
        "superuser",
        "staff",
    }


def test_a_denied_post_changes_nothing(world):
    staff = client_for("staff", world)
    assert staff.post(url_of("organise:badges-page", world)).status_code == 403
    assert staff.post(url_of("organise:roles-take", world), POST_DATA["organise:roles-take"](world)).status_code == 403
    assert staff.post(url_of("organise:walk-in", world), POST_DATA["organise:walk-in"](world)).status_code == 403
    assert BadgeBatch.objects.count() == 1
    assert world.accounts["reviewer"].edition_roles.count() == 1
    assert not world.edition.registrations.filter(email="walter@example.org").exists()


def staff_holding(django_user_model, *perms):
    user = django_user_model.objects.create_user("holder", "holder@example.org", "pw-long-1", is_staff=True)
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


@pytest.mark.parametrize("perm", sorted(GRANTS[Role.ORGANISER]))
def test_a_site_wide_permission_opens_its_pages_in_every_edition_and_nothing_else(
    client, django_user_model, world, perm
):
    client.force_login(staff_holding(django_user_model, perm))
    for name in sorted(organise_routes().keys() - LANDING):
        response = client.get(url_of(name, world))
        if required_permission(name, world) == perm:
            # Opens, or answers as to anyone the contribution is not assigned to (EXPECTED's object-level rule).
            assigned_only = (name, "unassigned_reviewer") in EXPECTED
            assert response.status_code in ((404,) if assigned_only else (200, 302, 405)), name
        else:
            assert response.status_code == 403, name


@pytest.mark.parametrize("name", sorted(LANDING))
def test_landing_pages_give_staff_without_a_role_a_message_and_no_participant_data(client, world, name):
    client.force_login(world.accounts["staff"])
    response = client.get(reverse(name))
    page = response.content.decode()
    assert response.status_code == 200
    assert "You have no organiser role yet" in page
    assert "Ana Popescu" not in page
    assert "/organise/2031/" not in page


def test_the_403_page_is_translated(client, world):
    client.force_login(world.accounts["staff"])
    response = client.get(url_of("organise:registrations", world), HTTP_ACCEPT_LANGUAGE="ro")
    assert response.status_code == 403
    assert "You may not open this page" not in response.content.decode()
