"""Feature-level queries: identify at a point, select in a box, attributes and geometries by id.

Feature ids are the key the layer's R*Tree uses: the rowid of a SpatiaLite table,
the view's rowid column, a GeoPackage's primary key. Candidates come from the
R*Tree (or a scan when a layer has none); the exact test runs in shapely on the
few candidates. A case layer answers only the rows the data source's user may read
(:meth:`DataSource.access_where`), whatever ids are asked for.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from gisdesk.store.datasource import GEOPACKAGE, POSTGIS, DataSource, LayerInfo, quote_ident


def key_sql(layer: LayerInfo) -> str:
    """SQL for the feature id column of ``layer``."""
    return "rowid" if layer.key_column == "rowid" else quote_ident(layer.key_column)


def _readable(ds: DataSource, layer: LayerInfo) -> tuple[str, list]:
    """`` AND <condition>`` keeping the rows the user may read (access policy), or ``""``."""
    cond, params = ds.access_where(layer)
    return (f" AND {cond}", params) if cond else ("", [])


def candidate_ids(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float]) -> np.ndarray:
    """Ids whose index box meets ``bbox`` (layer CRS); every id when the layer has no index."""
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.candidate_ids(ds, layer, bbox)
    conn = ds.connection(text=True)
    minx, miny, maxx, maxy = bbox
    cond, params = _readable(ds, layer)
    with ds.translating_errors():
        if layer.spatial_index:
            idx = quote_ident(layer.spatial_index)
            if ds.format == GEOPACKAGE:
                sql = f"SELECT id FROM {idx} WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?"
            else:
                sql = f"SELECT pkid FROM {idx} WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?"
            if cond:  # only the rows the user may read
                sql = f"SELECT {key_sql(layer)} FROM {quote_ident(layer.table)} WHERE {key_sql(layer)} IN ({sql}){cond}"
            rows = conn.execute(sql, (maxx, minx, maxy, miny, *params)).fetchall()
        else:
            rows = conn.execute(f"SELECT {key_sql(layer)} FROM {quote_ident(layer.table)} "
                                f"WHERE {quote_ident(layer.geometry_column)} IS NOT NULL{cond}", params).fetchall()
    return np.array([r[0] for r in rows], np.int64)


def geometries(ds: DataSource, layer: LayerInfo, ids: np.ndarray | list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(ids, shapely geometries) of the features ``ids`` that have a geometry, in the layer CRS."""
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.geometries(ds, layer, ids)
    import shapely

    ids = np.asarray(ids, np.int64)
    if len(ids) == 0:
        return ids, np.empty(0, object)
    conn = ds.connection(text=True)
    g = quote_ident(layer.geometry_column)
    cond, params = _readable(ds, layer)
    out_ids, blobs = [], []
    with ds.translating_errors():
        for chunk in np.array_split(ids, max(1, len(ids) // 20000 + 1)):
            marks = ",".join("?" * len(chunk))
            geom_sql = f"AsBinary({g})" if ds.format != GEOPACKAGE else g
            for fid, blob in conn.execute(
                    f"SELECT {key_sql(layer)}, {geom_sql} FROM {quote_ident(layer.table)} "
                    f"WHERE {key_sql(layer)} IN ({marks}) AND {g} IS NOT NULL{cond}", chunk.tolist() + params):
                out_ids.append(fid)
                blobs.append(blob)
    if ds.format == GEOPACKAGE:
        blobs = [_gpkg_wkb(b) for b in blobs]
    return np.array(out_ids, np.int64), shapely.from_wkb(blobs, on_invalid="ignore")


def _gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob."""
    flags = blob[3]
    env = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 7, 0)
    return blob[8 + env:]


def ids_in_box(ds: DataSource, layer: LayerInfo, bbox: tuple[float, float, float, float]) -> np.ndarray:
    """Ids of the features whose geometry meets the box (layer CRS)."""
    import shapely

    ids, geoms = geometries(ds, layer, candidate_ids(ds, layer, bbox))
    if len(ids) == 0:
        return ids
    return ids[shapely.intersects(geoms, shapely.box(*bbox))]


def ids_at(ds: DataSource, layer: LayerInfo, x: float, y: float, tolerance: float) -> np.ndarray:
    """Ids of the features within ``tolerance`` of (x, y), nearest first (layer CRS units)."""
    import shapely

    ids, geoms = geometries(ds, layer, candidate_ids(ds, layer, (x - tolerance, y - tolerance, x + tolerance, y + tolerance)))
    if len(ids) == 0:
        return ids
    d = shapely.distance(geoms, shapely.Point(x, y))
    hit = d <= tolerance
    return ids[hit][np.argsort(d[hit], kind="stable")]


def attributes(ds: DataSource, layer: LayerInfo, ids: np.ndarray | list[int]) -> list[dict[str, Any]]:
    """Attribute rows (without the geometry) of ``ids``, in the order given."""
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.attributes(ds, layer, ids)
    ids = [int(i) for i in ids]
    if not ids:
        return []
    cols = [c for c, _ in ds.columns(layer)]
    conn = ds.connection(text=True)
    sel = ", ".join([key_sql(layer)] + [quote_ident(c) for c in cols])
    cond, params = _readable(ds, layer)
    rows: dict[int, dict[str, Any]] = {}
    with ds.translating_errors():
        for start in range(0, len(ids), 20000):
            chunk = ids[start:start + 20000]
            marks = ",".join("?" * len(chunk))
            for row in conn.execute(f"SELECT {sel} FROM {quote_ident(layer.table)} "
                                    f"WHERE {key_sql(layer)} IN ({marks}){cond}", chunk + params):
                rows[int(row[0])] = dict(zip(cols, row[1:]))
    return [rows[i] for i in ids if i in rows]


def distinct_values(ds: DataSource, layer: LayerInfo, column: str, limit: int = 200) -> tuple[list[Any], bool]:
    """Sorted distinct non-NULL values of ``column`` (at most ``limit``) and whether there are more."""
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.distinct_values(ds, layer, column, limit)
    conn = ds.connection(text=True)
    col = quote_ident(column)
    cond, params = _readable(ds, layer)
    with ds.translating_errors():
        rows = conn.execute(f"SELECT DISTINCT {col} FROM {quote_ident(layer.table)} WHERE {col} IS NOT NULL{cond} "
                            f"ORDER BY {col} LIMIT ?", (*params, int(limit) + 1)).fetchall()
    values = [r[0] for r in rows]
    return values[:limit], len(values) > limit


def numeric_values(ds: DataSource, layer: LayerInfo, column: str) -> tuple[np.ndarray, int]:
    """The numeric (integer or real) values of ``column`` as float64, and how many non-NULL values are not numbers."""
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.numeric_values(ds, layer, column)
    conn = ds.connection(text=True)
    col, table = quote_ident(column), quote_ident(layer.table)
    cond, params = _readable(ds, layer)
    with ds.translating_errors():
        vals = np.array([r[0] for r in conn.execute(
            f"SELECT {col} FROM {table} WHERE typeof({col}) IN ('integer', 'real'){cond}", params)], dtype=np.float64)
        (other,) = conn.execute(f"SELECT count(*) FROM {table} WHERE {col} IS NOT NULL "
                                f"AND typeof({col}) NOT IN ('integer', 'real'){cond}", params).fetchone()
    return vals, int(other)
