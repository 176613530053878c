import datetime

import pytest
from django.core import mail
from django.utils import timezone

from occupy.editions.models import EditionMode
from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import (
    Answer,
    EmailKind,
    EmailLog,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
)

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Ana Popescu",
        "email": "ana@example.org",
        "country": "RO",
        "organisation": "Biblioteca Județeană",
        "role": "librarian",
        "attendance": "live",
        "accessibility_needs": "",
        "privacy_consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def edition():
    return EditionFactory(year=2031, live_capacity=10)


def post(client, edition, capture, **overrides):
    with capture(execute=True):
        return client.post(f"/{edition.slug}/register/", form_data(**overrides))


def test_register_form_shows_every_field(client, edition):
    Question.objects.create(edition=edition, label="Which workshop interests you most?", kind=QuestionKind.TEXT)
    response = client.get(f"/{edition.slug}/register/")
    body = response.content.decode()
    assert response.status_code == 200
    for name in ("name", "email", "country", "organisation", "role", "attendance", "accessibility_needs"):
        assert f'name="{name}"' in body
    assert 'name="privacy_consent"' in body and 'href="/privacy/"' in body
    assert 'name="newsletter_consent"' in body
    assert "Which workshop interests you most?" in body
    assert response["Cache-Control"].startswith("private, no-store")
    assert response["Referrer-Policy"] == "same-origin"
    assert '<meta name="robots" content="noindex, nofollow">' in body


def test_register_creates_a_pending_registration_and_sends_the_confirmation(
    client, edition, django_capture_on_commit_callbacks
):
    response = post(client, edition, django_capture_on_commit_callbacks, newsletter_consent="on")
    assert response.status_code == 302
    assert response["Location"] == f"/{edition.slug}/register/sent/"
    registration = Registration.objects.get()
    assert registration.status == RegistrationStatus.PENDING
    assert (registration.name, registration.email, registration.attendance) == (
        "Ana Popescu",
        "ana@example.org",
        "live",
    )
    assert registration.newsletter_consent is True
    assert registration.privacy_consent_at is not None
    assert registration.language == "en"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert f"/{edition.slug}/register/confirm/" in mail.outbox[0].body
    assert registration.token not in mail.outbox[0].body
    assert EmailLog.objects.get().kind == EmailKind.CONFIRM


def test_register_online_only_edition_offers_only_online(client, django_capture_on_commit_callbacks):
    edition = EditionFactory(year=2032, mode=EditionMode.ONLINE, live_capacity=None)
    body = client.get(f"/{edition.slug}/register/").content.decode()
    assert 'value="online"' in body and 'value="live"' not in body
    response = post(client, edition, django_capture_on_commit_callbacks, attendance="live")
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_register_stores_answers_to_extra_questions(client, edition, django_capture_on_commit_callbacks):
    text = Question.objects.create(edition=edition, label="Your library's town", kind=QuestionKind.TEXT)
    choice = Question.objects.create(
        edition=edition, label="Lunch", kind=QuestionKind.CHOICE, choices="Vegetarian\nVegan\nAny", required=True
    )
    yes_no = Question.objects.create(edition=edition, label="First time?", kind=QuestionKind.YES_NO, required=True)
    response = post(
        client,
        edition,
        django_capture_on_commit_callbacks,
        **{f"q_{text.pk}": "Cluj", f"q_{choice.pk}": "Vegan", f"q_{yes_no.pk}": "no"},
    )
    assert response.status_code == 302
    answers = {answer.question.label: answer.value for answer in Answer.objects.select_related("question")}
    assert answers == {"Your library's town": "Cluj", "Lunch": "Vegan", "First time?": "no"}


def test_register_required_question_unanswered_is_refused(client, edition, django_capture_on_commit_callbacks):
    question = Question.objects.create(
        edition=edition, label="Lunch", kind=QuestionKind.CHOICE, choices="Vegetarian\nAny", required=True
    )
    response = post(client, edition, django_capture_on_commit_callbacks, **{f"q_{question.pk}": "Steak"})
    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert "Select a valid choice" in response.content.decode()


def test_register_same_address_in_other_case_resends_the_existing_link(
    client, edition, django_capture_on_commit_callbacks
):
    first = post(client, edition, django_capture_on_commit_callbacks)
    second = post(client, edition, django_capture_on_commit_callbacks, email="ANA@Example.ORG", name="Someone Else")
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    assert client.get(first["Location"]).content == client.get(second["Location"]).content
    registration = Registration.objects.get()
    assert registration.name == "Ana Popescu"
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == ["ana@example.org"]
    assert registration.get_absolute_url() in mail.outbox[1].body
    assert [log.kind for log in EmailLog.objects.order_by("pk")] == [EmailKind.CONFIRM, EmailKind.EXISTING]


def test_register_duplicate_is_caught_by_the_constraint(edition, django_capture_on_commit_callbacks):
    """No look-up before the insert: the unique constraint on the lower-cased address refuses the second row
    (registered a moment ago by a concurrent request, or long ago), and the owner gets their link again."""
    from occupy.registration.services.register import register

    Registration.objects.create(edition=edition, name="Ana", email="ana@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        data = {**form_data(email="Ana@example.org"), "newsletter_consent": False, "accessibility_needs": ""}
        result = register(edition=edition, data=data, answers={}, language="en")
    assert Registration.objects.count() == 1
    assert result.email == "ana@example.org"
    assert EmailLog.objects.get().kind == EmailKind.EXISTING


def test_register_closed_before_opening_and_after_closing(client, django_capture_on_commit_callbacks):
    now = timezone.now()
    not_yet = EditionFactory(year=2033, registration_opens_at=now + datetime.timedelta(days=3))
    closed = EditionFactory(year=2034, registration_closes_at=now - datetime.timedelta(days=1))
    ended = EditionFactory(year=2019, start_date=datetime.date(2019, 6, 1), end_date=datetime.date(2019, 6, 2))
    assert "has not opened yet" in client.get(f"/{not_yet.slug}/register/").content.decode()
    assert "is closed" in client.get(f"/{closed.slug}/register/").content.decode()
    assert "This edition has ended" in client.get(f"/{ended.slug}/register/").content.decode()
    assert post(client, closed, django_capture_on_commit_callbacks).status_code == 403
    assert not Registration.objects.exists()


def test_register_unknown_edition_is_404(client):
    assert client.get("/1999/register/").status_code == 404


def test_register_in_romanian_records_the_language(client, edition, django_capture_on_commit_callbacks):
    client.cookies["django_language"] = "ro"
    post(client, edition, django_capture_on_commit_callbacks)
    assert Registration.objects.get().language == "ro"


def test_register_closed_page_gives_the_opening_time_only_before_it_in_the_editions_zone(client):
    opens = datetime.datetime(2033, 3, 1, 7, 0, tzinfo=datetime.UTC)
    not_yet = EditionFactory(year=2033, registration_opens_at=opens)
    ended = EditionFactory(
        year=2018,
        start_date=datetime.date(2018, 6, 1),
        end_date=datetime.date(2018, 6, 2),
        registration_opens_at=datetime.datetime(2018, 3, 1, 7, 0, tzinfo=datetime.UTC),
    )

    before = client.get(f"/{not_yet.slug}/register/").content.decode()
    after = client.get(f"/{ended.slug}/register/").content.decode()

    assert "Registration opens on 1 March 2033, 09:00 (Europe/Bucharest)." in before
    assert "Registration opens on" not in after
