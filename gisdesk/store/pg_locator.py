"""The locator (Ctrl+K, ``gisdesk locate``) on the city server: names, incidents and tasks the login may read.

The server's counterpart of :class:`~gisdesk.store.locator_index.LocatorIndex`, without a
sidecar index: the login's own read-only connection asks the server, so row-level security
decides which incidents and tasks can be found (nothing is restated here).

* **Names** of the published reference layers (every table with a geometry and a ``name``
  column; ``project`` of planning zones) are read once per connection, one row per distinct
  name with its features' ids and box (``GROUP BY`` on the server), and matched here as the
  workspace index matches them: accent-folded (:func:`~gisdesk.core.locator.fold`), every
  word of the query the start of a word of the name.
* **Incidents** by number: the first characters of the uuid (as the incident panel shows it),
  ``#fid``, or the external id.
* **Tasks** by title or case number (``ILIKE``: letter case is ignored, accents are not, on
  the server; the workspace index ignores both).
"""

from __future__ import annotations

from dataclasses import dataclass

from gisdesk.core import collation
from gisdesk.core.locator import LocatorResult, LocatorTarget, fold, match_score
from gisdesk.store._locator_upkeep import _FID, _HEX_ID, _TOKEN
from gisdesk.store.schema import CASE_TABLES

#: Reference tables whose names are of their own kind (any other named layer is a ``place``).
_KINDS = {"communes": "commune", "roads": "road"}


@dataclass(frozen=True)
class _Entry:
    kind: str
    table: str
    title: str
    folded: str
    words: tuple[str, ...]
    fids: tuple[int, ...]
    bbox: tuple[float, float, float, float] | None
    srid: int


