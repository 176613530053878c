"""Taking an edition's sessions in as practices, and the organiser's projects loaded by load_demo."""

import pytest
from django.core.management import call_command

from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory, ThemeFactory
from occupy.people.tests.factories import PersonFactory
from occupy.practices import services
from occupy.practices.enums import Status
from occupy.practices.models import Practice
from occupy.practices.tests.factories import make_practice
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(year=2034)
    theme = ThemeFactory(edition=edition, title="Repair and reuse")
    for slug in ("case-study", "ignite-talk", "workshop", "keynote", "panel"):
        fmt = SessionFormatFactory(edition=edition, slug=slug, name=slug)
        session = SessionFactory(edition=edition, format=fmt, theme=theme, slug=slug, title=f"A {slug}")
        person = PersonFactory(organisation="Biblioteca Metropolitană", country="RO")
        SessionSpeakerFactory(session=session, person=person)
    return edition


def test_case_studies_ignite_talks_and_workshops_become_approved_practices(edition):
    assert services.take_in_sessions(edition=edition) == (3, 0)
    practices = Practice.objects.order_by("title")
    assert [p.title for p in practices] == ["A case-study", "A ignite-talk", "A workshop"]
    practice = practices[0]
    assert practice.status == Status.APPROVED and practice.published_at is not None
    assert practice.edition == edition and practice.session.slug == "case-study"
    assert practice.organisation == "Biblioteca Metropolitană" and practice.country == "RO"
    assert [t.display for t in practice.themes] == ["Repair and reuse"]


def test_taking_sessions_in_again_updates_and_keeps_a_moderators_decision(edition):
    services.take_in_sessions(edition=edition)
    practice = Practice.objects.get(session__slug="workshop")
    services.decide(practice=practice, status=Status.REJECTED)
    assert services.take_in_sessions(edition=edition) == (0, 0)
    practice.session.title = "A better workshop"
    practice.session.save()
    assert services.take_in_sessions(edition=edition) == (0, 1)
    practice.refresh_from_db()
    assert practice.title == "A better workshop" and practice.status == Status.REJECTED


def test_a_sample_editions_sessions_become_sample_practices():
    sample = EditionFactory(year=2040, slug="sample", is_sample=True)
    SessionFactory(edition=sample, format=SessionFormatFactory(edition=sample, slug="case-study"))
    services.take_in_sessions(edition=sample)
    assert Practice.objects.get().is_sample


def test_the_management_command_takes_an_editions_sessions_in(edition, capsys):
    call_command("practices_from_edition", edition.slug)
    assert "3 practices created" in capsys.readouterr().out
    assert Practice.objects.count() == 3


def test_approving_a_proposal_publishes_it_once():
    practice = make_practice(status=Status.PROPOSED, published_at=None)
    approved = services.decide(practice=practice, status=Status.APPROVED)
    assert approved.published_at is not None
    first = approved.published_at
    services.decide(practice=approved, status=Status.REJECTED)
    assert services.decide(practice=approved, status=Status.APPROVED).published_at == first
    with pytest.raises(services.IllegalTransition):
        services.decide(practice=approved, status=Status.PROPOSED)


def test_load_demo_makes_the_organisers_four_projects_the_first_true_practices():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # twice changes nothing
    practices = Practice.objects.public().order_by("title")
    assert [p.title for p in practices] == [
        "CODE Kids – Children are coding in public libraries",
        "Learning circles in libraries",
        "Public Libraries as Active Citizens Hubs",
        "Time to KNOW",
    ]
    assert not any(p.is_sample for p in practices)
    assert practices[0].summary.startswith("CODE Kids aims to create an active community of children")
