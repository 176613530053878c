from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CfpConfig(AppConfig):
    """The call for contributions: submissions and their states, reviews and scores, decisions and their e-mails.
    An accepted, confirmed contribution becomes a session of the programme (cfp imports programme, never back)."""

    name = "occupy.cfp"
    verbose_name = _("Call for contributions")

    def ready(self):
        from occupy.cfp.services import decisions, submissions

        submissions.register_mail_links()
        decisions.register_mail_links()
