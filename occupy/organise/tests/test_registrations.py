import csv
import io

import pytest

from occupy.editions.tests.factories import EditionFactory
from occupy.registration.models import AttendanceMode, Question, RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, slug="2031")


def test_organise_list_needs_a_staff_login(client, edition):
    for url in ("/organise/2031/registrations/", "/organise/2031/registrations.csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/account/login/")


def test_organise_participant_token_cannot_reach_the_list(client, edition):
    registration = RegistrationFactory(edition=edition)
    client.get(f"/registration/{registration.token}/")
    response = client.get("/organise/2031/registrations/")
    assert response.status_code == 302
    assert f"/organise/2031/registrations/{registration.token}" not in response["Location"]


def test_organise_list_search_and_filters(organiser_client, edition):
    RegistrationFactory(edition=edition, name="Ana Popescu", country="RO", role="librarian")
    RegistrationFactory(edition=edition, name="Olena Kovalenko", country="UA", role="student", attendance="live")
    RegistrationFactory(edition=edition, name="Waiting Wanda", status=RegistrationStatus.WAITLISTED, attendance="live")
    RegistrationFactory(edition=edition, name="Pending Pavel", status=RegistrationStatus.PENDING)

    def names(query):
        body = organiser_client.get(f"/organise/2031/registrations/?{query}").content.decode()
        return [n for n in ("Ana Popescu", "Olena Kovalenko", "Waiting Wanda", "Pending Pavel") if n in body]

    assert names("") == ["Ana Popescu", "Olena Kovalenko"]
    assert names("q=popescu") == ["Ana Popescu"]
    assert names("country=UA") == ["Olena Kovalenko"]
    assert names("role=librarian") == ["Ana Popescu"]
    assert names("attendance=live") == ["Olena Kovalenko"]
    assert names("status=waitlisted") == ["Waiting Wanda"]
    assert names("status=all") == ["Ana Popescu", "Olena Kovalenko", "Waiting Wanda", "Pending Pavel"]
    assert names("status=bogus&country=ZZ&role=x&attendance=y") == ["Ana Popescu", "Olena Kovalenko"]


def test_organise_figures_count_only_confirmed(organiser_client, edition):
    RegistrationFactory.create_batch(2, edition=edition, country="RO", attendance=AttendanceMode.LIVE)
    RegistrationFactory(edition=edition, country="UA")
    RegistrationFactory(edition=edition, country="UA", status=RegistrationStatus.PENDING)
    RegistrationFactory(edition=edition, country="UA", status=RegistrationStatus.CANCELLED)
    response = organiser_client.get("/organise/2031/registrations/")
    figures = response.context["figures"]
    assert figures["confirmed"] == 3
    assert figures["by_country"] == [("Romania", 2), ("Ukraine", 1)]
    assert figures["by_attendance"] == [("Live, at the venue", 2), ("Online", 1)]
    assert figures["by_role"] == [("Librarian", 3)]
    body = response.content.decode()
    assert '<svg class="chart"' in body and '<title id="chart-title">' in body and '<desc id="chart-desc">' in body
    assert response["Cache-Control"] == "private, no-store"


def test_organise_list_escapes_markup(organiser_client, edition):
    RegistrationFactory(edition=edition, organisation="<script>alert(1)</script>")
    body = organiser_client.get("/organise/2031/registrations/").content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize("size", [5, 120])
def test_organise_list_queries_do_not_grow(organiser_client, edition, size, django_assert_num_queries):
    RegistrationFactory.create_batch(size, edition=edition, confirmed_at="2031-03-01T10:00:00Z")
    # session, user, edition, count, page, 4 figures, chart, navigation editions
    with django_assert_num_queries(11):
        response = organiser_client.get("/organise/2031/registrations/")
    assert response.status_code == 200


@pytest.mark.parametrize("size", [5, 120])
def test_organise_csv_queries_do_not_grow(organiser_client, edition, size, django_assert_num_queries):
    Question.objects.create(edition=edition, label="Town")
    RegistrationFactory.create_batch(size, edition=edition)
    # session, user, edition, questions, registrations, answers
    with django_assert_num_queries(6):
        response = organiser_client.get("/organise/2031/registrations.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) == size + 1


def test_organise_csv_neutralises_formulas(organiser_client, edition):
    question = Question.objects.create(edition=edition, label="Town")
    registration = RegistrationFactory(
        edition=edition, name='=HYPERLINK("http://evil")', organisation="+1+1", accessibility_needs="-2"
    )
    registration.answers.create(question=question, value="@SUM(A1)")
    RegistrationFactory(edition=edition, name="\tTab", organisation="\rCarriage", email="plain@example.org")
    response = organiser_client.get("/organise/2031/registrations.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode(), newline="")))
    header, first, second = rows
    assert header[-1] == "Town"
    assert first[0] == '\'=HYPERLINK("http://evil")'
    assert first[3] == "'+1+1"
    assert first[header.index("accessibility_needs")] == "'-2"
    assert first[-1] == "'@SUM(A1)"
    assert second[0] == "'\tTab" and second[3] == "'\rCarriage"
    assert second[1] == "plain@example.org"


def test_organise_search_with_a_nul_byte_is_harmless(organiser_client, edition):
    RegistrationFactory(edition=edition, name="Ana Popescu")
    response = organiser_client.get("/organise/2031/registrations/?q=Ana%00")
    assert response.status_code == 200
    assert "Ana Popescu" in response.content.decode()
