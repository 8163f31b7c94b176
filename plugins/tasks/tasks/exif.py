"""Where a photo was taken: the GPS position in a JPEG's EXIF block (Qt-free, pure Python).

Pillow is not needed: :func:`gps_position` walks the JPEG markers to the ``APP1`` ``Exif``
segment, reads the TIFF header (either byte order), follows IFD0's GPS pointer (tag
0x8825) and turns ``GPSLatitude``/``GPSLongitude`` (degrees, minutes, seconds as rationals)
with their N/S, E/W references into decimal degrees. Anything else (a PNG, a JPEG without
GPS, a damaged block) gives ``None``; it never raises.

Examples
--------
>>> gps_position(b"\\x89PNG\\r\\n")  # not a JPEG
"""

from __future__ import annotations

import struct

GPS_IFD_POINTER = 0x8825
_TYPE_SIZE = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}


def _exif_block(data: bytes) -> bytes | None:
    """The TIFF data of the first ``APP1 Exif`` segment of a JPEG, or None."""
    if not data.startswith(b"\xff\xd8"):
        return None
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # padding
            i += 1
            continue
        if marker in (0xD9, 0xDA):  # end of image, start of scan: no EXIF before the pixels
            return None
        length = struct.unpack(">H", data[i + 2:i + 4])[0]
        body = data[i + 4:i + 2 + length]
        if marker == 0xE1 and body.startswith(b"Exif\x00\x00"):
            return body[6:]
        i += 2 + length
    return None


def _ifd(tiff: bytes, offset: int, order: str) -> dict[int, tuple[int, int, bytes]]:
    """Tag -> (type, count, value bytes) of the IFD at ``offset``."""
    (n,) = struct.unpack(order + "H", tiff[offset:offset + 2])
    out = {}
    for k in range(n):
        at = offset + 2 + 12 * k
        tag, typ, count = struct.unpack(order + "HHI", tiff[at:at + 8])
        size = _TYPE_SIZE.get(typ, 1) * count
        if size <= 4:
            value = tiff[at + 8:at + 8 + size]
        else:
            (ptr,) = struct.unpack(order + "I", tiff[at + 8:at + 12])
            value = tiff[ptr:ptr + size]
        out[tag] = (typ, count, value)
    return out


def _degrees(entry: tuple[int, int, bytes], order: str) -> float:
    typ, count, raw = entry
    if typ != 5 or count < 3 or len(raw) < 24:
        raise ValueError("GPS coordinate is not three rationals")
    nums = struct.unpack(order + "6I", raw[:24])
    d, m, s = (nums[i] / nums[i + 1] if nums[i + 1] else 0.0 for i in (0, 2, 4))
    return d + m / 60 + s / 3600


def gps_position(data: bytes) -> tuple[float, float] | None:
    """``(longitude, latitude)`` in decimal degrees (WGS 84) from a JPEG's EXIF GPS, or None."""
    try:
        tiff = _exif_block(data)
        if tiff is None or len(tiff) < 8:
            return None
        order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
        if order is None:
            return None
        (first,) = struct.unpack(order + "I", tiff[4:8])
        ifd0 = _ifd(tiff, first, order)
        if GPS_IFD_POINTER not in ifd0:
            return None
        (gps_at,) = struct.unpack(order + "I", ifd0[GPS_IFD_POINTER][2][:4])
        gps = _ifd(tiff, gps_at, order)
        if not all(t in gps for t in (1, 2, 3, 4)):
            return None
        lat = _degrees(gps[2], order) * (-1 if gps[1][2][:1] == b"S" else 1)
        lon = _degrees(gps[4], order) * (-1 if gps[3][2][:1] == b"W" else 1)
    except (struct.error, ValueError, IndexError, KeyError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lon, lat
