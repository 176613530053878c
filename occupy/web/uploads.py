"""The size limit on files organisers upload (photos, logos, session materials).

The limit (settings.MAX_UPLOAD_MB) is read when a file is checked, not when a model is defined, so changing
it needs no migration. The proxy in front (deploy/nginx.conf) lets a little more through, so that this
check, with its clear message in the admin form, is what an organiser meets.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

MIB = 1024 * 1024


@deconstructible
class MaxUploadSize:
    message = _("This file is %(size)s MB; a file can be at most %(limit)s MB.")

    def __call__(self, file) -> None:
        limit = settings.MAX_UPLOAD_MB
        if file.size > limit * MIB:
            raise ValidationError(
                self.message, code="file_too_large", params={"size": f"{file.size / MIB:.1f}", "limit": limit}
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, MaxUploadSize)


max_upload_size = MaxUploadSize()
