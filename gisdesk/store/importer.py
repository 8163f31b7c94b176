"""Bring outside data into a workspace: vector files (GeoJSON, Shapefile, … via pyogrio) and GeoTIFFs.

A vector file becomes a SpatiaLite table with its own R*Tree, written in one
transaction: a file that fails half-way (malformed, wrongly projected, cancelled)
leaves the workspace exactly as it was. A GeoTIFF is referenced, not copied.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import numpy as np

from gisdesk.core.text import printable
from gisdesk.store._import_checks import coordinate_problems, safe_table_name, unique_columns
from gisdesk.store._import_crs import (CRSRequired, format_bounds, guess_crs, parse_crs, reproject, workspace_center,
                                       workspace_srid)
from gisdesk.store._import_sources import (LayerChoiceRequired, Source, choose_layer, offered_layers, read_source,
                                            source_layers)
from gisdesk.store.base import migration
from gisdesk.store.datasource import quote_ident
from gisdesk.store.errors import StoreError

Progress = Callable[[float], bool]  # fraction done -> False to cancel

__all__ = ["CRSRequired", "ImportCancelled", "ImportedTable", "LayerChoiceRequired", "format_bounds", "guess_crs",
           "import_layers", "import_vector", "offered_layers", "register_raster", "source_layers", "table_name_for"]

_SQL_TYPES = {"int": "INTEGER", "uint": "INTEGER", "float": "REAL", "bool": "INTEGER", "datetime": "TEXT",
              "object": "TEXT"}
_MULTI = {"Point": "MULTIPOINT", "LineString": "MULTILINESTRING", "Polygon": "MULTIPOLYGON"}


class ImportCancelled(StoreError):
    """The user cancelled; the workspace is unchanged."""


def table_name_for(path: str | os.PathLike[str], taken: set[str]) -> str:
    """A safe, unused table name from a file name (``Flood zones 2024.geojson`` -> ``flood_zones_2024``).

    Vietnamese letters lose their marks (``Cầu Đường.kml`` -> ``cau_duong``). Never a name
    SQLite, SpatiaLite, GeoPackage or gisdesk owns (``sqlite_data.geojson`` ->
    ``l_sqlite_data``) and never one in ``taken`` (compared without case).
    """
    return _table_name(Path(path).stem, taken)


def _table_name(text: str, taken: set[str]) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    base = re.sub(r"[^0-9a-zA-Z_]+", "_", folded.lower()).strip("_") or "layer"
    base = safe_table_name(base)
    taken_lower = {t.lower() for t in taken}
    name, k = base, 2
    while name.lower() in taken_lower:
        name, k = f"{base}_{k}", k + 1
    return name


class ImportedTable(str):
    """The name of the table an import wrote (a ``str``), with what it left out.

    Attributes
    ----------
    imported : int
        Features written.
    refused : list of (int, str)
        1-based feature positions in the file and the reason each was not imported
        (NaN/Infinity or out-of-range coordinates).
    unreadable : list of int
        1-based positions of features whose geometry could not be read; they were
        imported without geometry.
    unit : str
        What the positions count: ``"feature"`` (1 = the first), or ``"row"`` for CSV and
        Excel files (the spreadsheet row; the header is row 1).
    """

    imported: int
    refused: list[tuple[int, str]]
    unreadable: list[int]
    unit: str

    def __new__(cls, name: str, imported: int = 0, refused: list[tuple[int, str]] | None = None,
                unreadable: list[int] | None = None, unit: str = "feature") -> "ImportedTable":
        obj = super().__new__(cls, name)
        obj.imported, obj.refused, obj.unreadable = imported, list(refused or []), list(unreadable or [])
        obj.unit = unit
        return obj

    def warnings(self, limit: int = 20) -> list[str]:
        """One line per thing the user should know (empty when everything was imported whole)."""
        out = []
        if self.refused:
            out.append(f"{_count(len(self.refused), self.unit)} refused:")
            out += [f"  {self.unit} {n}: {why}" for n, why in self.refused[:limit]]
            if len(self.refused) > limit:
                out.append(f"  … and {len(self.refused) - limit:,} more")
        if self.unreadable:
            shown = ", ".join(str(n) for n in self.unreadable[:limit])
            shown += " …" if len(self.unreadable) > limit else ""
            had = "had" if len(self.unreadable) > 1 else "has"
            out.append(f"{_count(len(self.unreadable), self.unit)} {had} no readable geometry ({self.unit} {shown}); "
                       "imported without geometry")
        return out


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _check_coordinates(geoms: np.ndarray, srid: int, name: str, said: str, skip: np.ndarray,
                       moved: np.ndarray | None = None, given: bool = False) -> tuple[np.ndarray, dict[int, str]]:
    """Which features to keep, and the reason for each refused one (0-based position -> reason).

    Coordinates that are NaN/Infinity, of an absurd magnitude or far outside the CRS's
    area of use are refused per feature (``skip``: already refused while reading). When
    most features lie outside, the file's CRS (``said``) is wrong -- the usual
    metres-labelled-as-degrees mistake -- and nothing is imported. ``moved``: finite before
    reprojection (a non-finite coordinate after it could not be transformed). ``given``:
    the CRS was the caller's choice, not the file's.
    """
    import shapely

    not_finite, outside = coordinate_problems(geoms, srid)
    not_finite &= ~skip
    outside &= ~skip
    placed = int((~shapely.is_missing(geoms) & ~not_finite & ~skip).sum())
    if outside.any() and outside.sum() * 2 > placed:
        bounds = shapely.total_bounds(geoms[outside])
        minx, miny, maxx, maxy = (f"{v:.6g}" for v in bounds)
        raise StoreError(
            f"'{printable(name, 80)}' {'was given' if given else 'says'} {said} but "
            f"{_count(int(outside.sum()), 'feature')} of "
            f"{placed:,} lie outside where that CRS is used (they reach {minx}, {miny} – {maxx}, {maxy}).",
            ("The chosen CRS is probably not the file's; choose another" if given else
             "The file's CRS is probably wrong (e.g. metres labelled as degrees); fix its .prj")
            + "; nothing was imported.")
    refused = {}
    bad = np.flatnonzero(not_finite | outside)
    if len(bad):
        boxes = shapely.bounds(geoms[bad])
        for i, box in zip(bad.tolist(), boxes):  # one message per refused feature only
            if not_finite[i] and moved is not None and moved[i]:
                refused[i] = f"coordinates that cannot be transformed from {said} to EPSG:{srid}"
            elif not_finite[i]:
                refused[i] = "coordinates that are not finite numbers (NaN or Infinity)"
            else:
                refused[i] = (f"coordinates outside the area of EPSG:{srid} "
                              f"({box[0]:.6g}, {box[1]:.6g} – {box[2]:.6g}, {box[3]:.6g})")
    return ~(not_finite | outside | skip), refused


def import_vector(workspace: str | os.PathLike[str], path: str | os.PathLike[str], layer: str | None = None,
                  table: str | None = None, progress: Progress | None = None, user: object = None,
                  crs: str | None = None, x: str | None = None, y: str | None = None,
                  wkt: str | None = None) -> ImportedTable:
    """Copy one layer of a vector, CSV or Excel file into ``workspace`` as a new spatial table.

    Mixed single and multi geometries become the multi type; invalid geometries are
    kept as they are (QGIS does the same) but NULL geometries are allowed. A CRS with an
    EPSG code is kept; any other CRS pyproj reads (a VN-2000 provincial TM with its
    ``+towgs84``, say) is reprojected to the workspace CRS.

    Parameters
    ----------
    layer : str, optional
        Which layer of a file with several (KML folders, GeoPackage tables, sheets).
    crs : str, optional
        The CRS the coordinates are in (``EPSG:32648``, WKT, a PROJ string), in place of
        what the file says; required when the file says nothing.
    x, y, wkt : str, optional
        CSV/Excel only: the coordinate columns, or a WKT column (found by name otherwise:
        lon/long/lng/longitude/x and lat/latitude/y mean EPSG:4326 when named lon/lat).

    Returns
    -------
    ImportedTable
        The new table's name, with the features refused and why.

    Raises
    ------
    CRSRequired
        The file has no CRS and ``crs`` was not given (carries guesses for the caller).
    LayerChoiceRequired
        The file has several layers and ``layer`` was not given (carries their names).
    StoreError
        Unreadable or malformed file, unknown CRS, coordinates impossible for the CRS,
        a locked or read-only workspace. Nothing is written in any of these cases.
    ImportCancelled
        ``progress`` returned False.
    PermissionDenied
        ``user`` (None: the local user) may not add layers to the shared workspace.
    """
    from gisdesk.store._access_check import require_in

    require_in(workspace, user, "import", "layer")  # before anything is read or written
    path = Path(path)
    report = progress or (lambda f: True)
    try:
        return _import_vector(workspace, path, layer, table, report, crs, (x, y, wkt))
    except StoreError:
        raise
    except Exception as exc:  # never a traceback: one line naming the file, and nothing written
        from gisdesk.store.connection import translate_error

        err = translate_error(exc, workspace)
        if not isinstance(err, StoreError):
            err = StoreError(f"Could not import '{printable(path.name, 80)}': {printable(exc, 200)}.",
                             "Nothing was imported.")
        raise err from exc


def import_layers(workspace: str | os.PathLike[str], path: str | os.PathLike[str], layers: list[str] | None = None,
                  progress: Progress | None = None, user: object = None, crs: str | None = None,
                  x: str | None = None, y: str | None = None) -> list[tuple[str, ImportedTable | StoreError]]:
    """Import each of ``layers`` of ``path`` (None: every layer offered) as its own table, each whole or not at all.

    A file with one layer gets the file's name as its table name; with several,
    ``file_layer``. One layer that cannot be imported does not stop the others: its
    :class:`StoreError` is returned in its place.

    Returns
    -------
    list of (str, ImportedTable or StoreError)
        One entry per layer, in the order asked.
    """
    from gisdesk.store._access_check import require_in

    require_in(workspace, user, "import", "layer")
    path = Path(path)
    every = source_layers(path)
    chosen = [n for n, _ in offered_layers(path)] if layers is None else list(layers)
    known = {n for n, _ in every}
    report = progress or (lambda f: True)
    out: list[tuple[str, ImportedTable | StoreError]] = []
    for k, name in enumerate(chosen):
        if name not in known:
            out.append((name, StoreError(f"'{printable(path.name, 80)}' has no layer '{printable(name, 80)}'.",
                                         "Layers: " + printable(", ".join(sorted(known)), 200))))
            continue
        table = None
        if len(every) > 1:
            table = _table_name(f"{path.stem}_{name}", _tables(workspace))
        part = (lambda f, k=k: report((k + f) / len(chosen)))
        try:
            out.append((name, import_vector(workspace, path, name, table, part, user, crs, x, y)))
        except ImportCancelled:
            raise
        except StoreError as exc:
            out.append((name, exc))
    return out


def _tables(workspace: str | os.PathLike[str]) -> set[str]:
    return {r[0] for r in _read(workspace, "SELECT name FROM sqlite_master")}


def _known_srid(workspace: str | os.PathLike[str], srid: int) -> bool:
    """Whether the workspace's ``spatial_ref_sys`` has ``srid`` (newer EPSG codes may be missing)."""
    return bool(_read(workspace, "SELECT 1 FROM spatial_ref_sys WHERE srid = ?", (srid,)))


