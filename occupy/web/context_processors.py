from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """What the layout shows on every page: the editions for the navigation and the languages."""
    from occupy.editions.models import Edition

    return {
        "nav_editions": SimpleLazyObject(
            lambda: list(Edition.objects.published().only("slug", "year", "title", "is_sample"))
        ),
        "site_languages": settings.LANGUAGES,
        "site_url": settings.SITE_URL,
    }
