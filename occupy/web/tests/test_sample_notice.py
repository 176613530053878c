"""Sample content says so wherever it appears (issue 6): every page, e-mail, PDF and export of a sample
edition carries the sample-data notice, and nothing of a real edition does.

The pages are found in the URL configuration: every route that takes an edition, a session, a person or a
participant's token is requested with the objects below, so a page added later is covered without touching
this file (an unknown URL argument fails the walk and asks for a value here).
"""

import datetime
import io
import json

import pytest
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone, translation
from icalendar import Calendar
from lxml import etree

from occupy.cfp.models import SubmissionState
from occupy.cfp.services.submissions import invite_co_speaker
from occupy.cfp.tests.factories import CallFactory, SubmissionFactory, SubmissionSpeakerFactory
from occupy.editions.tests.factories import EditionFactory
from occupy.people.tests.factories import PersonFactory
from occupy.programme.models import ScheduleVersion
from occupy.programme.tests.factories import SessionFactory, SessionSpeakerFactory
from occupy.registration.mailing import SUBJECTS
from occupy.registration.models import AttendanceMode, BadgeBatch, EmailKind, RegistrationStatus
from occupy.registration.services.agenda import add_to_agenda
from occupy.registration.services.badges import request_badges
from occupy.registration.services.certificates import issue_certificate
from occupy.registration.services.checkin import check_in
from occupy.registration.services.mail import queue_email
from occupy.registration.services.tokens import make_confirmation_token
from occupy.registration.tests.factories import RegistrationFactory
from occupy.registration.tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

# In English, as the participants and visitors of these tests read them.
NOTICE = (
    "This edition, its sessions, speakers and registrations are invented to show how the platform works. "
    "It is not a real Occupy Library edition."
)
SAMPLE_MARK = "Sample data – not a real event"
SUBJECT_PREFIX = "[Sample]"

# Routes that are not a page of an edition, with the reason. Everything else that takes an argument is walked.
NOT_WALKED = {
    "content:news-detail": "a news post is the organiser's, not part of an edition",
    "registration:switch-attendance": "POST only: it redirects to the registration page, which is walked",
    "registration:reinstate": "POST only: it redirects to the registration page, which is walked",
    "registration:agenda-remove": "POST only: it redirects to the agenda page, which is walked",
    "organise:check-in-count": "two numbers for the check-in page's script, which is walked",
    "registration:agenda-mine": "slugs and seat counts for the schedule's script; the schedule is walked",
    "organise:walk-in": "POST only: it redirects to the check-in page, which is walked",
    "organise:move-to-live": "POST only: it redirects to the check-in page, which is walked",
    "organise:roles-take": "POST only: it redirects to the people page, which is walked",
    "people:verify": "an account's confirmation link, not a page of an edition",
    "people:password-reset-confirm": "an account's password link, not a page of an edition",
    "cfp:edit-submission": "its submitter's only, signed in (cfp tests); a visitor is sent to sign in",
    "cfp:withdraw-submission": "POST only, its submitter's: it redirects to their contributions",
    "cfp:invitation": "a co-speaker's secret link: test_the_invitation_of_a_sample_edition_says_so",
    "cfp:submit": "signed in only (a visitor is sent to sign in): test_the_invitation_of_a_sample_edition_says_so",
    "organise:review-submission": "opened by the reviewers it is assigned to only (organise tests); others get 404",
    "organise:schedule-place": "POST only: it redirects to the schedule editor, which is walked",
    "organise:schedule-unschedule": "POST only: it redirects to the schedule editor, which is walked",
    "organise:schedule-publish": "POST only: it redirects to the schedule editor, which is walked",
    "editions:social-image": "an image: the mark is drawn on it (test_identity: a sample edition's card says so)",
    "programme:session-social-image": "an image: the mark is drawn on it (test_identity)",
    "live:now-json": "now and next for the live page's script; the live page is walked",
    "live:my-now-json": "now and next for the participant's live page's script; that page is walked",
    "live:questions-json": "the questions for the questions page's script; that page is walked",
    "live:chair": "the chair's, signed in only (live tests): a visitor is sent to sign in",
    "live:present": "the chair's presenter view, signed in only (live tests): a visitor is sent to sign in",
    "live:chair-json": "the chair's list for its page's script (signed in only; live tests)",
    "live:present-json": "the presenter's list for its page's script (signed in only; live tests)",
    "live:vote": "POST only: it redirects to the questions page, which is walked",
    "live:moderate": "POST only, the chair's: it redirects to the chair's page (live tests)",
    "live:join-room": "a redirect to the stream, or the same notice as live:join-session, which is walked",
    "organise:announcement": "an organiser's announcement: its e-mail says sample (outreach test_sending)",
    "organise:announcement-send": "POST only: it redirects to the announcement's page",
    "organise:announcement-progress": "two numbers for the announcement page's progress bar",
    "practices:detail": "the library spans editions: a sample practice's page says so (practices test_views)",
    "practices:country": "the library spans editions: sample practices say so in its lists (practices test_views)",
    "practices:sdg": "the library spans editions: sample practices say so in its lists (practices test_views)",
    "organise:practice-edit": "a practice of the library, which spans editions (organise test_practices)",
    "organise:practice-decide": "POST only: it redirects to the practices' list",
    "outreach:unsubscribe": "an announcement's recipient's link, not a page of an edition (outreach tests)",
}