def _read(workspace: str | os.PathLike[str], sql: str, params: tuple = ()) -> list:
    from gisdesk.store.connection import connect

    conn = connect(workspace, read_only=True, wal=False, spatialite=False)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _import_vector(workspace: str | os.PathLike[str], path: Path, layer: str | None, table: str | None,
                   report: Progress, crs: str | None, columns_given: tuple) -> ImportedTable:
    import shapely

    src = read_source(path, choose_layer(path, layer), *columns_given)
    geoms, fields = src.geoms, src.fields
    skip = np.zeros(len(geoms), bool)
    skip[list(src.refused)] = True
    text = crs or src.crs
    if not text:
        found = geoms[~shapely.is_missing(geoms) & ~skip]
        box = shapely.total_bounds(found) if len(found) else None
        raise CRSRequired(path.name, tuple(float(v) for v in box) if box is not None and np.isfinite(box).all()
                          else None, workspace_center(workspace))
    source = parse_crs(text, path.name)
    code = source.to_epsg(min_confidence=70)
    moved = None
    if code is not None and _known_srid(workspace, int(code)):
        srid, said = int(code), f"EPSG:{code}"
    else:  # no EPSG code (or one SpatiaLite lacks): stored in the workspace CRS, the datum shift applied here
        srid, said = workspace_srid(workspace), f"'{source.name}'"
        moved = ~coordinate_problems(geoms, srid)[0]  # finite before the transformation
        geoms = reproject(geoms, source, srid)
    keep, refused = _check_coordinates(geoms, srid, path.name, said, skip, moved, given=bool(crs))
    refused.update(src.refused)
    refused_list = [(src.number(i), why) for i, why in sorted(refused.items())]
    if refused and not keep.any():
        first = refused_list[0]
        raise StoreError(f"No {src.unit} of '{printable(path.name, 80)}' could be imported: {src.unit} {first[0]} "
                         f"has {first[1]}" + (f" (and {len(refused) - 1:,} more)" if len(refused) > 1 else "")
                         + ".", "Nothing was imported.")
    lost = src.lost if src.lost is not None else np.zeros(len(geoms), bool)
    unreadable = [src.number(i) for i in np.flatnonzero(lost & keep).tolist()]
    if refused:
        geoms = geoms[keep]
        fields = [np.asarray(f)[keep] for f in fields]
    result = _write(workspace, path, table, geoms, fields, src, srid, report)
    return ImportedTable(result, len(geoms), refused_list, unreadable, src.unit)


