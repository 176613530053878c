from django.db import models


class ContentVersion(models.Model):
    """A single row whose number changes whenever public content changes.

    Cached pages are keyed by it, so every app server sees a change at once, whatever the cache backend.
    """

    version = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return str(self.version)


class ScopeVersion(models.Model):
    """A number per part of the public content that changes on its own: `edition:<slug>` (an edition's
    programme, rooms, themes, formats, partners, call), `editions` (any of those, for pages that show several
    editions) and `news`. A cached page is keyed by ContentVersion (the rest of the site) and by the scopes it
    shows, so an edit to one edition's session leaves the other editions' pages cached, and news the schedule."""

    scope = models.CharField(max_length=80, primary_key=True)
    version = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return f"{self.scope}: {self.version}"
