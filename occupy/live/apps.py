from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "occupy.live"
    verbose_name = "Live"
