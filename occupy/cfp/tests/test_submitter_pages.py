import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from occupy.cfp.models import Submission, SubmissionSpeaker, SubmissionState
from occupy.cfp.tests.factories import CallFactory, CallQuestionFactory, SubmissionFactory, UserFactory
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana_client(client, submitter):
    client.force_login(submitter)
    return client


def _post(call, **overrides):
    data = {
        "title": "Reading clubs",
        "abstract": "How we did it.",
        "format": call.ignite.pk,
        "theme": call.theme.pk,
        "language": "ro",
        "speakers-TOTAL_FORMS": "2",
        "speakers-INITIAL_FORMS": "0",
        "speakers-0-name": "",
        "speakers-0-email": "",
        "speakers-1-name": "",
        "speakers-1-email": "",
        "action": "draft",
    }
    data.update(overrides)
    return data


def test_call_page_shows_dates_in_the_editions_zone_formats_with_durations_and_a_button(client):
    call = CallFactory(
        opens_at=datetime.datetime(2020, 5, 1, 6, 0, tzinfo=datetime.UTC),
        closes_at=datetime.datetime(2099, 6, 30, 20, 59, tzinfo=datetime.UTC),
        guidance="Tell us <script>alert(1)</script>",
    )
    SessionFormatFactory(edition=call.edition, name="Ignite talk", default_minutes=5)
    response = client.get(reverse("cfp:call", kwargs={"edition": call.edition.slug}))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Open from 1 May 2020, 09:00 to 30 June 2099, 23:59 (Europe/Bucharest time)." in page
    assert "Ignite talk</strong> (5 minutes)" in page
    assert reverse("cfp:submit", kwargs={"edition": call.edition.slug}) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "csrfmiddlewaretoken" not in page
    assert response["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    ("opens", "closes", "says"),
    [
        (datetime.timedelta(days=1), datetime.timedelta(days=2), "The call is not open yet."),
        (datetime.timedelta(days=-2), datetime.timedelta(days=-1), "The call is closed"),
    ],
)
def test_call_page_outside_its_dates_says_so_without_a_button(client, opens, closes, says):
    now = timezone.now()
    call = CallFactory(opens_at=now + opens, closes_at=now + closes)
    page = client.get(reverse("cfp:call", kwargs={"edition": call.edition.slug})).content.decode()
    assert says in page
    assert reverse("cfp:submit", kwargs={"edition": call.edition.slug}) not in page


def test_call_page_of_an_unpublished_edition_or_without_a_call_is_not_found(client):
    draft = CallFactory(edition=EditionFactory(is_published=False))
    assert client.get(reverse("cfp:call", kwargs={"edition": draft.edition.slug})).status_code == 404
    assert client.get(reverse("cfp:call", kwargs={"edition": EditionFactory().slug})).status_code == 404


@pytest.mark.parametrize("themes", [1, 8])
def test_call_page_queries_do_not_grow(client, django_assert_num_queries, themes):
    call = CallFactory()
    for number in range(themes):
        SessionFormatFactory(edition=call.edition)
        CallQuestionFactory(call=call)
        call.themes.create(edition=call.edition, title=f"T{number}", slug=f"t{number}")
    with django_assert_num_queries(8):
        assert client.get(reverse("cfp:call", kwargs={"edition": call.edition.slug})).status_code == 200


def test_submit_page_sends_visitors_to_sign_in(client, call):
    url = reverse("cfp:submit", kwargs={"edition": call.edition.slug})
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/account/login/?next={url}"


def test_submit_saves_a_draft_then_submits_it(
    ana_client, call, submitter, django_capture_on_commit_callbacks, mailoutbox
):
    url = reverse("cfp:submit", kwargs={"edition": call.edition.slug})
    data = _post(call, **{"speakers-0-name": "Olena", "speakers-0-email": "olena@example.org"})
    response = ana_client.post(url, data)
    submission = Submission.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("cfp:edit-submission", kwargs={"code": submission.code})
    assert (submission.state, submission.format, submission.language) == (SubmissionState.DRAFT, call.ignite, "ro")
    edit = reverse("cfp:edit-submission", kwargs={"code": submission.code})
    data["speakers-INITIAL_FORMS"] = "1"
    with django_capture_on_commit_callbacks(execute=True):
        response = ana_client.post(edit, {**data, "action": "submit"})
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED
    assert [message.to for message in mailoutbox] == [["olena@example.org"]]
    assert "Your contribution is submitted." in ana_client.get(edit).content.decode()


def test_submit_with_missing_and_too_long_fields_keeps_what_was_typed(ana_client, call):
    url = reverse("cfp:submit", kwargs={"edition": call.edition.slug})
    response = ana_client.post(url, _post(call, title="", abstract="<i>x</i>" * 1000))
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in page
    assert "Ensure this value has at most 5000 characters (it has 8000)." in page
    assert "&lt;i&gt;x&lt;/i&gt;" in page
    assert Submission.objects.count() == 0


def test_submit_requires_required_answers_only_when_submitting(ana_client, call):
    question = CallQuestionFactory(call=call, label="Who took part?", required=True)
    url = reverse("cfp:submit", kwargs={"edition": call.edition.slug})
    response = ana_client.post(url, _post(call, action="submit"))
    assert response.status_code == 400
    assert Submission.objects.count() == 0
    assert ana_client.post(url, _post(call)).status_code == 302
    assert Submission.objects.get().answers.get(question=question).answer == ""


