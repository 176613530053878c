"""Decisions on submissions and the e-mails they send to each speaker, in the speaker's language.

An e-mail's words are the organisers' DecisionTemplate for the decision and language, or the text shipped here
(translated). Placeholders: {name} {title} {edition} {link}; the values are escaped in the HTML part, so markup
in a title or a name is shown, never run.
"""

import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from occupy.cfp.mail_text import fill
from occupy.cfp.models import Decision, DecisionTemplate, Submission, SubmissionSpeaker, SubmissionState
from occupy.cfp.queries import DECIDABLE
from occupy.editions import sample
from occupy.people.models import Person
from occupy.registration.models import EmailKind
from occupy.registration.services.mail import queue_message

logger = logging.getLogger(__name__)

STATE_OF = {
    Decision.ACCEPT: SubmissionState.ACCEPTED,
    Decision.WAITLIST: SubmissionState.WAITLISTED,
    Decision.REJECT: SubmissionState.REJECTED,
}

DEFAULT_SUBJECTS = {
    Decision.ACCEPT: _("Your contribution “{title}” is accepted at {edition}"),
    Decision.WAITLIST: _("Your contribution “{title}” is on the waiting list of {edition}"),
    Decision.REJECT: _("Your contribution “{title}” to {edition}"),
}
DEFAULT_BODIES = {
    Decision.ACCEPT: _(
        "Dear {name},\n\nWe are glad to tell you that your contribution “{title}” is accepted for {edition}.\n\n"
        "Please confirm that you will present it, tell us whether you will come to the venue or present online, "
        "and when you are not available, on this page:\n{link}\n\nThank you,\nThe organisers of {edition}"
    ),
    Decision.WAITLIST: _(
        "Dear {name},\n\nThank you for proposing “{title}” to {edition}. The programme is full for now, and your "
        "contribution is on the waiting list: we will write to you as soon as a place frees up.\n\n{link}\n\n"
        "Thank you,\nThe organisers of {edition}"
    ),
    Decision.REJECT: _(
        "Dear {name},\n\nThank you for proposing “{title}” to {edition}. We received many more contributions than "
        "the programme can hold, and we are sorry that yours could not be part of it this time. We hope to see you "
        "at the conference all the same.\n\n{link}\n\nThank you,\nThe organisers of {edition}"
    ),
}


SPEAKER_TEMPLATE = "cfp/email/speaker"  # .txt and .html, filled when sent (see speaker_links)


@dataclass
class Email:
    to: str
    language: str
    subject: str
    text: str
    html: str


def language_of(speaker: SubmissionSpeaker, *, submitter_profiles: dict | None = None) -> str:
    """The language a speaker reads their e-mails in: their speaker profile's (the submitter's own, for the
    submitter), else the language the contribution is presented in when the site speaks it, else the site's.
    `submitter_profiles` (account id → Person): the submitters' profiles, when the caller read them already."""
    person = speaker.person
    if person is None and speaker.is_submitter:
        submitter_id = speaker.submission.submitter_id
        if submitter_profiles is None:
            person = Person.objects.filter(user_id=submitter_id).first()
        else:
            person = submitter_profiles.get(submitter_id)
    languages = dict(settings.LANGUAGES)
    for language in (person.language if person else "", speaker.submission.language):
        if language in languages:
            return language
    return settings.LANGUAGE_CODE


def confirmation_url(invitation: str) -> str:
    return settings.SITE_URL + reverse("cfp-confirm:confirm", kwargs={"invitation": invitation})


def template_text(edition, decision: str, language: str, templates=None) -> tuple[str, str]:
    """(subject, body) of the decision's e-mail in `language`: the organisers' template, or the shipped text.
    `templates`: the edition's DecisionTemplate rows, when the caller read them already."""
    if templates is None:
        templates = DecisionTemplate.objects.filter(edition=edition, decision=decision, language=language)
    for template in templates:
        if template.decision == decision and template.language == language:
            return template.subject, template.body
    with translation.override(language):
        return str(DEFAULT_SUBJECTS[decision]), str(DEFAULT_BODIES[decision])


def speaker_message(
    *, speaker: SubmissionSpeaker, subject: str, body: str, language: str, confirm: bool
) -> tuple[str, dict]:
    """The final subject and the plain values the outbox keeps for an e-mail to `speaker`: the body with its
    placeholders, the values, and which link {link} stands for. Never the link itself: the invitation code in it
    is a secret, made when the e-mail is sent (speaker_links)."""
    submission = speaker.submission
    edition = submission.edition
    values = {"name": speaker.name, "title": submission.title, "edition": edition.title}
    edition_url = settings.SITE_URL + edition.get_absolute_url()
    with translation.override(language):
        notice = sample.notice_text() if sample.is_sample(edition) else ""
        subject = " ".join(fill(subject, {**values, "link": edition_url}).split())
        if notice:
            subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
    context = {
        "body": body,
        "values": values,
        "speaker": speaker.pk,
        "link": "confirm" if confirm else "edition",
        "edition_url": edition_url,
        "sample_notice": notice,
    }
    return subject, context


