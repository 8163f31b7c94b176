"""Bulk decoding of geometry blobs into numpy coordinate arrays.

The render path never builds a Python object per feature: the reader hands this
module *one* byte string holding every blob of a query back to back plus their
lengths, and the decoder finds every vertex with numpy index arithmetic.

Two blob formats are understood:

* SpatiaLite's internal BLOB: ``0x00``, endian byte, SRID (int32), MBR (4 doubles,
  bytes 6-37), ``0x7C``, class type (int32), body, ``0xFE``.
* GeoPackage's ``GP`` header followed by standard WKB (ISO or extended Z/M).

Simple geometries (points, linestrings, single-ring polygons, and their one-part
multi forms, in XY/XYZ/XYM/XYZM) take the vectorised path. Anything else (rings
with holes, many parts, collections, compressed SpatiaLite blobs, big-endian data)
goes through a per-feature parser; such features are few in practice.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

POINT, LINE, POLYGON = "point", "line", "polygon"


@dataclass
class Geometries:
    """Decoded geometries of one query, in the layer's CRS.

    Attributes
    ----------
    kind : str
        ``"point"``, ``"line"`` or ``"polygon"``.
    xy : ndarray, shape (M, 2)
        All vertices.
    offsets : ndarray, shape (P + 1,)
        Start of each path (line part or polygon ring) in ``xy``; for points,
        ``arange(M + 1)``: every vertex is its own path.
    path_feature : ndarray, shape (P,)
        Index (0..N-1, in query order) of the feature each path belongs to.
    exterior : ndarray of bool, shape (P,)
        For polygons, whether the ring is an exterior ring.
    count : int
        Number of features decoded (N).
    boxes : ndarray, shape (N, 4), optional
        Each feature's (minx, miny, maxx, maxy) when the blobs carry it (SpatiaLite's
        MBR header), so culling needs no pass over the vertices.
    origin : (float, float), optional
        None: ``xy`` and ``boxes`` are map coordinates. Otherwise ``xy`` holds float32
        offsets from this point and ``boxes`` float64 offsets (:mod:`gisdesk.store.coords`;
        ``world()`` gives map coordinates): draw them with the view moved by ``-origin``.
    """

    kind: str
    xy: np.ndarray
    offsets: np.ndarray
    path_feature: np.ndarray
    exterior: np.ndarray
    count: int
    boxes: np.ndarray | None = None
    origin: tuple[float, float] | None = None

    @classmethod
    def empty(cls, kind: str) -> "Geometries":
        return cls(kind, np.empty((0, 2)), np.zeros(1, np.int64), np.empty(0, np.int64), np.empty(0, bool), 0)

    @property
    def path_count(self) -> int:
        return len(self.offsets) - 1

    def world(self) -> "Geometries":
        """These geometries in float64 map coordinates (itself when they are)."""
        from gisdesk.store.coords import world

        return world(self)


def concat_ranges(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Concatenation of ``arange(s, s + n)`` for every (s, n), without a Python loop."""
    total = int(lengths.sum())
    if total == 0:
        return np.empty(0, np.int64)
    group_start = np.zeros(len(lengths), np.int64)
    np.cumsum(lengths[:-1], out=group_start[1:])
    return np.repeat(starts - group_start, lengths) + np.arange(total, dtype=np.int64)


