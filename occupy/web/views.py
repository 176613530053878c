import sys

from django.conf import settings
from django.contrib import admin
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language

from occupy.web import ratelimit, unavailable


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


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def server_error(request):
    # Django calls this inside the `except` block that caught the error, so the exception is at hand.
    if unavailable.database_is_down(sys.exception()):
        return unavailable.service_unavailable(request)
    return render(request, "500.html", status=500)


def admin_login(request, extra_context=None):
    """The admin's sign-in, limited against password guessing by failures only: per client IP, and per user
    name (however it is spelt). An address over its limit may not try at all. A user name over its limit still
    signs in with the right password from an address that is not itself limited, so that guesses from
    elsewhere never lock the organiser out; a wrong password for it gets the limit's page."""
    if request.method != "POST":
        return admin.site.login(request, extra_context)
    if ratelimit.sign_in_ip_limited(request):
        return render(request, "429.html", status=429)
    username = request.POST.get("username", "")[:150]
    name_limited = bool(username) and ratelimit.sign_in_name_limited(username)
    response = admin.site.login(request, extra_context)
    if response.status_code == 302 and request.user.is_authenticated:
        return response
    ratelimit.count_sign_in_failure(request, username)
    if name_limited:
        return render(request, "429.html", status=429)
    return response
