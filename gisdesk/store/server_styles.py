"""Styles on the city server: published with the workspace, read back by gisdesk and by QGIS.

``gisdesk server publish`` copies

* the workspace's **layer state** (``gisdesk_layer_state``: order, visibility, groups, titles and
  gisdesk styles), with each row's key rewritten for the server: the workspace's own vector layers
  become ``vector::NAME`` (source ``''``: this database), rasters ``raster:PATH`` with the raster's
  absolute path (:mod:`gisdesk.store.server_rasters`), layers of other files keep their absolute path;
* QGIS's **layer_styles** rows into the server's ``public.layer_styles`` in the shape QGIS's
  ``postgres`` provider reads (catalog = the database, schema ``public``, QML and SLD as ``xml``,
  ``useasdefault``), so QGIS on the server opens each layer with the style it had in the workspace.

Both tables are owned by the owner role and readable by every officer group role. On reading,
:func:`load_server_layer_state` applies the state as :func:`gisdesk.store.layer_state.load_layer_state`
does on a file, and :func:`server_initial_style` gives a layer without a saved state its QGIS default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gisdesk.core.style import VectorStyle

#: The table QGIS's postgres provider keeps saved styles in (its own column names and types).
LAYER_STYLES = "layer_styles"
CREATE_LAYER_STYLES = """CREATE TABLE IF NOT EXISTS public.layer_styles (
    id serial PRIMARY KEY, f_table_catalog varchar, f_table_schema varchar, f_table_name varchar,
    f_geometry_column varchar, stylename text, styleqml xml, stylesld xml, useasdefault boolean, description text,
    owner varchar(63) DEFAULT CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)"""
STATE = "gisdesk_layer_state"


def _lite_has(lite: Any, table: str) -> bool:
    return lite.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None


def publish_styles(pg: Any, lite: Any, tables: set[str], owner: str, readers: list[str]) -> int:
    """Copy the workspace's ``layer_styles`` rows of ``tables`` (lower-case names) to the server.

    Runs in the caller's transaction; rows of those tables published before are replaced, other
    rows stay. Returns how many rows were written.
    """
    pg.execute(CREATE_LAYER_STYLES)
    pg.execute(f'ALTER TABLE public.layer_styles OWNER TO "{owner}"')
    pg.execute("REVOKE ALL ON public.layer_styles FROM PUBLIC")
    pg.execute("GRANT SELECT ON public.layer_styles TO " + ", ".join(f'"{r}"' for r in readers))
    pg.execute("DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() "
               "AND f_table_schema = 'public' AND f_table_name = ANY(%s)", (sorted(tables),))
    if not _lite_has(lite, "layer_styles"):
        return 0
    rows = [r for r in lite.execute(
        "SELECT f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, "
        "ui, update_time FROM layer_styles WHERE styleQML IS NOT NULL AND styleQML <> '' ORDER BY id")
        if str(r[0]).lower() in tables]
    with pg.cursor() as cur:
        cur.executemany(
            "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, "
            "stylename, styleqml, stylesld, useasdefault, description, owner, ui, update_time, type) "
            "VALUES (current_database(), 'public', %s, %s, %s, XMLPARSE(DOCUMENT %s), "
            "XMLPARSE(DOCUMENT NULLIF(%s, '')), %s, %s, %s, XMLPARSE(DOCUMENT NULLIF(%s, '')), "
            "COALESCE(%s::timestamp, CURRENT_TIMESTAMP), NULL)",  # QGIS: type = geometry kind or NULL
            [(str(t).lower(), (g or "geom").lower(), name, qml, sld, bool(default), desc, who or "", ui,
              (str(at).replace("T", " ").rstrip("Z") if at else None))
             for t, g, name, qml, sld, default, desc, who, ui, at in rows])
    return len(rows)


def rekey_layer_state(pg: Any, workspace: Path, raster_paths: dict[str, str]) -> None:
    """Rewrite the published ``gisdesk_layer_state`` rows' keys and sources for the server (module notes).

    ``raster_paths``: the workspace's raster source texts -> the absolute paths published.
    """
    from gisdesk.store.layer_state import _resolve_source

    own = workspace.resolve()
    rows = pg.execute(f"SELECT layer_key, kind, source, name FROM {STATE}").fetchall()
    moves = []
    for key, kind, source, name in rows:
        if kind == "raster":
            path = raster_paths.get(source) or _resolve_source(workspace, source).as_posix()
            moves.append((f"raster:{path}", path, key))
        elif _resolve_source(workspace, source) == own:
            moves.append((f"vector::{name.lower()}", "", key))
        else:
            path = _resolve_source(workspace, source).as_posix()
            moves.append((f"vector:{path}:{name.lower()}", path, key))
    with pg.cursor() as cur:  # two steps: a new key may equal another row's old one
        cur.executemany(f"UPDATE {STATE} SET layer_key = '~' || layer_key WHERE layer_key = %s",
                        [(old,) for _, _, old in moves])
        cur.executemany(f"UPDATE {STATE} SET layer_key = %s, source = %s WHERE layer_key = '~' || %s", moves)


def server_key(layer: Any) -> str:
    """The key of a map layer read from the server, as :func:`rekey_layer_state` writes it."""
    from gisdesk.core.layers import RasterLayer

    if isinstance(layer, RasterLayer):
        return f"raster:{Path(layer.path).resolve().as_posix()}"
    return f"vector::{layer.name.lower()}"


def _readable(conn: Any, table: str) -> bool:
    return bool(conn.execute("SELECT to_regclass(%s) IS NOT NULL AND has_table_privilege(to_regclass(%s), 'SELECT')",
                             (f"public.{table}", f"public.{table}")).fetchone()[0])


def server_default_qml(conn: Any, table: str, column: str | None = None) -> str | None:
    """The QML of ``table``'s default style in the server's ``layer_styles`` (as QGIS picks it), if any."""
    if not _readable(conn, LAYER_STYLES):
        return None
    row = conn.execute(
        "SELECT styleqml::text FROM public.layer_styles WHERE f_table_catalog = current_database() "
        "AND f_table_schema = current_schema() AND f_table_name = %s AND (%s::text IS NULL OR f_geometry_column = %s) "
        "ORDER BY useasdefault DESC NULLS LAST, update_time DESC, id DESC LIMIT 1",
        (table, column, column)).fetchone()
    return row[0] if row else None


def server_initial_style(conn: Any, table: str, column: str, fallback: VectorStyle) -> VectorStyle:
    """The layer's QGIS default style on the server when gisdesk can read it, else ``fallback``."""
    from gisdesk.core.qgis_style import style_from_qml

    qml = server_default_qml(conn, table, column)
    if qml is None:
        return fallback
    try:
        return style_from_qml(qml)[0]
    except ValueError:
        return fallback


