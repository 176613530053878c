"""Month names as long dates use them (`date:"j E Y"`, "2 June 2022"), marked so that our catalogues can
override Django's own: its Romanian catalogue capitalises them ("2 Iunie 2022"), and Romanian writes months
in lower case ("2 iunie 2022"). Ukrainian takes the genitive here ("2 червня 2022").

Nothing needs to import this module: makemessages reads it, and translations in LOCALE_PATHS take precedence
over Django's at run time.
"""

from django.utils.translation import pgettext_lazy

LONG_DATE_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
