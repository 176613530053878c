"""Organisers type and read the admin's dates and times in the edition's time zone; the database keeps UTC."""

import datetime
import re

import pytest

from occupy.editions.models import Edition
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory
from occupy.programme.models import Attendance, Session
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import Registration
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def session_form(edition, **values):
    return {
        "edition": str(edition.pk),
        "format": str(SessionFormatFactory(edition=edition).pk),
        "title": "Open data in public libraries",
        "slug": "open-data",
        "abstract": "",
        "language": "en",
        "starts_at_0": "2027-05-10",
        "starts_at_1": "10:00",
        "ends_at_0": "2027-05-10",
        "ends_at_1": "11:00",
        "attendance": Attendance.HYBRID,
        "capacity": "",
        "session_speakers-TOTAL_FORMS": "0",
        "session_speakers-INITIAL_FORMS": "0",
        "materials-TOTAL_FORMS": "0",
        "materials-INITIAL_FORMS": "0",
        "_save": "Save",
        **values,
    }


def test_a_session_typed_at_ten_in_tbilisi_is_stored_at_six_utc_and_shown_at_ten(organiser_client):
    edition = EditionFactory(year=2027, time_zone="Asia/Tbilisi")

    form = organiser_client.get(f"/admin/programme/session/add/?edition={edition.pk}").content.decode()
    assert 'edition-zone-note">Times are in Asia/Tbilisi, the edition&#x27;s time zone.' in form

    response = organiser_client.post("/admin/programme/session/add/", session_form(edition))

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    session = Session.objects.get(slug="open-data")
    assert session.starts_at == datetime.datetime(2027, 5, 10, 6, 0, tzinfo=UTC)
    assert session.ends_at == datetime.datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    html = organiser_client.get(f"/admin/programme/session/{session.pk}/change/").content.decode()
    assert 'name="starts_at_1" value="10:00:00"' in html
    assert "Times are in Asia/Tbilisi, the edition's time zone." in html


