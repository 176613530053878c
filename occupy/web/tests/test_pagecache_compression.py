"""Pages and exports are compressed once, when stored, with brotli and gzip, and each client gets the variant
it accepts, with `Vary: Accept-Encoding` and an ETag of its own (a 304 answers a revalidation of the variant)."""

import gzip

import brotli
import pytest

from occupy.programme.tests.programme_pages import make_online_edition
from occupy.web.pagecache import accepted_encoding

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return make_online_edition()


@pytest.mark.parametrize(
    "path", ["/2020/schedule/", "/2020/schedule.json", "/2020/schedule.xml", "/2020/schedule.ics"]
)
def test_brotli_gzip_and_identity_say_the_same(client, edition, path):
    plain = client.get(path)
    as_brotli = client.get(path, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    as_gzip = client.get(path, HTTP_ACCEPT_ENCODING="gzip")

    assert "Content-Encoding" not in plain
    assert as_brotli["Content-Encoding"] == "br"
    assert as_gzip["Content-Encoding"] == "gzip"
    assert brotli.decompress(as_brotli.content) == plain.content
    assert gzip.decompress(as_gzip.content) == plain.content
    assert len(as_brotli.content) < len(plain.content) / 2
    assert int(as_brotli["Content-Length"]) == len(as_brotli.content)
    for response in (plain, as_brotli, as_gzip):
        assert "Accept-Encoding" in response["Vary"]
    assert len({plain["ETag"], as_brotli["ETag"], as_gzip["ETag"]}) == 3


def test_the_first_render_is_already_compressed(client, edition):
    first = client.get("/2020/schedule/", HTTP_ACCEPT_ENCODING="br")

    assert first["Content-Encoding"] == "br"
    assert b"Opening keynote" in brotli.decompress(first.content)


def test_a_variant_revalidates_with_its_own_etag(client, edition):
    as_gzip = client.get("/2020/schedule/", HTTP_ACCEPT_ENCODING="gzip")

    same = client.get("/2020/schedule/", HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=as_gzip["ETag"])
    other = client.get("/2020/schedule/", HTTP_ACCEPT_ENCODING="br", HTTP_IF_NONE_MATCH=as_gzip["ETag"])

    assert same.status_code == 304
    assert other.status_code == 200
    assert other["Content-Encoding"] == "br"


def test_a_refused_encoding_is_not_sent(client, edition):
    response = client.get("/2020/schedule/", HTTP_ACCEPT_ENCODING="br;q=0, gzip;q=0.5")

    assert response["Content-Encoding"] == "gzip"


def test_pages_that_are_not_cached_are_left_alone(client, edition):
    response = client.get("/healthz", HTTP_ACCEPT_ENCODING="br")

    assert "Content-Encoding" not in response


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("identity", None),
        ("gzip", "gzip"),
        ("gzip, br", "br"),
        ("br;q=0", None),
        ("*", "br"),
        ("*;q=0, gzip", "gzip"),
        ("gzip;q=nonsense, br", "br"),
        ("GZIP", "gzip"),
    ],
)
def test_accept_encoding_is_read_as_rfc_9110_says(header, expected):
    assert accepted_encoding(header, ("br", "gzip")) == expected
