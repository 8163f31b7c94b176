"""A photo's EXIF GPS position, read without Pillow from JPEGs written byte by byte in the test."""

from __future__ import annotations

import pytest

from exif_photo import jpeg_with_gps
from tasks.exif import gps_position


@pytest.mark.parametrize("order", [">", "<"])
def test_gps_of_a_jpeg_in_either_byte_order(qapp, order):
    # the Citadel gate in Huế: 16°28'06.5"N 107°34'43.3"E
    lon, lat = gps_position(jpeg_with_gps(107.578694, 16.468472, order))
    assert lon == pytest.approx(107.578694, abs=1e-6) and lat == pytest.approx(16.468472, abs=1e-6)


def test_south_and_west_are_negative(qapp):
    lon, lat = gps_position(jpeg_with_gps(-43.2096, -22.9035))  # Rio de Janeiro
    assert lon == pytest.approx(-43.2096, abs=1e-6) and lat == pytest.approx(-22.9035, abs=1e-6)


def test_no_gps_gives_none_never_an_error(qapp):
    jpeg = jpeg_with_gps(107.5, 16.4)
    assert gps_position(jpeg[:2] + jpeg[2 + 4 + 100:]) is None  # the EXIF segment cut in the middle
    plain = jpeg[:2] + jpeg[2 + 2 + int.from_bytes(jpeg[4:6], "big"):]  # the EXIF segment removed
    assert plain[:2] == b"\xff\xd8" and gps_position(plain) is None
    assert gps_position(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32) is None
    assert gps_position(b"") is None
