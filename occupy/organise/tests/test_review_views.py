"""The review pages through the client: who may open what, bad input, hidden scores, decisions, confirmation."""

import datetime

import pytest
from django.core import mail

from occupy.cfp.models import (
    Decision,
    DecisionTemplate,
    Review,
    ReviewAssignment,
    ReviewCriterion,
    SubmissionAnswer,
    SubmissionState,
)
from occupy.cfp.services.review import save_review
from occupy.cfp.tests.factories import CallQuestionFactory, ReviewCriterionFactory, SubmissionFactory
from occupy.cfp.tests.roles import give_organisation, with_role
from occupy.editions.models import Role
from occupy.editions.tests.factories import EditionFactory
from occupy.programme.models import Unavailability

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(year=2031, slug="2031", time_zone="Europe/Bucharest")


@pytest.fixture
def criteria(edition):
    return [
        ReviewCriterionFactory(edition=edition, name="Relevance", weight=2),
        ReviewCriterionFactory(edition=edition, name="Clarity"),
    ]


@pytest.fixture
def submission(edition):
    submission = SubmissionFactory(edition=edition, title="Reading <em>clubs</em>", abstract="We read <b>aloud</b>.")
    give_organisation(submission.submitter, "City <i>Library</i>")
    return submission


def signed_in(client, user):
    client.force_login(user)
    return client


def assigned_reviewer(submission, username="reviewer"):
    reviewer = with_role(submission.edition, username=username)
    ReviewAssignment.objects.create(submission=submission, reviewer=reviewer)
    return reviewer


def test_review_pages_send_anonymous_visitors_to_sign_in(client, edition, submission):
    for path in [
        "/organise/2031/review/",
        f"/organise/2031/review/{submission.code}/",
        "/organise/2031/review/ranking/",
    ]:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/account/login/"), path


def test_a_reviewer_of_another_edition_gets_403(client, edition, submission):
    elsewhere = with_role(EditionFactory(year=2032, slug="2032"))
    signed_in(client, elsewhere)
    assert client.get("/organise/2031/review/").status_code == 403
    assert client.get(f"/organise/2031/review/{submission.code}/").status_code == 403


def test_a_reviewer_may_not_open_the_organisers_review_pages(client, edition, submission):
    signed_in(client, assigned_reviewer(submission))
    for part in ["assign", "criteria", "ranking", "templates"]:
        assert client.get(f"/organise/2031/review/{part}/").status_code == 403, part


def test_an_unassigned_reviewer_and_a_forged_reference_get_404(client, edition, submission):
    signed_in(client, with_role(edition, username="unassigned"))
    assert client.get(f"/organise/2031/review/{submission.code}/").status_code == 404
    assert client.get("/organise/2031/review/forged-code-123/").status_code == 404


def test_the_reviewer_sees_what_review_needs_escaped_and_never_an_email(client, edition, submission, criteria):
    question = CallQuestionFactory(call__edition=edition, label="Who <u>benefits</u>?")
    SubmissionAnswer.objects.create(submission=submission, question=question, answer="Rural <s>readers</s>")
    signed_in(client, assigned_reviewer(submission))
    response = client.get(f"/organise/2031/review/{submission.code}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Reading &lt;em&gt;clubs&lt;/em&gt;" in page and "<em>clubs" not in page
    assert "We read &lt;b&gt;aloud&lt;/b&gt;." in page
    assert "City &lt;i&gt;Library&lt;/i&gt;" in page
    assert "Who &lt;u&gt;benefits&lt;/u&gt;?" in page and "Rural &lt;s&gt;readers&lt;/s&gt;" in page
    assert submission.submitter.email not in page and "@" not in page.split("<main", 1)[-1]
    listing = client.get("/organise/2031/review/").content.decode()
    assert "Not done yet" in listing and submission.code in listing


def test_scores_of_others_stay_hidden_until_the_reviewer_has_saved_their_own(client, edition, submission, criteria):
    other = assigned_reviewer(submission, "other")
    save_review(
        submission=submission, reviewer=other, scores={criteria[0].pk: 5, criteria[1].pk: 2}, comment="Secret note"
    )
    reviewer = assigned_reviewer(submission)
    signed_in(client, reviewer)
    page = client.get(f"/organise/2031/review/{submission.code}/").content.decode()
    assert "Secret note" not in page and "4.00" not in page

    response = client.post(
        f"/organise/2031/review/{submission.code}/",
        {f"score_{criteria[0].pk}": "3", f"score_{criteria[1].pk}": "3", "comment": "Mine"},
    )
    assert response.status_code == 302
    page = client.get(f"/organise/2031/review/{submission.code}/").content.decode()
    assert "Secret note" in page and "4.00" in page  # (2×5 + 1×2) / 3
    assert "Done" in client.get("/organise/2031/review/").content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"first": "6", "second": "3"}, "less than or equal to 5"),
        ({"first": "-1", "second": "3"}, "greater than or equal to 0"),
        ({"first": "three", "second": "3"}, "Enter a whole number."),
        ({"first": "", "second": "3"}, "This field is required."),
        ({"first": "3", "second": "3", "comment": "x" * 5001}, "at most 5000 characters"),
    ],
)
def test_a_bad_review_gets_a_clear_message_and_keeps_what_was_typed(
    client, edition, submission, criteria, data, message
):
    signed_in(client, assigned_reviewer(submission))
    posted = {f"score_{criteria[0].pk}": data["first"], f"score_{criteria[1].pk}": data["second"]}
    posted["comment"] = data.get("comment", "<script>alert(1)</script>kept")
    response = client.post(f"/organise/2031/review/{submission.code}/", posted)
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert Review.objects.count() == 0
    if "comment" not in data:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;kept" in page and "<script>alert" not in page


