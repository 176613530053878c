"""Links that apps above registration add to the participant's manage page (the survey, for one), without
registration importing them: each app registers a function of the registration in its AppConfig.ready()."""

from collections.abc import Callable

# A function of a registration returning {"label", "url"} or None (nothing to offer it now).
MANAGE_LINKS: list[Callable] = []


def register_manage_link(make_link: Callable) -> None:
    if make_link not in MANAGE_LINKS:
        MANAGE_LINKS.append(make_link)


def manage_links(registration) -> list[dict]:
    return [link for link in (make_link(registration) for make_link in MANAGE_LINKS) if link]
