"""Secrets never reach a log: a logging filter that blanks the secret part of private URLs in every record.

The server logs the path of a request (django.request on a 4xx/5xx, runserver's django.server and gunicorn's
access log on every request), and some paths carry a secret: the manage token (`/registration/<token>/…`,
the agenda's calendar feed included), the confirmation key (`/<edition>/register/confirm/<key>/`), a
certificate's verification code (`/verify/<code>/`, which shows the holder's name), an account's
confirmation and password-reset links (`/account/verify/<token>/`, `/account/password-reset/<uidb64>/<token>/`),
a submission's code (`/account/submissions/<code>/`), a co-speaker's invitation (`/cfp/invitation/<invitation>/`),
an accepted speaker's invitation (`/cfp/confirm/<invitation>/`) and a submission's reference on the review page
(`/organise/<edition>/review/<code>/`), and an announcement's unsubscribe link (`/unsubscribe/<token>/`). The
filter is set on every handler in settings.LOGGING (and on gunicorn's own handlers, see WebConfig.ready); a test
walks the URL configuration so that a new URL with a secret in it is caught.
"""

import logging
import re

REDACTED = "[redacted]"

# A path starts a line, follows a space, a quote, "(" or "=" (a log message, a request line, a repr), possibly
# as a full URL. Anchoring there keeps /admin/registration/registration/5/ as it is.
SECRET_IN_PATH = re.compile(
    r"""(?P<lead>(?:^|[\s"'(=])(?:https?://[^/\s"']+)?/?)"""
    r"""(?P<prefix>registration/|[\w-]+/register/confirm/|verify/|account/verify/|account/submissions/"""
    r"""|account/password-reset/[^/?#\s"'<>]+/|cfp/invitation/|cfp/confirm/|organise/[\w-]+/review/|unsubscribe/)"""
    r"""(?P<secret>[^/?#\s"'<>]+)"""
)


def redact(text: str) -> str:
    """`text` with the secret segment of every private path replaced by [redacted]."""
    return SECRET_IN_PATH.sub(lambda m: m.group("lead") + m.group("prefix") + REDACTED, text)


class RedactSecrets(logging.Filter):
    """Rewrites a record's message (and its traceback text) with the secrets blanked; never drops a record.

    A message that held a secret is stored back formatted and redacted, with no arguments, so every handler
    after this one (and every formatter) sees the redacted text; other records are left as they are."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string is the logging module's to report, not ours
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def protect_gunicorn_logs() -> None:
    """Gunicorn configures its own loggers (its access log prints every path) before Django starts: give their
    handlers the filter too. Nothing happens outside gunicorn."""
    for name in ("gunicorn.access", "gunicorn.error"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(existing, RedactSecrets) for existing in handler.filters):
                handler.addFilter(RedactSecrets())