class _Buffer:
    """A byte string with gather helpers for unaligned little-endian values."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.u8 = np.frombuffer(data, np.uint8)
        n = len(data)
        # Views whose element i is the value starting at byte i (1-byte strides, unaligned
        # reads): one gather fetches values at arbitrary byte positions.
        self._f8 = np.ndarray((max(0, n - 7),), "<f8", buffer=data, strides=(1,)) if n >= 8 else np.empty(0)
        self._u4 = np.ndarray((max(0, n - 3),), "<u4", buffer=data, strides=(1,)) if n >= 4 else np.empty(0, np.uint32)

    def u32(self, pos: np.ndarray) -> np.ndarray:
        """Little-endian uint32 at each byte position (positions past the end read the last word)."""
        if len(self._u4) == 0:
            return np.zeros(len(pos), np.uint32)
        return self._u4[np.clip(pos, 0, len(self._u4) - 1)]

    def f8(self, pos: np.ndarray) -> np.ndarray:
        """Little-endian doubles at each byte position."""
        return self._f8[pos]


# SpatiaLite class types: base type + 1000 (Z) / 2000 (M) / 3000 (ZM).
_DIMS = {0: 2, 1: 3, 2: 3, 3: 4}
_BASE_KIND = {1: POINT, 2: LINE, 3: POLYGON, 4: POINT, 5: LINE, 6: POLYGON}


def decode_spatialite(blob: bytes, lengths: np.ndarray, kind: str) -> Geometries:
    """Decode concatenated SpatiaLite blobs.

    Parameters
    ----------
    blob : bytes
        The blobs back to back (``group_concat(geom, '')``).
    lengths : ndarray of int
        Byte length of each blob.
    kind : str
        The layer's kind (``point``, ``line``, ``polygon``); features of another
        kind (in a generic GEOMETRY column) are decoded as that kind where it
        makes sense (polygon rings as lines) and skipped otherwise.
    """
    n = len(lengths)
    if n == 0:
        return Geometries.empty(kind)
    buf = _Buffer(blob)
    starts = np.zeros(n, np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    little = buf.u8[starts + 1] == 1
    ctype = np.where(little, buf.u32(starts + 39), 0).astype(np.int64)
    base, dimcode = ctype % 1000, ctype // 1000
    dims = _dims_of(dimcode)
    body = starts + 43
    ends = starts + lengths
    plain = little & (dimcode <= 3) & (lengths >= 44)
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []

    # Points: the vertex follows the class type.
    m = plain & (base == 1) & (body + 16 <= ends)
    if m.any():
        parts.append(_single_vertex(np.flatnonzero(m), body[m]))
    # MultiPoint: count, then per entity 0x69, class type, vertex.
    m = plain & (base == 4)
    if m.any():
        feat = np.flatnonzero(m)
        cnt = buf.u32(body[m]).astype(np.int64)
        stride = 5 + 8 * dims[m]
        cnt = np.where(body[m] + 4 + cnt * stride <= ends[m], cnt, 0)  # a count the blob cannot hold: skip
        local = concat_ranges(np.zeros(len(cnt), np.int64), cnt)
        pos = np.repeat(body[m] + 4 + 5, cnt) + local * np.repeat(stride, cnt)
        parts.append(_single_vertex(np.repeat(feat, cnt), pos))
    # LineString / single-ring Polygon / one-part Multi*.
    nparts = np.where(plain & np.isin(base, (5, 6)), buf.u32(np.minimum(body, len(blob) - 4)), 1)
    entity = buf.u32(np.minimum(body + 5, len(blob) - 4)).astype(np.int64)
    # A compressed part (class 1000002, 1000003 …) inside a plain Multi* takes the slow path.
    entity_type = np.where(plain & np.isin(base, (5, 6)) & (nparts == 1),
                           np.where(entity < 1000000, entity % 1000, -1), base)
    inner = np.where(np.isin(base, (5, 6)), body + 9, body)  # after count, 0x69 and class type
    is_line = plain & (nparts == 1) & (((base == 2)) | ((base == 5) & (entity_type == 2)))
    is_poly = plain & (nparts == 1) & ((base == 3) | ((base == 6) & (entity_type == 3)))
    is_poly = _line_and_ring_paths(buf, parts, is_line, is_poly, inner, dims, ends)
    done = np.zeros(n, bool)
    done |= plain & np.isin(base, (1, 4))
    done |= is_line | is_poly
    rest = np.flatnonzero(~done)
    if len(rest):
        parts.append(_slow_spatialite(blob, starts[rest], lengths[rest], rest))
    geoms = _assemble(parts, kind, n, buf)
    if little.all() and (lengths >= 38).all():
        mbr = starts + 6
        geoms.boxes = np.column_stack([buf.f8(mbr), buf.f8(mbr + 8), buf.f8(mbr + 16), buf.f8(mbr + 24)])
    return geoms


def _dims_of(dimcode: np.ndarray) -> np.ndarray:
    lut = np.array([2, 3, 3, 4], np.int64)
    return lut[np.clip(dimcode, 0, 3)]


def _single_vertex(feature: np.ndarray, pos: np.ndarray):
    k = len(feature)
    return ("pts", feature, pos, np.ones(k, np.int64), np.ones(k, bool))


def _paths(buf: _Buffer, feature: np.ndarray, count_pos: np.ndarray, dims: np.ndarray, ends: np.ndarray,
           exterior: bool):
    """Paths whose vertex count sits at ``count_pos`` with vertices right after it.

    A count the blob is too short to hold (damaged or hostile data) gives an empty path.
    """
    cnt = buf.u32(count_pos).astype(np.int64)
    stride = 8 * dims
    cnt = np.where(count_pos + 4 + cnt * stride <= ends, cnt, 0)
    local = concat_ranges(np.zeros(len(cnt), np.int64), cnt)
    pos = np.repeat(count_pos + 4, cnt) + local * np.repeat(stride, cnt)
    return ("paths", feature, pos, cnt, np.full(len(feature), exterior))


def _line_and_ring_paths(buf: _Buffer, parts: list, is_line: np.ndarray, is_poly: np.ndarray, inner: np.ndarray,
                         dims: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Decode the vectorisable lines and single-ring polygons into ``parts``.

    ``inner`` is where each geometry's body starts (after any one-part Multi
    header). Returns ``is_poly`` narrowed to the polygons handled here; rings with
    holes are left for the slow path.
    """
    if is_line.any():
        parts.append(_paths(buf, np.flatnonzero(is_line), inner[is_line], dims[is_line], ends[is_line], exterior=False))
    is_poly = is_poly.copy()
    if is_poly.any():
        simple = buf.u32(inner[is_poly]) == 1
        idx = np.flatnonzero(is_poly)[simple]
        if len(idx):
            parts.append(_paths(buf, idx, inner[idx] + 4, dims[idx], ends[idx], exterior=True))
        is_poly[np.flatnonzero(is_poly)[~simple]] = False
    return is_poly


