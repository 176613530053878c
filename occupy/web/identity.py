"""The site's icons where browsers look for them: /favicon.ico (asked for by every browser, whatever the page
says) and the web manifest that names the home-screen icons. The icons themselves are static files drawn by
`manage.py make_icons` (occupy/static/icons/); their hashed names are only known here, at run time."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

THEME_COLOUR = "#8a1c3a"  # --accent in site.css


@require_safe
def favicon(request):
    response = redirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=86400)
    return response


@require_safe
def web_manifest(request):
    manifest = {
        "name": "Occupy Library",
        "short_name": "Occupy Library",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png", "purpose": "any"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "any"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=86400)
    return response