def test_the_organiser_adds_and_removes_a_reviewer_and_is_told_of_a_conflict(client, edition, submission):
    organiser = with_role(edition, Role.ORGANISER, username="boss")
    reviewer = with_role(edition, username="rev", organisation="city <i>library</i>")
    fair = with_role(edition, username="fair")
    signed_in(client, organiser)
    url = "/organise/2031/review/assign/"
    response = client.post(url, {"submission": submission.code, "reviewer": reviewer.pk, "action": "add"})
    assert response.status_code == 400
    assert "belongs to the organisation of a speaker" in response.content.decode()
    assert client.post(url, {"submission": submission.code, "reviewer": fair.pk, "action": "add"}).status_code == 302
    assert list(submission.assignments.values_list("reviewer__username", flat=True)) == ["fair"]
    assert client.post(url, {"submission": "forged", "reviewer": fair.pk, "action": "add"}).status_code == 404
    assert client.post(url, {"submission": submission.code, "reviewer": 999999, "action": "add"}).status_code == 400
    assert (
        client.post(url, {"submission": submission.code, "reviewer": fair.pk, "action": "remove"}).status_code == 302
    )
    assert submission.assignments.count() == 0
    assert client.post(url, {"per_submission": "0"}).status_code == 400
    assert client.post(url, {"per_submission": "2"}).status_code == 302
    assert sorted(submission.assignments.values_list("reviewer__username", flat=True)) == ["boss", "fair"]


def test_the_organiser_sets_criteria_and_bad_ones_are_refused(client, edition):
    signed_in(client, with_role(edition, Role.ORGANISER))
    url = "/organise/2031/review/criteria/"
    response = client.post(url, {"name": "", "weight": "11", "order": "0"})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert "less than or equal to 10" in response.content.decode()
    assert (
        client.post(url, {"name": "Relevance <b>", "description": "", "weight": "3", "order": "0"}).status_code == 302
    )
    criterion = ReviewCriterion.objects.get()
    assert (criterion.name, criterion.weight) == ("Relevance <b>", 3)
    assert "Relevance &lt;b&gt;" in client.get(url).content.decode()
    assert client.post(url, {"criterion": "99999", "delete": "1"}).status_code == 404
    assert client.post(url, {"criterion": str(criterion.pk), "delete": "1"}).status_code == 302
    assert ReviewCriterion.objects.count() == 0


def test_the_ranking_filters_and_decides_in_bulk(
    client, edition, submission, criteria, django_capture_on_commit_callbacks
):
    from occupy.editions.tests.factories import ThemeFactory

    theme = ThemeFactory(edition=edition, title="Reading")
    themed = SubmissionFactory(edition=edition, title="Themed", theme=theme)
    signed_in(client, with_role(edition, Role.ORGANISER))
    page = client.get(f"/organise/2031/review/ranking/?theme={theme.pk}").content.decode()
    assert "Themed" in page and "clubs" not in page
    assert "the highest minus the lowest" in page
    assert client.get("/organise/2031/review/ranking/?theme=forged&format=x").status_code == 200

    confirmed = SubmissionFactory(edition=edition, title="Already confirmed", state=SubmissionState.CONFIRMED)
    page = client.get("/organise/2031/review/ranking/").content.decode()
    assert "Already confirmed" in page and f'value="{confirmed.code}"' not in page
    response = client.post("/organise/2031/review/ranking/", {"submissions": ["forged"], "decision": Decision.ACCEPT})
    assert response.status_code == 400
    response = client.post(
        "/organise/2031/review/ranking/", {"submissions": [confirmed.code], "decision": Decision.REJECT}
    )
    assert response.status_code == 400
    response = client.post("/organise/2031/review/ranking/", {"decision": Decision.ACCEPT})
    assert response.status_code == 400 and "Tick at least one contribution." in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/organise/2031/review/ranking/",
            {"submissions": [submission.code, themed.code], "decision": Decision.REJECT},
        )
    assert response.status_code == 302
    assert set(type(submission).objects.exclude(pk=confirmed.pk).values_list("state", flat=True)) == {
        SubmissionState.REJECTED
    }
    assert len(mail.outbox) == 2


