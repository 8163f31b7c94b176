"""The layer tree's state saved in the workspace: order, visibility, groups, titles and styles.

One row per layer in ``gisdesk_layer_state``; ``position`` is the drawing order
(0 = bottom, drawn first), as in :class:`gisdesk.core.map_model.MapModel`.
A workspace layer the user removed from the map is kept as a row with a NULL
position, so that it stays removed on reopen. Layers added from other files are
saved with their path (relative to the workspace's folder when inside it) and
come back on reopen while their file is there. Saving is a change for everyone who
opens the workspace: only the users the access policy lets ``restyle`` ``style`` save.

Qt-free.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gisdesk.core.layers import RasterLayer, VectorLayer, is_server_url
from gisdesk.core.style import RasterStyle, VectorStyle
from gisdesk.store._access_check import require_in
from gisdesk.store.base import write_transaction
from gisdesk.store.connection import DEFAULT_BUSY_TIMEOUT_MS, connect, translate_error
from gisdesk.store.errors import StoreError
from gisdesk.store.qgis_layer_styles import initial_style, write_styles

Layer = VectorLayer | RasterLayer

TABLE = "gisdesk_layer_state"
_CREATE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} ("
    "position INTEGER, layer_key TEXT PRIMARY KEY, kind TEXT NOT NULL CHECK (kind IN ('vector', 'raster')), "
    "source TEXT NOT NULL, name TEXT NOT NULL, title TEXT, grp TEXT, visible INTEGER, style TEXT)"
)


def raster_style_to_dict(style: RasterStyle) -> dict:
    """A RasterStyle as JSON-ready data: ``{"stops": [[value, colour], ...], "opacity": o}``."""
    return {"stops": [[float(v), str(c)] for v, c in style.stops], "opacity": float(style.opacity)}


def raster_style_from_dict(d: dict) -> RasterStyle:
    """The inverse of :func:`raster_style_to_dict`; raises ValueError/KeyError/TypeError on bad data."""
    return RasterStyle(stops=[(float(v), str(c)) for v, c in d["stops"]], opacity=float(d.get("opacity", 1.0)))


def _source_text(workspace: Path, source: Path) -> str:
    """``source`` relative to the workspace's folder when inside it, else absolute (POSIX slashes)."""
    src = Path(source).resolve()
    try:
        return src.relative_to(workspace.resolve().parent).as_posix()
    except ValueError:
        return src.as_posix()


def _resolve_source(workspace: Path, text: str) -> Path:
    p = Path(text)
    return (p if p.is_absolute() else workspace.resolve().parent / p).resolve()


def layer_key(workspace: str | os.PathLike[str], layer: Layer) -> str:
    """A key naming ``layer`` across sessions: kind, source file and layer name."""
    ws = Path(workspace)
    if isinstance(layer, RasterLayer):
        return f"raster:{_source_text(ws, layer.path)}"
    return f"vector:{_source_text(ws, layer.source)}:{layer.name.lower()}"


@dataclass
class _Row:
    position: int | None
    key: str
    kind: str
    source: str
    name: str
    title: str
    grp: str
    visible: bool
    style: str


def _row(ws: Path, position: int | None, layer: Layer) -> tuple:
    if isinstance(layer, RasterLayer):
        kind, source, name = "raster", _source_text(ws, layer.path), layer.path.stem
        style = raster_style_to_dict(layer.style)
    else:
        kind, source, name = "vector", _source_text(ws, layer.source), layer.name
        style = layer.style.to_dict()
    return (position, layer_key(ws, layer), kind, source, name, layer.title, layer.group, int(bool(layer.visible)),
            json.dumps(style))


