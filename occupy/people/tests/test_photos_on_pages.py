"""Speakers' photos on the public pages: renditions in srcset with sizes, width/height, lazy and async; initials
when there is no photo; the same number of queries whatever the number of photos."""

import io
import re

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from occupy.editions.tests.factories import EditionFactory
from occupy.people.models import Person
from occupy.people.photos import store_photo
from occupy.people.tests.factories import PersonFactory
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory, build_programme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def photo_upload(size=(900, 1200)):
    out = io.BytesIO()
    Image.new("RGB", size, "teal").save(out, "JPEG")
    return SimpleUploadedFile("me.jpg", out.getvalue())


@pytest.fixture
def speakers():
    edition = EditionFactory(year=2022)
    ana = PersonFactory(name="Ana Popescu", slug="ana-popescu")
    store_photo(person=ana, upload=photo_upload())
    olena = PersonFactory(name="Olena Shevchenko", slug="olena")
    session = SessionFactory(edition=edition, title="Repair cafés", slug="repair")
    SessionSpeakerFactory(person=ana, session=session, order=1)
    SessionSpeakerFactory(person=olena, session=session, order=2)
    return edition


SRCSET = ", ".join(f"/media/people/ana-popescu.w{w}.jpg {w}w" for w in (96, 192, 400))


def test_person_page_shows_the_photo_from_its_renditions_at_its_displayed_size(client, speakers):
    html = client.get("/speakers/ana-popescu/").content.decode()

    assert (
        f'<img class="avatar" src="/media/people/ana-popescu.w192.jpg" srcset="{SRCSET}" sizes="7rem" alt="" '
        'width="192" height="192" loading="lazy" decoding="async">'
    ) in html


def test_speakers_page_shows_photos_small_and_initials_without_a_photo(client, speakers):
    html = client.get("/2022/speakers/").content.decode()

    assert (
        f'<img class="avatar" src="/media/people/ana-popescu.w96.jpg" srcset="{SRCSET}" sizes="4rem" alt="" '
        'width="96" height="96" loading="lazy" decoding="async">'
    ) in html
    assert '<span class="avatar avatar--initials" aria-hidden="true">OS</span>' in html
    assert "ana-popescu.jpg" not in html  # never the original


def test_session_page_shows_speakers_photos_small(client, speakers):
    html = client.get("/2022/sessions/repair/").content.decode()

    assert 'src="/media/people/ana-popescu.w96.jpg"' in html and 'sizes="4rem"' in html
    assert '<span class="avatar avatar--initials" aria-hidden="true">OS</span>' in html


def test_a_photo_stored_before_renditions_existed_is_still_shown(client, speakers):
    Person.objects.filter(slug="ana-popescu").update(photo_width=None, photo_height=None)

    html = client.get("/speakers/ana-popescu/").content.decode()

    assert (
        '<img class="avatar" src="/media/people/ana-popescu.jpg" alt="" width="112" height="112" loading="lazy" '
        'decoding="async">'
    ) in html


@pytest.mark.parametrize("sessions", [5, 50])
def test_speakers_page_with_photos_issues_the_same_queries_at_two_sizes(client, django_assert_num_queries, sessions):
    edition = EditionFactory(year=2022)
    build_programme(edition, sessions=sessions)
    Person.objects.update(photo="people/shared.jpg", photo_width=600, photo_height=800)
    cache.clear()

    # version, edition, speakers, their sessions, navigation editions
    with django_assert_num_queries(5):
        response = client.get("/2022/speakers/")

    html = response.content.decode()
    assert len(re.findall(r'<img class="avatar" src="/media/people/shared.w96.jpg"', html)) == sessions * 2
