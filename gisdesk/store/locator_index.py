"""The workspace's locator index: names, planning projects, incident numbers, task titles.

Where it lives
--------------
A **sidecar cache file**, never the workspace: ``<user cache>/gisdesk/locator/<hash of the
workspace's path>.sqlite`` (``platformdirs.user_cache_dir``). Searching is a read; a
read-only command (``gisdesk locate``, a viewer's window, a workspace on a read-only share)
must not write into the workspace, and triggers in the workspace would make every writer
(QGIS, ogr2ogr, the server's sync) pay for our index. The cache can be deleted at any time:
it is rebuilt on the next search.

What it holds (accent-folded with :func:`gisdesk.core.locator.fold`)
-------------------------------------------------------------------
* every ``name`` of the reference layers (communes → kind ``commune``, roads → ``road``,
  rivers, bridges, pumping stations, flood hotspots, cameras… → ``place``), one entry per
  distinct name with the box around its features (the 40 segments of "Lê Lợi" are one road);
* every ``project`` of a layer that has one (planning zones → ``project``);
* incidents' ``external_id`` (and ``case_number`` where the column exists); an incident's
  number (the first characters of its uuid, as the incident panel shows it, or ``#fid``)
  is found through the workspace's own uuid index, no copy needed;
* task titles (and ``case_number`` where it exists).

Incident and task entries hold only the text and the row id: at search time the index is
attached to the read-only workspace connection and joined back to ``incidents`` / ``tasks``
with the user's :func:`gisdesk.core.access.read_filter` (through
:func:`gisdesk.store._access_sql.where`), so a result is always a row the user may read now,
at its current place. The search is FTS5 (``unicode61`` over folded text, prefix indexes);
an SQLite without FTS5 gets a table of folded words with a B-tree index (prefix ranges).

Kept up to date
---------------
Before a search, the workspace file's and its WAL's (mtime, size) are compared with those
the index was made from (no query at all when nothing was written). When they differ, each
source's fingerprint is read: ``count(*)``, ``max(rowid)`` and, for small tables, the total
length of the indexed text or ``max(updated_at)``. A source whose fingerprint changed is
re-read; incidents that were only appended (``count`` and ``max(rowid)`` grew together) are
added incrementally, so a new incident among a million costs one primary-key range read.
An incident's external id is written once, when it is imported; a later edit of it in
place is picked up when the incident count changes (documented limitation).
"""

from __future__ import annotations

import getpass
import os
from pathlib import Path
from typing import Any

from gisdesk.core import access, collation
from gisdesk.core.locator import LocatorResult, LocatorTarget, fold, match_score
from gisdesk.core.users import User
from gisdesk.store._access_sql import where
from gisdesk.store._locator_upkeep import _FID, _HEX_ID, _TOKEN, IndexUpkeep, _mbr, cache_path, has_fts5
from gisdesk.store.connection import connect
from gisdesk.store.datasource import as_account

__all__ = ["LocatorIndex", "cache_path", "has_fts5", "locator_for"]