def load_server_layer_state(url: str, layers: list[Any]) -> tuple[list[Any], list[str]]:
    """:func:`gisdesk.store.layer_state.load_layer_state` for a server's layers (``url``).

    Also says which published rasters this computer cannot reach (they are left out).
    """
    from gisdesk.store.datasource import open_datasource
    from gisdesk.store.layer_state import _Row, merge_layer_state

    with open_datasource(url) as ds:
        conn = ds.connection()
        warnings = [f"The raster '{r.title or r.name}' is published as '{r.path}', which this computer cannot reach; "
                    "it was left out." for r in ds.rasters if not Path(r.path).exists()]
        if not _readable(conn, STATE):
            return list(layers), warnings
        rows = [_Row(r[0], str(r[1]), str(r[2]), str(r[3]), str(r[4]), r[5] or "", r[6] or "", bool(r[7]), r[8] or "")
                for r in conn.execute(f"SELECT position, layer_key, kind, source, name, title, grp, visible, style "
                                      f"FROM {STATE} ORDER BY position IS NULL, position")]
        unreachable = {f"raster:{Path(r.path).as_posix()}" for r in ds.rasters if not Path(r.path).exists()}
    out, more = merge_layer_state([r for r in rows if r.key not in unreachable], layers, server_key, lambda row: None)
    return out, warnings + more


__all__ = ["CREATE_LAYER_STYLES", "LAYER_STYLES", "load_server_layer_state", "publish_styles", "rekey_layer_state",
           "server_default_qml", "server_initial_style", "server_key"]
