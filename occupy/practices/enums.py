"""The fixed vocabularies of a practice: its state, the kind of library, its audiences and the UN Sustainable
Development Goals. Their names are translated here, once; the database keeps only the codes."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class LibraryType(models.TextChoices):
    PUBLIC = "public", _("Public library")
    SCHOOL = "school", _("School library")
    UNIVERSITY = "university", _("University library")
    NATIONAL = "national", _("National library")
    MOBILE = "mobile", _("Mobile library")
    SPECIAL = "special", _("Special library")
    OTHER = "other", _("Other organisation")


class Audience(models.TextChoices):
    CHILDREN = "children", _("Children")
    YOUTH = "youth", _("Young people")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors")
    DISABILITIES = "disabilities", _("People with disabilities")
    MINORITIES = "minorities", _("Minorities")
    LIBRARIANS = "librarians", _("Librarians")


class TagKind(models.TextChoices):
    AUDIENCE = "audience", _("Audience")
    SDG = "sdg", _("Sustainable Development Goal")
    THEME = "theme", _("Theme")


# The 17 goals of the 2030 Agenda, by number, with their short names as the UN gives them.
SDG_NAMES = {
    1: _("No poverty"),
    2: _("Zero hunger"),
    3: _("Good health and well-being"),
    4: _("Quality education"),
    5: _("Gender equality"),
    6: _("Clean water and sanitation"),
    7: _("Affordable and clean energy"),
    8: _("Decent work and economic growth"),
    9: _("Industry, innovation and infrastructure"),
    10: _("Reduced inequalities"),
    11: _("Sustainable cities and communities"),
    12: _("Responsible consumption and production"),
    13: _("Climate action"),
    14: _("Life below water"),
    15: _("Life on land"),
    16: _("Peace, justice and strong institutions"),
    17: _("Partnerships for the goals"),
}
SDG_CHOICES = [(str(number), format_lazy("{}. {}", number, name)) for number, name in SDG_NAMES.items()]


def sdg_label(number) -> str:
    number = int(number)
    return f"{number}. {SDG_NAMES[number]}"


def tag_label(kind: str, value: str, stored_label: str = "") -> str:
    """What a tag reads as in the page's language: the goal's or audience's name, a theme's own words."""
    if kind == TagKind.SDG:
        return sdg_label(value)
    if kind == TagKind.AUDIENCE:
        return str(Audience(value).label) if value in Audience.values else value
    return stored_label or value
