"""Points and shapes from the columns of a CSV file or an Excel sheet (no Qt).

The rows are read by GDAL (its CSV and XLSX drivers: Excel needs no extra Python
package). The geometry comes from a longitude/latitude or x/y column pair, found by
common names or given by the caller, or from a WKT column. A row whose coordinates are
empty, not numbers, or WKT that cannot be read is refused on its own with the reason;
the other rows are imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from gisdesk.core.text import printable
from gisdesk.store.errors import StoreError

TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".ods")
#: Column names (compared without case and surrounding blanks) that hold each coordinate.
LON_NAMES = ("lon", "long", "lng", "longitude", "kinh_do", "kinh do", "kinh độ")
LAT_NAMES = ("lat", "latitude", "vi_do", "vi do", "vĩ độ")
X_NAMES = ("x", "easting", "east")
Y_NAMES = ("y", "northing", "north")
WKT_NAMES = ("wkt", "wkt_geom", "geometry", "geom", "the_geom", "shape")


@dataclass
class TableRows:
    """What :func:`read_table` found: the attribute columns and one geometry per row."""

    columns: list[str]
    dtypes: list[str]
    fields: list[np.ndarray]
    geoms: np.ndarray
    crs: str | None  # EPSG:4326 when the columns are named longitude/latitude
    refused: dict[int, str] = field(default_factory=dict)  # 0-based row -> reason
    source: str = ""  # "lon/lat columns 'lon', 'lat'" (for messages)


def is_table(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def _find(columns: list[str], names: tuple[str, ...]) -> str | None:
    low = {c.strip().lower(): c for c in columns}
    return next((low[n] for n in names if n in low), None)


def read_table(path: Path, layer: str | None, x: str | None = None, y: str | None = None,
               wkt: str | None = None) -> TableRows:
    """Rows of a CSV/Excel file with a geometry per row (None for refused rows).

    Parameters
    ----------
    x, y : str, optional
        The coordinate columns; found by name when not given (lon/long/lng/longitude/x,
        lat/latitude/y).
    wkt : str, optional
        A column of WKT geometries (found by name -- wkt, wkt_geom, geometry -- when no
        coordinate columns are given or found).
    """
    import pyogrio

    try:
        # CSV columns stay text (a code like 01234 keeps its zero); only the coordinates are read as numbers
        meta, _, _, fields = pyogrio.raw.read(path, layer=layer, read_geometry=False)
    except Exception as exc:  # GDAL's messages vary by driver
        raise StoreError(f"Could not read '{printable(path.name, 80)}': {printable(exc, 200)}",
                         "Check that it is a CSV file or an Excel workbook; nothing was imported.") from exc
    columns = [str(c) for c in meta["fields"]]
    dtypes = [str(t) for t in meta["dtypes"]]
    n = len(fields[0]) if fields else 0
    for given in (x, y, wkt):
        if given is not None and given not in columns:
            raise StoreError(f"'{printable(path.name, 80)}' has no column '{printable(given, 60)}' "
                             f"(it has {printable(', '.join(columns), 200)}).", "Nothing was imported.")
    crs = None
    if x is None and y is None and wkt is None:
        x, y = _find(columns, LON_NAMES), _find(columns, LAT_NAMES)
        if x and y:
            crs = "EPSG:4326"  # the columns say they are degrees of longitude and latitude
        else:
            x, y = _find(columns, X_NAMES), _find(columns, Y_NAMES)
            if not (x and y):
                x = y = None
                wkt = _find(columns, WKT_NAMES)
    elif (x is None) != (y is None):
        raise StoreError("Give both coordinate columns (--x and --y).", "Nothing was imported.")
    if x is None and wkt is None:
        raise StoreError(f"'{printable(path.name, 80)}' has no coordinate columns (lon/lat, x/y) and no WKT column "
                         f"(it has {printable(', '.join(columns), 200)}).",
                         "Name them with --x COL --y COL (x= and y= in a script); nothing was imported.")
    refused: dict[int, str] = {}
    if x is not None:
        xs = _numbers(fields[columns.index(x)], x, refused)
        ys = _numbers(fields[columns.index(y)], y, refused)
        geoms = _points(xs, ys, n)
        source = f"columns '{x}', '{y}'"
    else:
        geoms = _shapes(fields[columns.index(wkt)], wkt, refused)
        source = f"WKT column '{wkt}'"
    if refused:
        geoms[list(refused)] = None
    return TableRows(columns, dtypes, fields, geoms, crs, refused, source)


def _points(xs: np.ndarray, ys: np.ndarray, n: int) -> np.ndarray:
    import shapely

    geoms = np.full(n, None, dtype=object)
    if n:
        geoms[:] = shapely.points(xs, ys)  # NaN/Infinity stay, for the coordinate checks to refuse
    return geoms


def _numbers(values: np.ndarray, name: str, refused: dict[int, str]) -> np.ndarray:
    """``values`` as floats; rows that are empty or not numbers get a reason in ``refused`` and NaN.

    NaN and Infinity written as such stay (the coordinate checks refuse them with their
    own reason); a decimal comma (``107,59``) is read as a decimal point.
    """
    arr = np.asarray(values)
    if arr.dtype.kind in "iuf":
        return arr.astype(np.float64)
    text = np.char.strip(np.asarray([("" if v is None else str(v)) for v in arr.tolist()], dtype=str)) \
        if arr.dtype == object else np.char.strip(arr.astype(str))
    text = np.char.replace(text, ",", ".")
    try:
        return text.astype(np.float64)  # the usual case: every row is a number
    except ValueError:
        pass
    out = np.full(len(text), np.nan)
    for i, v in enumerate(text.tolist()):  # only a file with a bad row gets here
        try:
            out[i] = float(v)
        except ValueError:
            refused.setdefault(i, f"no value in column {name}" if not v else
                               f"a value that is not a number in column {name} ('{printable(v, 40)}')")
    return out


def _shapes(values: np.ndarray, name: str, refused: dict[int, str]) -> np.ndarray:
    import shapely

    arr = np.asarray([None if v is None or str(v).strip() == "" else str(v) for v in np.asarray(values).tolist()],
                     dtype=object)
    geoms = shapely.from_wkt(arr, on_invalid="ignore")
    for i in np.flatnonzero(np.equal(arr, None)).tolist():
        refused[i] = f"no value in column {name}"
    for i in np.flatnonzero(np.not_equal(arr, None) & shapely.is_missing(geoms)).tolist():
        refused[i] = f"a value that is not WKT in column {name} ('{printable(arr[i], 40)}')"
    return geoms
