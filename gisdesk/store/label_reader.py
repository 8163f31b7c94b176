"""Read the label texts of a layer with their geometries, for :mod:`gisdesk.render.labels`.

One query per layer: the label field (blank and NULL values left out), the
layer's label filter compiled to bound SQL by :mod:`gisdesk.core.expression`, the
rows the data source's user may read (the access policy, as for drawing) and,
for big layers, the view's box through the R*Tree with a row limit.
"""

from __future__ import annotations

import numpy as np

from gisdesk.core.expression import parse, to_sql
from gisdesk.store.datasource import GEOPACKAGE, POSTGIS, DataSource, LayerInfo, quote_ident
from gisdesk.store.errors import StoreError
from gisdesk.store.geoblob import Geometries, decode_gpkg, decode_spatialite
from gisdesk.store.reader import _where
from gisdesk.store.table_query import FOLD_FUNCTION, SQLITE, UPPER_FUNCTION, _fold, _upper


def read_labels(ds: DataSource, layer: LayerInfo, field: str, filter_text: str = "",
                bbox: tuple[float, float, float, float] | None = None,
                limit: int | None = None) -> tuple[list[str], Geometries]:
    """Label values (as text) and geometries of the features of ``layer`` that get a label.

    Parameters
    ----------
    ds : DataSource
    layer : LayerInfo
    field : str
        The label field (any case).
    filter_text : str
        An expression choosing the labelled features ('' for all).
    bbox : (minx, miny, maxx, maxy), optional
        In the layer's CRS: only features whose index box meets it.
    limit : int, optional
        Read at most this many rows.

    Returns
    -------
    (texts, geoms)
        ``texts[i]`` belongs to feature ``i`` of ``geoms`` (in the layer's CRS).

    Raises
    ------
    StoreError
        The field is not a column of the layer, or the filter is not valid.
    """
    names = {n.lower(): n for n, _ in ds.columns(layer)}
    col = names.get((field or "").lower())
    if col is None:
        raise StoreError(f"Layer '{layer.name}' has no field '{field}' to label by.",
                         "Fields: " + ", ".join(sorted(names.values())))
    if ds.format == POSTGIS:
        from gisdesk.store import pg_features

        return pg_features.read_labels(ds, layer, col, filter_text, bbox, limit)
    where, params = _where(ds, layer, bbox)
    q = quote_ident(col)
    where += f" AND {q} IS NOT NULL AND trim(CAST({q} AS TEXT)) != ''"
    if filter_text.strip():
        try:
            cond, cond_params = to_sql(parse(filter_text, list(names.values())), SQLITE)
        except ValueError as exc:
            raise StoreError(f"The label filter of '{layer.name}' is not valid: {exc}") from None
        where += f" AND ({cond})"
        params = [*params, *cond_params]
    g = quote_ident(layer.geometry_column)
    sql = f"SELECT CAST({q} AS TEXT), {g} FROM {quote_ident(layer.table)} WHERE {where}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    conn = ds.connection(text=True)
    conn.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)
    conn.create_function(UPPER_FUNCTION, 1, _upper, deterministic=True)
    with ds.translating_errors():
        rows = conn.execute(sql, params).fetchall()
    kind = layer.kind if layer.kind != "geometry" else "polygon"
    if not rows:
        return [], Geometries.empty(kind)
    texts = [r[0] for r in rows]
    blobs = [bytes(r[1]) for r in rows]
    lengths = np.fromiter((len(b) for b in blobs), np.int64, len(blobs))
    decode = decode_gpkg if ds.format == GEOPACKAGE else decode_spatialite
    return texts, decode(b"".join(blobs), lengths, kind)


__all__ = ["read_labels"]
