import datetime

import pytest
from django.urls import reverse

from occupy.cfp.models import Call, CallQuestion
from occupy.cfp.tests.factories import CallFactory, CallQuestionFactory, UserFactory
from occupy.editions.models import EditionRole, Role
from occupy.editions.tests.factories import EditionFactory, SessionFormatFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory(is_published=False)


@pytest.fixture
def organiser(client, edition):
    user = UserFactory()
    EditionRole.objects.create(edition=edition, user=user, role=Role.ORGANISER)
    client.force_login(user)
    return client


def _data(**overrides):
    data = {
        "opens_at": "2031-05-01T09:00",
        "closes_at": "2031-06-30T23:59",
        "guidance": "Tell us what your library did.",
        "questions-TOTAL_FORMS": "1",
        "questions-INITIAL_FORMS": "0",
        "questions-0-label": "",
        "questions-0-help_text": "",
        "questions-0-order": "0",
    }
    data.update(overrides)
    return data


def test_call_settings_times_are_typed_in_the_editions_zone(organiser, edition):
    ignite = SessionFormatFactory(edition=edition, name="Ignite talk", default_minutes=5)
    theme = ThemeFactory(edition=edition)
    url = reverse("organise:call", kwargs={"edition": edition.slug})
    page = organiser.get(url).content.decode()
    assert "Times are in Europe/Bucharest, the edition&#x27;s time zone." in page
    assert "Ignite talk (5 minutes)" in page
    data = _data(
        formats=[ignite.pk], themes=[theme.pk], **{"questions-0-label": "Who took part?", "questions-0-required": "on"}
    )
    response = organiser.post(url, data)
    assert response.status_code == 302
    call = Call.objects.get(edition=edition)
    assert call.opens_at == datetime.datetime(2031, 5, 1, 6, 0, tzinfo=datetime.UTC)
    assert call.closes_at == datetime.datetime(2031, 6, 30, 20, 59, tzinfo=datetime.UTC)
    assert list(call.formats.all()) == [ignite]
    assert list(call.questions.values_list("label", "required")) == [("Who took part?", True)]
    assert 'value="2031-05-01T09:00"' in organiser.get(url).content.decode()


def test_call_settings_edit_and_remove_questions(organiser, edition):
    call = CallFactory(edition=edition)
    kept, removed = CallQuestionFactory(call=call, label="Kept"), CallQuestionFactory(call=call, label="Gone")
    data = _data(
        **{
            "questions-TOTAL_FORMS": "3",
            "questions-INITIAL_FORMS": "2",
            "questions-0-id": kept.pk,
            "questions-0-label": "Kept, reworded",
            "questions-0-order": "1",
            "questions-1-id": removed.pk,
            "questions-1-label": "Gone",
            "questions-1-order": "2",
            "questions-1-DELETE": "on",
            "questions-2-label": "",
            "questions-2-order": "0",
        }
    )
    response = organiser.post(reverse("organise:call", kwargs={"edition": edition.slug}), data)
    assert response.status_code == 302
    assert list(CallQuestion.objects.values_list("label", flat=True)) == ["Kept, reworded"]


def test_call_settings_bad_input_keeps_what_was_typed(organiser, edition):
    other_edition_format = SessionFormatFactory()
    data = _data(
        closes_at="2031-04-01T09:00",
        guidance="<b>" * 5000,
        formats=[other_edition_format.pk],
        **{"questions-0-help_text": "no label"},
    )
    response = organiser.post(reverse("organise:call", kwargs={"edition": edition.slug}), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "The call must close after it opens." in page
    assert "Ensure this value has at most 10000 characters (it has 15000)." in page
    assert f"Select a valid choice. {other_edition_format.pk} is not one of the available choices." in page
    assert 'value="no label"' in page
    assert not Call.objects.exists()


def test_call_settings_an_organiser_of_another_edition_gets_403(client, edition):
    other = UserFactory()
    EditionRole.objects.create(edition=EditionFactory(), user=other, role=Role.ORGANISER)
    client.force_login(other)
    assert client.get(reverse("organise:call", kwargs={"edition": edition.slug})).status_code == 403