def test_the_session_list_shows_and_takes_each_row_in_its_editions_zone(organiser_client):
    tbilisi = SessionFactory(
        edition=EditionFactory(year=2027, time_zone="Asia/Tbilisi"),
        starts_at=datetime.datetime(2027, 5, 10, 6, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2027, 5, 10, 7, 0, tzinfo=UTC),
    )
    lisbon = SessionFactory(
        edition=EditionFactory(year=2026, time_zone="Europe/Lisbon"),
        starts_at=datetime.datetime(2026, 5, 10, 9, 0, tzinfo=UTC),
        ends_at=datetime.datetime(2026, 5, 10, 10, 0, tzinfo=UTC),
    )

    html = organiser_client.get("/admin/programme/session/").content.decode()

    assert 'value="10:00:00"' in html  # 06:00 UTC in Tbilisi (UTC+4) and 09:00 UTC in Lisbon (UTC+1)
    assert 'value="06:00:00"' not in html and 'value="09:00:00"' not in html
    rows = {
        "form-TOTAL_FORMS": "2",
        "form-INITIAL_FORMS": "2",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    for index, session in enumerate(Session.objects.order_by("-starts_at")):
        rows |= {
            f"form-{index}-id": str(session.pk),
            f"form-{index}-room": str(session.room_id),
            f"form-{index}-starts_at_0": session.starts_at.date().isoformat(),
            f"form-{index}-starts_at_1": "11:00:00",
            f"form-{index}-ends_at_0": session.starts_at.date().isoformat(),
            f"form-{index}-ends_at_1": "12:00:00",
        }
    assert organiser_client.post("/admin/programme/session/", rows).status_code == 302
    tbilisi.refresh_from_db()
    lisbon.refresh_from_db()
    assert tbilisi.starts_at == datetime.datetime(2027, 5, 10, 7, 0, tzinfo=UTC)
    assert lisbon.starts_at == datetime.datetime(2026, 5, 10, 10, 0, tzinfo=UTC)


def test_the_registration_window_is_typed_in_the_editions_own_zone(organiser_client):
    edition = EditionFactory(year=2028, time_zone="Europe/Bucharest")
    form = organiser_client.get(f"/admin/editions/edition/{edition.pk}/change/").content.decode()
    data = {
        name: value
        for name, value in _form_values(form).items()
        if not name.startswith(("registration_opens_at", "registration_closes_at"))
    }

    response = organiser_client.post(
        f"/admin/editions/edition/{edition.pk}/change/",
        data
        | {
            "registration_opens_at_0": "2028-05-02",
            "registration_opens_at_1": "09:00",
            "registration_closes_at_0": "2028-06-01",
            "registration_closes_at_1": "18:00",
            "_save": "Save",
        },
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    edition.refresh_from_db()
    assert edition.registration_opens_at == datetime.datetime(2028, 5, 2, 6, 0, tzinfo=UTC)  # EEST, UTC+3
    assert edition.registration_closes_at == datetime.datetime(2028, 6, 1, 15, 0, tzinfo=UTC)
    assert "Times are in Europe/Bucharest" in form


def test_a_new_edition_takes_its_window_in_the_zone_typed_beside_it(organiser_client):
    EditionFactory(year=2026, time_zone="Europe/Lisbon", is_published=True)
    form = organiser_client.get("/admin/editions/edition/add/").content.decode()
    assert "Times are in Europe/Lisbon" in form  # until one is chosen, the latest edition's zone
    data = _form_values(form) | {
        "year": "2029",
        "slug": "2029",
        "title": "Occupy Library 2029",
        "start_date": "2029-06-02",
        "end_date": "2029-06-03",
        "time_zone": "Asia/Tbilisi",
        "registration_opens_at_0": "2029-05-02",
        "registration_opens_at_1": "09:00",
        "_save": "Save",
    }

    response = organiser_client.post("/admin/editions/edition/add/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    assert Edition.objects.get(year=2029).registration_opens_at == datetime.datetime(2029, 5, 2, 5, 0, tzinfo=UTC)


def test_an_unknown_edition_or_zone_in_the_address_falls_back_to_the_latest_editions(organiser_client):
    EditionFactory(year=2026, time_zone="Europe/Lisbon", is_published=True)

    for query in ("?edition=abc", "?edition=99999", "?edition=%00", "?edition=%C2%B2", "?edition=" + "9" * 30):
        response = organiser_client.get(f"/admin/programme/session/add/{query}")
        assert response.status_code == 200
        assert "Times are in Europe/Lisbon" in response.content.decode()
    for query in ("?edition__id__exact=%C2%B2", "?edition__id__exact=" + "9" * 30):
        assert organiser_client.get(f"/admin/programme/session/{query}").status_code in (200, 302)


def test_a_registrations_times_read_in_its_editions_zone_on_the_list_and_the_form(organiser_client):
    registration = RegistrationFactory(edition=EditionFactory(year=2027, time_zone="Asia/Tbilisi"))
    Registration.objects.filter(pk=registration.pk).update(created_at=datetime.datetime(2027, 3, 1, 6, 0, tzinfo=UTC))
    RegistrationFactory(edition=EditionFactory(year=2026, time_zone="Europe/Lisbon", is_published=True))

    listing = organiser_client.get("/admin/registration/registration/").content.decode()
    form = organiser_client.get(f"/admin/registration/registration/{registration.pk}/change/").content.decode()

    assert "March 1, 2027, 10 a.m. (+04)" in listing  # the row's own edition, not the latest (Lisbon)
    assert 'edition-zone-note">Times are in Asia/Tbilisi, the edition&#x27;s time zone.' in form
    assert "March 1, 2027, 10 a.m." in form


def _form_values(html):
    """The values a browser would post back from the admin form's inputs, selects and text areas."""
    values = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', html):
        values.setdefault(name, value)
    for name in re.findall(r'<input[^>]*type="checkbox"[^>]*name="([^"]+)"[^>]*checked', html):
        values[name] = "on"
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', body)
        values[name] = chosen.group(1) if chosen else ""
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S):
        values[name] = body.strip()
    return {name: value for name, value in values.items() if name not in ("csrfmiddlewaretoken",)}