def edition_routes() -> list[tuple[str, list[str]]]:
    """(URL name, its arguments) of every named route that takes arguments, outside the admin."""
    found = []

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if pattern.app_name == "admin":
                    continue
                walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                arguments = list(pattern.pattern.converters)
                if arguments and name not in NOT_WALKED:
                    found.append((name, arguments))

    walk(get_resolver().url_patterns, "")
    return found


def make_edition(*, is_sample: bool, year: int):
    """An edition that ended last week (so a certificate can be issued), with a scheduled session, its
    speaker, a confirmed live participant who was checked in, a pending one and a badge batch."""
    start = timezone.now().date() - datetime.timedelta(days=8)
    edition = EditionFactory(
        year=year, start_date=start, end_date=start + datetime.timedelta(days=1), time_zone="UTC", is_sample=is_sample
    )
    starts = datetime.datetime.combine(start, datetime.time(9), tzinfo=datetime.UTC)
    session = SessionFactory(edition=edition, starts_at=starts, ends_at=starts + datetime.timedelta(hours=1))
    speaker = PersonFactory(is_sample=is_sample)
    SessionSpeakerFactory(session=session, person=speaker)
    participant = RegistrationFactory(edition=edition, attendance=AttendanceMode.LIVE, is_sample=is_sample)
    check_in(participant, by=None, at=starts)
    certificate = issue_certificate(participant)
    pending = RegistrationFactory(edition=edition, status=RegistrationStatus.PENDING, confirmed_at=None)
    CallFactory(edition=edition)
    accepted = SubmissionFactory(edition=edition, state=SubmissionState.ACCEPTED)
    return {
        "speaker_invitation": accepted.speakers.get().invitation,
        "edition": edition,
        "session": session,
        "speaker": speaker,
        "participant": participant,
        "pending": pending,
        "certificate": certificate,
    }


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def url_arguments(name: str, arguments: list[str], made: dict, batch: BadgeBatch) -> dict:
    values = {
        "edition": made["edition"].slug,
        "session": made["session"].slug,
        "token": made["participant"].token,
        "key": make_confirmation_token(made["pending"]),
        "code": made["certificate"].code,
        "batch": batch.pk,
        "invitation": made["speaker_invitation"],
        # `slug` is a session's under an edition, a person's under /speakers/.
        "slug": made["speaker"].slug if name == "people:detail" else made["session"].slug,
    }
    unknown = set(arguments) - set(values)
    assert not unknown, f"{name} takes {unknown}: give it a value in url_arguments, or a reason in NOT_WALKED"
    return {argument: values[argument] for argument in arguments}