class ServerLocator:
    """Search the city server at ``url`` as its login role (a locator provider: ``search(text, limit)``).

    Parameters
    ----------
    url : str
        ``postgresql://LOGIN@HOST/DATABASE`` (the password as for every server connection).
    """

    name = "server"
    kind = "place"

    def __init__(self, url: str) -> None:
        from gisdesk.store.pg_datasource import connect_reader

        from gisdesk.store.server import current_officer

        self.url = url
        self.conn = connect_reader(url)
        try:
            self.user = current_officer(self.conn)  # who searches: the login role's officer row
        except BaseException:
            self.conn.close()
            raise
        self._entries: list[_Entry] | None = None

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> ServerLocator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reference names -------------------------------------------------------------------
    def _named_layers(self) -> list[tuple[str, str, str, int]]:
        """(table, name column, geometry column, srid) of every readable layer with a name or a project."""
        rows = self.conn.execute(
            "SELECT c.table_name::text, c.column_name::text, g.f_geometry_column::text, g.srid FROM "
            "information_schema.columns c JOIN geometry_columns g ON g.f_table_schema = c.table_schema "
            "AND g.f_table_name = c.table_name WHERE c.table_schema = 'public' "
            "AND c.column_name IN ('name', 'project') ORDER BY 1, 2").fetchall()  # only columns the login may read
        return [r for r in rows if r[0] not in CASE_TABLES]

    def entries(self) -> list[_Entry]:
        """The distinct names of the reference layers (read once)."""
        if self._entries is None:
            out = []
            for table, column, geom, srid in self._named_layers():
                key = "fid" if self.conn.execute(
                    "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = %s "
                    "AND column_name = 'fid'", (table,)).fetchone() else None
                if key is None:
                    continue
                kind = "project" if column == "project" else _KINDS.get(table, "place")
                rows = self.conn.execute(
                    f'SELECT "{column}", string_agg(fid::text, \',\' ORDER BY fid), ST_XMin(ST_Extent("{geom}")), '
                    f'ST_YMin(ST_Extent("{geom}")), ST_XMax(ST_Extent("{geom}")), ST_YMax(ST_Extent("{geom}")) '
                    f'FROM "{table}" WHERE "{column}" IS NOT NULL AND "{column}" <> \'\' GROUP BY 1').fetchall()
                for title, fids, x0, y0, x1, y1 in rows:
                    folded = fold(str(title))
                    out.append(_Entry(kind, table, str(title), folded, tuple(_TOKEN.findall(folded)),
                                      tuple(int(f) for f in fids.split(",")),
                                      (x0, y0, x1, y1) if x0 is not None else None, int(srid)))
            self._entries = out
        return self._entries

    def home_lonlat(self) -> tuple[float, float, float, float] | None:
        """The box (lon/lat) around the named reference features: where typed x/y most likely are."""
        boxes = [e for e in self.entries() if e.bbox is not None]
        if not boxes:
            return None
        from pyproj import Transformer

        srid = max({e.srid for e in boxes}, key=lambda s: sum(e.srid == s for e in boxes))
        mine = [e.bbox for e in boxes if e.srid == srid]
        x0, y0 = min(b[0] for b in mine), min(b[1] for b in mine)
        x1, y1 = max(b[2] for b in mine), max(b[3] for b in mine)
        tf = Transformer.from_crs(f"EPSG:{srid}", "EPSG:4326", always_xy=True)
        xs, ys = tf.transform([x0, x1, x0, x1], [y0, y0, y1, y1])
        return min(xs), min(ys), max(xs), max(ys)

    # -- search ----------------------------------------------------------------------------
    def search(self, text: str, limit: int = 8) -> list[LocatorResult]:
        """Results for ``text``: at most ``limit`` of each kind, those the login may read."""
        folded = fold(text)
        if not folded:
            return []
        raw = text.strip().lower()
        out = [] if _FID.match(raw) else self._reference(folded, limit)
        return out + self._incidents(raw, limit) + self._tasks(text.strip(), folded, limit)

    def _reference(self, folded: str, limit: int) -> list[LocatorResult]:
        words = _TOKEN.findall(folded)
        per_kind: dict[str, list[LocatorResult]] = {}
        for e in self.entries():  # distinct names (hundreds to a few thousand), not features
            if all(any(w.startswith(q) for w in e.words) for q in words):
                box = e.bbox
                per_kind.setdefault(e.kind, []).append(LocatorResult(
                    e.title, e.kind, f"EPSG:{e.srid}", bbox=box,
                    point=((box[0] + box[2]) / 2, (box[1] + box[3]) / 2) if box else None, detail=e.table,
                    target=LocatorTarget(e.table, e.fids), score=match_score(e.folded, folded), provider=self.name))
        key = collation.key_function()
        out = []
        for results in per_kind.values():
            out += sorted(results, key=lambda r: (-r.score, len(r.title), key(r.title)))[:limit]
        return out

    def _incidents(self, raw: str, limit: int) -> list[LocatorResult]:
        cols = ("fid, uuid::text, category, status, commune, external_id, ST_X(geom), ST_Y(geom), "
                "Find_SRID('public', 'incidents', 'geom')")
        found: dict[int, tuple] = {}
        fid = _FID.match(raw)
        if fid:
            for r in self.conn.execute(f"SELECT {cols} FROM incidents WHERE fid = %s", (int(fid.group(1)),)):
                found[r[0]] = (r, 1.0)
        if _HEX_ID.match(raw):
            for r in self.conn.execute(f"SELECT {cols} FROM incidents WHERE uuid::text LIKE %s ORDER BY uuid LIMIT %s",
                                       (raw.replace("%", "") + "%", limit)):
                found.setdefault(r[0], (r, 1.0 if r[1] == raw else 0.9))
        if len(found) < limit and len(raw) >= 3:
            for r in self.conn.execute(f"SELECT {cols} FROM incidents WHERE external_id ILIKE %s LIMIT %s",
                                       (raw.replace("%", "") + "%", limit)):
                found.setdefault(r[0], (r, 0.9))
        out = []
        for (rid, uuid, category, status, commune, ext, x, y, srid), score in list(found.values())[:limit]:
            title = f"{uuid[:8]} · {category}" + (f" · {ext}" if ext else "")
            out.append(LocatorResult(title, "incident", f"EPSG:{srid}", point=(x, y) if x is not None else None,
                                     detail=" · ".join(v for v in (commune, status) if v),
                                     target=LocatorTarget("incidents", (int(rid),), uuid), score=score,
                                     provider=self.name))
        return out

    def _tasks(self, text: str, folded: str, limit: int) -> list[LocatorResult]:
        if len(text) < 2:
            return []
        pattern = "%" + text.replace("%", "").replace("_", "\\_") + "%"
        rows = self.conn.execute(
            "SELECT t.uuid::text, t.title, t.state, t.commune, t.department, ST_X(i.geom), ST_Y(i.geom), "
            "Find_SRID('public', 'incidents', 'geom') FROM tasks t LEFT JOIN incidents i ON i.uuid = t.incident_uuid "
            "WHERE t.title ILIKE %s OR t.case_no ILIKE %s ORDER BY t.created_at DESC LIMIT 200",
            (pattern, pattern)).fetchall()
        out = [LocatorResult(title, "task", f"EPSG:{srid}", point=(x, y) if x is not None else None,
                             detail=" · ".join(v for v in (commune or dept, state) if v),
                             target=LocatorTarget("tasks", (), uuid), score=match_score(fold(title), folded),
                             provider=self.name)
               for uuid, title, state, commune, dept, x, y, srid in rows]
        key = collation.key_function()
        return sorted(out, key=lambda r: (-r.score, key(r.title)))[:limit]
