"""Organisers write, preview and send announcements; recipients unsubscribe in one click; segments and languages."""

import datetime
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from occupy.editions.models import Role
from occupy.editions.services import grant_role
from occupy.editions.tests.factories import EditionFactory
from occupy.outreach.models import Announcement, AnnouncementStatus, Segment, Unsubscription
from occupy.outreach.services import announcements as service
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.registration.models import AttendanceMode, EmailKind, EmailLog, RegistrationStatus
from occupy.registration.services import privacy
from occupy.registration.services.mail import queue_email, send_pending_emails
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

FORM = {
    "subject": "Doors open at nine",
    "body": "See you at https://example.org/map\n\nThe organisers",
    "segment": "confirmed",
    "country": "",
}


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


def list_url(edition):
    return reverse("organise:announcements", kwargs={"edition": edition.slug})


def test_an_organiser_previews_then_sends_and_sees_everyone_sent(
    organiser_of, edition, django_capture_on_commit_callbacks
):
    RegistrationFactory(edition=edition, name="Ana", email="ana@example.org", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, name="Bohdan", email="bohdan@example.org")
    RegistrationFactory(edition=edition, email="pending@example.org", status=RegistrationStatus.PENDING)

    response = organiser_of.post(list_url(edition), FORM)
    announcement = Announcement.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/announcements/{announcement.pk}/")

    preview = organiser_of.get(response["Location"]).content.decode()
    assert "It reaches 2 people." in preview
    assert "Doors open at nine" in preview
    assert '<a href="https://example.org/map" rel="nofollow">https://example.org/map</a>' in preview
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        sent = organiser_of.post(
            reverse("organise:announcement-send", kwargs={"edition": edition.slug, "announcement": announcement.pk})
        )
    assert sent.status_code == 302
    page = organiser_of.get(sent["Location"]).content.decode()
    assert "2 of 2 sent" in page
    assert sorted(message.to[0] for message in mail.outbox) == ["ana@example.org", "bohdan@example.org"]
    progress = organiser_of.get(
        reverse("organise:announcement-progress", kwargs={"edition": edition.slug, "announcement": announcement.pk})
    )
    assert progress.json()["sent"] == 2 and progress.json()["done"] is True


