"""The workspace's edition pages: a new edition, an edition's settings (times in its zone), publishing it."""

import datetime

import pytest
from django.contrib.auth.models import Permission

from occupy.editions.models import Edition, EditionRole, Role
from occupy.editions.tests.factories import EditionFactory, ThemeFactory

pytestmark = pytest.mark.django_db

NEW_URL = "/organise/new/"
NEW_EDITION = {"year": "2032", "slug": "2032", "title": "Occupy Library 2032", "start_date": "2032-06-03"}
NEW_EDITION |= {"end_date": "2032-06-04", "copy_from": ""}


def account(django_user_model, username, *perms, role_in=None, role=Role.ORGANISER):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw-long-enough-1", is_staff=True
    )
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    if role_in is not None:
        EditionRole.objects.create(edition=role_in, user=user, role=role)
    return user


def settings_data(edition, **changes):
    data = {
        "title": edition.title,
        "tagline": "",
        "summary": "",
        "description": "",
        "start_date": edition.start_date.isoformat(),
        "end_date": edition.end_date.isoformat(),
        "time_zone": edition.time_zone,
        "mode": edition.mode,
        "venue_name": "",
        "venue_address": "",
        "city": "",
        "country": "",
        "live_capacity": "",
        "registration_opens_at": "",
        "registration_closes_at": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "website": "",
    }
    return data | changes


# Permissions


@pytest.mark.parametrize("page", ["settings/", "publish/"])
def test_edition_pages_need_manage_edition_for_that_edition(client, django_user_model, page):
    edition, other = EditionFactory(year=2031), EditionFactory(year=2030)
    url = f"/organise/{edition.slug}/{page}"
    assert client.get(url).status_code == 302  # to sign in
    cases = [
        (account(django_user_model, "staff"), 403),
        (account(django_user_model, "other", role_in=other), 403),
        (account(django_user_model, "reviewer", role_in=edition, role=Role.REVIEWER), 403),
        (account(django_user_model, "desk", role_in=edition, role=Role.CHECK_IN_DESK), 403),
        (account(django_user_model, "organiser", role_in=edition), 200),
        (account(django_user_model, "sitewide", "editions.manage_edition"), 200),
    ]
    for user, status in cases:
        client.force_login(user)
        assert client.get(url).status_code == status, user.username
        if status == 403:
            assert client.post(url, {"action": "publish"}).status_code == 403


def test_a_new_edition_needs_the_site_wide_add_permission(client, django_user_model):
    edition = EditionFactory()
    assert client.get(NEW_URL).status_code == 302
    for user, status in [
        (account(django_user_model, "staff"), 403),
        (account(django_user_model, "organiser", role_in=edition), 403),
        (account(django_user_model, "adder", "editions.add_edition"), 200),
    ]:
        client.force_login(user)
        assert client.get(NEW_URL).status_code == status, user.username
    client.force_login(account(django_user_model, "poster", role_in=edition))
    assert client.post(NEW_URL, NEW_EDITION).status_code == 403
    assert not Edition.objects.filter(year=2032).exists()


def test_the_workspace_links_to_settings_and_new_edition_for_those_who_may(client, django_user_model):
    mine, theirs = EditionFactory(year=2031, is_published=False), EditionFactory(year=2030)
    client.force_login(account(django_user_model, "organiser", role_in=mine))
    page = client.get("/organise/").content.decode()
    assert 'href="/organise/2031/settings/"' in page and 'href="/organise/2030/settings/"' not in page
    assert 'href="/organise/new/"' not in page
    assert "Draft — not public" in page
    client.force_login(account(django_user_model, "adder", "editions.add_edition"))
    page = client.get("/organise/").content.decode()
    assert 'href="/organise/new/"' in page and "You have no organiser role yet" not in page
    assert theirs.is_published


# A new edition


def test_creating_an_edition_makes_a_draft_its_creator_organises(client, django_user_model):
    user = account(django_user_model, "adder", "editions.add_edition")
    client.force_login(user)
    response = client.post(NEW_URL, NEW_EDITION)
    assert response.status_code == 302 and response["Location"] == "/organise/2032/settings/"
    edition = Edition.objects.get(year=2032)
    assert edition.is_published is False
    assert list(edition.roles.values_list("user", "role")) == [(user.pk, Role.ORGANISER)]
    page = client.get("/organise/2032/settings/").content.decode()
    assert "The draft edition is ready" in page and "Draft — not public" in page
    assert client.get("/2032/").status_code == 404


