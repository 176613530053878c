from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "occupy.editions"
