import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, BadgeBatch, BadgeBatchStatus, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_pages, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def edition():
    edition = EditionFactory(title="Occupy Library 2031")
    RegistrationFactory(
        edition=edition,
        name="<b>Ana</b> Popescu",
        organisation="Biblioteca <i>Județeană</i>",
        country="RO",
        attendance=AttendanceMode.LIVE,
    )
    RegistrationFactory(edition=edition, name="Oksana Live", country="UA", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Olena Online", attendance=AttendanceMode.ONLINE)
    RegistrationFactory(
        edition=edition, name="Petra Pending", attendance=AttendanceMode.LIVE, status=RegistrationStatus.PENDING
    )
    RegistrationFactory(
        edition=edition, name="Wanda Waiting", attendance=AttendanceMode.LIVE, status=RegistrationStatus.WAITLISTED
    )
    RegistrationFactory(
        edition=edition, name="Cyril Cancelled", attendance=AttendanceMode.LIVE, status=RegistrationStatus.CANCELLED
    )
    RegistrationFactory(edition=EditionFactory(), name="Other Edition", attendance=AttendanceMode.LIVE)
    return edition


def test_badges_pdf_lists_confirmed_live_participants_only_with_markup_escaped(organiser_client, edition):
    response = organiser_client.get(f"/organise/{edition.slug}/badges.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "<b>Ana</b> Popescu" in text
    assert "Biblioteca <i>Județeană</i>" in text
    assert "Romania" in text and "Ukraine" in text
    assert "Oksana Live" in text
    for absent in ("Olena Online", "Petra Pending", "Wanda Waiting", "Cyril Cancelled", "Other Edition"):
        assert absent not in text


def test_badges_fit_eight_to_a_page(organiser_client):
    edition = EditionFactory()
    RegistrationFactory.create_batch(9, edition=edition, attendance=AttendanceMode.LIVE)

    response = organiser_client.get(f"/organise/{edition.slug}/badges.pdf")

    assert pdf_pages(response.content) == 2


def test_badges_need_the_print_badges_permission(client, django_user_model, edition):
    anonymous = client.get(f"/organise/{edition.slug}/badges.pdf")
    client.force_login(django_user_model.objects.create_user("visitor", "v@example.org", "pw-long-enough-1"))
    not_staff = client.get(f"/organise/{edition.slug}/badges.pdf")
    not_staff_post = client.post(f"/organise/{edition.slug}/badges/")

    assert anonymous.status_code == 302
    assert not_staff.status_code == not_staff_post.status_code == 403
    assert anonymous["Location"].startswith("/account/login/")
    assert BadgeBatch.objects.count() == 0


def test_large_editions_get_their_badges_in_the_background(
    organiser_client, edition, settings, django_capture_on_commit_callbacks
):
    settings.BADGES_INLINE_LIMIT = 1
    page_url = f"/organise/{edition.slug}/badges/"

    redirected = organiser_client.get(f"/organise/{edition.slug}/badges.pdf")
    with django_capture_on_commit_callbacks(execute=True):
        started = organiser_client.post(page_url)
    batch = BadgeBatch.objects.get()
    page = organiser_client.get(page_url).content.decode()
    download = organiser_client.get(f"/organise/{edition.slug}/badges/{batch.pk}.pdf")

    assert redirected.status_code == 303
    assert redirected["Location"] == page_url
    assert started.status_code == 303
    assert (batch.status, batch.participants) == (BadgeBatchStatus.READY, 2)
    assert batch.file.path.startswith(str(settings.MEDIA_ROOT))
    assert f"/organise/{edition.slug}/badges/{batch.pk}.pdf" in page
    assert "Download the badges: 2 badges" in page
    assert download.status_code == 200
    text = pdf_text(b"".join(download.streaming_content))
    assert "<b>Ana</b> Popescu" in text
    assert "Olena Online" not in text


def test_a_batch_being_prepared_is_not_started_twice_and_the_page_says_so(organiser_client, edition, settings):
    settings.BADGES_INLINE_LIMIT = 1
    BadgeBatch.objects.create(edition=edition)  # queued, not yet run by a worker

    organiser_client.post(f"/organise/{edition.slug}/badges/")
    page = organiser_client.get(f"/organise/{edition.slug}/badges/").content.decode()

    assert BadgeBatch.objects.count() == 1
    assert "Being prepared" in page
    assert 'http-equiv="refresh"' in page


def test_badge_batch_download_of_an_unknown_or_unready_batch_is_a_404(organiser_client, edition):
    preparing = BadgeBatch.objects.create(edition=edition)

    assert organiser_client.get(f"/organise/{edition.slug}/badges/{preparing.pk}.pdf").status_code == 404
    assert organiser_client.get(f"/organise/{edition.slug}/badges/99999.pdf").status_code == 404
    assert organiser_client.get("/organise/1999/badges.pdf").status_code == 404


def test_a_batch_of_badges_prints_in_the_sites_language_whatever_the_thread_served_last(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.utils import translation

    from occupy.editions.sample import MARK
    from occupy.registration.services.badges import request_badges

    settings.MEDIA_ROOT = tmp_path
    edition = EditionFactory(is_sample=True)
    RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE)

    # Run in-process (no broker), just after a page served in Romanian left its language active on the thread.
    with translation.override("ro"), django_capture_on_commit_callbacks(execute=True):
        batch = request_badges(edition=edition, by=None)

    batch.refresh_from_db()
    assert batch.status == BadgeBatchStatus.READY
    assert str(MARK) in pdf_text(batch.file.read())
