"""The live pages as participants, chairs, speakers and organisers use them: gating, bad input, query counts."""

import datetime

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from occupy.editions.models import Role, Room
from occupy.editions.services import grant_role
from occupy.live import services
from occupy.live.models import Feedback, Question, SessionStream
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import Session, SpeakerRole
from occupy.programme.tests.factories import SessionSpeakerFactory
from occupy.registration.models import RegistrationStatus
from occupy.registration.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def questions_url(registration, session):
    return reverse("live:questions", kwargs={"token": registration.token, "session": session.slug})


def ask(event, text, registration=None):
    return services.ask_question(
        registration=registration or event.participant, session=event.session, text=text, at=timezone.now()
    )


# The live page.


def test_live_page_shows_what_is_on_now_and_next_in_the_editions_zone_and_the_visitors(event, client):
    response = client.get(f"/{event.edition.slug}/live/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Debate happening now" in page and "Talk coming next" in page
    assert '<noscript><meta http-equiv="refresh"' in page
    assert "/static/js/live." in page
    assert "your time" not in page

    page = client.get(f"/{event.edition.slug}/live/?tz=America/New_York").content.decode()
    assert "your time" in page and "America/New_York" in page


def test_live_page_answers_an_unknown_zone_with_a_message_and_400(event, client):
    response = client.get(f"/{event.edition.slug}/live/?tz=Mars/Olympus")
    assert response.status_code == 400
    assert "We do not know the time zone" in response.content.decode()


def test_now_json_lists_each_rooms_current_and_next_session(event, client):
    data = client.get(f"/{event.edition.slug}/live/now.json").json()
    assert data["rooms"] == [
        {
            "room": "Main hall",
            "current": {
                "title": "Debate happening now",
                "url": "/2040/sessions/debate-now/",
                "starts_at": event.session.starts_at.isoformat(),
                "ends_at": event.session.ends_at.isoformat(),
            },
            "next": {
                "title": "Talk coming next",
                "url": "/2040/sessions/talk-next/",
                "starts_at": event.next_session.starts_at.isoformat(),
                "ends_at": event.next_session.ends_at.isoformat(),
            },
        }
    ]
    assert "Debate happening now" in data["html"]


def add_rooms_with_sessions(event, count):
    now = timezone.now()
    rooms = Room.objects.bulk_create(
        Room(edition=event.edition, name=f"Stage {i}", slug=f"stage-{i}", order=i + 1) for i in range(count)
    )
    Session.objects.bulk_create(
        Session(
            edition=event.edition,
            slug=f"{kind}-{i}",
            title=f"{kind} {i}",
            format=event.session.format,
            room=room,
            starts_at=now + offset,
            ends_at=now + offset + datetime.timedelta(minutes=30),
        )
        for i, room in enumerate(rooms)
        for kind, offset in [("now", datetime.timedelta(minutes=-5)), ("next", datetime.timedelta(minutes=40))]
    )


@pytest.mark.parametrize("rooms", [1, 12])
def test_live_page_and_its_json_issue_the_same_queries_at_any_size(
    event, client, rooms, django_assert_max_num_queries
):
    add_rooms_with_sessions(event, rooms)
    with django_assert_max_num_queries(4):
        page = client.get(f"/{event.edition.slug}/live/").content.decode()
    assert page.count('class="live-room"') == rooms + 1
    with django_assert_max_num_queries(4):
        client.get(f"/{event.edition.slug}/live/now.json")
    token = event.participant.token
    with django_assert_max_num_queries(5):
        assert client.get(f"/registration/{token}/live/").status_code == 200


def test_live_page_of_an_unknown_or_draft_edition_is_404(event, client):
    assert client.get("/1999/live/").status_code == 404
    event.edition.is_published = False
    event.edition.save()
    assert client.get(f"/{event.edition.slug}/live/").status_code == 404


def test_participants_live_page_is_private_and_only_for_confirmed_registrations(event, client):
    response = client.get(f"/registration/{event.participant.token}/live/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Join this session online" in response.content.decode()
    pending = RegistrationFactory(edition=event.edition, status=RegistrationStatus.PENDING)
    assert client.get(f"/registration/{pending.token}/live/").status_code == 403
    assert client.get("/registration/not-a-real-token-at-all-xx/live/").status_code == 404


def test_manage_page_and_agenda_link_to_the_participants_live_page(event, client):
    live = f"/registration/{event.participant.token}/live/"
    assert live in client.get(f"/registration/{event.participant.token}/").content.decode()
    assert live in client.get(f"/registration/{event.participant.token}/agenda/").content.decode()


def test_join_link_before_the_window_says_when_it_opens(event, client):
    response = client.get(f"/registration/{event.participant.token}/live/join/talk-next/")
    assert response.status_code == 403
    assert "15 minutes before" in response.content.decode()
    assert client.get(f"/registration/{event.participant.token}/live/join/no-such-session/").status_code == 404


def test_join_link_without_any_stream_says_so_and_records_nothing(event, client):
    event.edition.online_stream_url = ""
    event.edition.save()
    response = client.get(f"/registration/{event.participant.token}/live/join/debate-now/")
    assert response.status_code == 200
    assert "not set the stream address yet" in response.content.decode()
    assert not event.participant.attendance_days.exists()


# Questions.


def test_participant_asks_a_question_and_sees_it_escaped(event, client):
    url = questions_url(event.participant, event.session)
    response = client.post(url, {"text": "  What about <script>alert(1)</script>?  "})
    assert response.status_code == 302
    assert Question.objects.get().text == "What about <script>alert(1)</script>?"
    page = client.get(url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    data = client.get(url.rstrip("/") + ".json").json()
    assert data["count"] == 1 and "&lt;script&gt;" in data["html"]


@pytest.mark.parametrize("text, message", [("", "Write your question first."), ("x" * 301, "under 300 characters")])
def test_a_bad_question_gets_400_a_message_and_keeps_the_text(event, client, text, message):
    response = client.post(questions_url(event.participant, event.session), {"text": text})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Question.objects.exists()


def test_questions_before_they_open_get_400(event, client):
    response = client.post(questions_url(event.participant, event.next_session), {"text": "Early?"})
    assert response.status_code == 400
    assert "15 minutes before" in response.content.decode()


@override_settings(RATELIMIT_ENABLED=True)
def test_asking_too_many_questions_in_a_short_time_gets_429(event, client):
    url = questions_url(event.participant, event.session)
    for n in range(10):
        assert client.post(url, {"text": f"Question {n}"}).status_code == 302
    response = client.post(url, {"text": "One more"})
    assert response.status_code == 429
    assert "wait a few minutes" in response.content.decode()
    assert Question.objects.count() == 10


def test_vote_once_through_the_page_and_never_for_ones_own(event, client):
    question = ask(event, "Popular?")
    vote_url = reverse(
        "live:vote", kwargs={"token": event.other.token, "session": "debate-now", "question": question.pk}
    )
    assert client.post(vote_url).status_code == 302
    assert client.post(vote_url).status_code == 302
    assert question.votes.count() == 1
    assert "you voted" in client.get(questions_url(event.other, event.session)).content.decode()
    own = reverse(
        "live:vote", kwargs={"token": event.participant.token, "session": "debate-now", "question": question.pk}
    )
    response = client.post(own)
    assert response.status_code == 400 and "your own question" in response.content.decode()
    assert client.get(vote_url).status_code == 405


def test_vote_for_a_question_of_another_session_is_404(event, client):
    question = ask(event, "Here")
    url = reverse("live:vote", kwargs={"token": event.other.token, "session": "talk-next", "question": question.pk})
    assert client.post(url).status_code == 404


@pytest.mark.parametrize(
    "status", [RegistrationStatus.CANCELLED, RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING]
)
def test_only_confirmed_participants_ask_vote_and_give_feedback(event, client, status):
    registration = RegistrationFactory(edition=event.edition, status=status)
    question = ask(event, "Visible?")
    assert client.post(questions_url(registration, event.session), {"text": "Me?"}).status_code == 403
    vote = reverse("live:vote", kwargs={"token": registration.token, "session": "debate-now", "question": question.pk})
    assert client.post(vote).status_code == 403
    feedback = reverse("live:feedback", kwargs={"token": registration.token, "session": "debate-now"})
    assert client.post(feedback, {"rating": "5"}).status_code == 403
    assert Question.objects.count() == 1 and not Feedback.objects.exists() and question.votes.count() == 0


# Feedback.


def test_feedback_once_with_a_rating_and_a_comment(event, client):
    url = reverse("live:feedback", kwargs={"token": event.participant.token, "session": "debate-now"})
    assert client.post(url, {"rating": "5", "comment": "Very useful"}).status_code == 302
    page = client.get(url).content.decode()
    assert "you rated this session 5 out of 5" in page
    response = client.post(url, {"rating": "1"})
    assert response.status_code == 409
    assert Feedback.objects.get().rating == 5


@pytest.mark.parametrize("data", [{"rating": "9"}, {"rating": "abc"}, {}, {"rating": "3", "comment": "x" * 2001}])
def test_bad_feedback_gets_400_and_keeps_the_comment(event, client, data):
    url = reverse("live:feedback", kwargs={"token": event.participant.token, "session": "debate-now"})
    response = client.post(url, data)
    assert response.status_code == 400
    assert not Feedback.objects.exists()


def test_feedback_before_the_session_starts_is_refused(event, client):
    url = reverse("live:feedback", kwargs={"token": event.participant.token, "session": "talk-next"})
    assert "Feedback opens when the session starts." in client.get(url).content.decode()
    assert client.post(url, {"rating": "4"}).status_code == 400


# The chair.


@pytest.fixture
def moderator(event, django_user_model):
    user = django_user_model.objects.create_user("chair", "chair@example.org", "pw-long-1")
    person = PersonFactory(name="Maria Moderator", user=user)
    SessionSpeakerFactory(session=event.session, person=person, role=SpeakerRole.MODERATOR)
    return user


def chair_url(event, name="live:chair"):
    return reverse(name, kwargs={"edition": event.edition.slug, "slug": event.session.slug})


def test_chair_view_is_for_the_sessions_moderator_and_organisers_only(event, moderator, django_user_model):
    assert Client().get(chair_url(event))["Location"].startswith("/account/login/")
    speaker_user = django_user_model.objects.create_user("speaker", "s@example.org", "pw-long-1")
    SessionSpeakerFactory(session=event.session, person=PersonFactory(user=speaker_user), role=SpeakerRole.SPEAKER)
    other_moderator = django_user_model.objects.create_user("other", "o@example.org", "pw-long-1")
    SessionSpeakerFactory(
        session=event.next_session, person=PersonFactory(user=other_moderator), role=SpeakerRole.MODERATOR
    )
    organiser = django_user_model.objects.create_user("org", "org@example.org", "pw-long-1")
    grant_role(edition=event.edition, user=organiser, role=Role.ORGANISER)
    expected = {speaker_user: 403, other_moderator: 403, moderator: 200, organiser: 200}
    for user, status in expected.items():
        client = Client()
        client.force_login(user)
        assert client.get(chair_url(event)).status_code == status, user
        assert client.get(chair_url(event, "live:present")).status_code == status, user


def test_chair_pins_hides_and_marks_answered_and_the_presenter_view_follows(event, moderator):
    client = Client()
    client.force_login(moderator)
    first, second, rude = ask(event, "First"), ask(event, "Second"), ask(event, "Rude")
    services.vote(registration=event.other, question=first, at=timezone.now())

    def act(question, action):
        url = reverse("live:moderate", kwargs={"edition": event.edition.slug, "slug": "debate-now"})
        return client.post(url, {"question": question.pk, "action": action})

    assert act(second, "pin").status_code == 302
    assert act(rude, "hide").status_code == 302
    assert act(first, "answered").status_code == 302
    assert act(first, "explode").status_code == 400
    chair = client.get(chair_url(event, "live:chair-json")).json()["html"]
    assert chair.index("Second") < chair.index("First") < chair.index("Rude")
    present = client.get(chair_url(event, "live:present")).content.decode()
    assert "Second" in present and "First" in present and "Rude" not in present
    participant_view = Client().get(questions_url(event.other, event.session)).content.decode()
    assert "Rude" not in participant_view


# Speakers and organisers.


def test_speaker_sees_feedback_on_their_own_sessions_only(event, moderator, django_user_model):
    services.give_feedback(
        registration=event.participant, session=event.session, rating=4, comment="Clear", at=timezone.now()
    )
    client = Client()
    client.force_login(moderator)
    page = client.get("/account/feedback/").content.decode()
    assert "Average 4.0 out of 5, from 1 rating." in page and "Clear" in page
    stranger = django_user_model.objects.create_user("stranger", "x@example.org", "pw-long-1")
    client.force_login(stranger)
    page = client.get("/account/feedback/").content.decode()
    assert "Clear" not in page and "not linked to a speaker" in page
    assert Client().get("/account/feedback/").status_code == 302


def test_organiser_sets_streams_and_makes_a_recording_public(event, organiser_client):
    url = reverse("organise:live-streams", kwargs={"edition": event.edition.slug})
    assert organiser_client.get(url).status_code == 200
    data = {
        "kind": "session",
        "id": event.session.pk,
        "stream_url": "https://video.example.org/debate",
        "recording_url": "https://video.example.org/rec/debate",
        "recording_is_public": "on",
    }
    assert organiser_client.post(url, data).status_code == 302
    stream = SessionStream.objects.get(session=event.session)
    assert (stream.stream_url, stream.recording_is_public) == ("https://video.example.org/debate", True)
    page = Client().get(event.session.get_absolute_url()).content.decode()
    assert "https://video.example.org/rec/debate" in page and 'https://video.example.org/debate"' not in page

    assert (
        organiser_client.post(
            url, {"kind": "room", "id": event.room.pk, "stream_url": "https://r.example.org/1"}
        ).status_code
        == 302
    )
    event.room.refresh_from_db()
    assert event.room.stream_url == "https://r.example.org/1"


def test_organiser_bad_stream_input_gets_400_and_keeps_what_was_saved(event, organiser_client):
    url = reverse("organise:live-streams", kwargs={"edition": event.edition.slug})
    SessionStream.objects.create(session=event.session, stream_url="https://video.example.org/kept")
    response = organiser_client.post(
        url, {"kind": "session", "id": event.session.pk, "stream_url": "not a link", "recording_url": ""}
    )
    assert response.status_code == 400
    assert "Enter a full web address" in response.content.decode()
    assert SessionStream.objects.get().stream_url == "https://video.example.org/kept"
    assert organiser_client.post(url, {"kind": "room", "id": "999999"}).status_code == 400
    assert organiser_client.post(url, {"kind": "bogus", "id": "x"}).status_code == 400


def test_organiser_reads_every_sessions_feedback(event, organiser_client):
    services.give_feedback(
        registration=event.participant, session=event.session, rating=2, comment="Too fast", at=timezone.now()
    )
    page = organiser_client.get(
        reverse("organise:live-feedback", kwargs={"edition": event.edition.slug})
    ).content.decode()
    assert "Average 2.0 out of 5, from 1 rating." in page and "Too fast" in page
    assert chair_url(event) in page


def test_session_page_shows_a_recording_only_once_it_is_public(event, client):
    SessionStream.objects.create(session=event.session, recording_url="https://video.example.org/rec/1")
    assert "https://video.example.org/rec/1" not in client.get(event.session.get_absolute_url()).content.decode()
    SessionStream.objects.filter(session=event.session).update(recording_is_public=True)
    stream = SessionStream.objects.get()
    stream.save()  # as the organisers' page saves it: the cached page is renewed
    page = client.get(event.session.get_absolute_url()).content.decode()
    assert "Watch the recording of this session" in page and "https://video.example.org/rec/1" in page
