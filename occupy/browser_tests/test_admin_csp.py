"""The admin under the site's strict Content-Security-Policy, in Chromium: every changelist and every add and
change form of every registered model loads without a CSP refusal or a script error, and its widgets work
(the calendar, the autocomplete, "add another")."""

import pytest
from django.contrib import admin
from django.urls import reverse

from occupy.browser_tests.conftest import DESKTOP

pytestmark = [pytest.mark.browser]

PASSWORD = "correct horse battery staple"


@pytest.fixture
def admin_page(demo, open_page, django_user_model):
    django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    page = open_page(DESKTOP)
    policy_errors = []
    page.on("console", lambda msg: policy_errors.append(msg.text) if "Policy" in msg.text else None)
    page.goto("/admin/login/?next=/admin/")
    page.fill("#id_username", "root")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
    yield page
    assert policy_errors == []  # neither a CSP refusal nor a Permissions-Policy the browser does not know


def admin_urls():
    for model in admin.site._registry:
        info = model._meta.app_label, model._meta.model_name
        yield reverse("admin:{}_{}_changelist".format(*info))
        yield reverse("admin:{}_{}_add".format(*info))
        first = model.objects.order_by("pk").first()
        if first is not None:
            yield reverse("admin:{}_{}_change".format(*info), args=[first.pk])


def test_every_admin_page_loads_under_the_strict_policy(admin_page):
    urls = list(admin_urls())
    assert len(urls) > 10
    for url in urls:
        response = admin_page.goto(url)
        assert response.status in (200, 403), f"{url}: {response.status}"
        policy = response.headers["content-security-policy"]
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
        admin_page.wait_for_load_state("load")


def test_admin_widgets_work_under_the_strict_policy(admin_page):
    admin_page.goto(reverse("admin:editions_edition_add"))
    admin_page.click("#calendarlink0")
    assert admin_page.locator("#calendarbox0").is_visible()
    admin_page.click("#calendarbox0 .calendarnav-next")
    admin_page.click("#calendarbox0 td a >> nth=9")
    assert admin_page.input_value("#id_start_date") != ""

    admin_page.goto(reverse("admin:programme_material_add"))
    admin_page.click(".select2-selection")  # the autocomplete on the session
    admin_page.fill(".select2-search__field", "a")
    admin_page.wait_for_selector(".select2-results__option")