def _slow_spatialite(blob: bytes, starts: np.ndarray, lengths: np.ndarray, feature: np.ndarray):
    """Per-feature parse for the uncommon shapes; returns explicit coordinates."""
    xy, cnt, feat, ext = [], [], [], []
    for f, s, ln in zip(feature.tolist(), starts.tolist(), lengths.tolist()):
        data = blob[s:s + ln]
        if len(data) < 44 or data[0] != 0 or data[38] != 0x7C:
            continue
        endian = "<" if data[1] == 1 else ">"
        try:
            rings = list(_parse_spatialite_body(data, 39, endian))
        except (struct.error, ValueError):  # truncated or inconsistent blob: skip the feature
            continue
        for ring, is_ext in rings:
            xy.append(ring)
            cnt.append(len(ring))
            feat.append(f)
            ext.append(is_ext)
    if not xy:
        return ("xy", np.empty(0, np.int64), np.empty((0, 2)), np.empty(0, np.int64), np.empty(0, bool))
    return ("xy", np.asarray(feat, np.int64), np.concatenate(xy), np.asarray(cnt, np.int64), np.asarray(ext, bool))


def _parse_spatialite_body(data: bytes, pos: int, e: str):
    """Yield (coords (k, 2), is_exterior) for every path of the geometry at ``pos``."""
    (ctype,) = struct.unpack_from(e + "i", data, pos)
    pos += 4
    compressed = ctype >= 1000000
    ctype %= 1000000
    base, dimcode = ctype % 1000, ctype // 1000
    d = _DIMS.get(dimcode, 2)
    if base in (4, 5, 6, 7):
        (count,) = struct.unpack_from(e + "i", data, pos)
        pos += 4
        for _ in range(count):
            pos += 1  # 0x69 entity marker
            sub = list(_parse_one(data, pos, e))
            for item, _end in sub:
                if item is not None:
                    yield item
            pos = sub[-1][1] if sub else pos
        return
    for item, _end in _parse_simple(data, pos, e, base, d, compressed, dimcode >= 2):
        if item is not None:
            yield item