def _qgis_styles(ws: Path, layers: list[Layer], infos: dict) -> list[tuple[str, str, str, VectorStyle]]:
    """(table, geometry column, kind, style) of the workspace's own vector layers, for QGIS's ``layer_styles``;
    ``infos``: the workspace's layers by lower-case name."""
    own = [lyr for lyr in layers if isinstance(lyr, VectorLayer) and _source_text(ws, lyr.source) == _source_text(ws, ws)]
    out = []
    for lyr in own:
        info = infos.get(lyr.name.lower())
        if info is not None and not info.is_view:
            out.append((info.table, info.geometry_column, info.kind, lyr.style))
    return out


def _workspace_keys(ws: Path) -> tuple[dict[str, tuple[str, str]], dict]:
    """Keys of the layers the workspace itself provides, with (kind, name); and its vector layers by
    lower-case name (one read of the file for both)."""
    from gisdesk.store.datasource import DataSource

    with DataSource(ws) as ds:
        keys = {f"vector:{_source_text(ws, ds.path)}:{info.name.lower()}": ("vector", info.name) for info in ds.layers}
        for r in ds.rasters:
            keys[f"raster:{_source_text(ws, Path(r.path))}"] = ("raster", Path(r.path).stem)
        infos = {info.name.lower(): info for info in ds.layers}
    return keys, infos


def save_layer_state(workspace_path: str | os.PathLike[str], layers: list[Layer], *, read_only: bool = False,
                     busy_timeout_ms: int = DEFAULT_BUSY_TIMEOUT_MS, user: Any = None) -> None:
    """Write the order, visibility, group, title and style of ``layers`` (bottom first).

    Parameters
    ----------
    workspace_path : path-like
        The workspace file; the state replaces what was saved there before, in one transaction.
    layers : list of VectorLayer or RasterLayer
        The map's layers, bottom first (``MapModel.layers``).
    read_only : bool
        The workspace was opened read-only: raise :class:`ReadOnlyError` without writing.
    busy_timeout_ms : int
        How long to wait for another program's lock.
    user : User or str, optional
        Who saves (None: the local OS user); the styles are everybody's, so the access
        policy must allow ``restyle`` on ``style`` (city roles). Restyling in a session
        is not saving: a viewer changes what they see, not what others see.

    Raises
    ------
    PermissionDenied
        ``user`` may not save styles for everyone; nothing was changed.
    StoreError
        The file is read-only, locked, damaged or not a database; nothing was changed.
    """
    ws = Path(workspace_path)
    require_in(ws, user, "restyle", "style")
    rows = [_row(ws, i, lyr) for i, lyr in enumerate(layers)]
    present = {r[1] for r in rows}
    keys, infos = _workspace_keys(ws)
    removed = [(None, key, kind, _source_text(ws, ws), name, None, None, 0, None)
               for key, (kind, name) in keys.items() if key not in present]
    qgis = _qgis_styles(ws, layers, infos)
    conn = connect(ws, read_only=read_only, wal=not read_only, busy_timeout_ms=busy_timeout_ms, spatialite=False)
    try:
        with write_transaction(conn):  # a full disk or a held lock is said as such, never masked by ROLLBACK
            conn.execute(_CREATE)
            conn.execute(f"DELETE FROM {TABLE}")
            conn.executemany(f"INSERT INTO {TABLE} (position, layer_key, kind, source, name, title, grp, visible, style)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows + removed)
            # QGIS opens the workspace with the same look (store/qgis_layer_styles.py)
            write_styles(conn, qgis, owner=getattr(user, "username", user) or "")
    except StoreError:
        raise
    except Exception as exc:
        err = translate_error(exc, ws)
        if err is exc:
            raise
        raise err from exc
    finally:
        conn.close()


def _read_rows(ws: Path) -> list[_Row]:
    conn = connect(ws, read_only=True, wal=False, spatialite=False)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone():
            return []
        cur = conn.execute(f"SELECT position, layer_key, kind, source, name, title, grp, visible, style FROM {TABLE} "
                           "ORDER BY position IS NULL, position")
        return [_Row(r[0], str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5] or "", r[6] or "", bool(r[7]), r[8] or "")
                for r in cur.fetchall()]
    except Exception as exc:
        err = translate_error(exc, ws)
        if err is exc:
            raise
        raise err from exc
    finally:
        conn.close()


