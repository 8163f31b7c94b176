"""Which coordinate reference system an imported file is in, and where it is stored (no Qt).

A file's CRS comes from, in this order: the caller (``crs=``, ``--crs``, the window's
dialog), the file itself as GDAL reads it (a shapefile's ``.prj``, a GeoPackage's own
``gpkg_spatial_ref_sys`` row, a KML's WGS 84), a GeoJSON ``crs`` member GDAL did not
understand, or a ``.prj`` next to a CSV. Anything pyproj reads is accepted: an EPSG
code, WKT 1 or 2, a PROJ string, PROJJSON.

A CRS with an EPSG code is stored as that SRID. A CRS without one (VN-2000 with a
provincial central meridian, say) is **reprojected to the workspace CRS on import**:
one CRS per workspace, no private ``spatial_ref_sys`` rows that QGIS and SpatiaLite
would have to be taught, and the datum shift (``+towgs84``) is applied once, here.

A file without any CRS is never given one by guesswork: :class:`CRSRequired` carries
the file's extent and the CRSs its coordinates could be in (:func:`guess_crs`), for the
caller to offer to a person.

VN-2000: the 7 parameters MONRE published (-191.90441429, -39.30318279, -111.45032835 m;
-0.00928836, 0.01975479, -0.00427372"; 0.252906278 ppm) are EPSG:6960 "VN-2000 to WGS 84
(2)", a *Coordinate Frame* rotation. The ``+towgs84=`` string shared in Vietnamese QGIS
guides applies them as a Position Vector rotation (PROJ's ``+towgs84`` convention), which
at Huế lands about 0.6 m away -- within the transformation's accuracy, so a file is taken
as it declares itself. The provincial 3° TM grids are EPSG CRSs (9205-9218, 5896-5899;
Thừa Thiên Huế: EPSG:9214 "VN-2000 / TM-3 107-00"), offered by :func:`guess_crs` for the
workspace's area, and PROJ picks EPSG:6960 for them.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from gisdesk.core.text import printable
from gisdesk.store.errors import StoreError

# GDAL writes a custom datum's shift into an ESRI .prj only as a name:
# D_Unknown_based_on_WGS_84_ellipsoid_using_towgs84_-191_90441429_-39_30318279_..._0_252906278
_GDAL_TOWGS84_NAME = re.compile(r"using_towgs84_(-?[0-9_-]+)")


class CRSRequired(StoreError):
    """The file has no coordinate reference system; the caller must choose one.

    Attributes
    ----------
    bounds : tuple of float or None
        (minx, miny, maxx, maxy) of the file's coordinates, None when it has none.
    guesses : list of (str, str)
        ``(crs, label)`` pairs the coordinates fit, most likely first (may be empty).
    """

    def __init__(self, name: str, bounds: tuple[float, float, float, float] | None,
                 near: tuple[float, float] | None = None) -> None:
        self.bounds = bounds
        self.guesses = guess_crs(bounds, near) if bounds else []
        where = "" if bounds is None else f" (coordinates {format_bounds(bounds)})"
        example = self.guesses[0][0] if self.guesses else "EPSG:32648"
        super().__init__(f"'{printable(name, 80)}' has no coordinate reference system{where}.",
                         f"Choose one (--crs {example}, or crs= in a script); nothing was imported.")


def format_bounds(bounds: tuple[float, float, float, float]) -> str:
    """``minx, miny – maxx, maxy`` readably: degrees to 6 decimals, metres to the metre (561,994, 1,821,305)."""
    if all(abs(v) <= 360 for v in bounds):
        return "{:.6f}, {:.6f} – {:.6f}, {:.6f}".format(*bounds)
    return "{:,.0f}, {:,.0f} – {:,.0f}, {:,.0f}".format(*bounds)


def guess_crs(bounds: tuple[float, float, float, float],
              near: tuple[float, float] | None = None) -> list[tuple[str, str]]:
    """The CRSs a file's coordinates could be in, most likely first (never applied without asking).

    Longitudes and latitudes give WGS 84; eastings and northings in the ranges Vietnam has
    (false easting 500 000 m, 8°-24°N) give UTM zones 48/49 in WGS 84 and VN-2000, and the
    VN-2000 provincial 3° TM grids whose area holds ``near`` (lon, lat: the workspace).
    """
    minx, miny, maxx, maxy = bounds
    if -180 <= minx <= maxx <= 180 and -90 <= miny <= maxy <= 90:
        return [("EPSG:4326", "WGS 84 (longitude, latitude)")]
    if 100_000 <= minx <= maxx <= 900_000 and 900_000 <= miny <= maxy <= 2_700_000:
        out = [("EPSG:32648", "WGS 84 / UTM zone 48N"), ("EPSG:32649", "WGS 84 / UTM zone 49N"),
               ("EPSG:3405", "VN-2000 / UTM zone 48N"), ("EPSG:3406", "VN-2000 / UTM zone 49N")]
        if near is not None:  # the grids of the workspace's province; then whichever puts the file nearest
            out[2:2] = [(f"EPSG:{code}", name) for code, name, (w, s, e, n) in _vn2000_tm3()
                        if w <= near[0] <= e and s <= near[1] <= n]
            off = {c: _degrees_off(c, ((minx + maxx) / 2, (miny + maxy) / 2), near) for c, _ in out}
            best = min(off.values())
            # within ~10 km of the best, datum shifts cannot tell them apart: keep the order above
            out.sort(key=lambda c: 0.0 if off[c[0]] <= best + 0.1 else off[c[0]])
        return out
    return []


def _degrees_off(crs: str, xy: tuple[float, float], near: tuple[float, float]) -> float:
    from pyproj import Transformer

    try:
        lon, lat = Transformer.from_crs(crs, "EPSG:4326", always_xy=True).transform(*xy)
    except Exception:  # a CRS pyproj cannot use here goes last
        return float("inf")
    return abs(lon - near[0]) + abs(lat - near[1]) if np.isfinite([lon, lat]).all() else float("inf")


def workspace_center(workspace) -> tuple[float, float] | None:
    """(lon, lat) of the middle of the workspace's first layer, None when it has none."""
    from pyproj import Transformer

    from gisdesk.store.datasource import DataSource

    try:
        with DataSource(workspace) as ds:
            if not ds.layers:
                return None
            box, srid = ds.extent(ds.layers[0]), ds.layers[0].srid
        if not box:
            return None
        lon, lat = Transformer.from_crs(f"EPSG:{srid}", "EPSG:4326", always_xy=True).transform(
            (box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
    except Exception:  # only a hint for the guesses
        return None
    return (float(lon), float(lat)) if np.isfinite([lon, lat]).all() else None


@lru_cache(maxsize=1)
def _vn2000_tm3() -> tuple[tuple[str, str, tuple[float, float, float, float]], ...]:
    """EPSG's VN-2000 3° TM grids (code, name, area west/south/east/north), provincial ones first."""
    from pyproj.database import query_crs_info
    from pyproj.enums import PJType

    found: dict[str, tuple[str, str, tuple[float, float, float, float]]] = {}
    for i in query_crs_info(auth_name="EPSG", pj_types=PJType.PROJECTED_CRS):
        if not i.name.startswith("VN-2000 / TM-3") or i.area_of_use is None:
            continue
        box = tuple(i.area_of_use.bounds)
        if i.code in found:  # a CRS listed with several areas of use: their union
            old = found[i.code][2]
            box = (min(old[0], box[0]), min(old[1], box[1]), max(old[2], box[2]), max(old[3], box[3]))
            found[i.code] = (*found[i.code][:2], box)
        else:
            area = i.area_of_use.name.removeprefix("Vietnam - ").rstrip(".")
            found[i.code] = (i.code, f"{i.name} ({area})", box)
    return tuple(sorted(found.values(), key=lambda f: ("zone" in f[1], f[1])))


def parse_crs(text: str, name: str):
    """``text`` (EPSG code, WKT, PROJ string, PROJJSON) as a pyproj CRS; StoreError when unreadable.

    A GDAL-written ESRI ``.prj`` keeps a custom datum shift only in the datum's name; it is
    read back from there so the 7 parameters are not lost.
    """
    from pyproj import CRS

    try:
        crs = CRS.from_user_input(text)
    except Exception as exc:  # pyproj.exceptions.CRSError and friends
        raise StoreError(f"'{printable(name, 80)}' has a CRS that cannot be read ({printable(exc, 120)}).",
                         "Give one pyproj understands (EPSG:n, WKT or a PROJ string); nothing was imported.") from exc
    return _with_gdal_towgs84(crs, text)


def _with_gdal_towgs84(crs, text: str):
    from pyproj import CRS

    found = _GDAL_TOWGS84_NAME.search(text)
    if crs.is_bound or not found or crs.to_epsg(min_confidence=70) is not None:
        return crs
    parts = [p for p in found.group(1).split("_") if p]
    # each value is written int_fraction; without fractions (integers) the split is ambiguous
    if len(parts) in (6, 14):
        values = [float(f"{a}.{b}") for a, b in zip(parts[::2], parts[1::2])]
    elif len(parts) in (3, 7):
        values = [float(p) for p in parts]
    else:
        return crs
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "you will likely lose information": the shift is added back
            proj = crs.to_proj4()
        return CRS.from_proj4(f"{proj} +towgs84={','.join(repr(v) for v in values)}")
    except Exception:  # not expressible as a PROJ string: keep what GDAL read
        return crs


def geojson_crs_member(path: Path) -> str | None:
    """The ``crs`` member's name of a GeoJSON file (2008 spec), read from its first 64 KiB."""
    if path.suffix.lower() not in (".geojson", ".json"):
        return None
    try:
        with open(path, "rb") as f:
            head = f.read(65536).decode("utf-8", "replace")
    except OSError:
        return None
    m = re.search(r'"crs"\s*:\s*\{[^{}]*"properties"\s*:\s*(\{[^{}]*\})', head)
    if not m:
        return None
    try:
        props = json.loads(m.group(1))
    except ValueError:
        return None
    value = props.get("name") or props.get("proj4") or props.get("wkt")
    return str(value) if value else None


def workspace_srid(workspace) -> int:
    """The EPSG code of the workspace's map CRS (EPSG:3857 when that has none)."""
    from pyproj import CRS

    from gisdesk.store.workspace import workspace_crs

    try:
        code = CRS.from_user_input(workspace_crs(workspace)).to_epsg()
    except Exception:  # an unreadable map CRS setting: the web map CRS
        code = None
    return int(code) if code else 3857


def reproject(geoms: np.ndarray, source, srid: int) -> np.ndarray:
    """``geoms`` from pyproj CRS ``source`` to EPSG:``srid`` (x/y order kept, z untouched)."""
    import shapely
    from pyproj import Transformer

    tr = Transformer.from_crs(source, f"EPSG:{srid}", always_xy=True)

    def move(coords: np.ndarray) -> np.ndarray:
        x, y = tr.transform(coords[:, 0], coords[:, 1], errcheck=False)
        out = coords.copy()
        out[:, 0], out[:, 1] = x, y
        return out

    return shapely.transform(geoms, move, include_z=None)