class LocatorIndex(IndexUpkeep):
    """Search one workspace as one user (role and unit re-read from its ``users`` table).

    Parameters
    ----------
    workspace : path-like
        The SpatiaLite workspace (opened read-only).
    user : User, str or None
        Who searches; ``None`` is the local OS user (a name the workspace does not know
        reads as a viewer, as everywhere).
    cache_dir : path-like, optional
        Where the sidecar index lives (default: the user cache folder).
    fts : bool, optional
        Force (``False``: the word-table fallback) or require FTS5; default: FTS5 when present.

    Examples
    --------
    >>> with LocatorIndex("hue.sqlite", "phu_hoi") as index:  # doctest: +SKIP
    ...     [r.title for r in index.search("phu hoi", 5)]
    ['Phú Hội', 'Chỉnh trang đô thị khu vực Phú Hội']
    """

    name = "workspace"
    kind = "place"

    def __init__(self, workspace: str | os.PathLike[str], user: Any = None,
                 cache_dir: str | os.PathLike[str] | None = None, fts: bool | None = None) -> None:
        from gisdesk.store.users_store import resolve_user

        self.workspace = Path(workspace)
        self.conn = connect(self.workspace, read_only=True, wal=False, spatialite=True)
        if user is None:
            try:
                user = getpass.getuser()
            except Exception:  # no login name in some containers
                user = os.environ.get("USER", "user")
        self.user: User = resolve_user(self.conn, user if isinstance(user, str) else as_account(user))
        self.path = cache_path(self.workspace, cache_dir)
        self.fts = has_fts5(self.conn) if fts is None else fts
        self._stat: list[int] | None = None
        self._home: tuple[float, float, float, float] | None = None
        self._sources = self._discover()
        self._open_sidecar()

    # -- life ------------------------------------------------------------------------------
    def close(self) -> None:
        """Close both connections."""
        for c in (self.conn, getattr(self, "side", None)):
            if c is not None:
                c.close()

    def __enter__(self) -> LocatorIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def home_lonlat(self) -> tuple[float, float, float, float] | None:
        """The box (lon/lat) around the reference layers' named features: where typed x/y most likely are."""
        if self._home is None:
            self.refresh()
            row = self.side.execute("SELECT min(minx), min(miny), max(maxx), max(maxy), srid FROM entries "
                                    "WHERE minx IS NOT NULL AND kind NOT IN ('incident', 'task') "
                                    "GROUP BY srid ORDER BY count(*) DESC LIMIT 1").fetchone()
            if row is None or row[0] is None:
                return None
            from pyproj import Transformer

            tf = Transformer.from_crs(f"EPSG:{row[4]}", "EPSG:4326", always_xy=True)
            xs, ys = tf.transform([row[0], row[2], row[0], row[2]], [row[1], row[1], row[3], row[3]])
            self._home = (min(xs), min(ys), max(xs), max(ys))
        return self._home

    # -- search ----------------------------------------------------------------------------
    def _match(self, folded: str, cap: int | None = None) -> tuple[str, list] | None:
        """SQL (``loc.entries e`` rows matching every word of the query as a prefix) and its params."""
        words = _TOKEN.findall(folded)
        if not words:
            return None
        if self.fts:
            query = " AND ".join('"' + w.replace('"', '""') + '"*' for w in words)
            best = f" ORDER BY rank LIMIT {int(cap)}" if cap else ""  # the best names, for short prefixes
            return (f"loc.entries e JOIN (SELECT rowid AS id FROM loc.names WHERE names MATCH ?{best}) m "
                    "ON m.id = e.id",
                    [query])
        parts = " INTERSECT ".join("SELECT eid FROM loc.words WHERE word >= ? AND word < ?" for _ in words)
        params = [v for w in words for v in (w, w + "\U0010ffff")]
        return f"loc.entries e JOIN ({parts}) m ON m.eid = e.id", params

    def search(self, text: str, limit: int = 8) -> list[LocatorResult]:
        """Results for ``text``: at most ``limit`` of each kind, those the user may read."""
        folded = fold(text)
        if not folded:
            return []
        self.refresh()
        raw = text.strip().lower()
        out = [] if _FID.match(raw) else self._reference(folded, limit)
        out += self._incidents(folded, raw, limit)
        out += self._tasks(folded, limit)
        return out

    def _reference(self, folded: str, limit: int) -> list[LocatorResult]:
        m = self._match(folded, cap=2000)
        if m is None:
            return []
        join, params = m
        rows = self.conn.execute(
            f"SELECT e.kind, e.tbl, e.title, e.folded, e.detail, e.fids, e.minx, e.miny, e.maxx, e.maxy, e.srid "
            f"FROM {join} WHERE e.kind NOT IN ('incident', 'task') LIMIT 400", params).fetchall()
        per_kind: dict[str, list[LocatorResult]] = {}
        for kind, tbl, title, fol, detail, fids, x0, y0, x1, y1, srid in rows:
            box = (x0, y0, x1, y1) if x0 is not None else None
            point = ((x0 + x1) / 2, (y0 + y1) / 2) if box else None
            per_kind.setdefault(kind, []).append(LocatorResult(
                title, kind, f"EPSG:{srid}", bbox=box, point=point, detail=detail or "",
                target=LocatorTarget(tbl, tuple(int(f) for f in (fids or "").split(",") if f)),
                score=match_score(fol, folded), provider=self.name))
        out = []
        key = collation.key_function()  # equal scores in the language's order of names
        for results in per_kind.values():
            out += sorted(results, key=lambda r: (-r.score, len(r.title), key(r.title)))[:limit]
        return out

    def _incidents(self, folded: str, raw: str, limit: int) -> list[LocatorResult]:
        if "incidents" not in self._tables:
            return []
        cond, params = where(access.read_filter(self.user, "incident"), {
            "commune": "i.commune", "department": "i.department"})
        if cond == "0":
            return []
        cols = "i.rowid, i.uuid, i.category, i.status, i.commune, i.external_id, i.geom"
        found: dict[int, tuple] = {}
        fid = _FID.match(raw)
        if fid:
            for r in self.conn.execute(f"SELECT {cols} FROM incidents i WHERE i.rowid = ? AND {cond}",
                                       [int(fid.group(1)), *params]):
                found[r[0]] = (r, 1.0)
        if _HEX_ID.match(raw):
            for r in self.conn.execute(f"SELECT {cols} FROM incidents i WHERE i.uuid >= ? AND i.uuid < ? AND {cond} "
                                       f"LIMIT ?", [raw, raw + "~", *params, limit]):
                found.setdefault(r[0], (r, 1.0 if r[1] == raw else 0.9))
        m = self._match(folded) if any(src["src"] == "incidents" for src in self._sources) else None
        if m is not None and len(found) < limit:
            join, mparams = m
            for r in self.conn.execute(f"SELECT {cols}, e.folded FROM {join} JOIN main.incidents i ON i.rowid = e.rid "
                                       f"WHERE e.tbl = 'incidents' AND {cond} LIMIT ?", [*mparams, *params, limit]):
                found.setdefault(r[0], (r[:7], match_score(r[7], folded)))
        srid = f"EPSG:{self._incident_srid}" if self._incident_srid else "EPSG:4326"
        out = []
        for (rid, uuid, category, status, commune, ext, geom), score in list(found.values())[:limit]:
            box = _mbr(geom)
            title = f"{uuid[:8]} · {category}" + (f" · {ext}" if ext else "")  # the number the incident panel shows
            out.append(LocatorResult(title, "incident", srid, bbox=box,
                                     point=((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else None,
                                     detail=" · ".join(v for v in (commune, status) if v),
                                     target=LocatorTarget("incidents", (int(rid),), uuid), score=score,
                                     provider=self.name))
        return out

    def _tasks(self, folded: str, limit: int) -> list[LocatorResult]:
        if not any(src["src"] == "tasks" for src in self._sources):
            return []
        cond, params = where(access.read_filter(self.user, "task"), {
            "commune": "t.commune", "department": "t.department"})
        m = self._match(folded)
        if cond == "0" or m is None:
            return []
        join, mparams = m
        has_inc = "incidents" in self._tables
        inc_geom = "(SELECT geom FROM main.incidents WHERE uuid = t.incident_uuid)" if has_inc else "NULL"
        rows = self.conn.execute(
            f"SELECT t.uuid, t.title, t.state, t.commune, t.department, t.area, {inc_geom}, e.folded FROM {join} "
            f"JOIN main.tasks t ON t.rowid = e.rid WHERE e.tbl = 'tasks' AND {cond} LIMIT 200",
            [*mparams, *params]).fetchall()
        srid = f"EPSG:{self._incident_srid}" if self._incident_srid else _workspace_crs(self.workspace)
        out = []
        for uuid, title, state, commune, dept, area, geom, fol in rows:
            box = _mbr(area) or _mbr(geom)
            out.append(LocatorResult(title, "task", srid, bbox=box,
                                     point=((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else None,
                                     detail=" · ".join(v for v in (commune or dept, state) if v),
                                     target=LocatorTarget("tasks", (), uuid), score=match_score(fol, folded),
                                     provider=self.name))
        key = collation.key_function()
        return sorted(out, key=lambda r: (-r.score, key(r.title)))[:limit]


def _workspace_crs(path: Path) -> str:
    from gisdesk.store.workspace import workspace_crs

    return workspace_crs(path)


def locator_for(workspace: str | os.PathLike[str], user: Any = None, *, extra: list | None = None,
                cache_dir: str | os.PathLike[str] | None = None) -> Any:
    """A :class:`~gisdesk.core.locator.Locator` over coordinates, this workspace and ``extra`` providers.

    Returns the locator; its ``index`` attribute is the :class:`LocatorIndex` (close it when done),
    or on a ``postgresql://`` URL the :class:`~gisdesk.store.pg_locator.ServerLocator` of its login.
    """
    from gisdesk.core.layers import is_server_url, layer_source
    from gisdesk.core.locator import CoordinateProvider, Locator

    if is_server_url(workspace):  # the city server: its login role searches (``user`` is not asked)
        from gisdesk.store.pg_locator import ServerLocator
        from gisdesk.store.workspace import workspace_crs

        index: Any = ServerLocator(str(workspace))
        crs = workspace_crs(layer_source(workspace))
    else:
        index = LocatorIndex(workspace, user, cache_dir=cache_dir)
        crs = _workspace_crs(Path(workspace))
    coords = CoordinateProvider(crs, home=index.home_lonlat())
    loc = Locator([coords, index, *(extra or [])])
    loc.index = index  # type: ignore[attr-defined]
    return loc
