import pytest
from django.urls import reverse

from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Material, MaterialKind, SpeakerRole
from occupy.programme.tests.factories import SessionSpeakerFactory, build_programme
from occupy.programme.tests.programme_pages import make_hybrid_edition, make_online_edition

pytestmark = pytest.mark.django_db

# Content version, session with edition/format/theme/room, speakers with people, materials, the public recording
# (the live app's template tag), navigation.
SESSION_QUERIES = 6


def test_session_page_shows_the_session_in_full(client):
    _, sessions = make_hybrid_edition()
    solar = sessions["solar"]
    solar.abstract = "Panels on the roof.\n\nThe library <em>pays</em> less."
    solar.save()
    SessionSpeakerFactory(
        session=solar, order=1, person=PersonFactory(name="Maria Ionescu", slug="maria", bio="Runs a library.")
    )
    SessionSpeakerFactory(
        session=solar, order=0, role=SpeakerRole.MODERATOR,
        person=PersonFactory(name="Olena Shevchenko", slug="olena", position="Director", country="UA", bio=""),
    )  # fmt: skip
    Material.objects.create(session=solar, kind=MaterialKind.SLIDES, title="Our slides", url="https://example.org/s")
    Material.objects.create(session=solar, kind=MaterialKind.VIDEO, title="Recording", url="https://example.org/v")

    response = client.get("/2022/sessions/solar/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Solar panels on the library roof</h1>" in html
    assert "<dd>Case study</dd>" in html
    assert '<a href="/2022/schedule/?theme=green">Green libraries</a>' in html
    assert "<dd>Thursday, 2 June 2022</dd>" in html
    assert '<time datetime="2022-06-02T10:00:00+03:00">10:00</time>' in html
    assert "in Europe/Bucharest (EEST, UTC+03:00)</span>" in html
    assert "<dd>Great Hall</dd>" in html
    assert "<dd>At the venue and online</dd>" in html
    assert "<p>Panels on the roof.</p>\n\n<p>The library &lt;em&gt;pays&lt;/em&gt; less.</p>" in html
    # Speakers in their order, each linked to their page across editions; initials when there is no photo.
    assert html.index("Olena Shevchenko") < html.index("Maria Ionescu")
    assert '<a href="/speakers/olena/">Olena Shevchenko</a> <span class="speaker__role">(moderator)</span>' in html
    assert "Director, Public Library · Ukraine" in html
    assert '<span class="avatar avatar--initials" aria-hidden="true">MI</span>' in html
    assert "<p>Runs a library.</p>" in html
    assert '<a href="https://example.org/s">Slides: Our slides</a>' in html
    assert '<a href="https://example.org/v">Video: Recording</a>' in html
    assert '<a href="/2022/schedule/"><span aria-hidden="true">← </span>Schedule of' in html
    assert 'href="/2022/agenda/add/solar/"' in html
    ics_url = reverse("programme:session-ics", kwargs={"edition": "2022", "slug": "solar"})
    assert f'href="{ics_url}" download>Add to calendar' in html


def test_session_page_of_an_online_edition(client):
    make_online_edition()
    make_hybrid_edition()
    response = client.get("/2020/sessions/opening/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Opening keynote</h1>" in html
    assert "<dd>Tuesday, 22 September 2020</dd>" in html
    assert "<dd>Main stage</dd>" in html
    assert "<dd>Online</dd>" in html
    assert '<a href="/speakers/ana-popescu/">Ana Popescu</a>' in html
    assert "Materials" not in html
    assert "/agenda/add/" not in html  # a past edition that is not the latest one


def test_session_page_times_in_the_visitors_zone(client):
    make_hybrid_edition()
    response = client.get("/2022/sessions/coding/?tz=America/New_York")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<time datetime="2022-06-02T04:00:00-04:00">04:00</time>' in html
    assert '<time datetime="2022-06-02T05:30:00-04:00">05:30</time>' in html
    assert "in America/New_York (EDT, UTC-04:00)</span>" in html
    assert '<a href="/2022/schedule/?tz=America%2FNew_York">' in html
    assert "<option selected>America/New_York</option>" in html


def test_session_page_unknown_time_zone_gets_a_message_and_the_edition_zone(client):
    make_hybrid_edition()
    response = client.get("/2022/sessions/coding/?tz=Europe/Atlantis")
    html = response.content.decode()
    assert response.status_code == 400
    assert "We do not know the time zone “Europe/Atlantis”" in html
    assert '<time datetime="2022-06-02T11:00:00+03:00">11:00</time>' in html


def test_session_page_of_an_unscheduled_session_says_so(client):
    _, sessions = make_hybrid_edition()
    sessions["seeds"].starts_at = None
    sessions["seeds"].ends_at = None
    sessions["seeds"].save()
    html = client.get("/2022/sessions/seeds/").content.decode()
    assert "<dd>Not scheduled yet</dd>" in html
    assert "Add to calendar" not in html
    assert "A seed library" not in client.get("/2022/schedule/").content.decode()


@pytest.mark.parametrize(
    "path",
    ["/2022/sessions/no-such-session/", "/1999/sessions/solar/", "/2020/sessions/solar/", "/2022/sessions/solar/x/"],
)
def test_session_page_unknown_session_or_edition_is_a_404_in_the_layout(client, path):
    make_online_edition()
    make_hybrid_edition()
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_session_page_of_an_unpublished_edition_is_a_404(client):
    edition, _ = make_hybrid_edition()
    edition.is_published = False
    edition.save()
    assert client.get("/2022/sessions/solar/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/2022/sessions/" + "s" * 10_000 + "/",
        "/2022/sessions/%00/",
        "/2022/sessions/solar%00/",
        "/2022/sessions/%C8%99coal%C4%83/",
        "/2022/sessions/solar'%20OR%20'1'='1/",
        "/2022/sessions/99999999999999999999999999999/",
        "/2022/sessions/solar/?tz=" + "x" * 10_000,
        "/2022/sessions/solar/?tz=%00",
        "/2022/sessions/solar/?tz=%22%3E%3Cscript%3Ealert(1)%3C/script%3E",
        "/2022/sessions/solar/?tz=Europe/Kyiv&tz=../../etc/passwd",
    ],
)
def test_session_page_garbage_never_breaks_the_page(client, path):
    make_hybrid_edition()
    response = client.get(path)
    assert response.status_code in (200, 400, 404)
    assert "<script>alert" not in response.content.decode()


def test_session_page_shows_a_changed_title_at_once(client):
    _, sessions = make_hybrid_edition()
    assert "<h1>Webinars that work</h1>" in client.get("/2022/sessions/webinar/").content.decode()
    sessions["webinar"].title = "Webinars that still work"
    sessions["webinar"].save()
    assert "<h1>Webinars that still work</h1>" in client.get("/2022/sessions/webinar/").content.decode()


@pytest.mark.parametrize("size", [40, 400])
def test_session_page_queries_do_not_grow_with_the_programme(client, django_assert_num_queries, size):
    build_programme(EditionFactory(year=2022), sessions=size)
    with django_assert_num_queries(SESSION_QUERIES):
        response = client.get("/2022/sessions/2022-session-7/")
    assert response.status_code == 200
