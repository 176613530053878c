"""The admin's image uploads go the same way as the site's: the model field's validator checks the content
(occupy.web.images.image_content), and on save the upload is re-encoded with its renditions by the service."""

from functools import partial

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from occupy.web.images import delete_image_files, store_image


class ImageUploadAdminMixin:
    """For a ModelAdmin whose model has image fields kept by occupy.web.images: `image_fields` maps each field
    name to its ImageSpec; the file is named after the object's slug."""

    image_fields: dict = {}

    def save_model(self, request, obj, form, change):
        uploads = {}
        for field_name in self.image_fields:
            if field_name not in form.changed_data:
                continue
            value = form.cleaned_data.get(field_name)
            if isinstance(value, UploadedFile):
                uploads[field_name] = value
                # Keep the previous file until the service replaces it: the raw upload is never stored.
                setattr(obj, field_name, form.initial.get(field_name) or "")
            else:  # cleared: its files go once the change is saved
                old = form.initial.get(field_name)
                if old:
                    width, height = getattr(obj, f"{field_name}_width"), getattr(obj, f"{field_name}_height")
                    spec = self.image_fields[field_name]
                    transaction.on_commit(partial(delete_image_files, old.storage, old.name, width, height, spec))
                setattr(obj, f"{field_name}_width", None)
                setattr(obj, f"{field_name}_height", None)
        super().save_model(request, obj, form, change)
        for field_name, upload in uploads.items():
            store_image(
                instance=obj, field_name=field_name, upload=upload, stem=obj.slug, spec=self.image_fields[field_name]
            )
