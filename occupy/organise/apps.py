from django.apps import AppConfig


class OrganiseConfig(AppConfig):
    """The organisers' workspace: an interface over the domain apps (it imports them; nothing imports it)."""

    name = "occupy.organise"
