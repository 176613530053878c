from functools import wraps

from django.utils.cache import add_never_cache_headers


def private_page(view):
    """For pages with a person's data or a secret in the URL: never cached, never indexed, and the URL is
    never sent on as a Referer to the sites the page links to."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "private, no-store, no-cache, must-revalidate, max-age=0"
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
