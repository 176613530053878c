"""The admin shows the call's records; a submission's state is read there, never typed."""

import pytest

from occupy.cfp.models import SubmissionState
from occupy.cfp.tests.factories import CallFactory, SubmissionFactory

pytestmark = pytest.mark.django_db


def test_the_admin_lists_submissions_and_refuses_to_change_a_state(organiser_client):
    submission = SubmissionFactory(title="Reading <b>clubs</b> for teenagers")
    CallFactory(edition=submission.edition)

    listed = organiser_client.get("/admin/cfp/submission/").content.decode()
    url = f"/admin/cfp/submission/{submission.pk}/change/"
    form = organiser_client.get(url).content.decode()
    organiser_client.post(url, {"title": submission.title, "state": SubmissionState.ACCEPTED})

    assert "Reading &lt;b&gt;clubs&lt;/b&gt; for teenagers" in listed
    assert 'name="state"' not in form
    submission.refresh_from_db()
    assert submission.state == SubmissionState.SUBMITTED


def test_the_admin_shows_a_call_in_its_editions_zone(organiser_client):
    call = CallFactory()

    page = organiser_client.get(f"/admin/cfp/call/{call.pk}/change/").content.decode()

    assert f"Times are in {call.edition.time_zone}, the edition's time zone." in page
