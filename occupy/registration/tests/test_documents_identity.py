"""Certificates and badges name the organiser (with its logo), a signature line, and each person's role:
participant, speaker (a session in the edition) or organiser (the organiser role for it); badges also for speakers
and staff who hold no live place."""

import base64
import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from occupy.cfp.tests.factories import UserFactory
from occupy.content.models import EditionPartner, Organisation, PartnerRole
from occupy.editions.models import EditionRole, Role
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.registration.conference_roles import ConferenceRole, edition_people
from occupy.registration.models import AttendanceMode
from occupy.registration.pdf import organiser_mark
from occupy.registration.services.attendance import join_online
from occupy.registration.services.badges import badges_for, render_badges_pdf
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db

# A 1×1 PNG.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def edition():
    start = timezone.now().date() - datetime.timedelta(days=8)
    edition = EditionFactory(
        start_date=start,
        end_date=start,
        time_zone="UTC",
        online_stream_url="https://s.example.org/x",
        contact_name="Maria Ionescu",
        contact_role="Programme director",
    )
    organisation = Organisation.objects.create(name="Asociația <Progress>", slug="progress")
    organisation.logo.save("progress.png", ContentFile(PNG), save=True)
    EditionPartner.objects.create(edition=edition, organisation=organisation, role=PartnerRole.ORGANISER)
    return edition


def speaker(edition, name, email):
    person = PersonFactory(name=name, email=email)
    SessionSpeakerFactory(session=SessionFactory(edition=edition), person=person)
    return person


def organiser(edition, name, email, role=Role.ORGANISER):
    first, last = name.split()
    user = UserFactory(email=email, first_name=first, last_name=last)
    EditionRole.objects.create(edition=edition, user=user, role=role)
    return user


def test_organiser_mark_embeds_the_logo_as_a_data_uri(edition):
    mark = organiser_mark(edition)

    assert mark.name == "Asociația <Progress>"
    assert mark.logo == "data:image/png;base64," + base64.b64encode(PNG).decode()


def test_organiser_mark_without_a_logo_is_the_name_only(edition):
    Organisation.objects.update(logo="")

    assert organiser_mark(edition).logo == ""


def test_organiser_mark_is_none_while_no_organisation_organises(edition):
    EditionPartner.objects.all().delete()

    assert organiser_mark(edition) is None


def test_roles_by_address_organiser_before_speaker_before_participant(edition):
    speaker(edition, "Sam Speaker", "Sam@example.org")
    speaker(edition, "Olga Both", "olga@example.org")
    organiser(edition, "Olga Both", "OLGA@example.org")
    organiser(edition, "Dan Desk", "dan@example.org", role=Role.CHECK_IN_DESK)
    speaker(EditionFactory(), "Elsewhere Only", "else@example.org")

    people = edition_people(edition)

    assert people.role_of("sam@example.org") == ConferenceRole.SPEAKER
    assert people.role_of("olga@example.org") == ConferenceRole.ORGANISER
    assert people.role_of("else@example.org") == ConferenceRole.PARTICIPANT
    assert people.role_of("dan@example.org") == ConferenceRole.PARTICIPANT
    assert [(user.email, role) for user, role in people.team] == [
        ("OLGA@example.org", ConferenceRole.ORGANISER),
        ("dan@example.org", ConferenceRole.STAFF),
    ]


def test_badges_for_participants_speakers_and_staff_each_once(edition):
    RegistrationFactory(edition=edition, name="Ana Live", email="ana@example.org", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Sam Speaker", email="sam@example.org", attendance=AttendanceMode.LIVE)
    speaker(edition, "Sam Speaker", "sam@example.org")
    speaker(edition, "Rita Remote", "rita@example.org")
    organiser(edition, "Olga Org", "olga@example.org")
    organiser(edition, "Dan Desk", "dan@example.org", role=Role.CHECK_IN_DESK)

    badges = badges_for(edition)

    assert [(badge.name, badge.role, bool(badge.qr)) for badge in badges] == [
        ("Ana Live", ConferenceRole.PARTICIPANT, True),
        ("Sam Speaker", ConferenceRole.SPEAKER, True),
        ("Rita Remote", ConferenceRole.SPEAKER, False),
        ("Olga Org", ConferenceRole.ORGANISER, False),
        ("Dan Desk", ConferenceRole.STAFF, False),
    ]


def test_badges_for_takes_fixed_queries_at_two_sizes(edition, django_assert_num_queries):
    speaker(edition, "Sam Speaker", "sam@example.org")
    organiser(edition, "Olga Org", "olga@example.org")
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    with django_assert_num_queries(3):
        badges_for(edition)
    RegistrationFactory.create_batch(4, edition=edition, attendance=AttendanceMode.LIVE)
    speaker(edition, "Second Speaker", "second@example.org")
    organiser(edition, "Second Org", "second-org@example.org")
    with django_assert_num_queries(3):
        assert len(badges_for(edition)) == 9


def test_badges_pdf_prints_roles_and_the_organiser_with_markup_as_text(edition):
    RegistrationFactory(edition=edition, name="Ana Live", attendance=AttendanceMode.LIVE)
    speaker(edition, "Rita Remote", "rita@example.org")
    organiser(edition, "Olga Org", "olga@example.org")

    pdf, count = render_badges_pdf(edition)

    text = pdf_text(pdf)
    assert count == 3 and pdf_pages(pdf) == 1
    assert "Ana Live" in text and "PARTICIPANT" in text
    assert "Rita Remote" in text and "SPEAKER" in text
    assert "Olga Org" in text and "ORGANISER" in text
    assert "Asociația <Progress>" in text


def certificate_text(client, registration) -> str:
    join_online(
        registration,
        at=datetime.datetime.combine(registration.edition.start_date, datetime.time(10), tzinfo=datetime.UTC),
    )
    response = client.get(f"/registration/{registration.token}/certificate.pdf")
    assert response.status_code == 200
    return pdf_text(response.content)


def test_certificate_names_the_organiser_the_signer_and_the_participant_role(client, edition):
    ana = RegistrationFactory(edition=edition, name="Ana Popescu")

    text = certificate_text(client, ana)

    assert "Asociația <Progress>" in text
    assert "Maria Ionescu Programme director" in text
    assert "PARTICIPANT" in text


def test_certificate_of_a_speaker_says_speaker_in_the_participants_language(client, edition):
    sam = RegistrationFactory(edition=edition, name="Sam Speaker", email="sam@example.org", language="ro")
    speaker(edition, "Sam Speaker", "sam@example.org")

    text = certificate_text(client, sam)

    assert "Certificat de participare" in text
    assert "VORBITOR" in text.upper()


def test_certificate_of_an_organiser_says_organiser(client, edition):
    olga = RegistrationFactory(edition=edition, email="olga@example.org")
    organiser(edition, "Olga Org", "olga@example.org")

    assert "ORGANISER" in certificate_text(client, olga)
