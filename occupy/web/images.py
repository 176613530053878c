"""Uploaded images (speakers' photos, organisations' logos): checked by their content, re-encoded, and cut into
the renditions pages show, so that no page sends more pixels than it displays.

An upload is opened with Pillow and verified, then opened again (verify() leaves the image unusable), checked
against a pixel limit before it is decoded (a small file can unpack to gigabytes: a decompression bomb), turned
upright by its EXIF orientation, and saved again at most `ImageSpec.max_side` pixels a side, so whatever else
the upload carried (metadata, trailing bytes, another format) never reaches the site. Next to that original,
one rendition per width in `ImageSpec.widths` is written with a predictable name (`people/ana.jpg` →
`people/ana.w96.jpg`), so a template builds `srcset` from the original's name and size with no storage access.
Writing renditions again gives the same files: `build_renditions` is safe to run twice.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

from occupy.web.uploads import max_upload_size

MAX_PIXELS = 40_000_000  # a 40-megapixel photo is the largest camera picture we expect
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}

NOT_AN_IMAGE = _("This file is not a photo we can read: please choose a JPEG, PNG, WebP or GIF image.")
FAR_TOO_MANY_PIXELS = _("This image has far too many pixels to be a photo: please choose a smaller one.")
TOO_MANY_PIXELS = _("This image is too large (%(width)s × %(height)s pixels): please choose a smaller one.")


@dataclass(frozen=True)
class ImageSpec:
    """How one kind of image is kept: the original's largest side, the renditions' widths, whether renditions
    are cropped square (avatars shown in a circle), and the file format (JPEG for photos; PNG keeps a logo's
    transparency)."""

    max_side: int
    widths: tuple[int, ...]
    square: bool
    format: str

    @property
    def extension(self) -> str:
        return ".jpg" if self.format == "JPEG" else ".png"


PHOTO = ImageSpec(max_side=1200, widths=(96, 192, 400), square=True, format="JPEG")
LOGO = ImageSpec(max_side=800, widths=(96, 192, 400), square=False, format="PNG")


def _refuse_unreadable(function):
    """Pillow reports bad data in many ways; each becomes a ValidationError with a message for people."""

    def wrapper(*args, **kwargs):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                return function(*args, **kwargs)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise ValidationError(FAR_TOO_MANY_PIXELS, code="too_many_pixels") from exc
        except UnidentifiedImageError as exc:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
        except (OSError, SyntaxError, ValueError) as exc:  # truncated or corrupt data, which Pillow reports so
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc

    return wrapper


@_refuse_unreadable
def check_image(upload) -> None:
    """ValidationError unless `upload` is a whole JPEG, PNG, WebP or GIF within the size and pixel limits."""
    max_upload_size(upload)
    upload.seek(0)
    with Image.open(upload) as probe:
        if probe.format not in ACCEPTED_FORMATS:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image")
        width, height = probe.size
        if width * height > MAX_PIXELS:
            raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels", params={"width": width, "height": height})
        probe.verify()
    upload.seek(0)


@deconstructible
class ImageContent:
    """A model field validator: a new upload must be an image we can read (the admin's forms run it). Files
    already stored were checked when they came in and are not opened again."""

    def __call__(self, file) -> None:
        if getattr(file, "_committed", True):
            return
        check_image(file)

    def __eq__(self, other) -> bool:
        return isinstance(other, ImageContent)


image_content = ImageContent()


def _flatten(image: Image.Image, spec: ImageSpec) -> Image.Image:
    """RGB on white for a JPEG (a transparent PNG photo would otherwise turn black); RGBA for a PNG."""
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info)
    if spec.format == "PNG":
        return image.convert("RGBA" if has_alpha else "RGB")
    if not has_alpha:
        return image.convert("RGB")
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _encode(image: Image.Image, spec: ImageSpec) -> bytes:
    out = io.BytesIO()
    if spec.format == "JPEG":
        image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


@_refuse_unreadable
def prepare_original(upload, spec: ImageSpec) -> tuple[ContentFile, int, int]:
    """The checked upload, upright, at most spec.max_side pixels a side, in spec's format; with its size."""
    check_image(upload)
    with Image.open(upload) as image:
        if image.format == "JPEG":
            image.draft("RGB", (spec.max_side * 2, spec.max_side * 2))  # JPEGs decode at a reduced size: faster
        image = ImageOps.exif_transpose(image)
        image = _flatten(image, spec)
        image.thumbnail((spec.max_side, spec.max_side), Image.Resampling.LANCZOS)
        return ContentFile(_encode(image, spec)), image.width, image.height


def rendition_widths(width: int, height: int, spec: ImageSpec) -> list[int]:
    """The widths written for an original of this size: never wider than the original (no upscaling)."""
    largest = min(width, height) if spec.square else width
    return sorted({min(wanted, largest) for wanted in spec.widths})


def rendition_size(width: int, height: int, rendition_width: int, spec: ImageSpec) -> tuple[int, int]:
    if spec.square:
        return rendition_width, rendition_width
    return rendition_width, max(1, round(height * rendition_width / width))


def rendition_name(name: str, rendition_width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.w{rendition_width}{path.suffix}"))


def _write(storage, name: str, content: bytes) -> None:
    # Delete first: storage.save would otherwise pick another name, and the name must stay predictable.
    if storage.exists(name):
        storage.delete(name)
    storage.save(name, ContentFile(content))


def write_renditions(field_file, spec: ImageSpec) -> tuple[int, int]:
    """Write every rendition of the stored original next to it (replacing any there); the original's size.

    Side effects: files in the field's storage."""
    with field_file.storage.open(field_file.name, "rb") as stored, Image.open(stored) as original:
        original.load()
        width, height = original.size
        for rendition_width in rendition_widths(width, height, spec):
            if spec.square:
                image = ImageOps.fit(original, (rendition_width, rendition_width), Image.Resampling.LANCZOS)
            else:
                image = original.resize(rendition_size(width, height, rendition_width, spec), Image.Resampling.LANCZOS)
            _write(field_file.storage, rendition_name(field_file.name, rendition_width), _encode(image, spec))
    return width, height


def delete_image_files(storage, name: str, width: int | None, height: int | None, spec: ImageSpec) -> None:
    """Delete an original and the renditions its size implies (those that exist)."""
    names = [name]
    if width and height:
        names += [rendition_name(name, w) for w in rendition_widths(width, height, spec)]
    for each in names:
        if storage.exists(each):
            storage.delete(each)


def store_image(*, instance, field_name: str, upload, stem: str, spec: ImageSpec) -> None:
    """Keep a new upload as `instance`'s image: checked, re-encoded as `<upload_to>/<stem><ext>`, its renditions
    written, its size in `<field_name>_width`/`_height`. ValidationError when the upload is no usable image.

    Side effects: the original and rendition files in storage; the instance's image and size columns saved;
    the previous image and its renditions deleted after commit (when the name changed)."""
    content, width, height = prepare_original(upload, spec)
    field_file = getattr(instance, field_name)
    old = (field_file.name, getattr(instance, f"{field_name}_width"), getattr(instance, f"{field_name}_height"))
    storage = field_file.storage
    with transaction.atomic():
        field_file.save(f"{stem}{spec.extension}", content, save=False)
        write_renditions(field_file, spec)
        setattr(instance, f"{field_name}_width", width)
        setattr(instance, f"{field_name}_height", height)
        instance.save(update_fields=[field_name, f"{field_name}_width", f"{field_name}_height"])
        if old[0] and old[0] != field_file.name:
            transaction.on_commit(lambda: delete_image_files(storage, *old, spec))


def build_renditions(*, instance, field_name: str, spec: ImageSpec) -> None:
    """(Re)write the renditions of an image already stored and record its size; the original is left as it is.

    Side effects: rendition files in storage; the instance's size columns saved."""
    width, height = write_renditions(getattr(instance, field_name), spec)
    setattr(instance, f"{field_name}_width", width)
    setattr(instance, f"{field_name}_height", height)
    instance.save(update_fields=[f"{field_name}_width", f"{field_name}_height"])
