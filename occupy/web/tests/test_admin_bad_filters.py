"""Every registered admin list answers a filter value the database cannot use with a 400 and a message."""

import pytest
from django.contrib import admin
from django.db import connection, models
from django.urls import reverse

from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

HUGE_YEAR = "99999999999"


def changelists():
    """(url, a text field, a date field) for every ModelAdmin registered on the site; fields may be None."""
    for model in admin.site._registry:
        fields = model._meta.concrete_fields
        text = next(
            (f.name for f in fields if isinstance(f, models.CharField | models.TextField) and not f.choices), None
        )
        choice = next((f.name for f in fields if isinstance(f, models.CharField) and f.choices), None)
        date = next((f.name for f in fields if isinstance(f, models.DateField)), None)
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        yield url, [name for name in (text, choice) if name], date


def test_admin_bad_filters_the_two_reported_answer_400(organiser_client):
    RegistrationFactory()
    nul = organiser_client.get("/admin/registration/registration/?status__exact=%00")
    huge = organiser_client.get(f"/admin/registration/registration/?created_at__year={HUGE_YEAR}")

    assert huge.status_code == 400
    assert "A filter in the address has a value this list cannot use." in huge.content.decode()
    # SQLite stores a NUL like any character (and finds nothing); PostgreSQL refuses it.
    assert nul.status_code == (400 if connection.vendor == "postgresql" else 200)


def test_admin_bad_filters_on_every_registered_list_never_500(organiser_client):
    RegistrationFactory()
    checked = 0
    for url, text_fields, date_field in changelists():
        assert organiser_client.get(url).status_code == 200, url
        for field in text_fields:
            response = organiser_client.get(f"{url}?{field}__exact=%00")
            assert response.status_code in (200, 400), (url, field)
            if connection.vendor == "postgresql":
                assert response.status_code == 400, (url, field)
            checked += 1
        if date_field:
            response = organiser_client.get(f"{url}?{date_field}__year={HUGE_YEAR}")
            assert response.status_code == 400, (url, date_field)
            checked += 1
    assert checked >= 20


def test_admin_bad_filters_elsewhere_are_not_swallowed(organiser_client):
    # The middleware only answers for admin lists: other errors keep Django's handling.
    response = organiser_client.get("/admin/registration/registration/?e=1")
    assert response.status_code == 200