def test_decision_templates_are_saved_per_language_and_previewed(client, edition, submission):
    signed_in(client, with_role(edition, Role.ORGANISER))
    url = "/organise/2031/review/templates/?decision=accept&language=uk"
    page = client.get(url).content.decode()
    assert "{link}" in page  # the shipped text, to start from
    assert client.post(url, {"subject": "", "body": "x"}).status_code == 400
    assert client.post(url, {"subject": "Hi {name}", "body": "Dear {name}: {title} {link}"}).status_code == 302
    template = DecisionTemplate.objects.get()
    assert (template.decision, template.language, template.subject) == ("accept", "uk", "Hi {name}")
    page = client.get(f"{url}&preview={submission.code}").content.decode()
    assert "Reading &lt;em&gt;clubs&lt;/em&gt;" in page and "/cfp/confirm/" in page
    assert mail.outbox == []
    assert client.get(f"{url}&preview=forged").status_code == 404


def confirm_url(submission):
    return f"/cfp/confirm/{submission.speakers.get().invitation}/"


def test_the_speaker_confirms_with_unavailability_in_the_editions_zone(client, edition):
    submission = SubmissionFactory(edition=edition, state=SubmissionState.ACCEPTED)
    url = confirm_url(submission)
    page = client.get(url).content.decode()
    assert "Europe/Bucharest" in page
    response = client.post(
        url, {"answer": "confirm", "attendance": "live", "from_1": "2031-06-02T10:00", "until_1": "2031-06-02T12:00"}
    )
    assert response.status_code == 302
    [period] = Unavailability.objects.all()
    assert (period.starts_at, period.ends_at) == (
        datetime.datetime(2031, 6, 2, 7, tzinfo=datetime.UTC),
        datetime.datetime(2031, 6, 2, 9, tzinfo=datetime.UTC),
    )
    submission.refresh_from_db()
    assert submission.state == SubmissionState.CONFIRMED and submission.session.title == submission.title
    assert "you have confirmed" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "data, message",
    [
        ({"answer": "confirm"}, "at the venue or online"),
        ({}, "This field is required."),
        (
            {"answer": "confirm", "attendance": "live", "from_1": "2031-06-02T10:00"},
            "Give both the start and the end.",
        ),
        (
            {"answer": "confirm", "attendance": "live", "from_1": "2031-06-02T10:00", "until_1": "2031-06-02T09:00"},
            "The end must come after the start.",
        ),
        (
            {"answer": "confirm", "attendance": "live", "from_1": "<b>soon</b>", "until_1": "2031-06-02T09:00"},
            "Enter a valid date/time.",
        ),
    ],
)
def test_a_bad_confirmation_gets_a_clear_message(client, edition, data, message):
    submission = SubmissionFactory(edition=edition, state=SubmissionState.ACCEPTED)
    response = client.post(confirm_url(submission), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<b>soon" not in response.content.decode()
    submission.refresh_from_db()
    assert submission.state == SubmissionState.ACCEPTED


def test_a_forged_invitation_gets_404_and_a_decided_one_says_it_is_not_waiting(client, edition):
    assert client.get("/cfp/confirm/forged-invitation/").status_code == 404
    rejected = SubmissionFactory(edition=edition, state=SubmissionState.REJECTED)
    assert "not waiting for your confirmation" in client.get(confirm_url(rejected)).content.decode()
    response = client.post(confirm_url(rejected), {"answer": "confirm", "attendance": "live"})
    assert response.status_code == 400


def test_organisers_of_the_edition_may_review_too(client, edition, submission, criteria):
    organiser = with_role(edition, Role.ORGANISER, username="boss")
    ReviewAssignment.objects.create(submission=submission, reviewer=organiser)
    signed_in(client, organiser)
    assert client.get(f"/organise/2031/review/{submission.code}/").status_code == 200
