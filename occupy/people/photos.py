"""Speaker photos: checked by their content, not their name, and kept as an original plus the renditions pages
show (occupy.web.images does the work; this module names how a photo is kept)."""

from occupy.web.images import PHOTO, check_image, store_image

__all__ = ["PHOTO", "prepare_photo", "store_photo"]


def prepare_photo(upload):
    """The upload, checked (a ValidationError says what is wrong: too big a file, not an image, too many
    pixels); it is re-encoded when stored."""
    check_image(upload)
    return upload


def store_photo(*, person, upload) -> None:
    """Keep `upload` as the person's photo (`people/<slug>.jpg`) with its renditions.

    Side effects: see occupy.web.images.store_image."""
    store_image(instance=person, field_name="photo", upload=upload, stem=person.slug, spec=PHOTO)
