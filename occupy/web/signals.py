"""Cache invalidation, the only use of signals in this project: any change to public content bumps the
version of what it belongs to (occupy.web.pagecache), so cached pages and exports are never stale and an edit
invalidates only the pages that show it.

- a news post: the `news` scope (home, news pages, feed), never a schedule;
- anything of one edition (sessions and their speakers and materials, rooms, themes, formats, schedule
  versions, partners, its call): that edition's scope and `editions` (pages that show several editions);
- anything else (an edition itself, whose title every page's navigation shows; people, who appear in several
  editions; organisations): the whole site.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from occupy.web.pagecache import EDITIONS_SCOPE, NEWS_SCOPE, bump_scopes, bump_version, edition_scope

PUBLIC_CONTENT_APPS = ("editions", "people", "content", "programme", "practices")
# Public models of apps that are otherwise private (submissions are not public content).
PUBLIC_CONTENT_MODELS = ("cfp.Call", "live.SessionStream")  # a recording made public shows on its session page
NEWS_MODELS = ("content.NewsPost",)


def _edition_slug(instance) -> str | None:
    """The slug of the edition `instance` belongs to (through its session for speakers and materials), None
    for anything that is not one edition's own."""
    Edition = apps.get_model("editions.Edition")
    if isinstance(instance, Edition):
        return None  # its title and dates are in every page's navigation: the whole site
    edition_id = getattr(instance, "edition_id", None)
    if edition_id is None and getattr(instance, "session_id", None) is not None:
        Session = apps.get_model("programme.Session")
        edition_id = Session.objects.filter(pk=instance.session_id).values_list("edition_id", flat=True).first()
    if edition_id is None:
        return None
    return Edition.objects.filter(pk=edition_id).values_list("slug", flat=True).first()


def _bump(sender, instance=None, **kwargs):
    if kwargs.get("raw"):
        return
    if sender._meta.label in NEWS_MODELS:
        bump_scopes(NEWS_SCOPE)
    elif instance is not None and (slug := _edition_slug(instance)):
        bump_scopes(edition_scope(slug), EDITIONS_SCOPE)
    else:
        bump_version()


def _bump_site(sender, **kwargs):
    bump_version()


def connect():
    models = [model for label in PUBLIC_CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    models += [apps.get_model(label) for label in PUBLIC_CONTENT_MODELS]
    for model in models:
        post_save.connect(_bump, sender=model, dispatch_uid=f"bump-save-{model._meta.label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"bump-delete-{model._meta.label}")
    m2m_changed.connect(_bump_site, dispatch_uid="bump-m2m")
