from django.urls import path

from occupy.web import health, identity, views

app_name = "web"
urlpatterns = [
    path("language/", views.set_language, name="set-language"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("favicon.ico", identity.favicon, name="favicon"),
    path("manifest.webmanifest", identity.web_manifest, name="web-manifest"),
]