def _write(workspace: str | os.PathLike[str], path: Path, table: str | None, geoms: np.ndarray,
           fields: list[np.ndarray], src: Source, srid: int, report: Progress) -> str:
    """One new table with its spatial index, in one transaction."""
    import shapely

    types = {t for t in shapely.get_type_id(geoms[~shapely.is_missing(geoms)]).tolist()}
    names = {0: "POINT", 1: "LINESTRING", 3: "POLYGON", 4: "MULTIPOINT", 5: "MULTILINESTRING", 6: "MULTIPOLYGON"}
    kinds = {names.get(t, "GEOMETRY") for t in types}
    if len(kinds) == 1:
        gtype = kinds.pop()
    elif kinds and all(k.replace("MULTI", "") == next(iter(kinds)).replace("MULTI", "") for k in kinds):
        gtype = "MULTI" + next(iter(kinds)).replace("MULTI", "")
        single = shapely.get_type_id(geoms) == {"MULTIPOINT": 0, "MULTILINESTRING": 1, "MULTIPOLYGON": 3}[gtype]
        geoms = geoms.copy()
        geoms[single] = [shapely.multipoints([g]) if gtype == "MULTIPOINT" else
                         shapely.multilinestrings([g]) if gtype == "MULTILINESTRING" else shapely.multipolygons([g])
                         for g in geoms[single]]
    else:
        gtype = "GEOMETRY"
    dims = "XYZ" if len(geoms) and bool(shapely.has_z(geoms[~shapely.is_missing(geoms)]).any()) else "XY"
    columns = unique_columns(src.columns)
    col_types = [_SQL_TYPES.get(re.sub(r"\d+", "", str(t)).split("[")[0], "TEXT") for t in src.dtypes]
    with migration(workspace) as conn:  # the table and its rows, or nothing
        existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        table = table or table_name_for(path, existing)
        if table.lower() in {t.lower() for t in existing} or safe_table_name(table) != table:
            raise StoreError(f"The workspace already has or reserves a table '{printable(table, 80)}'.",
                             "Choose another name; nothing was imported.")
        safe_cols = columns
        cols_sql = ", ".join(f"{quote_ident(c)} {t}" for c, t in zip(safe_cols, col_types))
        conn.execute(f"CREATE TABLE {quote_ident(table)} (fid INTEGER PRIMARY KEY{', ' + cols_sql if cols_sql else ''})")
        conn.execute("SELECT AddGeometryColumn(?, 'geom', ?, ?, ?)", (table, srid, gtype, dims))
        out_wkb = shapely.to_wkb(geoms, output_dimension=3 if dims == "XYZ" else 2)
        values = [np.asarray(f, dtype=object) for f in fields]
        marks = "".join("?, " for _ in safe_cols)
        col_list = ", ".join([quote_ident(c) for c in safe_cols] + ["geom"])
        sql = f"INSERT INTO {quote_ident(table)} ({col_list}) VALUES ({marks}GeomFromWKB(?, {srid}))"
        n = len(out_wkb)
        chunk = 20000
        for start in range(0, n, chunk):
            rows = zip(*[_py(v[start:start + chunk]) for v in values], out_wkb[start:start + chunk].tolist())
            conn.executemany(sql, rows)
            if not report(min(0.95, (start + chunk) / max(n, 1))):
                raise ImportCancelled(f"Import of '{printable(path.name, 80)}' cancelled; the workspace is unchanged.")
        conn.execute("SELECT CreateSpatialIndex(?, 'geom')", (table,))
    report(1.0)
    return table