def _apply(row: _Row, layer: Layer, warnings: list[str]) -> None:
    layer.title = row.title or layer.title
    layer.group = row.grp
    layer.visible = row.visible
    try:
        data = json.loads(row.style)
        layer.style = raster_style_from_dict(data) if isinstance(layer, RasterLayer) else VectorStyle.from_dict(data)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        # The layer keeps the default style it came with (map_layers' cartography).
        warnings.append(f"The saved style of '{layer.title}' could not be read ({exc}); it has its default style.")


def _recreate(ws: Path, row: _Row) -> Layer | None:
    """A layer from another file the user had added, if that file still has it."""
    src = _resolve_source(ws, row.source)
    if not src.exists():
        return None
    if row.kind == "raster":
        return RasterLayer(src)
    from gisdesk.store.datasource import DataSource

    try:
        with DataSource(src) as ds:
            info = ds.layer(row.name)
            return VectorLayer(ds.path, info.name, initial_style(ds.connection(text=True), info.table, info.kind))
    except StoreError:
        return None


def load_layer_state(workspace_path: str | os.PathLike[str], layers: list[Layer]) -> tuple[list[Layer], list[str]]:
    """``layers`` reordered, restyled, regrouped and retitled as saved in the workspace.

    Parameters
    ----------
    workspace_path : path-like
        The workspace file.
    layers : list of VectorLayer or RasterLayer
        The workspace's layers with their defaults, bottom first
        (:func:`gisdesk.store.workspace.map_layers`). They are updated in place.

    Returns
    -------
    layers : list
        Bottom first. Layers without saved state keep their default place and
        style; saved layers fill the other places in their saved order; layers
        the user removed stay removed; saved layers of other files come back
        while their file has them.
    warnings : list of str
        One message per saved style that could not be read (that layer gets its
        default style) and per saved layer that is gone.
    """
    ws = Path(workspace_path)
    if is_server_url(workspace_path):
        from gisdesk.store.server_styles import load_server_layer_state

        return load_server_layer_state(workspace_path, layers)
    rows = _read_rows(ws)
    return merge_layer_state(rows, layers, lambda lyr: layer_key(ws, lyr),
                             lambda row: _recreate(ws, row) if _resolve_source(ws, row.source) != ws.resolve() else None)


def merge_layer_state(rows: list[_Row], layers: list[Layer], key_of: Any, recreate: Any) -> tuple[list[Layer], list[str]]:
    """``layers`` (updated in place) in the saved order with the saved looks of ``rows``.

    ``key_of(layer)`` is a layer's key as saved; ``recreate(row)`` gives a saved layer that is not
    among ``layers`` (from another file), or None. See :func:`load_layer_state`.
    """
    if not rows:
        return list(layers), []
    warnings: list[str] = []
    by_key = {key_of(lyr): lyr for lyr in layers}
    saved_keys = {r.key for r in rows}
    restored: list[Layer] = []
    for row in rows:
        lyr = by_key.get(row.key)
        if row.position is None:
            continue
        if lyr is None:
            lyr = recreate(row)
            if lyr is None:
                warnings.append(f"The layer '{row.title or row.name}' is no longer there; it was left out.")
                continue
        _apply(row, lyr, warnings)
        restored.append(lyr)
    # Unsaved layers keep their default slots; the saved ones fill the remaining slots in saved order.
    out: list[Layer] = []
    queue = iter(restored)
    for lyr in layers:
        if key_of(lyr) not in saved_keys:
            out.append(lyr)
        else:
            nxt = next(queue, None)
            if nxt is not None:
                out.append(nxt)
    out.extend(queue)
    return out, warnings


__all__ = ["save_layer_state", "load_layer_state", "merge_layer_state", "layer_key", "raster_style_to_dict", "raster_style_from_dict"]
