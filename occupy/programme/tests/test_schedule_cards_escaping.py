"""The schedule's session cards and the speakers page's person cards are written in Python (cards.py,
person_cards.py), not by the template engine: every text an organiser or a speaker typed is still escaped."""

import pytest

from occupy.editions.models import Room, SessionFormat, Theme
from occupy.people.models import Person
from occupy.programme.models import Session
from occupy.programme.tests.programme_pages import make_online_edition

pytestmark = pytest.mark.django_db
HOSTILE = '<img src=x onerror=alert(1)> "quoted" & more'
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; more"


@pytest.fixture
def hostile_edition():
    edition = make_online_edition()
    Session.objects.filter(slug="opening").update(title=f"Title {HOSTILE}")
    Room.objects.filter(edition=edition, slug="main-stage").update(name=f"Room {HOSTILE}")
    SessionFormat.objects.filter(edition=edition, slug="keynote").update(name=f"Format {HOSTILE}")
    Theme.objects.filter(edition=edition, slug="innovation").update(title=f"Theme {HOSTILE}")
    Person.objects.filter(slug="ana-popescu").update(name=f"Speaker {HOSTILE}", organisation=f"Org {HOSTILE}")
    return edition


@pytest.mark.parametrize("path", ["/2020/schedule/", "/2020/speakers/"])
def test_every_typed_text_on_the_cards_is_escaped(client, hostile_edition, path):
    html = client.get(path).content.decode()

    assert "<img src=x" not in html
    assert ESCAPED in html


def test_the_schedule_card_shows_each_escaped_text(client, hostile_edition):
    html = client.get("/2020/schedule/").content.decode()

    for label in ("Title", "Room", "Format", "Theme", "Speaker"):
        assert f"{label} {ESCAPED}" in html
