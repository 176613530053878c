"""Speaker photos: checked by their content, not their name, and re-encoded at the size the pages show.

A file is opened with Pillow and verified, then opened again (verify() leaves the image unusable), checked
against a pixel limit before it is decoded (a small file can unpack to gigabytes: a decompression bomb), and
saved again as a JPEG of at most PHOTO_SIZE pixels a side, so whatever else the upload carried (metadata,
trailing bytes, another format) never reaches the site.
"""

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from occupy.web.uploads import max_upload_size

PHOTO_SIZE = 400  # the largest a person page shows, in CSS pixels
MAX_PIXELS = 40_000_000  # a 40-megapixel photo is the largest camera picture we expect
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

NOT_AN_IMAGE = _("This file is not a photo we can read: please choose a JPEG, PNG, WebP or GIF image.")
FAR_TOO_MANY_PIXELS = _("This image has far too many pixels to be a photo: please choose a smaller one.")
TOO_MANY_PIXELS = _("This image is too large (%(width)s × %(height)s pixels): please choose a smaller one.")


def prepare_photo(upload) -> ContentFile:
    """A checked upload re-encoded as a JPEG at most PHOTO_SIZE pixels a side; ValidationError with a message
    saying what is wrong otherwise (too big a file, not an image, too many pixels)."""
    max_upload_size(upload)
    try:
        upload.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as probe:
                if probe.format not in ACCEPTED_FORMATS:
                    raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        TOO_MANY_PIXELS, code="too_many_pixels", params={"width": width, "height": height}
                    )
                probe.verify()
            upload.seek(0)
            with Image.open(upload) as image:
                image.draft("RGB", (PHOTO_SIZE * 2, PHOTO_SIZE * 2))  # JPEGs decode at a reduced size: faster
                image = image.convert("RGB")
                image.thumbnail((PHOTO_SIZE, PHOTO_SIZE))
                out = io.BytesIO()
                image.save(out, "JPEG", quality=85, optimize=True)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(FAR_TOO_MANY_PIXELS, code="too_many_pixels") from exc
    except UnidentifiedImageError as exc:
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt data, which Pillow reports so
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    return ContentFile(out.getvalue(), name="photo.jpg")