def test_submit_a_co_speaker_without_an_email_is_refused_clearly(ana_client, call):
    url = reverse("cfp:submit", kwargs={"edition": call.edition.slug})
    response = ana_client.post(url, _post(call, **{"speakers-0-name": "Olena"}))
    assert response.status_code == 400
    assert "Please give the co-speaker&#x27;s e-mail address too" in response.content.decode()


def test_a_change_after_the_deadline_is_refused_with_a_message_and_the_draft_kept(ana_client, call, submitter):
    submission = SubmissionFactory(edition=call.edition, submitter=submitter, format=call.ignite, title="Kept")
    call.opens_at = timezone.now() - datetime.timedelta(days=3)
    call.closes_at = timezone.now() - datetime.timedelta(days=1)
    call.save()
    edit = reverse("cfp:edit-submission", kwargs={"code": submission.code})
    response = ana_client.post(edit, _post(call, title="Changed too late"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "The call for contributions closed on" in page
    assert 'value="Changed too late"' in page
    submission.refresh_from_db()
    assert submission.title == "Kept"


def test_another_accounts_or_a_forged_code_is_not_found(client, call):
    submission = SubmissionFactory(edition=call.edition)
    client.force_login(UserFactory())
    for code in (submission.code, "forged-code"):
        assert client.get(reverse("cfp:edit-submission", kwargs={"code": code})).status_code == 404
        assert client.post(reverse("cfp:withdraw-submission", kwargs={"code": code})).status_code == 404
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED


def test_withdraw_from_the_page(ana_client, call, submitter):
    submission = SubmissionFactory(edition=call.edition, submitter=submitter)
    response = ana_client.post(reverse("cfp:withdraw-submission", kwargs={"code": submission.code}))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.state == SubmissionState.WITHDRAWN


@pytest.mark.parametrize("count", [1, 6])
def test_my_contributions_lists_each_with_its_state_in_fixed_queries(
    ana_client, submitter, call, django_assert_num_queries, count
):
    for number in range(count):
        submission = SubmissionFactory(edition=call.edition, submitter=submitter, title=f"<b>Talk {number}</b>")
        SubmissionSpeaker.objects.create(submission=submission, name="Olena", email="o@example.org", order=1)
    SubmissionFactory(edition=call.edition, title="Someone else's")
    with django_assert_num_queries(5):
        response = ana_client.get(reverse("cfp:my-submissions"))
    page = response.content.decode()
    assert page.count("&lt;b&gt;Talk") == count
    assert page.count("<td>Submitted</td>") == count
    assert "Someone else" not in page


def test_invitation_asks_visitors_to_sign_in_then_the_co_speaker_agrees(client, call):
    submission = SubmissionFactory(edition=call.edition)
    speaker = SubmissionSpeaker.objects.create(submission=submission, name="Olena", email="olena@example.org")
    url = reverse("cfp:invitation", kwargs={"invitation": speaker.invitation})
    page = client.get(url).content.decode()
    assert f"/account/login/?next={url}" in page
    olena = UserFactory(first_name="Olena Kovalenko")
    client.force_login(olena)
    response = client.post(url, {"action": "accept"})
    assert response.status_code == 302
    speaker.refresh_from_db()
    assert speaker.accepted_invitation_at is not None
    assert speaker.person.user == olena


def test_invitation_declined_removes_the_co_speaker(client, call):
    speaker = SubmissionSpeaker.objects.create(
        submission=SubmissionFactory(edition=call.edition), name="Olena", email="olena@example.org"
    )
    client.force_login(UserFactory())
    response = client.post(reverse("cfp:invitation", kwargs={"invitation": speaker.invitation}), {"action": "decline"})
    assert response.status_code == 200
    assert not SubmissionSpeaker.objects.filter(pk=speaker.pk).exists()


def test_a_forged_invitation_is_not_found(client):
    assert client.get(reverse("cfp:invitation", kwargs={"invitation": "forged"})).status_code == 404


def test_call_page_shows_a_change_of_the_call_at_once(client, settings):
    call = CallFactory(guidance="First guidance")
    url = reverse("cfp:call", kwargs={"edition": call.edition.slug})
    assert "First guidance" in client.get(url).content.decode()
    call.guidance = "Second guidance"
    call.save()
    assert "Second guidance" in client.get(url).content.decode()


def test_submit_page_of_a_closed_call_says_so(ana_client, call):
    call.opens_at = timezone.now() - datetime.timedelta(days=3)
    call.closes_at = timezone.now() - datetime.timedelta(days=1)
    call.save()
    page = ana_client.get(reverse("cfp:submit", kwargs={"edition": call.edition.slug})).content.decode()
    assert "The call is not open now: contributions cannot be submitted or changed." in page


def test_the_edition_page_links_to_its_call_only_when_it_has_one(client):
    without = EditionFactory(is_published=True)
    with_call = CallFactory(edition=EditionFactory(is_published=True)).edition

    assert f'href="/{without.slug}/cfp/"' not in client.get(f"/{without.slug}/").content.decode()
    assert f'href="/{with_call.slug}/cfp/"' in client.get(f"/{with_call.slug}/").content.decode()