def test_creating_an_edition_can_copy_a_previous_one(organiser_client):
    source = EditionFactory(year=2030, tagline="On the rise", time_zone="Europe/Kyiv")
    ThemeFactory(edition=source, title="Open science", slug="open-science")
    response = organiser_client.post(NEW_URL, NEW_EDITION | {"copy_from": str(source.pk)})
    assert response.status_code == 302
    edition = Edition.objects.get(year=2032)
    assert (edition.tagline, edition.time_zone) == ("On the rise", "Europe/Kyiv")
    assert list(edition.themes.values_list("title", flat=True)) == ["Open science"]


def test_the_new_edition_form_offers_the_latest_edition_to_copy(organiser_client):
    EditionFactory(year=2029)
    latest = EditionFactory(year=2030)
    page = organiser_client.get(NEW_URL).content.decode()
    assert f'<option value="{latest.pk}" selected>' in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"year": ""}, "year", "This field is required."),
        ({"end_date": "2032-06-01"}, "end_date", "The last day cannot be before the first day."),
        ({"year": "2030"}, "year", "Edition with this Year already exists."),
        ({"slug": "2030"}, "slug", "Edition with this Slug already exists."),
        ({"slug": "news"}, "slug", "This address belongs to another page of the site; choose another."),
        ({"slug": "a b"}, "slug", "Enter a valid “slug”"),
        ({"title": "x" * 201}, "title", "Ensure this value has at most 200 characters (it has 201)."),
        ({"year": "1999"}, "year", "Give a year between 2000 and 2200."),
        ({"start_date": "June"}, "start_date", "Enter a valid date."),
        ({"copy_from": "999999"}, "copy_from", "Select a valid choice."),
    ],
)
def test_a_new_edition_refuses_bad_input_and_keeps_what_was_typed(organiser_client, changes, field, message):
    EditionFactory(year=2030, slug="2030")
    response = organiser_client.post(NEW_URL, NEW_EDITION | changes)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert "Please correct the fields marked below" in page
    assert 'value="2032-06-03"' in page or changes.get("start_date")
    assert Edition.objects.count() == 1


def test_markup_in_a_new_edition_title_is_escaped(organiser_client):
    organiser_client.post(NEW_URL, NEW_EDITION | {"title": "<script>alert(1)</script>"})
    page = organiser_client.get("/organise/2032/settings/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# Settings: times in the edition's zone


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        # Bucharest is UTC+3 in summer (EEST) and UTC+2 in winter (EET).
        ("2031-05-15T10:00", datetime.datetime(2031, 5, 15, 7, 0, tzinfo=datetime.UTC)),
        ("2031-01-15T10:00", datetime.datetime(2031, 1, 15, 8, 0, tzinfo=datetime.UTC)),
    ],
)
def test_registration_times_are_typed_and_shown_in_the_editions_zone(organiser_client, typed, stored):
    edition = EditionFactory(year=2031, time_zone="Europe/Bucharest")
    url = f"/organise/{edition.slug}/settings/"
    response = organiser_client.post(url, settings_data(edition, registration_opens_at=typed))
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.registration_opens_at == stored
    page = organiser_client.get(url).content.decode()
    assert f'value="{typed}"' in page
    assert "Times are in Europe/Bucharest, the edition&#x27;s time zone." in page


def test_changing_the_zone_keeps_the_clock_time_typed(organiser_client):
    edition = EditionFactory(year=2031, time_zone="Europe/Bucharest")
    url = f"/organise/{edition.slug}/settings/"
    data = settings_data(edition, time_zone="Europe/Lisbon", registration_opens_at="2031-05-15T10:00")
    assert organiser_client.post(url, data).status_code == 302
    edition.refresh_from_db()
    assert edition.time_zone == "Europe/Lisbon"
    assert edition.registration_opens_at == datetime.datetime(2031, 5, 15, 9, 0, tzinfo=datetime.UTC)
    assert 'value="2031-05-15T10:00"' in organiser_client.get(url).content.decode()