def speaker_links(context: dict) -> dict:
    """The link an e-mail to a speaker carries, made when it is sent: their confirmation page, or the edition's
    (also when the speaker is gone since)."""
    url = context.get("edition_url", settings.SITE_URL)
    if context.get("link") == "confirm":
        speakers = SubmissionSpeaker.objects.filter(pk=context.get("speaker"))
        invitation = speakers.values_list("invitation", flat=True).first()
        url = confirmation_url(invitation) if invitation else url
    return {"values": {**context.get("values", {}), "link": url}}


def register_mail_links() -> None:
    """Called once by CfpConfig.ready(), in web and worker processes alike."""
    from occupy.registration.mailing import register_secret_links

    register_secret_links(SPEAKER_TEMPLATE, speaker_links)


def render_speaker_email(*, to: str, subject: str, language: str, context: dict) -> Email:
    """An e-mail to a speaker as the outbox will send it (mailing builds it from the same templates)."""
    full = {**context, **speaker_links(context), "subject": subject, "language": language}
    with translation.override(language):
        text = render_to_string(f"{SPEAKER_TEMPLATE}.txt", full)
        html = render_to_string(f"{SPEAKER_TEMPLATE}.html", full)
    return Email(to=to, language=language, subject=subject, text=text, html=html)


def queue_speaker_email(*, speaker: SubmissionSpeaker, subject: str, body: str, language: str, confirm: bool):
    """Side effects: one outbox e-mail to `speaker`, delivered after the commit."""
    subject, context = speaker_message(speaker=speaker, subject=subject, body=body, language=language, confirm=confirm)
    return queue_message(
        to=speaker.email,
        kind=EmailKind.CALL,
        template=SPEAKER_TEMPLATE,
        subject=subject,
        language=language,
        context=context,
    )


def preview(*, submission: Submission, decision: str, language: str | None = None) -> list[Email]:
    """The e-mails `decision` would send for `submission`, one per speaker, in their language or `language`,
    without sending or saving anything."""
    emails = []
    for speaker in submission.speakers.all():
        in_language = language or language_of(speaker)
        subject, body = template_text(submission.edition, decision, in_language)
        subject, context = speaker_message(
            speaker=speaker, subject=subject, body=body, language=in_language, confirm=decision == Decision.ACCEPT
        )
        emails.append(render_speaker_email(to=speaker.email, subject=subject, language=in_language, context=context))
    return emails


def decide(*, submissions, decision: str, by) -> int:
    """Take `decision` (accept, waiting list, reject) on `submissions`, by the organiser `by`.

    Skips the contributions already in that state and those no longer decidable (withdrawn, confirmed, declined,
    drafts), so a decision sent twice e-mails nobody twice. Side effects, in one transaction: each changed
    submission's state and decided_at (rows locked), and one outbox e-mail per speaker of it, in their language,
    delivered after the commit. Returns how many submissions changed."""
    state = STATE_OF[decision]
    now = timezone.now()
    with transaction.atomic():
        # Locked: two organisers deciding at once must not both e-mail the speakers.
        changed = list(
            Submission.objects.select_for_update()
            .filter(pk__in=[submission.pk for submission in submissions], state__in=DECIDABLE)
            .exclude(state=state)
            .select_related("edition")
            .order_by("pk")
        )
        templates = list(DecisionTemplate.objects.filter(edition__in={s.edition_id for s in changed}))
        # Every speaker and every submitter's profile in two queries, whatever the number of contributions.
        speakers_of = defaultdict(list)
        for speaker in SubmissionSpeaker.objects.filter(submission__in=changed).select_related("person"):
            speakers_of[speaker.submission_id].append(speaker)
        profiles = {p.user_id: p for p in Person.objects.filter(user_id__in={s.submitter_id for s in changed})}
        for submission in changed:
            submission.state, submission.decided_at = state, now
            submission.save(update_fields=["state", "decided_at", "updated_at"])
            for speaker in speakers_of[submission.pk]:
                speaker.submission = submission
                language = language_of(speaker, submitter_profiles=profiles)
                subject, body = template_text(submission.edition, decision, language, templates)
                confirm = decision == Decision.ACCEPT
                queue_speaker_email(speaker=speaker, subject=subject, body=body, language=language, confirm=confirm)
    logger.info("Decision %s on %d submissions by account %s", decision, len(changed), getattr(by, "pk", None))
    return len(changed)


def save_template(*, edition, decision: str, language: str, subject: str, body: str) -> DecisionTemplate:
    """Keep the organisers' words for a decision's e-mail in `language`. Side effects: one DecisionTemplate row."""
    with transaction.atomic():
        template, _created = DecisionTemplate.objects.update_or_create(
            edition=edition, decision=decision, language=language, defaults={"subject": subject, "body": body}
        )
    return template
