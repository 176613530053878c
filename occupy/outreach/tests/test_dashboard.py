"""The dashboard: every figure from a fixed number of queries whatever the size of the edition, each chart with
its table."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from occupy.cfp.models import Review, ReviewAssignment, SubmissionState
from occupy.cfp.tests.factories import SubmissionFactory, UserFactory
from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.live.models import Feedback
from occupy.outreach.tests.registrations import many_registrations
from occupy.programme.models import Session
from occupy.programme.tests.factories import build_programme
from occupy.registration.models import AttendanceDay, AttendanceMode, Registration, RegistrationStatus

pytestmark = pytest.mark.django_db

BUCHAREST = datetime.timezone(datetime.timedelta(hours=3))


@pytest.fixture
def edition():
    return EditionFactory(year=2031)


@pytest.fixture
def organiser_of(django_user_model, edition):
    user = django_user_model.objects.create_user("org", "org@example.org", "pw-long-1")
    grant_role(edition=edition, user=user, role=Role.ORGANISER)
    client = Client()
    client.force_login(user)
    return client


def fill(edition, scale: int):
    """An edition with `scale` times as many registrations, sessions, contributions and reviews."""
    many_registrations(edition, 3 * scale, prefix=f"online{scale}-")
    many_registrations(edition, 2 * scale, prefix=f"live{scale}-", attendance=AttendanceMode.LIVE, country="UA")
    many_registrations(edition, scale, prefix=f"wait{scale}-", status=RegistrationStatus.WAITLISTED, country="")
    build_programme(edition, sessions=4 * scale, speakers_per_session=1)
    for registration in Registration.objects.filter(edition=edition, attendance=AttendanceMode.LIVE)[:scale]:
        moment = datetime.datetime(2031, 6, 2, 9, 0, tzinfo=BUCHAREST)
        AttendanceDay.objects.create(
            registration=registration,
            day=moment.date(),
            mode=AttendanceMode.LIVE,
            first_seen_at=moment,
            last_seen_at=moment,
        )
    first_session = Session.objects.filter(edition=edition).order_by("starts_at", "pk").first()
    confirmed = Registration.objects.filter(edition=edition, status=RegistrationStatus.CONFIRMED)[: 2 * scale]
    Feedback.objects.bulk_create(
        Feedback(session=first_session, registration=registration, rating=4 + n % 2)
        for n, registration in enumerate(confirmed)
    )
    reviewer = UserFactory()
    for n in range(scale):
        submission = SubmissionFactory(
            edition=edition, state=SubmissionState.ACCEPTED if n % 2 else SubmissionState.SUBMITTED
        )
        ReviewAssignment.objects.create(submission=submission, reviewer=reviewer)
        if n % 2:
            Review.objects.create(submission=submission, reviewer=reviewer)


def dashboard(client, edition) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("organise:dashboard", kwargs={"edition": edition.slug}))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_dashboard_takes_a_fixed_number_of_queries_at_two_sizes(client, django_user_model):
    small_edition, big_edition = EditionFactory(year=2031), EditionFactory(year=2032)
    user = django_user_model.objects.create_user("org", "org@example.org", "pw-long-1")
    for edition in (small_edition, big_edition):
        grant_role(edition=edition, user=user, role=Role.ORGANISER)
    client.force_login(user)
    fill(small_edition, 2)
    fill(big_edition, 20)
    small, _page = dashboard(client, small_edition)
    big, _page = dashboard(client, big_edition)
    assert small == big <= 16


def test_the_dashboard_shows_each_figure_with_its_table(organiser_of, edition):
    fill(edition, 2)
    _queries, page = dashboard(organiser_of, edition)
    # Registrations by country (confirmed only), attendance and status, with captions.
    assert "<caption>Confirmed registrations by country</caption>" in page
    assert '<th scope="row">Romania</th><td>6</td>' in page
    assert '<th scope="row">Ukraine</th><td>4</td>' in page
    assert '<th scope="row">Live, at the venue</th><td>4</td>' in page
    assert '<th scope="row">On the waiting list</th><td>2</td>' in page
    # Registrations over time: a day, its count and the running total.
    assert "<caption>Registrations per day, and the running total</caption>" in page
    assert "<td>12</td><td>12</td>" in page
    # Check-ins per day, sessions by theme and format, contributions by state, reviews.
    assert '<th scope="row">2031-06-02</th><td>2</td><td>0</td>' in page
    assert '<th scope="row">Case study</th><td>7</td>' in page
    assert '<th scope="row">Theme 0</th><td>3</td>' in page
    assert '<th scope="row">Submitted</th><td>1</td>' in page
    assert "1 of 2 reviews done" in page
    assert page.count('role="img"') == 7
    # Session feedback: four ratings of the first session, two 4s and two 5s.
    assert "<caption>Participants’ ratings of each session (1 to 5)</caption>" in page
    assert "</a></th><td>4</td><td>4.50</td></tr>" in page


def test_the_workspace_links_the_dashboard(organiser_of, edition):
    page = organiser_of.get(reverse("organise:home")).content.decode()
    assert reverse("organise:dashboard", kwargs={"edition": edition.slug}) in page
    assert reverse("organise:announcements", kwargs={"edition": edition.slug}) in page
    assert reverse("organise:survey", kwargs={"edition": edition.slug}) in page
