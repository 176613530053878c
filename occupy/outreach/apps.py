from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "occupy.outreach"
    verbose_name = _("Announcements and surveys")

    def ready(self):
        from occupy.outreach.services.announcements import register_mail_hooks
        from occupy.outreach.services.survey import register_manage_link

        register_mail_hooks()
        register_manage_link()
