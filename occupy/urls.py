"""Public URLs are permalinks: keep them stable (see ARCHITECTURE.md). Fixed prefixes come before the
edition patterns, which match any slug."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from occupy.web import views as web_views

urlpatterns = [
    path("admin/login/", web_views.admin_login),
    path("admin/", admin.site.urls),
    path("", include("occupy.web.urls")),
    path("", include("occupy.content.urls")),
    path("", include("occupy.practices.urls")),
    path("", include("occupy.people.urls")),
    path("", include("occupy.organise.urls")),
    path("", include("occupy.live.urls")),
    path("", include("occupy.outreach.urls")),
    path("", include("occupy.registration.urls")),
    path("", include("occupy.cfp.urls")),
    path("", include("occupy.cfp.confirmation_urls")),
    path("", include("occupy.programme.urls")),
    path("", include("occupy.editions.urls")),
]

handler400 = "occupy.web.views.bad_request"
handler403 = "occupy.web.views.permission_denied"
handler404 = "occupy.web.views.page_not_found"
handler500 = "occupy.web.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
