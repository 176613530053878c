"""`{% sample_notice %}`: the sample-data banner, shown by the base layout on every page whose edition,
session, person or registration is sample data (occupy.editions.sample decides)."""

from django import template

from occupy.editions.sample import NOTICE_TEXT, NOTICE_TITLE, is_sample

register = template.Library()

# The context names a page's subject goes by; a page about one of these shows the banner when it is sample.
SUBJECTS = ("edition", "session", "person", "registration")


@register.inclusion_tag("components/_sample_notice.html", takes_context=True)
def sample_notice(context):
    shown = is_sample(*(context.get(name) for name in SUBJECTS))
    return {"show": shown, "title": NOTICE_TITLE, "text": NOTICE_TEXT}
