import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from lxml import etree

from occupy.content.models import EditionPartner, NewsPost, Organisation, PartnerRole, Project
from occupy.content.services import set_site_contact
from occupy.editions.tests.factories import EditionFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def site():
    e2020 = EditionFactory(year=2020, start_date=datetime.date(2020, 9, 22), end_date=datetime.date(2020, 9, 25))
    e2022 = EditionFactory(year=2022)
    set_site_contact(
        name="Andreea Dumitrescu",
        role="Communication Coordinator, Progress Foundation",
        email="andreea.dumitrescu@progressfoundation.ro",
    )
    progress = Organisation.objects.create(
        name="Progress Foundation",
        slug="progress-foundation",
        country="RO",
        founded=1996,
        url="https://www.progressfoundation.ro/",
        description="An NGO that uses public libraries as lifelong learning hubs.",
    )
    for order, title in enumerate(
        ["CODE Kids", "Time to KNOW", "Learning circles in libraries", "Public Libraries as Active Citizens Hubs"]
    ):
        Project.objects.create(
            organisation=progress, title=title, slug=f"project-{order}", summary=f"About {title}.", order=order
        )
    EditionPartner.objects.create(edition=e2022, organisation=progress, role=PartnerRole.ORGANISER)
    EditionPartner.objects.create(edition=e2020, organisation=progress, role=PartnerRole.ORGANISER)
    press = NewsPost.objects.create(
        title="Occupy Library 2020 – the place where innovators everywhere share good working practices",
        slug="occupy-library-2020-press-release",
        summary="Hundreds of innovators gather, virtually.",
        body="Bucharest, September 21, 2020: Hundreds of innovators…\n\nRegistration is free of charge!",
        published_at=datetime.datetime(2020, 9, 21, 9, tzinfo=datetime.UTC),
        edition=e2020,
        links=[
            {"title": "The full schedule", "url": "https://cutt.ly/XfGNsUf"},
            {"title": "Sneaky", "url": "javascript:alert(1)"},
            "not a link",
        ],
    )
    return {"2020": e2020, "2022": e2022, "organiser": progress, "press": press}


def test_organiser_page_shows_the_organiser_and_its_projects(client, site):
    response = client.get("/organiser/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Progress Foundation</h1>" in html
    assert "An NGO that uses public libraries as lifelong learning hubs." in html
    assert "Established in 1996." in html
    titles = ["CODE Kids", "Time to KNOW", "Learning circles in libraries", "Public Libraries as Active Citizens Hubs"]
    positions = [html.index(f"<h3>{title}</h3>") for title in titles]
    assert positions == sorted(positions)


def test_organiser_page_before_any_edition_is_helpful(client):
    response = client.get("/organiser/")

    assert response.status_code == 200
    assert "will be presented here" in response.content.decode()


def test_news_list_shows_published_posts_only(client, site):
    NewsPost.objects.create(
        title="Not yet", slug="not-yet", body="Soon.", published_at=timezone.now() + datetime.timedelta(days=1)
    )

    response = client.get("/news/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/news/occupy-library-2020-press-release/"' in html
    assert "Hundreds of innovators gather, virtually." in html
    assert "Not yet" not in html


def test_news_post_shows_its_text_and_safe_links(client, site):
    response = client.get("/news/occupy-library-2020-press-release/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<p>Registration is free of charge!</p>" in html
    assert '<a href="https://cutt.ly/XfGNsUf" rel="noopener nofollow">The full schedule</a>' in html
    assert "javascript:" not in html
    assert "not a link" not in html
    assert 'href="/2020/"' in html


@pytest.mark.parametrize("slug", ["nope", "not-yet"])
def test_unknown_or_future_news_post_is_a_404_in_the_layout(client, site, slug):
    NewsPost.objects.create(
        title="Not yet", slug="not-yet", body="Soon.", published_at=timezone.now() + datetime.timedelta(days=1)
    )

    response = client.get(f"/news/{slug}/")

    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_news_feed_is_atom_and_lists_the_press_release(client, site):
    NewsPost.objects.create(
        title="Not yet", slug="not-yet", body="Soon.", published_at=timezone.now() + datetime.timedelta(days=1)
    )

    response = client.get("/news/feed/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = etree.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [site["press"].title]
    link = entries[0].find(f"{ATOM}link").get("href")
    assert link == settings.SITE_URL + "/news/occupy-library-2020-press-release/"
    assert entries[0].findtext(f"{ATOM}published").startswith("2020-09-21T09:00:00")


def test_a_new_post_shows_in_the_cached_feed_and_list_at_once(client, site):
    client.get("/news/feed/")
    client.get("/news/")

    NewsPost.objects.create(title="Call for contributions", slug="call", body="Send us your case study.")

    assert b"Call for contributions" in client.get("/news/feed/").content
    assert b"Call for contributions" in client.get("/news/").content


def test_about_page_describes_the_conference(client, site):
    response = client.get("/about/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>About Occupy Library</h1>" in html
    assert "Caucasus" in html
    assert 'href="/2022/"' in html


def test_privacy_notice_says_what_why_how_long_and_the_rights(client, site):
    response = client.get("/privacy/")

    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("What we collect", "Why, and on what legal basis", "How long we keep it", "Your rights"):
        assert heading in html
    assert "download all your data" in html and "erase your data" in html
    assert "The data controller is Progress Foundation" in html
    assert "mailto:andreea.dumitrescu@progressfoundation.ro" in html


def test_contact_page_names_the_contact_person_and_the_organiser(client, site):
    response = client.get("/contact/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Andreea Dumitrescu" in html and "Communication Coordinator" in html
    assert 'href="mailto:andreea.dumitrescu@progressfoundation.ro"' in html
    assert "Progress Foundation" in html


@pytest.mark.parametrize("path", ["/about/", "/privacy/", "/contact/", "/accessibility/", "/news/", "/news/feed/"])
def test_content_pages_answer_before_any_edition_exists(client, path):
    assert client.get(path).status_code == 200
