"""Decisions on submissions and the e-mails they send to each speaker, in the speaker's language.

An e-mail's words are the organisers' DecisionTemplate for the decision and language, or the text shipped here
(translated). Placeholders: {name} {title} {edition} {link}; the values are escaped in the HTML part, so markup
in a title or a name is shown, never run.
"""

import logging
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from occupy.cfp.models import Decision, DecisionTemplate, Submission, SubmissionSpeaker, SubmissionState
from occupy.cfp.queries import DECIDABLE
from occupy.editions import sample
from occupy.registration.models import EmailKind
from occupy.registration.services.mail import queue_message

logger = logging.getLogger(__name__)

STATE_OF = {
    Decision.ACCEPT: SubmissionState.ACCEPTED,
    Decision.WAITLIST: SubmissionState.WAITLISTED,
    Decision.REJECT: SubmissionState.REJECTED,
}
PLACEHOLDER = re.compile(r"\{(name|title|edition|link)\}")

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


@dataclass
class Email:
    to: str
    language: str
    subject: str
    text: str
    html: str


def language_of(speaker: SubmissionSpeaker) -> str:
    """The language a speaker reads their e-mails in: the language the submitter chose to present in when the
    site speaks it (the submitter's account has no language of its own yet), otherwise the site's default."""
    language = speaker.submission.language
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def link_for(speaker: SubmissionSpeaker, decision: str) -> str:
    """An accepted speaker's confirmation page (unguessable: their invitation code); otherwise the edition."""
    if decision == Decision.ACCEPT:
        return settings.SITE_URL + reverse("cfp-confirm:confirm", kwargs={"invitation": speaker.invitation})
    return settings.SITE_URL + speaker.submission.edition.get_absolute_url()


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


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with its placeholders replaced (anything else in braces is left as typed)."""
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def compose(*, to: str, edition, language: str, subject: str, body: str, values: dict[str, str]) -> Email:
    """An e-mail from a subject and body with placeholders, in `language`: a plain text part, and an HTML part
    where the body and the values are escaped (markup in a title or a name is shown, never run)."""
    with translation.override(language):
        notice = sample.notice_text() if sample.is_sample(edition) else ""
        subject = " ".join(fill(subject, values).split())
        if notice:
            subject = f"{gettext(sample.SUBJECT_PREFIX)} {subject}"
        html_body = linebreaks(fill(escape(body), {key: escape(value) for key, value in values.items()}))
        context = {"subject": subject, "language": language, "notice": notice, "edition": edition}
        html = render_to_string("cfp/email/message.html", {**context, "body": mark_safe(html_body)})  # noqa: S308
        text = render_to_string("cfp/email/message.txt", {**context, "body": fill(body, values)})
    return Email(to=to, language=language, subject=subject, text=text, html=html)


def placeholder_values(speaker: SubmissionSpeaker, decision: str) -> dict[str, str]:
    submission = speaker.submission
    return {
        "name": speaker.name,
        "title": submission.title,
        "edition": submission.edition.title,
        "link": link_for(speaker, decision),
    }


def render_decision_email(speaker: SubmissionSpeaker, decision: str, *, templates=None, language=None) -> Email:
    """The e-mail `decision` sends to `speaker`, in their language (or `language`, for a preview)."""
    edition = speaker.submission.edition
    language = language or language_of(speaker)
    subject, body = template_text(edition, decision, language, templates)
    values = placeholder_values(speaker, decision)
    return compose(to=speaker.email, edition=edition, language=language, subject=subject, body=body, values=values)


def preview(*, submission: Submission, decision: str, language: str | None = None) -> list[Email]:
    """The e-mails `decision` would send for `submission`, one per speaker, in their language or `language`,
    without sending anything."""
    return [render_decision_email(speaker, decision, language=language) for speaker in submission.speakers.all()]


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
        for submission in changed:
            submission.state, submission.decided_at = state, now
            submission.save(update_fields=["state", "decided_at", "updated_at"])
            for speaker in SubmissionSpeaker.objects.filter(submission=submission):
                speaker.submission = submission
                email = render_decision_email(speaker, decision, templates=templates)
                queue_message(
                    to=email.to, kind=EmailKind.DECISION, subject=email.subject, text=email.text, html=email.html
                )
    logger.info("Decision %s on %d submissions by account %s", decision, len(changed), getattr(by, "pk", None))
    return len(changed)


def save_template(*, edition, decision: str, language: str, subject: str, body: str) -> DecisionTemplate:
    """Keep the organisers' words for a decision's e-mail in `language`. Side effects: one DecisionTemplate row."""
    with transaction.atomic():
        template, _created = DecisionTemplate.objects.update_or_create(
            edition=edition, decision=decision, language=language, defaults={"subject": subject, "body": body}
        )
    return template
