from django.apps import AppConfig


class WebConfig(AppConfig):
    """The site's frame: layout, language choice, error pages, security headers and the page cache."""

    name = "occupy.web"

    def ready(self):
        from occupy.web import signals
        from occupy.web.redaction import protect_gunicorn_logs

        signals.connect()
        protect_gunicorn_logs()