def _py(values: np.ndarray) -> list:
    """Plain Python values SQLite can bind (numpy scalars and datetimes become int/float/str)."""
    out = values.tolist()
    if values.dtype.kind == "M":
        return [None if v is None else str(v) for v in out]
    return out


def register_raster(workspace: str | os.PathLike[str], raster: str | os.PathLike[str], title: str = "",
                    group: str = "", user: object = None) -> str:
    """Reference a GeoTIFF from the workspace (``gisdesk_rasters``); return its layer name.

    The path is stored relative to the workspace when the raster sits in its folder.
    ``user`` (None: the local user) must be allowed to add layers (else PermissionDenied).
    """
    from gisdesk.store._access_check import require_in

    require_in(workspace, user, "import", "layer")
    import rasterio
    from rasterio.errors import RasterioIOError

    raster = Path(raster).absolute()
    try:
        with rasterio.open(raster) as src:
            if src.crs is None:
                raise StoreError(f"'{raster.name}' has no coordinate reference system.",
                                 "Assign one with gdal_edit.py -a_srs EPSG:n; nothing was added.")
    except RasterioIOError as exc:
        raise StoreError(f"'{raster.name}' is not a raster GDAL can read ({exc}).", "Nothing was added.") from exc
    ws = Path(workspace).absolute()
    try:
        stored = str(raster.relative_to(ws.parent))
    except ValueError:
        stored = str(raster)
    with migration(workspace) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS gisdesk_rasters (name TEXT PRIMARY KEY, path TEXT, title TEXT, grp TEXT)")
        taken = {r[0] for r in conn.execute("SELECT name FROM gisdesk_rasters")}
        name = table_name_for(raster, taken)
        conn.execute("INSERT INTO gisdesk_rasters VALUES (?, ?, ?, ?)", (name, stored, title or raster.stem, group))
    return name