def test_bad_input_is_refused_with_a_message_and_kept(organiser_of, edition):
    response = organiser_of.post(
        list_url(edition), {**FORM, "subject": "", "segment": "country", "subject_ro": "Doar subiect"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in page
    assert "Choose the country whose participants receive it." in page
    assert "Write both the subject and the message in this language, or neither." in page
    assert "See you at https://example.org/map" in page  # what was typed is kept
    assert Announcement.objects.count() == 0
    assert organiser_of.post(list_url(edition), {**FORM, "segment": "everyone"}).status_code == 400


def test_an_announcement_without_recipients_is_not_sent(organiser_of, edition):
    announcement = Announcement.objects.create(edition=edition, subject="S", body="B", segment=Segment.WAITING)
    url = reverse("organise:announcement-send", kwargs={"edition": edition.slug, "announcement": announcement.pk})
    response = organiser_of.post(url)
    assert response.status_code == 400
    assert "Nobody would receive this announcement" in response.content.decode()
    announcement.refresh_from_db()
    assert announcement.status == AnnouncementStatus.DRAFT


def test_a_sent_announcement_can_no_longer_change(organiser_of, edition):
    RegistrationFactory(edition=edition)
    announcement = Announcement.objects.create(edition=edition, subject="S", body="B")
    service.start_sending(announcement=announcement)
    url = reverse("organise:announcement", kwargs={"edition": edition.slug, "announcement": announcement.pk})
    assert organiser_of.post(url, {**FORM, "subject": "Changed"}).status_code == 409
    announcement.refresh_from_db()
    assert announcement.subject == "S"


def test_another_editions_announcement_is_not_found(organiser_of, edition):
    other = Announcement.objects.create(edition=EditionFactory(year=2040), subject="S", body="B")
    url = reverse("organise:announcement", kwargs={"edition": edition.slug, "announcement": other.pk})
    assert organiser_of.get(url).status_code == 404


def test_segments_reach_whom_they_say(edition):
    RegistrationFactory(edition=edition, email="Live@Example.org", attendance=AttendanceMode.LIVE, country="RO")
    RegistrationFactory(edition=edition, email="online@example.org", attendance=AttendanceMode.ONLINE, country="UA")
    RegistrationFactory(edition=edition, email="waiting@example.org", status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(edition=edition, email="cancelled@example.org", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(edition=EditionFactory(year=2040), email="elsewhere@example.org")
    session = SessionFactory(edition=edition)
    SessionSpeakerFactory(session=session, person=PersonFactory(email="speaker@example.org", language="uk"))
    SessionSpeakerFactory(session=session, person=PersonFactory(email="live@example.org"))  # also registered
    SessionSpeakerFactory(session=session, person=PersonFactory(email=""))  # nowhere to write

    def who(segment, country=""):
        return sorted(
            person["address"] for person in service.recipients_for(edition=edition, segment=segment, country=country)
        )

    assert who(Segment.CONFIRMED) == ["live@example.org", "online@example.org"]
    assert who(Segment.LIVE) == ["live@example.org"]
    assert who(Segment.ONLINE) == ["online@example.org"]
    assert who(Segment.WAITING) == ["waiting@example.org"]
    assert who(Segment.COUNTRY, "UA") == ["online@example.org"]
    assert who(Segment.SPEAKERS) == ["live@example.org", "speaker@example.org"]


def test_the_email_is_in_the_recipients_language_with_a_working_unsubscribe_link(edition):
    RegistrationFactory(edition=edition, email="ro@example.org", language="ro")
    RegistrationFactory(edition=edition, email="en@example.org", language="en")
    announcement = Announcement.objects.create(
        edition=edition,
        subject="Doors open",
        body="Welcome",
        versions={"ro": {"subject": "Ușile se deschid", "body": "Bine ați venit"}},
    )
    service.start_sending(announcement=announcement)
    service.send_remainder(announcement=announcement)
    by_address = {message.to[0]: message for message in mail.outbox}
    romanian, english = by_address["ro@example.org"], by_address["en@example.org"]
    assert romanian.subject == "Ușile se deschid" and "Bine ați venit" in romanian.body
    assert english.subject == "Doors open" and "Welcome" in english.body
    link = re.search(r"https://occupy.example(/unsubscribe/\S+/)", english.body).group(1)
    assert english.extra_headers["List-Unsubscribe"] == f"<https://occupy.example{link}>"
    assert english.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert link in english.alternatives[0][0]

    client = Client(enforce_csrf_checks=True)
    confirm = client.get(link)
    assert confirm.status_code == 200 and 'method="post"' in confirm.content.decode()
    assert not Unsubscription.objects.exists()  # opening the link alone changes nothing
    # A mail program's one-click unsubscribe posts without a CSRF token.
    assert client.post(link, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert list(Unsubscription.objects.values_list("address", flat=True)) == ["en@example.org"]
    assert "receives no announcements already" in client.get(link).content.decode()

    # The next announcement skips the address; e-mails about the registration still reach it.
    later = Announcement.objects.create(edition=edition, subject="Later", body="More")
    assert service.start_sending(announcement=later) == 1
    service.send_remainder(announcement=later)
    assert [message.to[0] for message in mail.outbox[2:]] == ["ro@example.org"]
    queue_email(edition.registrations.get(email="en@example.org"), EmailKind.CONFIRMED)
    send_pending_emails(older_than=datetime.timedelta(0))
    assert mail.outbox[-1].to == ["en@example.org"]


def test_an_address_unsubscribed_after_sending_started_is_skipped(edition):
    RegistrationFactory(edition=edition, email="a@example.org")
    RegistrationFactory(edition=edition, email="b@example.org")
    announcement = Announcement.objects.create(edition=edition, subject="S", body="B")
    service.start_sending(announcement=announcement)
    service.unsubscribe(address="B@example.org")
    service.send_remainder(announcement=announcement)
    assert [message.to[0] for message in mail.outbox] == ["a@example.org"]
    assert service.progress(announcement) == {"sent": 1, "total": 1, "skipped": 1, "done": True}


def test_a_forged_unsubscribe_link_is_refused(client):
    assert client.get("/unsubscribe/12:forged/").status_code == 404
    assert client.post("/unsubscribe/12:forged/").status_code == 404
    assert not Unsubscription.objects.exists()


def test_erasing_a_registration_blanks_its_address_among_the_recipients(edition):
    ana = RegistrationFactory(edition=edition, name="Ana Popescu", email="Ana@Example.org")
    RegistrationFactory(edition=edition, email="other@example.org")
    announcement = Announcement.objects.create(edition=edition, subject="S", body="B")
    service.start_sending(announcement=announcement)
    service.send_remainder(announcement=announcement)

    privacy.erase(registration=ana)

    addresses = set(announcement.recipients.values_list("address", flat=True))
    assert addresses == {f"erased-{ana.pk}@erased.invalid", "other@example.org"}
    assert not announcement.recipients.filter(name="Ana Popescu").exists()
    assert not EmailLog.objects.filter(to__iexact="ana@example.org").exists()
    assert not any("Ana Popescu" in str(log.context) for log in EmailLog.objects.all())


def test_send_the_remainder_after_a_worker_died_sends_only_the_rest(
    organiser_of, edition, django_capture_on_commit_callbacks
):
    for n in range(5):
        RegistrationFactory(edition=edition, email=f"p{n}@example.org")
    announcement = Announcement.objects.create(edition=edition, subject="S", body="B")
    service.start_sending(announcement=announcement)  # the worker never ran (its commit callback is dropped)
    service.queue_batch(announcement=announcement, limit=2)
    service.deliver_pending(announcement=announcement)
    url = reverse("organise:announcement", kwargs={"edition": edition.slug, "announcement": announcement.pk})
    assert "2 of 5 sent" in organiser_of.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_of.post(f"{url}send/")
    assert response.status_code == 302
    assert "5 of 5 sent" in organiser_of.get(url).content.decode()
    assert sorted(message.to[0] for message in mail.outbox) == [f"p{n}@example.org" for n in range(5)]


def test_an_organiser_unsubscribes_an_address_in_the_admin(admin_client):
    Unsubscription.objects.create(address="ana@example.org")
    response = admin_client.post("/admin/outreach/unsubscription/add/", {"address": "ANA@example.org"})
    assert response.status_code == 200 and "already exists" in response.content.decode()
    assert admin_client.post("/admin/outreach/unsubscription/add/", {"address": " Bo@Example.org"}).status_code == 302
    assert sorted(Unsubscription.objects.values_list("address", flat=True)) == ["ana@example.org", "bo@example.org"]


def test_an_announcement_of_the_sample_edition_says_so(edition):
    sample_edition = EditionFactory(year=2039, is_sample=True)
    RegistrationFactory(edition=sample_edition, email="s@example.org", language="ro")
    announcement = Announcement.objects.create(edition=sample_edition, subject="Doors open", body="Welcome")
    service.start_sending(announcement=announcement)
    service.send_remainder(announcement=announcement)
    [message] = mail.outbox
    assert message.subject == "[Exemplu] Doors open"
    assert message.body.startswith("*** Date de exemplu:")