def _parse_one(data: bytes, pos: int, e: str):
    (ctype,) = struct.unpack_from(e + "i", data, pos)
    compressed = ctype >= 1000000
    ctype %= 1000000
    base, dimcode = ctype % 1000, ctype // 1000
    yield from _parse_simple(data, pos + 4, e, base, _DIMS.get(dimcode, 2), compressed, dimcode >= 2)


def _read_vertices(data: bytes, pos: int, e: str, count: int, d: int, compressed: bool, has_m: bool = False):
    if not compressed or count <= 2:
        arr = np.frombuffer(data, e + "f8", count=count * d, offset=pos).reshape(count, d)[:, :2].copy()
        return arr, pos + 8 * d * count
    # Compressed: first and last vertex as doubles, the others as float deltas of x, y (and z);
    # an M value is never compressed and stays a double.
    first = np.frombuffer(data, e + "f8", count=d, offset=pos)[:2]
    pos += 8 * d
    fields = [("x", e + "f4"), ("y", e + "f4")] + ([("z", e + "f4")] if d - has_m == 3 else [])
    if has_m:
        fields.append(("m", e + "f8"))
    vtype = np.dtype(fields)
    rec = np.frombuffer(data, vtype, count=count - 2, offset=pos)
    deltas = np.column_stack([rec["x"], rec["y"]])
    pos += vtype.itemsize * (count - 2)
    last = np.frombuffer(data, e + "f8", count=d, offset=pos)[:2]
    pos += 8 * d
    mid = first + np.cumsum(deltas.astype(np.float64), axis=0)
    return np.vstack([first, mid, last]), pos


def _parse_simple(data: bytes, pos: int, e: str, base: int, d: int, compressed: bool, has_m: bool = False):
    """Yield ((coords, is_exterior) or None, end position) for one simple geometry."""
    if base == 1:
        arr = np.frombuffer(data, e + "f8", count=d, offset=pos)[:2].reshape(1, 2).copy()
        yield (arr, True), pos + 8 * d
    elif base == 2:
        (count,) = struct.unpack_from(e + "i", data, pos)
        arr, end = _read_vertices(data, pos + 4, e, count, d, compressed, has_m)
        yield (arr, False), end
    elif base == 3:
        (rings,) = struct.unpack_from(e + "i", data, pos)
        pos += 4
        for r in range(rings):
            (count,) = struct.unpack_from(e + "i", data, pos)
            arr, pos = _read_vertices(data, pos + 4, e, count, d, compressed, has_m)
            yield (arr, r == 0), pos
        if rings == 0:
            yield None, pos
    else:
        yield None, pos


def _assemble(parts, kind: str, n: int, buf: _Buffer | None) -> Geometries:
    """Merge decoded pieces into one :class:`Geometries` ordered by feature."""
    feats, xys, counts, exts = [], [], [], []
    for tag, feature, payload, cnt, ext in parts:
        if tag == "xy":
            xy = payload
        else:
            xy = np.column_stack([buf.f8(payload), buf.f8(payload + 8)]) if len(payload) else np.empty((0, 2))
        feats.append(feature)
        xys.append(xy)
        counts.append(cnt)
        exts.append(ext)
    if not feats:
        return Geometries(kind, np.empty((0, 2)), np.zeros(1, np.int64), np.empty(0, np.int64), np.empty(0, bool), n)
    feature = np.concatenate(feats)
    cnt = np.concatenate(counts)
    ext = np.concatenate(exts)
    xy = np.concatenate(xys) if len(xys) > 1 else xys[0]
    if len(parts) > 1:
        # Restore feature order (stable, so the rings of one feature stay in order).
        order = np.argsort(feature, kind="stable")
        starts = np.zeros(len(cnt), np.int64)
        np.cumsum(cnt[:-1], out=starts[1:])
        xy = xy[concat_ranges(starts[order], cnt[order])]
        feature, cnt, ext = feature[order], cnt[order], ext[order]
    offsets = np.zeros(len(cnt) + 1, np.int64)
    np.cumsum(cnt, out=offsets[1:])
    return Geometries(kind, xy, offsets, feature, ext, n)


