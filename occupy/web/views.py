from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language


def set_language(request):
    """Choose the interface language with a plain link (?lang=ro&next=/2022/); the choice is kept in a cookie.

    A link rather than Django's POST-only view, so that public pages carry no CSRF token and can be cached.
    """
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    lang = request.GET.get("lang", "")
    if lang in dict(settings.LANGUAGES) and check_for_language(lang):
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            lang,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=False,
        )
    return response


def page_not_found(request, exception):
    return render(request, "404.html", {"exception": exception}, status=404)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def server_error(request):
    return render(request, "500.html", status=500)
