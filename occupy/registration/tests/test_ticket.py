import pytest
import segno
from django.template.loader import render_to_string

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, RegistrationStatus
from occupy.registration.pdf import qr_data_uri
from occupy.registration.services.checkin import check_in_code, registration_for_check_in_code
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db


def test_ticket_is_a_pdf_with_the_name_edition_and_check_in_code(client):
    edition = EditionFactory(title="Occupy Library 2031", venue_name="National Library")
    registration = RegistrationFactory(edition=edition, name="Ana Popescu", attendance=AttendanceMode.LIVE)

    response = client.get(f"/registration/{registration.token}/ticket.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content)
    assert "Ana Popescu" in text
    assert "Occupy Library 2031" in text
    assert "National Library" in text
    code = check_in_code(registration)
    assert code in text.replace(" ", "")
    assert registration.token not in code
    assert "no-store" in response["Cache-Control"]


def test_ticket_qr_encodes_the_check_in_code_which_finds_the_registration():
    registration = RegistrationFactory(attendance=AttendanceMode.LIVE)
    code = check_in_code(registration)

    html = render_to_string(
        "registration/ticket.pdf.html",
        {"registration": registration, "edition": registration.edition, "code": code, "qr": qr_data_uri(code)},
    )

    assert segno.make(code, error="m", micro=False).svg_data_uri(scale=4, border=2) in html
    assert registration_for_check_in_code(edition=registration.edition, code=code) == registration


def test_check_in_codes_cannot_be_forged_or_used_for_another_edition():
    registration = RegistrationFactory()
    code = check_in_code(registration)
    other_edition = EditionFactory()

    assert registration_for_check_in_code(edition=registration.edition, code=f"{registration.pk}:forged") is None
    assert registration_for_check_in_code(edition=registration.edition, code=str(registration.pk)) is None
    assert registration_for_check_in_code(edition=registration.edition, code="x" * 500) is None
    assert registration_for_check_in_code(edition=other_edition, code=code) is None


def test_ticket_shows_markup_in_a_name_as_text(client):
    registration = RegistrationFactory(name="<b>Ana</b> & Co", organisation="<script>x</script>")

    text = pdf_text(client.get(f"/registration/{registration.token}/ticket.pdf").content)

    assert "<b>Ana</b> & Co" in text
    assert "<script>x</script>" in text


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (RegistrationStatus.PENDING, "Only confirmed registrations have a ticket."),
        (RegistrationStatus.CANCELLED, "Only confirmed registrations have a ticket."),
        (RegistrationStatus.WAITLISTED, "You are on the waiting list for a live place"),
    ],
)
def test_ticket_is_refused_with_a_message_until_confirmed(client, status, message):
    registration = RegistrationFactory(status=status)

    response = client.get(f"/registration/{registration.token}/ticket.pdf")

    assert response.status_code == 403
    assert message in response.content.decode()


def test_ticket_with_a_forged_token_is_a_clear_404(client):
    RegistrationFactory(name="Ana Popescu")

    response = client.get("/registration/forged-token/ticket.pdf")

    assert response.status_code == 404
    assert "Registration not found" in response.content.decode()
    assert "Ana Popescu" not in response.content.decode()


def test_ticket_prints_the_short_code_days_with_times_and_venue_in_the_participants_language(client):
    import datetime

    from occupy.programme.tests.factories import SessionFactory

    edition = EditionFactory(
        year=2042,
        time_zone="Europe/Bucharest",
        start_date=datetime.date(2042, 6, 2),
        end_date=datetime.date(2042, 6, 3),
        venue_name="National Library",
        venue_address="Bd. Unirii 22",
    )
    SessionFactory(edition=edition, starts_at=datetime.datetime(2042, 6, 2, 9, 30, tzinfo=edition.tz))
    registration = RegistrationFactory(
        edition=edition, attendance=AttendanceMode.LIVE, language="ro", short_code="HJKM2345"
    )

    text = pdf_text(client.get(f"/registration/{registration.token}/ticket.pdf").content)

    assert "Cod de check-in HJKM-2345" in text
    assert "2 iunie 2042, 09:30–10:15" in text
    assert "3 iunie 2042" in text
    assert "Europe/Bucharest" in text
    assert "National Library, Bd. Unirii 22, Bucharest" in text
    assert registration_for_check_in_code(edition=edition, code="hjkm-2345") == registration