def test_settings_save_the_texts_and_show_on_the_public_page(organiser_client, client):
    edition = EditionFactory(year=2031)
    client.get(f"/{edition.slug}/")  # cached now
    data = settings_data(edition, tagline="<em>Libraries</em> rising", city="Chișinău", live_capacity="80")
    assert organiser_client.post(f"/organise/{edition.slug}/settings/", data).status_code == 302
    edition.refresh_from_db()
    assert (edition.tagline, edition.city, edition.live_capacity) == ("<em>Libraries</em> rising", "Chișinău", 80)
    page = client.get(f"/{edition.slug}/").content.decode()
    assert "&lt;em&gt;Libraries&lt;/em&gt; rising" in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"end_date": "2031-06-01"}, "end_date", "The last day cannot be before the first day."),
        ({"time_zone": "Mars/Olympus"}, "time_zone", "Select a valid choice."),
        ({"tagline": "x" * 201}, "tagline", "Ensure this value has at most 200 characters (it has 201)."),
        ({"contact_email": "not-an-address"}, "contact_email", "Enter a valid email address."),
        ({"live_capacity": "-3"}, "live_capacity", "Ensure this value is greater than or equal to 0."),
        ({"registration_opens_at": "tomorrow"}, "registration_opens_at", "Enter a valid date/time."),
        (
            {"registration_opens_at": "2031-05-02T10:00", "registration_closes_at": "2031-05-01T10:00"},
            "registration_closes_at",
            "Registration must close after it opens.",
        ),
    ],
)
def test_settings_refuse_bad_input_and_keep_what_was_typed(organiser_client, changes, field, message):
    edition = EditionFactory(year=2031, title="Occupy Library 2031", tagline="Before")
    data = settings_data(edition, summary="<b>Typed</b> summary", **changes)
    response = organiser_client.post(f"/organise/{edition.slug}/settings/", data)
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    page = response.content.decode()
    assert "&lt;b&gt;Typed&lt;/b&gt; summary" in page and "<b>Typed</b>" not in page
    assert "<h1>Settings of Occupy Library 2031</h1>" in page
    edition.refresh_from_db()
    assert (edition.title, edition.tagline, edition.summary) == ("Occupy Library 2031", "Before", "")


def test_settings_of_an_unknown_edition_are_not_found(organiser_client):
    assert organiser_client.get("/organise/1999/settings/").status_code == 404


# Publishing


def test_publishing_asks_first_then_shows_the_edition_at_once(organiser_client, client):
    edition = EditionFactory(year=2031, title="Occupy Library 2031", is_published=False)
    assert client.get("/").status_code == 200  # the home page, cached without the draft
    url = f"/organise/{edition.slug}/publish/"
    confirmation = organiser_client.get(url).content.decode()
    assert "Visitors will see the edition at once" in confirmation
    assert 'name="action" value="publish"' in confirmation
    edition.refresh_from_db()
    assert edition.is_published is False  # asking publishes nothing

    response = organiser_client.post(url, {"action": "publish"})
    assert response.status_code == 302 and response["Location"] == f"/organise/{edition.slug}/settings/"
    edition.refresh_from_db()
    assert edition.is_published is True
    assert (
        "Occupy Library 2031 is published: visitors see it now."
        in organiser_client.get(response["Location"]).content.decode()
    )
    assert "Occupy Library 2031" in client.get("/").content.decode()
    assert client.get("/2031/").status_code == 200

    assert 'value="unpublish"' in organiser_client.get(url).content.decode()
    organiser_client.post(url, {"action": "unpublish"})
    assert client.get("/2031/").status_code == 404
    assert "Occupy Library 2031" not in client.get("/").content.decode()


@pytest.mark.parametrize("action", ["", "delete", "<script>"])
def test_publishing_refuses_an_unknown_action(organiser_client, action):
    edition = EditionFactory(year=2031, is_published=False)
    response = organiser_client.post(f"/organise/{edition.slug}/publish/", {"action": action})
    assert response.status_code == 400
    assert b"Choose to publish or to unpublish the edition." in response.content
    edition.refresh_from_db()
    assert edition.is_published is False


def test_edition_pages_are_private(organiser_client):
    edition = EditionFactory()
    for url in (NEW_URL, f"/organise/{edition.slug}/settings/", f"/organise/{edition.slug}/publish/"):
        response = organiser_client.get(url)
        assert response["Cache-Control"].startswith("private, no-store"), url


# Query counts


@pytest.mark.parametrize("editions", [1, 4])
def test_the_new_edition_page_reads_a_fixed_number_of_queries(
    client, django_user_model, django_assert_num_queries, editions
):
    for year in range(editions):
        EditionFactory(year=2020 + year)
    client.force_login(account(django_user_model, "adder", "editions.add_edition"))
    # Session, user, the user's and their groups' permissions, the latest edition (offered to copy), the editions
    # to copy, the header's editions.
    with django_assert_num_queries(7):
        response = client.get(NEW_URL)
    assert response.content.decode().count("<option") == editions + 1


@pytest.mark.parametrize("editions", [1, 4])
def test_the_settings_page_reads_a_fixed_number_of_queries(
    client, django_user_model, django_assert_num_queries, editions
):
    edition = EditionFactory(year=2031)
    for year in range(editions):
        EditionFactory(year=2020 + year)
    client.force_login(account(django_user_model, "organiser", role_in=edition))
    # Session, user, the user's and their groups' permissions, the user's roles, the edition, the header's editions.
    with django_assert_num_queries(7):
        assert client.get(f"/organise/{edition.slug}/settings/").status_code == 200
