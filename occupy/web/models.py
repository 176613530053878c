from django.db import models


class ContentVersion(models.Model):
    """A single row whose number changes whenever public content changes.

    Cached pages are keyed by it, so every app server sees a change at once, whatever the cache backend.
    """

    version = models.PositiveBigIntegerField(default=1)

    def __str__(self):
        return str(self.version)
