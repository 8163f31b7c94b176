"""Rasters' references on the city server: which file each raster is, where, in what CRS.

Rasters stay files (GeoTIFFs on a shared drive or copied to each workstation); the server
keeps one row per raster of the published workspace in ``gisdesk_rasters``: its name, title and
layer-tree group as in the workspace, the file's **absolute** path as the publishing computer
sees it, and the facts GDAL read from the file at publication (CRS, EPSG code, extent, bands,
size) so that an administrator can tell what is missing where. A reader opens the raster
from that path when the file is reachable from its computer and says so when it is not
(:func:`gisdesk.store.server_styles.load_server_layer_state`, ``gisdesk render``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

TABLE = "gisdesk_rasters"
CREATE = (f"CREATE TABLE {TABLE} (name text PRIMARY KEY, path text NOT NULL, title text, grp text, crs text, "
          "epsg integer, minx double precision, miny double precision, maxx double precision, maxy double precision, "
          "bands integer, width integer, height integer)")


def publish_rasters(pg: Any, lite: Any, workspace: Path, owner: str, readers: list[str]) -> dict[str, str]:
    """Write the workspace's raster references to the server (replacing the ones published before).

    Runs in the caller's transaction. Returns the workspace's path texts -> the absolute paths
    written (for :func:`gisdesk.store.server_styles.rekey_layer_state`). A raster whose file is
    missing at publication is referenced all the same, with its facts empty.
    """
    from gisdesk.store.errors import StoreError
    from gisdesk.store.rasters import raster_facts

    pg.execute(f"DROP TABLE IF EXISTS {TABLE}")
    pg.execute(CREATE)
    pg.execute(f'ALTER TABLE {TABLE} OWNER TO "{owner}"')
    pg.execute(f"REVOKE ALL ON {TABLE} FROM PUBLIC")
    pg.execute(f"GRANT SELECT ON {TABLE} TO " + ", ".join(f'"{r}"' for r in readers))
    if not lite.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TABLE,)).fetchone():
        return {}
    base = workspace.resolve().parent
    paths: dict[str, str] = {}
    rows = []
    for name, path, title, grp in lite.execute(f"SELECT name, path, title, grp FROM {TABLE} ORDER BY name"):
        full = (Path(path) if Path(path).is_absolute() else base / path).resolve()
        paths[str(path)] = full.as_posix()
        try:
            f = raster_facts(full)
            b = f["bounds"]
            facts = (f["crs"], f["epsg"], *b, f["bands"], f["width"], f["height"])
        except StoreError:
            facts = (None,) * 9
        rows.append((name, full.as_posix(), title, grp, *facts))
    with pg.cursor() as cur:
        cur.executemany(f"INSERT INTO {TABLE} VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rows)
    return paths


def server_rasters(conn: Any) -> list[Any]:
    """The published rasters (:class:`~gisdesk.store.datasource.RasterInfo`), reachable or not; none
    on a server without the table or a login that may not read it."""
    from gisdesk.store.datasource import RasterInfo

    ok = conn.execute("SELECT to_regclass(%s) IS NOT NULL AND has_table_privilege(to_regclass(%s), 'SELECT')",
                      (f"public.{TABLE}", f"public.{TABLE}")).fetchone()[0]
    if not ok:
        return []
    return [RasterInfo(n, Path(p), t or "", g or "")
            for n, p, t, g in conn.execute(f"SELECT name, path, title, grp FROM {TABLE} ORDER BY name")]


__all__ = ["CREATE", "TABLE", "publish_rasters", "server_rasters"]
