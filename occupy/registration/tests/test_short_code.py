"""The short check-in code: printed on the ticket, typed at the desk, unique per edition."""

import pytest
from django.db import IntegrityError

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models.registration import SHORT_CODE_ALPHABET
from occupy.registration.services.checkin import (
    printed_short_code,
    registration_for_check_in_code,
    search_participants,
)
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def test_short_code_is_eight_unambiguous_characters_per_registration():
    registrations = RegistrationFactory.create_batch(20)

    codes = {registration.short_code for registration in registrations}

    assert len(codes) == 20
    for code in codes:
        assert len(code) == 8 and set(code) <= set(SHORT_CODE_ALPHABET)
        assert not set(code) & set("01ILO")


def test_short_code_is_unique_per_edition_but_may_repeat_across_editions():
    first = RegistrationFactory(short_code="ABCDEFGH")
    RegistrationFactory(short_code="ABCDEFGH", edition=EditionFactory())

    with pytest.raises(IntegrityError):
        RegistrationFactory(short_code="ABCDEFGH", edition=first.edition)


def test_short_code_finds_its_registration_as_a_person_types_it():
    registration = RegistrationFactory(short_code="HJKM2345")
    edition = registration.edition

    assert printed_short_code(registration) == "HJKM-2345"
    for typed in ("HJKM2345", "hjkm-2345", " hjkm 2345 ", "HJKM-2345"):
        assert registration_for_check_in_code(edition=edition, code=typed) == registration


def test_short_code_of_another_edition_or_mistyped_finds_nobody():
    registration = RegistrationFactory(short_code="HJKM2345")

    assert registration_for_check_in_code(edition=EditionFactory(), code="HJKM2345") is None
    assert registration_for_check_in_code(edition=registration.edition, code="HJKM2346") is None
    assert registration_for_check_in_code(edition=registration.edition, code="HJKM234") is None
    assert registration_for_check_in_code(edition=registration.edition, code="HJKM23450") is None


def test_short_code_is_found_by_the_desk_search_without_e_mail_search():
    registration = RegistrationFactory(short_code="PQRS6789", name="Ana Popescu")
    RegistrationFactory(edition=registration.edition, name="Ion Pop")

    assert search_participants(edition=registration.edition, query="pqrs-6789", by_email=False) == [registration]


def test_short_code_typed_at_the_desk_checks_the_person_in(organiser_client):
    from occupy.registration.models import AttendanceDay, AttendanceMode

    ana = RegistrationFactory(short_code="HJKM2345", name="Ana Popescu", attendance=AttendanceMode.LIVE)
    url = f"/organise/{ana.edition.slug}/check-in/"

    response = organiser_client.post(url, {"code": "hjkm 2345"}, follow=True)

    assert "Ana Popescu is checked in (" in response.content.decode()
    assert AttendanceDay.objects.get().registration == ana


def test_short_code_found_by_the_desk_search(organiser_client):
    ana = RegistrationFactory(short_code="HJKM2345", name="Ana Popescu")

    response = organiser_client.get(f"/organise/{ana.edition.slug}/check-in/", {"q": "HJKM-2345"})

    assert "Ana Popescu" in response.content.decode()
