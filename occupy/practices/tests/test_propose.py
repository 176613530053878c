"""A librarian proposes a practice between editions: it waits, private, for an organiser's decision."""

import pytest

from occupy.practices.enums import Status
from occupy.practices.models import Practice

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Book bikes in Cluj",
    "summary": "Librarians cycle to the parks with books.",
    "organisation": "Biblioteca Județeană Octavian Goga",
    "country": "RO",
    "city": "Cluj-Napoca",
    "library_type": "public",
    "audiences": ["children", "seniors"],
    "sdgs": ["4", "11"],
    "themes": "outreach, cycling",
    "contact_name": "Ioana",
    "contact_email": "ioana@example.org",
}


def test_a_proposal_is_saved_as_proposed_and_not_public(client):
    response = client.post("/practices/propose/", VALID)
    assert response.status_code == 302
    assert response["Location"] == "/practices/propose/thanks/"
    practice = Practice.objects.get()
    assert practice.status == Status.PROPOSED and practice.published_at is None and not practice.is_sample
    assert sorted(t.value for t in practice.audiences) == ["children", "seniors"]
    assert [t.display for t in practice.themes] == ["cycling", "outreach"]
    assert client.get(practice.get_absolute_url()).status_code == 404
    assert "Book bikes" not in client.get("/practices/?q=book+bikes").content.decode()
    assert "Thank you for your proposal" in client.get(response["Location"]).content.decode()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"country": "XX"}, "country"),
        ({"sdgs": ["18"]}, "sdgs"),
        ({"audiences": ["dragons"]}, "audiences"),
        ({"contact_email": "not-an-address"}, "contact_email"),
        ({"website_url": "javascript:alert(1)"}, "website_url"),
        ({"themes": ",".join(f"t{i}" for i in range(11))}, "themes"),
        ({"summary": "a\x00b"}, "summary"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_everything_typed_is_kept(client, change, field):
    response = client.post("/practices/propose/", {**VALID, **change})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    html = response.content.decode()
    assert "Please correct the fields marked below" in html
    assert "Biblioteca Județeană Octavian Goga" in html
    assert not Practice.objects.exists()


def test_proposals_are_rate_limited(client, settings):
    settings.RATELIMIT_ENABLED = True
    settings.RATELIMIT_PER_IP = 2
    for _ in range(2):
        assert client.post("/practices/propose/", {**VALID, "title": ""}).status_code == 400
    response = client.post("/practices/propose/", VALID)
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert "Book bikes in Cluj" in response.content.decode()
    assert not Practice.objects.exists()


def test_the_proposal_form_is_never_cached(client):
    response = client.get("/practices/propose/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