def body_of(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def what_it_says(response) -> str:
    """The text a reader of this response meets: the page, the PDF's text or the file's content. A CSV file
    is plain rows for a spreadsheet, so it says it in the name it is saved under."""
    content_type = response["Content-Type"].split(";")[0]
    body = body_of(response)
    if content_type == "text/csv":
        return SAMPLE_MARK if "-sample-data.csv" in response["Content-Disposition"] else "plain rows"
    return pdf_text(body) if content_type == "application/pdf" else body.decode()


def walk(made, organiser_client, django_capture_on_commit_callbacks) -> dict[str, tuple[int, str]]:
    """Every walked route's URL -> (status, what it says), asked by a visitor, or by an organiser under
    /organise/."""
    visitor = Client()
    with django_capture_on_commit_callbacks(execute=True):
        batch = request_badges(edition=made["edition"], by=None)
    said = {}
    for name, arguments in edition_routes():
        url = reverse(name, kwargs=url_arguments(name, arguments, made, batch))
        by = organiser_client if url.startswith("/organise/") else visitor
        response = by.get(url)
        assert response.status_code < 300 or response.status_code in (400, 403, 404, 410), (url, response)
        if 300 <= response.status_code < 400:
            continue
        said[url] = (response.status_code, what_it_says(response))
    return said


def test_every_page_and_file_of_a_sample_edition_says_it_is_sample(
    organiser_client, django_capture_on_commit_callbacks
):
    made = make_edition(is_sample=True, year=2039)

    said = walk(made, organiser_client, django_capture_on_commit_callbacks)

    assert len(said) >= 25  # the walk reached the pages, not a handful of redirects
    unmarked = [url for url, (_status, text) in said.items() if NOTICE not in text and SAMPLE_MARK not in text]
    assert unmarked == []
    # The notice is the page's own banner, not a word lost in a paragraph: one per HTML page, at the top of main.
    for url, (_status, text) in said.items():
        if "<html" in text and NOTICE in text:
            assert text.count('class="sample-notice"') == 1, url
            assert text.index('<main id="main"') < text.index('class="sample-notice"') < text.index("<h1"), url


def test_no_page_or_file_of_a_real_edition_says_it_is_sample(organiser_client, django_capture_on_commit_callbacks):
    made = make_edition(is_sample=False, year=2038)

    said = walk(made, organiser_client, django_capture_on_commit_callbacks)

    assert len(said) >= 25
    marked = [url for url, (_status, text) in said.items() if "Sample data" in text or "[Sample]" in text]
    assert marked == []


def test_sample_calendars_name_and_every_event_say_sample(client):
    made = make_edition(is_sample=True, year=2039)
    edition, session = made["edition"], made["session"]
    paths = [
        f"/{edition.slug}/schedule.ics",
        f"/{edition.slug}/sessions/{session.slug}/session.ics",
        f"/registration/{made['participant'].token}/agenda.ics",
    ]
    add_to_agenda(registration=made["participant"], session=session)
    for path in paths:
        calendar = Calendar.from_ical(client.get(path).content)
        assert SAMPLE_MARK in str(calendar["X-WR-CALNAME"]), path
        events = calendar.walk("VEVENT")
        assert events, path
        for event in events:
            assert str(event["SUMMARY"]).startswith(f"{SUBJECT_PREFIX} "), path
            assert str(event["DESCRIPTION"]).startswith("Sample data: "), path


def test_sample_frab_schedule_title_says_sample(client):
    edition = make_edition(is_sample=True, year=2039)["edition"]

    schedule = json.loads(client.get(f"/{edition.slug}/schedule.json").content)
    xml = etree.parse(io.BytesIO(client.get(f"/{edition.slug}/schedule.xml").content))

    title = f"{edition.title} ({SAMPLE_MARK})"
    assert schedule["schedule"]["conference"]["title"] == title
    assert xml.findtext("conference/title") == title


def test_sample_pages_carry_the_notice_in_the_visitors_language(client):
    edition = make_edition(is_sample=True, year=2039)["edition"]

    romanian = client.get(f"/{edition.slug}/", headers={"accept-language": "ro"}).content.decode()
    ukrainian = client.get(f"/{edition.slug}/", headers={"accept-language": "uk"}).content.decode()

    assert "Date de exemplu" in romanian and NOTICE not in romanian
    assert "Демонстраційні дані" in ukrainian and NOTICE not in ukrainian


@pytest.mark.parametrize("kind", list(SUBJECTS))  # the e-mails about a registration
def test_every_email_of_a_sample_edition_says_so(kind, django_capture_on_commit_callbacks):
    made = make_edition(is_sample=True, year=2039)

    with django_capture_on_commit_callbacks(execute=True):
        queue_email(made["participant"], kind, **about_schedule(made["edition"], kind))

    message = mail.outbox[-1]
    assert message.subject.startswith(f"{SUBJECT_PREFIX} ")
    assert NOTICE in message.body
    html, _mimetype = message.alternatives[0]
    assert NOTICE in html


@pytest.mark.parametrize("kind", list(SUBJECTS))  # the e-mails about a registration
def test_no_email_of_a_real_edition_says_sample(kind, django_capture_on_commit_callbacks):
    made = make_edition(is_sample=False, year=2038)

    with django_capture_on_commit_callbacks(execute=True):
        queue_email(made["participant"], kind, **about_schedule(made["edition"], kind))

    message = mail.outbox[-1]
    assert "Sample" not in message.subject
    assert "Sample data" not in message.body and "Sample data" not in message.alternatives[0][0]


@pytest.mark.parametrize("is_sample", [True, False])
def test_the_invitation_of_a_sample_edition_says_so(client, django_capture_on_commit_callbacks, is_sample):
    made = make_edition(is_sample=is_sample, year=2039 if is_sample else 2038)
    submission = SubmissionFactory(edition=made["edition"])
    speaker = SubmissionSpeakerFactory(submission=submission)

    # In the submitter's language, which a request made active: English here, as the notice above is.
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        invite_co_speaker(speaker=speaker)

    message = mail.outbox[-1]
    page = client.get(reverse("cfp:invitation", kwargs={"invitation": speaker.invitation})).content.decode()
    client.force_login(submission.submitter)
    form = client.get(reverse("cfp:submit", kwargs={"edition": made["edition"].slug})).content.decode()
    said = [message.subject.startswith(f"{SUBJECT_PREFIX} "), NOTICE in message.body, NOTICE in page, NOTICE in form]
    assert said == [is_sample] * 4


def about_schedule(edition, kind) -> dict:
    """A schedule change notice tells about a publication: one is made for it."""
    if kind != EmailKind.SCHEDULE:
        return {}
    version = ScheduleVersion.objects.create(edition=edition, number=1, published_at=timezone.now())
    return {"schedule_version": version}


def test_a_sample_person_or_session_shows_the_notice_even_in_a_real_edition(client):
    made = make_edition(is_sample=False, year=2038)
    invented = PersonFactory(is_sample=True)
    sample_session = SessionFactory(edition=made["edition"], is_sample=True)
    SessionSpeakerFactory(session=sample_session, person=invented)

    assert NOTICE in client.get(f"/speakers/{invented.slug}/").content.decode()
    assert NOTICE in client.get(f"/{made['edition'].slug}/sessions/{sample_session.slug}/").content.decode()
    assert NOTICE not in client.get(f"/speakers/{made['speaker'].slug}/").content.decode()
    assert NOTICE not in client.get(f"/{made['edition'].slug}/sessions/{made['session'].slug}/").content.decode()


def test_site_pages_do_not_carry_the_notice_when_the_latest_edition_is_sample(client):
    make_edition(is_sample=True, year=2039)

    for path in ("/about/", "/contact/", "/privacy/", "/accessibility/", "/organiser/", "/news/"):
        assert NOTICE not in client.get(path).content.decode(), path


def test_registering_for_an_open_sample_edition_says_sample_on_the_form_and_in_the_mail(
    client, django_capture_on_commit_callbacks
):
    today = timezone.now().date()
    edition = EditionFactory(
        year=2037,
        start_date=today + datetime.timedelta(days=21),
        end_date=today + datetime.timedelta(days=22),
        registration_opens_at=timezone.now() - datetime.timedelta(days=1),
        is_sample=True,
    )
    form = client.get(f"/{edition.slug}/register/")
    assert 'name="email"' in form.content.decode() and NOTICE in form.content.decode()
    data = {"name": "Ana", "email": "ana@example.org", "role": "librarian", "attendance": "online"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{edition.slug}/register/", {**data, "privacy_consent": "on"}, follow=True)

    assert NOTICE in response.content.decode()
    assert [message.subject for message in mail.outbox] == [
        f"{SUBJECT_PREFIX} Please confirm your registration for {edition.title}"
    ]


def test_search_engines_read_a_sample_edition_and_session_as_sample(client):
    made = make_edition(is_sample=True, year=2039)
    edition, session = made["edition"], made["session"]

    def events(path):
        html = client.get(path).content.decode()
        script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
        return json.loads(script)

    assert events(f"/{edition.slug}/")["name"] == f"{edition.title} ({SAMPLE_MARK})"
    described = events(f"/{edition.slug}/sessions/{session.slug}/")
    assert described["name"] == f"{session.title} ({SAMPLE_MARK})"
    assert described["superEvent"]["name"] == f"{edition.title} ({SAMPLE_MARK})"
