"""Test helper: a real JPEG (drawn by Qt) carrying an EXIF GPS block written byte by byte here."""

from __future__ import annotations

import struct


def _dms(value: float) -> list[tuple[int, int]]:
    value = abs(value)
    d = int(value)
    m = int((value - d) * 60)
    s = (value - d - m / 60) * 3600
    return [(d, 1), (m, 1), (round(s * 10000), 10000)]


def exif_gps(lon: float, lat: float, order: str = ">") -> bytes:
    """An ``APP1`` segment: TIFF header, IFD0 with only the GPS pointer, the GPS IFD (4 tags)."""
    mark = b"MM" if order == ">" else b"II"
    ifd0_at = 8
    gps_at = ifd0_at + 2 + 12 + 4  # IFD0: one entry and the next-IFD offset
    data_at = gps_at + 2 + 4 * 12 + 4  # GPS IFD: four entries and the next-IFD offset
    lat_at, lon_at = data_at, data_at + 24
    tiff = mark + struct.pack(order + "HI", 42, ifd0_at)
    tiff += struct.pack(order + "H", 1) + struct.pack(order + "HHII", 0x8825, 4, 1, gps_at) + struct.pack(order + "I", 0)
    entries = [struct.pack(order + "HHI", 1, 2, 2) + (b"N" if lat >= 0 else b"S") + b"\x00\x00\x00",
               struct.pack(order + "HHII", 2, 5, 3, lat_at),
               struct.pack(order + "HHI", 3, 2, 2) + (b"E" if lon >= 0 else b"W") + b"\x00\x00\x00",
               struct.pack(order + "HHII", 4, 5, 3, lon_at)]
    tiff += struct.pack(order + "H", 4) + b"".join(entries) + struct.pack(order + "I", 0)
    for v in (lat, lon):
        tiff += b"".join(struct.pack(order + "II", n, d) for n, d in _dms(v))
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def jpeg_with_gps(lon: float, lat: float, order: str = ">") -> bytes:
    """A small orange JPEG with the GPS position ``(lon, lat)`` in its EXIF block."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    img = QImage(64, 48, QImage.Format.Format_RGB32)
    img.fill(QColor("#ff8c00"))
    raw = QByteArray()
    buf = QBuffer(raw)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "JPEG")
    jpeg = bytes(raw.data())
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + exif_gps(lon, lat, order) + jpeg[2:]
