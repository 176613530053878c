from functools import wraps

from django.utils.cache import add_never_cache_headers


def private_page(view):
    """For pages with a person's data or a secret in the URL: never cached, never indexed, and the URL is
    never sent on as a Referer to other sites.

    Referrer-Policy is no-referrer, except on HTML pages, which get same-origin: under no-referrer browsers
    send `Origin: null` with the page's own POST forms, and Django's CSRF check (rightly) refuses them.
    Cross-origin, both policies send nothing.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
        is_page = response.get("Content-Type", "").startswith("text/html") and not response.has_header("Location")
        response["Referrer-Policy"] = "same-origin" if is_page else "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
