"""The image service (occupy.web.images): uploads checked by content, re-encoded, upright, cut into renditions of
the widths pages use; and the command that rebuilds renditions of files already stored."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from PIL import Image

from occupy.content.models import Organisation
from occupy.people.models import Person
from occupy.web.images import LOGO, PHOTO, check_image, store_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def encoded(image: Image.Image, fmt: str, **params) -> SimpleUploadedFile:
    out = io.BytesIO()
    image.save(out, fmt, **params)
    return SimpleUploadedFile(f"upload.{fmt.lower()}", out.getvalue())


def test_check_image_refuses_a_text_file_named_jpg():
    with pytest.raises(ValidationError) as error:
        check_image(SimpleUploadedFile("ana.jpg", b"Dear organisers, here is my photo.", content_type="image/jpeg"))
    assert error.value.code == "not_an_image"


def test_check_image_refuses_a_decompression_bomb():
    bomb = encoded(Image.new("1", (20000, 20000)), "PNG")  # ~50 KB on disk, 400 megapixels decoded
    assert bomb.size < 100_000
    with pytest.raises(ValidationError) as error:
        check_image(bomb)
    assert error.value.code == "too_many_pixels"


def test_a_3000_pixel_jpeg_becomes_an_original_and_square_renditions_of_each_width(media):
    person = Person.objects.create(name="Ana Popescu", slug="ana-popescu")
    store_image(
        instance=person, field_name="photo", upload=encoded(Image.new("RGB", (3000, 2000), "teal"), "JPEG"),
        stem=person.slug, spec=PHOTO,
    )  # fmt: skip
    person.refresh_from_db()
    assert (person.photo.name, person.photo_width, person.photo_height) == ("people/ana-popescu.jpg", 1200, 800)
    sizes = {}
    for path in sorted((media / "people").iterdir()):
        with Image.open(path) as saved:
            sizes[path.name] = (saved.format, saved.size)
    assert sizes == {
        "ana-popescu.jpg": ("JPEG", (1200, 800)),
        "ana-popescu.w96.jpg": ("JPEG", (96, 96)),
        "ana-popescu.w192.jpg": ("JPEG", (192, 192)),
        "ana-popescu.w400.jpg": ("JPEG", (400, 400)),
    }


def test_a_small_photo_is_not_enlarged(media):
    person = Person.objects.create(name="Ana Popescu", slug="ana")
    store_image(
        instance=person,
        field_name="photo",
        upload=encoded(Image.new("RGB", (150, 120)), "PNG"),
        stem="ana",
        spec=PHOTO,
    )
    assert sorted(p.name for p in (media / "people").iterdir()) == ["ana.jpg", "ana.w120.jpg", "ana.w96.jpg"]


def test_the_exif_orientation_is_applied(media):
    # A landscape picture whose camera says "rotate 90°": the stored photo is portrait, its left half red.
    image = Image.new("RGB", (400, 200), "blue")
    image.paste("red", (0, 0, 400, 100))  # the top half, which becomes the left or right half once rotated
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90° clockwise to view
    person = Person.objects.create(name="Ana Popescu", slug="ana")
    store_image(instance=person, field_name="photo", upload=encoded(image, "JPEG", exif=exif), stem="ana", spec=PHOTO)
    with Image.open(media / "people" / "ana.jpg") as saved:
        assert saved.size == (200, 400)
        assert "exif" not in saved.info
        red, green, blue = saved.getpixel((190, 200))
        assert red > 200 and blue < 60  # rotated clockwise: the top went to the right


def test_a_transparent_png_photo_is_flattened_on_white(media):
    image = Image.new("RGBA", (200, 200), (0, 0, 0, 0))
    image.paste((138, 28, 58, 255), (50, 50, 150, 150))
    person = Person.objects.create(name="Ana Popescu", slug="ana")
    store_image(instance=person, field_name="photo", upload=encoded(image, "PNG"), stem="ana", spec=PHOTO)
    with Image.open(media / "people" / "ana.jpg") as saved:
        assert saved.mode == "RGB"
        assert saved.getpixel((5, 5)) == (255, 255, 255)


def test_a_transparent_logo_keeps_its_transparency_and_its_proportions(media):
    image = Image.new("RGBA", (1600, 400), (0, 0, 0, 0))
    image.paste((29, 29, 40, 255), (100, 100, 1500, 300))
    library = Organisation.objects.create(name="Biblioteca", slug="biblioteca")
    store_image(instance=library, field_name="logo", upload=encoded(image, "PNG"), stem="biblioteca", spec=LOGO)
    library.refresh_from_db()
    assert (library.logo.name, library.logo_width, library.logo_height) == ("organisations/biblioteca.png", 800, 200)
    with Image.open(media / "organisations" / "biblioteca.w192.png") as rendition:
        assert (rendition.mode, rendition.size) == ("RGBA", (192, 48))
        assert rendition.getpixel((0, 0))[3] == 0


def test_a_new_photo_replaces_the_old_one_and_its_renditions(media, django_capture_on_commit_callbacks):
    person = Person.objects.create(name="Ana Popescu", slug="ana")
    with django_capture_on_commit_callbacks(execute=True):
        store_image(
            instance=person,
            field_name="photo",
            upload=encoded(Image.new("RGB", (500, 500)), "PNG"),
            stem="ana",
            spec=PHOTO,
        )
        store_image(
            instance=person,
            field_name="photo",
            upload=encoded(Image.new("RGB", (100, 100)), "PNG"),
            stem="ana",
            spec=PHOTO,
        )
    person.refresh_from_db()
    stem = person.photo.name.removeprefix("people/").removesuffix(".jpg")
    assert stem != "ana"  # the first name was taken when the second was saved
    assert sorted(p.name for p in (media / "people").iterdir()) == [
        f"{stem}.jpg",
        f"{stem}.w100.jpg",
        f"{stem}.w96.jpg",
    ]


def test_build_renditions_rebuilds_missing_renditions_and_records_the_size(media):
    (media / "people").mkdir()
    Image.new("RGB", (640, 480), "teal").save(media / "people" / "old.jpg", "JPEG")
    person = Person.objects.create(name="Old Upload", slug="old", photo="people/old.jpg")
    Person.objects.create(name="Lost File", slug="lost", photo="people/lost.jpg")
    out, err = io.StringIO(), io.StringIO()

    call_command("build_renditions", stdout=out, stderr=err)
    call_command("build_renditions", stdout=out, stderr=err)  # a second run gives the same files

    person.refresh_from_db()
    assert (person.photo_width, person.photo_height) == (640, 480)
    names = sorted(p.name for p in (media / "people").iterdir())
    assert names == ["old.jpg", "old.w192.jpg", "old.w400.jpg", "old.w96.jpg"]
    assert "people: 1 rebuilt" in out.getvalue()
    assert "people/lost.jpg" in err.getvalue()
