import datetime

import pytest
from django.utils import timezone

from occupy.editions.tests.factories import EditionFactory
from occupy.programme.tests.factories import SessionFactory
from occupy.registration.models import AttendanceMode, Certificate, RegistrationStatus
from occupy.registration.services.agenda import add_to_agenda
from occupy.registration.services.attendance import join_online
from occupy.registration.services.certificates import attendance_summary, normalise_code
from occupy.registration.services.checkin import check_in
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def past_edition(**kwargs):
    """A two-day edition that ended last week, in UTC so that hours read simply."""
    start = timezone.now().date() - datetime.timedelta(days=8)
    return EditionFactory(
        start_date=start,
        end_date=start + datetime.timedelta(days=1),
        time_zone="UTC",
        online_stream_url="https://s.example.org/x",
        **kwargs,
    )


def at(edition, hour, minute=0, day=0):
    return datetime.datetime.combine(
        edition.start_date + datetime.timedelta(days=day), datetime.time(hour, minute), tzinfo=datetime.UTC
    )


def session(edition, title, start, end):
    return SessionFactory(edition=edition, title=title, starts_at=start, ends_at=end)


def test_certificate_lists_the_agenda_sessions_of_the_days_attended(client):
    edition = past_edition(title="Occupy Library 2020")
    ana = RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)
    coding = session(edition, "Coding clubs", at(edition, 9), at(edition, 10))
    seeds = session(edition, "Seed libraries", at(edition, 9, 30), at(edition, 10, 30))
    session(edition, "Not in my agenda", at(edition, 12), at(edition, 13))
    next_day = session(edition, "Second day talk", at(edition, 9, day=1), at(edition, 11, day=1))
    for chosen in (coding, seeds, next_day):
        add_to_agenda(registration=ana, session=chosen)
    check_in(ana, by=None, at=at(edition, 8, 45))  # the second day not attended

    response = client.get(f"/registration/{ana.token}/certificate.pdf")

    assert response.status_code == 200
    text = pdf_text(response.content)
    certificate = Certificate.objects.get()
    assert "Ana Popescu" in text
    assert "Occupy Library 2020" in text
    assert "Hours attended: 1 h 30 min" in text  # 09:00–10:30, the overlap counted once
    assert "Coding clubs" in text and "Seed libraries" in text
    assert "Not in my agenda" not in text
    assert "Second day talk" not in text
    assert certificate.code in text
    assert f"/verify/{certificate.code}/" in text


def test_certificate_counts_the_whole_programme_of_a_day_without_agenda(client):
    edition = past_edition()
    ana = RegistrationFactory(edition=edition)
    session(edition, "Morning", at(edition, 9, day=1), at(edition, 10, day=1))
    session(edition, "Parallel", at(edition, 9, 30, day=1), at(edition, 10, 15, day=1))
    session(edition, "Afternoon", at(edition, 14, day=1), at(edition, 15, day=1))
    session(edition, "First day only", at(edition, 9), at(edition, 17))
    join_online(ana, at=at(edition, 9, 5, day=1))

    summary = attendance_summary(ana)
    text = pdf_text(client.get(f"/registration/{ana.token}/certificate.pdf").content)

    assert [(day.day, day.whole_programme, day.minutes) for day in summary.days] == [
        (edition.start_date + datetime.timedelta(days=1), True, 135)
    ]
    assert "Hours attended: 2 h 15 min" in text
    assert "The programme of the day" in text


def test_certificate_is_issued_once_with_the_same_code(client):
    edition = past_edition()
    ana = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    check_in(ana, by=None, at=at(edition, 9))

    client.get(f"/registration/{ana.token}/certificate.pdf")
    client.get(f"/registration/{ana.token}/certificate.pdf")

    certificate = Certificate.objects.get()
    assert len(certificate.code) == 12
    assert normalise_code(certificate.code) == certificate.code


def test_no_certificate_before_the_edition_is_over(client):
    today = timezone.now().date()
    edition = EditionFactory(start_date=today, end_date=today + datetime.timedelta(days=1), time_zone="UTC")
    ana = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    check_in(ana, by=None)

    response = client.get(f"/registration/{ana.token}/certificate.pdf")

    assert response.status_code == 403
    assert "available once the edition is over, from" in response.content.decode()
    assert Certificate.objects.count() == 0


def test_no_certificate_without_attendance(client):
    edition = past_edition()
    ana = RegistrationFactory(edition=edition)
    join_online(ana, at=at(edition, 9, day=-7))  # trying the link a week before does not count

    response = client.get(f"/registration/{ana.token}/certificate.pdf")

    assert response.status_code == 403
    assert "We have no record of your attendance" in response.content.decode()
    assert Certificate.objects.count() == 0


@pytest.mark.parametrize("status", [RegistrationStatus.PENDING, RegistrationStatus.CANCELLED])
def test_no_certificate_for_unconfirmed_registrations(client, status):
    edition = past_edition()
    ana = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    check_in(ana, by=None, at=at(edition, 9))
    ana.status = status
    ana.save()

    response = client.get(f"/registration/{ana.token}/certificate.pdf")

    assert response.status_code == 403
    assert "Only confirmed participants receive a certificate" in response.content.decode()


def test_certificate_with_a_forged_token_is_a_404(client):
    assert client.get("/registration/forged/certificate.pdf").status_code == 404


def test_verify_confirms_name_edition_dates_and_hours(client):
    edition = past_edition(title="Occupy Library 2020")
    ana = RegistrationFactory(edition=edition, name="<b>Ana</b> Popescu", attendance=AttendanceMode.LIVE)
    session(edition, "Coding clubs", at(edition, 9), at(edition, 11))
    check_in(ana, by=None, at=at(edition, 9))
    client.get(f"/registration/{ana.token}/certificate.pdf")
    code = Certificate.objects.get().code

    response = client.get(f"/verify/{code}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is genuine." in body
    assert "&lt;b&gt;Ana&lt;/b&gt; Popescu" in body
    assert "Occupy Library 2020" in body
    assert edition.start_date.strftime("%Y") in body
    assert "2 h" in body
    assert ana.email not in body
    assert ana.token not in body


def test_verify_form_accepts_the_code_as_typed(client):
    edition = past_edition()
    ana = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)
    check_in(ana, by=None, at=at(edition, 9))
    client.get(f"/registration/{ana.token}/certificate.pdf")
    code = Certificate.objects.get().code
    typed = f"{code[:4].lower()}-{code[4:8]} {code[8:]}"

    response = client.get("/verify/", {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == f"/verify/{code}/"


@pytest.mark.parametrize("code", ["ABCDEFGHJKLM", "short", "<img src=x onerror=alert(1)>", "0" * 500])
def test_verify_unknown_or_malformed_codes_are_a_404_with_a_message(client, code):
    response = client.get(f"/verify/{code}/")

    assert response.status_code == 404
    body = response.content.decode()
    assert "There is no certificate with the code" in body
    assert "<img src=x" not in body


def test_verify_form_with_a_malformed_code_is_a_400_with_a_message(client):
    response = client.get("/verify/", {"code": "nonsense"})

    assert response.status_code == 400
    assert "A certificate code has 12 letters and digits" in response.content.decode()