# --- GeoPackage ---------------------------------------------------------------------

_GPKG_ENVELOPE = np.array([0, 32, 48, 48, 64, 0, 0, 0], np.int64)


def decode_gpkg(blob: bytes, lengths: np.ndarray, kind: str) -> Geometries:
    """Decode concatenated GeoPackage geometry blobs (``GP`` header + WKB)."""
    n = len(lengths)
    if n == 0:
        return Geometries.empty(kind)
    buf = _Buffer(blob)
    starts = np.zeros(n, np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    flags = buf.u8[np.minimum(starts + 3, len(blob) - 1)]
    env = _GPKG_ENVELOPE[(flags >> 1) & 7]
    empty = (flags & 0x10) != 0
    return _decode_wkb_at(buf, blob, starts + 8 + env, starts, lengths, empty, kind)


def decode_wkb(blob: bytes, lengths: np.ndarray, kind: str) -> Geometries:
    """Decode concatenated WKB (ISO or extended Z/M), as PostGIS's ``ST_AsBinary`` gives it.

    The same vectorised path as :func:`decode_gpkg` (a GeoPackage blob is a header and WKB).
    """
    n = len(lengths)
    if n == 0:
        return Geometries.empty(kind)
    starts = np.zeros(n, np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return _decode_wkb_at(_Buffer(blob), blob, starts, starts, lengths, np.zeros(n, bool), kind)


def _decode_wkb_at(buf: _Buffer, blob: bytes, wkb: np.ndarray, starts: np.ndarray, lengths: np.ndarray,
                   empty: np.ndarray, kind: str) -> Geometries:
    """Decode the WKB starting at ``wkb[i]`` of each blob ``[starts[i], starts[i] + lengths[i])``."""
    n = len(lengths)
    ends = starts + lengths
    little = (buf.u8[np.minimum(wkb, len(blob) - 1)] == 1) & ~empty & (ends - wkb > 4)
    wtype = np.where(little, buf.u32(np.minimum(wkb + 1, len(blob) - 4)), 0).astype(np.int64)
    # ISO codes (1001, 2001, 3001...) and extended flags (0x80000000 Z, 0x40000000 M).
    zflag, mflag = (wtype & 0x80000000) != 0, (wtype & 0x40000000) != 0
    code = wtype & 0x0FFFFFFF
    base, iso = code % 1000, code // 1000
    dims = 2 + ((iso == 1) | (iso == 3) | zflag) + ((iso == 2) | (iso == 3) | mflag)
    body = wkb + 5
    parts = []
    little &= body <= ends
    m = little & (base == 1) & (body + 16 <= ends)
    if m.any():
        parts.append(_single_vertex(np.flatnonzero(m), body[m]))
    is_multi = little & np.isin(base, (5, 6))
    nparts = np.where(is_multi, buf.u32(np.minimum(body, len(blob) - 4)), 1)
    inner = np.where(is_multi, body + 4 + 5, body)  # count, then the part's own byte order + type
    part_le = np.where(is_multi, buf.u8[np.minimum(body + 4, len(blob) - 1)] == 1, True)
    is_line = little & part_le & (nparts == 1) & ((base == 2) | (base == 5))
    is_poly = little & part_le & (nparts == 1) & ((base == 3) | (base == 6))
    is_poly = _line_and_ring_paths(buf, parts, is_line, is_poly, inner, dims, ends)
    done = (little & (base == 1) & (body + 16 <= ends)) | is_line | is_poly | empty
    rest = np.flatnonzero(~done)
    if len(rest):
        parts.append(_slow_wkb(blob, wkb[rest], starts[rest] + lengths[rest], rest))
    return _assemble(parts, kind, n, buf)


def _slow_wkb(blob: bytes, wkb_start: np.ndarray, ends: np.ndarray, feature: np.ndarray):
    import shapely

    datas = [blob[s:e] for s, e in zip(wkb_start.tolist(), ends.tolist())]
    geoms = shapely.from_wkb(datas, on_invalid="ignore")
    xy, cnt, feat, ext = [], [], [], []
    for f, g in zip(feature.tolist(), geoms):
        if g is None or g.is_empty:
            continue
        for ring, is_ext in _shapely_paths(g):
            xy.append(ring)
            cnt.append(len(ring))
            feat.append(f)
            ext.append(is_ext)
    if not xy:
        return ("xy", np.empty(0, np.int64), np.empty((0, 2)), np.empty(0, np.int64), np.empty(0, bool))
    return ("xy", np.asarray(feat, np.int64), np.concatenate(xy), np.asarray(cnt, np.int64), np.asarray(ext, bool))


def _shapely_paths(g):
    import shapely

    t = g.geom_type
    if t == "Point":
        yield np.asarray(g.coords)[:, :2], True
    elif t == "LineString" or t == "LinearRing":
        yield np.asarray(g.coords)[:, :2], False
    elif t == "Polygon":
        yield np.asarray(g.exterior.coords)[:, :2], True
        for r in g.interiors:
            yield np.asarray(r.coords)[:, :2], False
    else:
        for part in shapely.get_parts(g):
            yield from _shapely_paths(part)


def from_shapely(geoms: np.ndarray) -> Geometries:
    """:class:`Geometries` of a shapely array (mixed single and multi parts allowed).

    Used for the few geometries of overlays (selection, identify highlight), not on
    the bulk render path. Missing and empty geometries count as features without paths.
    """
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    n = len(geoms)
    ok = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms)) if n else np.zeros(0, bool)
    if not ok.any():
        return Geometries.empty("point")
    types = shapely.get_type_id(geoms[ok])
    dims = {0: "point", 4: "point", 1: "line", 5: "line", 3: "polygon", 6: "polygon"}
    kinds = {dims.get(int(t), "polygon") for t in np.unique(types)}
    kind = kinds.pop() if len(kinds) == 1 else "line"
    feature_of = np.flatnonzero(ok)
    if kind == "line" and any(dims.get(int(t)) != "line" for t in np.unique(types)):
        # mixed kinds: draw every outline as a line (the boundary of a line would be its end points)
        geoms = np.where(np.isin(shapely.get_type_id(geoms), (3, 6)), shapely.boundary(geoms), geoms)
    _, coords, offsets = shapely.to_ragged_array(geoms[ok])
    coords = np.asarray(coords)[:, :2]
    if kind == "point":
        part_offsets = offsets[0] if offsets else np.arange(len(coords) + 1)
        counts = np.diff(part_offsets)
        path_feature = np.repeat(feature_of, counts)
        m = len(coords)
        return Geometries("point", coords, np.arange(m + 1, dtype=np.int64), path_feature, np.ones(m, bool), n)
    # The finest offsets are paths (line parts / rings); coarser levels group them per feature.
    path_offsets = np.asarray(offsets[0], np.int64)
    group = np.arange(len(path_offsets) - 1)
    for level in offsets[1:]:
        level = np.asarray(level, np.int64)
        owner = np.repeat(np.arange(len(level) - 1), np.diff(level))
        group = owner[group] if len(owner) else group
    path_feature = feature_of[group]
    exterior = np.zeros(len(path_offsets) - 1, bool)
    if kind == "polygon":
        ring_starts = np.asarray(offsets[1], np.int64)[:-1]  # first ring of each polygon part
        exterior[ring_starts[ring_starts < len(exterior)]] = True
    return Geometries(kind, coords, path_offsets, path_feature, exterior, n)
