"""Georeference the map frames of a PDF (ISO 32000 geospatial measure dictionaries).

Qt writes the page (vector text, legend, the map); this module then appends an
*incremental update* (ISO 32000-1 §7.5.6: the original bytes stay as they are, new versions
of the changed objects and a new cross-reference section follow) that gives each page a
viewport (``/VP``) over its map frame, with a ``/Measure`` of subtype ``/GEO``: the frame's
corners as latitude/longitude (``/GPTS``) and the map's coordinate system as WKT
(``/GCS``, ``PROJCS`` or ``GEOGCS``, with its EPSG code). GDAL, QGIS and Avenza-style apps
read this (Adobe's geospatial extension, also what GDAL writes by default).

Only what Qt's PDF writer produces is handled: a classic cross-reference table and page
objects written as plain dictionaries.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from pyproj import CRS, Transformer


@dataclass(frozen=True)
class MapFrame:
    """One page's map frame: its rectangle in PDF points (origin bottom-left) and the map extent
    it shows (``minx, miny, maxx, maxy`` in ``crs``)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    bbox: tuple[float, float, float, float]
    crs: str


def _dict_end(data: bytes, start: int) -> int:
    """Index just after the ``>>`` closing the dictionary whose ``<<`` is at ``start``."""
    depth, i = 0, start
    while i < len(data) - 1:
        pair = data[i:i + 2]
        if pair == b"<<":
            depth += 1
            i += 2
            continue
        if pair == b">>":
            depth -= 1
            i += 2
            if depth == 0:
                return i
            continue
        if data[i:i + 1] == b"(":  # a string: skip it (balanced parentheses, escapes)
            level, i = 1, i + 1
            while i < len(data) and level:
                c = data[i:i + 1]
                if c == b"\\":
                    i += 2
                    continue
                level += (c == b"(") - (c == b")")
                i += 1
            continue
        i += 1
    raise ValueError("unbalanced dictionary in the PDF")


def _object(data: bytes, number: int) -> tuple[int, bytes]:
    """(offset of ``<<``, the dictionary bytes) of object ``number`` (the newest definition)."""
    found = list(re.finditer(rb"(?<![0-9])%d 0 obj\s*" % number, data))
    if not found:
        raise ValueError(f"object {number} is not in the PDF")
    start = data.index(b"<<", found[-1].end() - 1)
    return start, data[start:_dict_end(data, start)]


def _page_numbers(data: bytes) -> list[int]:
    """Object numbers of the pages, in page order (the ``/Kids`` of the page tree, depth first)."""
    trailer = data[data.rindex(b"trailer"):]
    root = int(re.search(rb"/Root\s+(\d+)\s+0\s+R", trailer).group(1))
    _, catalog = _object(data, root)
    pages = int(re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog).group(1))

    def walk(number: int) -> list[int]:
        _, d = _object(data, number)
        if re.search(rb"/Type\s*/Page(?![s\w])", d):
            return [number]
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", d)
        return [n for k in re.findall(rb"(\d+)\s+0\s+R", kids.group(1) if kids else b"") for n in walk(int(k))]

    return walk(pages)


def _pdf_string(text: str) -> bytes:
    return b"(" + text.encode("latin-1", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(
        b")", b"\\)") + b")"


def _measure(frame: MapFrame) -> bytes:
    crs = CRS.from_user_input(frame.crs)
    to_ll = Transformer.from_crs(crs, crs.geodetic_crs or CRS.from_epsg(4326), always_xy=True)
    x0, y0, x1, y1 = frame.bbox
    corners = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]  # as LPTS: (0,0) (0,1) (1,1) (1,0)
    gpts = []
    for x, y in corners:
        lon, lat = to_ll.transform(x, y)
        gpts += [lat, lon]
    kind = b"/PROJCS" if crs.is_projected else b"/GEOGCS"
    wkt = crs.to_wkt(version="WKT1_GDAL")
    epsg = crs.to_epsg()
    gcs = b"<< /Type " + kind + b" /WKT " + _pdf_string(wkt) + (b" /EPSG %d" % epsg if epsg else b"") + b" >>"
    nums = b" ".join(b"%.10f" % v for v in gpts)
    return (b"<< /Type /Measure /Subtype /GEO /Bounds [0 0 0 1 1 1 1 0] /LPTS [0 0 0 1 1 1 1 0] /GPTS ["
            + nums + b"] /GCS " + gcs + b" >>")


def georeference(path: str | os.PathLike[str], frames: list[MapFrame]) -> None:
    """Append, to the PDF at ``path``, a viewport with a geospatial measure over each page's map frame."""
    path = Path(path)
    data = path.read_bytes()
    pages = _page_numbers(data)
    size = int(re.search(rb"/Size\s+(\d+)", data[data.rindex(b"trailer"):]).group(1))
    prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    trailer = data[data.rindex(b"trailer"):]
    root = re.search(rb"/Root\s+\d+\s+0\s+R", trailer).group(0)
    info = re.search(rb"/Info\s+\d+\s+0\s+R", trailer)
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets: dict[int, int] = {}
    next_number = size
    for frame in frames:
        number = pages[frame.page]
        _, page = _object(data, number)
        measure_number = next_number
        next_number += 1
        offsets[measure_number] = len(out)
        out += b"%d 0 obj\n" % measure_number + _measure(frame) + b"\nendobj\n"
        viewport = (b"<< /Type /Viewport /Name (Map) /BBox [%.4f %.4f %.4f %.4f] /Measure %d 0 R >>"
                    % (frame.x0, frame.y0, frame.x1, frame.y1, measure_number))
        body = re.sub(rb"/VP\s*\[[^\]]*\]", b"", page[2:-2])  # a page georeferenced before: replaced
        offsets[number] = len(out)
        out += b"%d 0 obj\n<<" % number + body + b" /VP [" + viewport + b"] >>\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += b"%d 1\n%010d 00000 n \n" % (number, offsets[number])
    out += (b"trailer\n<< /Size %d " % next_number + root + (b" " + info.group(0) if info else b"")
            + b" /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (prev, xref_at))
    path.write_bytes(bytes(out))


__all__ = ["MapFrame", "georeference"]
