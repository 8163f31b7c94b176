"""Save a layer, a selection or an attribute table's filtered rows to a file ("Save as…").

:func:`export_layer` writes the rows of one layer that the data source's user may read
(the access policy's read filter, :meth:`DataSource.access_where`), optionally only some
feature ids (the selection, or :meth:`TableQuery.ids` of a filtered table), to
GeoPackage, Shapefile, GeoJSON, FlatGeobuf, CSV or KML through :mod:`pyogrio`:

* one SQL query reads the attributes and the geometries as WKB (``AsBinary(geom)``;
  ``AsBinary(GeomFromGPB(geom))`` for a GeoPackage source); shapely 2 decodes, reprojects
  (pyproj) and encodes them as arrays, never one feature at a time;
* CSV has a byte-order mark (Excel reads UTF-8 Vietnamese text), and the geometry as a
  ``WKT`` column, as ``lon``/``lat`` columns (WGS 84; a point inside a line or polygon) or
  not at all; KML is always WGS 84, as the format requires;
* the file is written in a temporary folder next to the target and moved into place with
  :func:`os.replace` (a Shapefile's sidecar files each so), so a reader never sees half a
  file. Nothing is ever written over the workspace being read (its ``-wal``/``-shm``/
  ``-journal`` files included, through links too: :func:`os.path.samefile`) or over any
  other SQLite file; an existing file is replaced only with ``overwrite=True``, and an
  existing SQLite file only when it is a GeoPackage and the output is a GeoPackage.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from gisdesk.store.datasource import GEOPACKAGE, DataSource, LayerInfo, quote_ident
from gisdesk.store.errors import StoreError
from gisdesk.store.export_target import (FORMATS, SHP_SIDECARS, ExportRefused, Format,  # noqa: F401 - public here too
                                         check_output, format_for, output_files)
from gisdesk.store.features import key_sql

#: How a CSV carries the geometry.
CSV_GEOMETRY = ("wkt", "lonlat", "none")
_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


class ExportCancelled(StoreError):
    """:meth:`Export.cancel` was called; nothing was written."""


@dataclass
class ExportResult:
    """What an export wrote.

    Attributes
    ----------
    path : Path
        The main output file.
    count : int
        Features written.
    format : str
        Key in :data:`FORMATS`.
    crs : str
        The CRS of the written coordinates (``EPSG:n``), "" for a CSV without geometry.
    files : list of Path
        Every file written (a Shapefile's sidecars).
    """

    path: Path
    count: int
    format: str
    crs: str
    files: list[Path] = field(default_factory=list)


def parse_crs(text: str | int | None) -> int | None:
    """An EPSG code from ``EPSG:3857``, ``epsg:4326``, ``3857`` or an int; None for none.

    Raises
    ------
    StoreError
        Not an EPSG code pyproj knows.
    """
    if text is None or text == "":
        return None
    raw = str(text).strip()
    digits = raw.split(":", 1)[1] if raw.lower().startswith("epsg:") else raw
    try:
        code = int(digits)
        from pyproj import CRS

        CRS.from_epsg(code)
    except Exception:
        raise StoreError(f"Unknown CRS '{raw}'.", "Give an EPSG code, e.g. EPSG:4326 or EPSG:32648.") from None
    return code


# -- reading the rows -----------------------------------------------------------------
def _numeric_column(values: np.ndarray, integer: bool) -> tuple[np.ndarray, np.ndarray | None]:
    arr = np.array(values, dtype=np.float64)  # None becomes NaN; raises on text
    mask = np.isnan(arr)
    if integer:
        if len(arr) and np.nanmax(np.abs(arr), initial=0) >= 2 ** 53:
            raise ValueError("too large for float64")
        arr = np.where(mask, 0, arr).astype(np.int64)
    return arr, (mask if mask.any() else None)


def _text_column(values: np.ndarray) -> tuple[np.ndarray, None]:
    # a string field; pyogrio writes a number stored in a TEXT column as its text, None as null
    return np.asarray(values, dtype=object), None


def _field(values: np.ndarray, declared: str) -> tuple[np.ndarray, np.ndarray | None]:
    t = declared.upper()
    try:
        if "INT" in t or t in ("BOOLEAN", "BOOL"):
            return _numeric_column(values, integer=True)
        if any(k in t for k in ("REAL", "FLOA", "DOUB", "NUMERIC", "DECIMAL")):
            return _numeric_column(values, integer=False)
    except (TypeError, ValueError):  # SQLite's loose typing: text in a number column
        pass
    return _text_column(values)


class Export:
    """One export job: read, reproject, write; :meth:`cancel` may be called from another thread.

    Parameters
    ----------
    ds : DataSource
        The source file, opened with the user whose rows are exported (``DataSource(path, user=...)``).
    layer : LayerInfo or str
    out : path-like
        Output file (for a Shapefile, the ``.shp``).
    fmt : str, optional
        Key in :data:`FORMATS` (default: from ``out``'s suffix).
    ids : sequence of int, optional
        Only these feature ids (the selection, or ``TableQuery.ids()``); rows the user may
        not read are left out whatever ids are given.
    crs : str or int, optional
        Output CRS (``EPSG:n``); default the layer's (KML: always EPSG:4326).
    csv_geometry : {"wkt", "lonlat", "none"}
    overwrite : bool
    protected : iterable of path-like, optional
        More files never to write over (the data source's own file always is).
    progress : callable(str, float), optional
        Told the step and the fraction done.
    """

    def __init__(self, ds: DataSource, layer: LayerInfo | str, out: str | os.PathLike[str], fmt: str | None = None,
                 ids: Sequence[int] | np.ndarray | None = None, crs: str | int | None = None,
                 csv_geometry: str = "wkt", overwrite: bool = False,
                 protected: Iterable[str | os.PathLike[str]] = (),
                 progress: Callable[[str, float], None] | None = None) -> None:
        self.ds = ds
        self.layer = ds.layer(layer) if isinstance(layer, str) else layer
        self.out = Path(out)
        self.format = format_for(out, fmt)
        if self.format.key == "shp" and self.out.suffix.lower() != ".shp":
            raise StoreError(f"A Shapefile's name ends in .shp, not '{self.out.name}'.",
                             "Choose a name ending in .shp; nothing was written.")
        if csv_geometry not in CSV_GEOMETRY:
            raise StoreError(f"Unknown CSV geometry '{csv_geometry}'.", f"Use one of: {', '.join(CSV_GEOMETRY)}.")
        self.csv_geometry = csv_geometry
        self.ids = None if ids is None else np.asarray(ids, np.int64)
        self.epsg = 4326 if self.format.key == "kml" else (parse_crs(crs) or self.layer.srid)
        self.overwrite = overwrite
        self.protected = [ds.path, *protected]
        self.progress = progress or (lambda step, fraction: None)
        self._cancelled = threading.Event()
        self._conn: Any = None

    def cancel(self) -> None:
        """Stop the job (the running query is interrupted); :meth:`run` raises :class:`ExportCancelled`."""
        self._cancelled.set()
        conn = self._conn
        if conn is not None:
            conn.interrupt()

    def _check_cancel(self) -> None:
        if self._cancelled.is_set():
            raise ExportCancelled("Export cancelled; nothing was written.")

    def read(self) -> tuple[list[str], list[np.ndarray], list[np.ndarray | None], np.ndarray]:
        """``(field names, field arrays, null masks, shapely geometries)`` of the rows to export, by feature id."""
        import shapely

        ds, lyr = self.ds, self.layer
        cols = [(n, t) for n, t in ds.columns(lyr) if "BLOB" not in t.upper()]
        g = quote_ident(lyr.geometry_column)
        geom_sql = f"AsBinary(GeomFromGPB({g}))" if ds.format == GEOPACKAGE else f"AsBinary({g})"
        select = ", ".join([quote_ident(n) for n, _ in cols] + [geom_sql])
        sql = f"SELECT {select} FROM {quote_ident(lyr.table)}"
        access, params = ds.access_where(lyr)  # only the rows the user may read
        conds = [access] if access else []
        if self.ids is not None:  # the ids travel as one JSON parameter: one query whatever their number
            conds.append(f"{key_sql(lyr)} IN (SELECT value FROM json_each(?))")
            params = params + [json.dumps(self.ids.tolist())]
        if conds:
            sql += " WHERE " + " AND ".join(f"({c})" for c in conds)
        sql += f" ORDER BY {key_sql(lyr)}"
        self._conn = ds.connection(text=True)
        self._check_cancel()
        try:
            with ds.translating_errors():
                rows = self._conn.execute(sql, params).fetchall()
        except StoreError:
            self._check_cancel()  # an interrupt is a cancel, not a failure
            raise
        finally:
            self._conn = None
        self._check_cancel()
        table = np.empty((len(rows), len(cols) + 1), dtype=object)
        if rows:
            table[:] = rows  # numpy transposes the row tuples in C (3x quicker than zip(*rows))
        del rows
        arrays, masks = [], []
        for i, (_, declared) in enumerate(cols):
            arr, mask = _field(table[:, i], declared)
            arrays.append(arr)
            masks.append(mask)
        geoms = shapely.from_wkb(table[:, -1], on_invalid="ignore")
        return [n for n, _ in cols], arrays, masks, geoms

    def _reproject(self, geoms: np.ndarray, epsg: int) -> np.ndarray:
        if epsg == self.layer.srid or not len(geoms):
            return geoms
        import shapely
        from pyproj import Transformer

        t = Transformer.from_crs(self.layer.srid, epsg, always_xy=True)

        def move(xy: np.ndarray) -> np.ndarray:
            x, y = t.transform(xy[:, 0], xy[:, 1])
            return np.column_stack([x, y])

        return shapely.transform(geoms, move)

    def run(self) -> ExportResult:
        """Write the file; returns what was written.

        Raises
        ------
        ExportRefused
            The output is the workspace, another SQLite file, or exists (without overwrite).
        ExportCancelled
        StoreError
            The source cannot be read, or the file cannot be written (nothing is left behind).
        """
        import shapely

        real = check_output(self.out, self.format, self.protected, self.overwrite)
        self.progress("read", 0.0)
        names, arrays, masks, geoms = self.read()
        self.progress("convert", 0.5)
        fmt, epsg = self.format, self.epsg
        kwargs: dict[str, Any] = {"driver": fmt.driver}
        geometry: np.ndarray | None
        if fmt.key == "csv":
            kwargs["layer_options"] = {"WRITE_BOM": "YES"}
            if self.csv_geometry == "lonlat":
                epsg = 4326
                pts = self._reproject(shapely.point_on_surface(geoms), 4326)
                empty = shapely.is_missing(pts) | shapely.is_empty(pts)
                xy = np.full((len(pts), 2), np.nan)
                if (~empty).any():
                    xy[~empty] = shapely.get_coordinates(pts[~empty])
                names = names + ["lon", "lat"]
                arrays = arrays + [xy[:, 0], xy[:, 1]]
                masks = masks + [None, None]
            geometry = None
            if self.csv_geometry == "wkt":
                kwargs["layer_options"]["GEOMETRY"] = "AS_WKT"
                geometry = shapely.to_wkb(self._reproject(geoms, epsg))
        else:
            geometry = shapely.to_wkb(self._reproject(geoms, epsg))
        if geometry is not None:
            kwargs["geometry_type"] = _geometry_type(geoms)
            kwargs["promote_to_multi"] = fmt.key in ("gpkg", "fgb") and kwargs["geometry_type"].startswith("Multi")
            kwargs["crs"] = f"EPSG:{epsg}"
        else:
            kwargs["geometry_type"] = None
        if fmt.key == "fgb" and shapely.is_missing(geoms).any():  # its index cannot hold a feature without geometry
            kwargs["layer_options"] = {"SPATIAL_INDEX": "NO"}
        if fmt.key == "kml":  # the placemark's name: the layer's name-like field
            label = next((n for n in names if n.lower() in ("name", "title", "code", "number")), None)
            if label:
                kwargs["dataset_options"] = {"NameField": label}
        if fmt.key == "shp":
            kwargs["encoding"] = "UTF-8"  # a .cpg says so; QGIS and ArcGIS read Vietnamese text right
        self._check_cancel()
        self.progress("write", 0.7)
        files = self._write_atomic(real, geometry, arrays, names, masks, kwargs)
        self.progress("done", 1.0)
        crs = f"EPSG:{epsg}" if geometry is not None or self.csv_geometry == "lonlat" else ""
        return ExportResult(real, len(geoms), fmt.key, crs, files)

    def _write_atomic(self, real: Path, geometry: np.ndarray | None, arrays: list, names: list[str],
                      masks: list, kwargs: dict[str, Any]) -> list[Path]:
        from pyogrio.errors import DataSourceError, FieldError, GeometryError

        import pyogrio.raw

        try:
            tmpdir = Path(tempfile.mkdtemp(prefix=f".{real.stem}-", suffix=".part", dir=real.parent))
        except OSError as exc:
            raise StoreError(f"Cannot write '{real}': {exc.strerror or exc}.", "Choose a folder you can write to.") from None
        try:
            staged = tmpdir / real.name
            layer_name = self.layer.name if self.format.key != "shp" else None
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # a Shapefile's 10-letter field names
                    pyogrio.raw.write(str(staged), geometry, arrays, names,
                                      field_mask=masks if any(m is not None for m in masks) else None,
                                      layer=layer_name, **kwargs)
            except (DataSourceError, FieldError, GeometryError, RuntimeError, ValueError, TypeError) as exc:
                raise StoreError(f"Cannot write '{real.name}' as {self.format.label}: {exc}",
                                 "Nothing was written; try another format.") from None
            produced = sorted(p for p in tmpdir.iterdir() if p.is_file() and not p.name.endswith(_SQLITE_SIDECARS))
            mode = 0o666 & ~_umask()
            for p in produced:
                os.chmod(p, mode)
            self._check_cancel()  # GDAL's write cannot be interrupted: a cancel during it lands here
            check_output(real, self.format, self.protected, self.overwrite)  # the target may have changed meanwhile
            written = []
            for p in produced:
                target = real.parent / p.name
                os.replace(p, target)
                written.append(target)
            if self.format.key == "shp":  # an old .cpg or .prj must not describe the new file
                for s in SHP_SIDECARS:
                    old = real.with_suffix(s)
                    if old not in written and old.exists():
                        old.unlink()
            return written
        except OSError as exc:
            raise StoreError(f"Cannot write '{real}': {exc.strerror or exc}.", "Choose a folder you can write to.") from None
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _geometry_type(geoms: np.ndarray) -> str:
    """The OGR geometry type name for a layer holding ``geoms`` (``Unknown`` when mixed)."""
    import shapely

    names = {0: "Point", 1: "LineString", 3: "Polygon", 4: "MultiPoint", 5: "MultiLineString", 6: "MultiPolygon"}
    present = shapely.is_geometry(geoms) & ~shapely.is_empty(geoms)
    kinds = set(np.unique(shapely.get_type_id(geoms[present])).tolist()) if present.any() else set()
    multi = {0: 4, 1: 5, 3: 6}
    base = {multi.get(k, k) for k in kinds}
    if len(base) != 1 or next(iter(base)) not in names:
        return "Unknown"
    kind = next(iter(base)) if len(kinds) > 1 else next(iter(kinds))
    z = " Z" if present.any() and bool(shapely.has_z(geoms[present]).any()) else ""
    return names[kind] + z


def export_layer(ds: DataSource, layer: LayerInfo | str, out: str | os.PathLike[str], **options: Any) -> ExportResult:
    """Write ``layer`` (the rows ``ds``'s user may read) to ``out``; see :class:`Export` for the options.

    Examples
    --------
    >>> with DataSource("hue.sqlite", user=officer) as ds:              # doctest: +SKIP
    ...     export_layer(ds, "incidents", "mine.gpkg", crs="EPSG:4326").count
    49
    """
    return Export(ds, layer, out, **options).run()
