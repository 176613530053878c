"""Cache invalidation, the only use of signals in this project: any change to public content bumps the
content version, so cached pages and exports are never stale."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from occupy.web.pagecache import bump_version

PUBLIC_CONTENT_APPS = ("editions", "people", "content", "programme", "practices")
# Public models of apps that are otherwise private (submissions are not public content).
PUBLIC_CONTENT_MODELS = ("cfp.Call",)


def _bump(sender, **kwargs):
    if kwargs.get("raw"):
        return
    bump_version()


def connect():
    models = [model for label in PUBLIC_CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    models += [apps.get_model(label) for label in PUBLIC_CONTENT_MODELS]
    for model in models:
        post_save.connect(_bump, sender=model, dispatch_uid=f"bump-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"bump-delete-{model._meta.label}")
    m2m_changed.connect(_bump, dispatch_uid="bump-m2m")
