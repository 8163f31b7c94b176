"""How the locator index is made and kept up to date (the sidecar cache file); see
:mod:`gisdesk.store.locator_index` for where it lives, what it holds and how it is searched."""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import tempfile
from pathlib import Path
from typing import Any

from gisdesk.core import access
from gisdesk.core.locator import fold
from gisdesk.store.connection import sqlite_module
from gisdesk.store.datasource import DataSource, quote_ident

#: Bump when the sidecar's layout changes (an old cache is then rebuilt).
SCHEMA_VERSION = "1"
#: Kind of the entries of a layer's ``name`` column, by table; any other table's names are ``place``.
NAME_KINDS = {"communes": "commune", "roads": "road"}
#: The case tables (rows read through the access policy), never indexed as reference layers.
_CASE_TABLES = frozenset(access.CASE_LAYERS) | {"tasks"}
#: Tables this small get a content fingerprint (total text length) besides count and max(rowid).
_SMALL = 200_000
_HEX_ID = re.compile(r"^[0-9a-f][0-9a-f-]{3,35}$")
_FID = re.compile(r"^#(\d{1,12})$")
_TOKEN = re.compile(r"\w+", re.UNICODE)


def cache_path(workspace: str | os.PathLike[str], cache_dir: str | os.PathLike[str] | None = None) -> Path:
    """The sidecar file of ``workspace`` (in ``cache_dir``, default the user cache folder)."""
    if cache_dir is None:
        import platformdirs

        cache_dir = Path(platformdirs.user_cache_dir("gisdesk")) / "locator"
    key = hashlib.sha1(str(Path(workspace).resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(cache_dir) / f"{Path(workspace).stem[:40]}-{key}.sqlite"


def has_fts5(conn: Any) -> bool:
    """Whether this SQLite build has FTS5."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp._fts5_probe USING fts5(x)")
        conn.execute("DROP TABLE temp._fts5_probe")
        return True
    except Exception:
        return False


def _file_stat(path: Path) -> list[int]:
    out = []
    for p in (path, Path(str(path) + "-wal")):
        try:
            st = p.stat()
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return out


def _mbr(blob: Any) -> tuple[float, float, float, float] | None:
    """The box of a SpatiaLite blob (its MBR, bytes 6–37) or of WKB (through shapely)."""
    if not blob:
        return None
    blob = bytes(blob)
    if len(blob) >= 38 and blob[0] == 0 and blob[-1] == 0xFE and blob[1] in (0, 1):
        return struct.unpack("<4d" if blob[1] == 1 else ">4d", blob[6:38])
    try:
        import shapely

        b = shapely.from_wkb(blob).bounds
        return None if any(v != v for v in b) else tuple(b)
    except Exception:
        return None



class IndexUpkeep:
    """The making and upkeep half of :class:`~gisdesk.store.locator_index.LocatorIndex`.

    Needs ``workspace``, ``conn`` (the read-only workspace connection), ``path`` (the cache
    file) and ``fts`` set by the class that uses it.
    """

    workspace: Path
    conn: Any
    path: Path
    fts: bool
    _stat: list[int] | None

    def _open_sidecar(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.side = self._connect_sidecar()
        except Exception:  # no writable cache folder, or a damaged cache: a private temporary file
            fd, name = tempfile.mkstemp(prefix="gisdesk-locator-", suffix=".sqlite")
            os.close(fd)
            self.path = Path(name)
            self.side = self._connect_sidecar()
        s = self.side
        s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = s.execute("SELECT value FROM meta WHERE key = 'layout'").fetchone()
        layout = f"{SCHEMA_VERSION}:{'fts5' if self.fts else 'words'}"
        if row is None or row[0] != layout:
            for (name,) in s.execute("SELECT name FROM sqlite_master WHERE type IN ('table') AND name <> 'meta' "
                                     "AND name NOT LIKE 'names_%'").fetchall():
                s.execute(f"DROP TABLE IF EXISTS {quote_ident(name)}")
            s.execute("DELETE FROM meta")
            s.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, src TEXT NOT NULL, kind TEXT NOT NULL, "
                      "tbl TEXT NOT NULL, title TEXT NOT NULL, folded TEXT NOT NULL, detail TEXT, fids TEXT, "
                      "rid INTEGER, minx REAL, miny REAL, maxx REAL, maxy REAL, srid INTEGER)")
            s.execute("CREATE INDEX entries_src ON entries (src)")
            if self.fts:
                s.execute("CREATE VIRTUAL TABLE names USING fts5(folded, tokenize = 'unicode61 remove_diacritics 0',"
                          " prefix = '1 2 3')")
            else:
                s.execute("CREATE TABLE words (word TEXT NOT NULL, eid INTEGER NOT NULL)")
                s.execute("CREATE INDEX words_word ON words (word, eid)")
                s.execute("CREATE INDEX words_eid ON words (eid)")
            s.execute("INSERT INTO meta VALUES ('layout', ?), ('workspace', ?)", (layout, str(self.workspace.resolve())))
        self.conn.execute("ATTACH DATABASE ? AS loc", (f"{self.path.resolve().as_uri()}?mode=ro",))

    def _connect_sidecar(self) -> Any:
        """The cache file, read-write. It is only a cache: no fsync; a file that is not a database
        (or whose schema cannot be read) is made again."""
        side = sqlite_module().connect(str(self.path), isolation_level=None, check_same_thread=False)
        try:
            side.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite_module().DatabaseError:
            side.close()
            self.path.unlink(missing_ok=True)
            side = sqlite_module().connect(str(self.path), isolation_level=None, check_same_thread=False)
        side.execute("PRAGMA journal_mode = DELETE").fetchone()
        side.execute("PRAGMA synchronous = OFF")
        return side

    # -- sources ---------------------------------------------------------------------------
    def _discover(self) -> list[dict[str, Any]]:
        """What to index: (source id, table, column, kind) for names, projects and case text."""
        out: list[dict[str, Any]] = []
        with DataSource(self.workspace) as ds:
            for lyr in ds.layers:
                if lyr.is_view or lyr.table.lower() in _CASE_TABLES:
                    continue
                cols = {c.lower(): c for c, _ in ds.columns(lyr)}
                geom = lyr.geometry_column
                for col, kind in (("name", NAME_KINDS.get(lyr.table.lower(), "place")), ("project", "project")):
                    if col in cols:
                        out.append({"src": f"layer:{lyr.table}:{cols[col]}", "table": lyr.table, "column": cols[col],
                                    "kind": kind, "geom": geom, "srid": lyr.srid, "gpkg": ds.format == "gpkg",
                                    "title": lyr.table.replace("_", " ").capitalize()})
            self._incident_srid = next((lyr.srid for lyr in ds.layers if lyr.table == "incidents"), None)
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table, kind, text_cols in (("incidents", "incident", ("external_id", "case_number")),
                                       ("tasks", "task", ("title", "case_number"))):
            if table in tables:
                have = {r[1] for r in self.conn.execute(f"PRAGMA table_info({table})")}
                cols = [c for c in text_cols if c in have]
                if cols:
                    out.append({"src": table, "table": table, "columns": cols, "kind": kind,
                                "updated": "updated_at" in have})
        self._tables = tables
        return out

    def _fingerprint(self, src: dict[str, Any]) -> list:
        t = quote_ident(src["table"])
        count, top = self.conn.execute(f"SELECT count(*), max(rowid) FROM {t}").fetchone()
        fp: list = [count, top]
        if src["src"] == "incidents":
            return fp
        if count <= _SMALL:
            if src.get("updated"):
                fp.append(self.conn.execute(f"SELECT max(updated_at) FROM {t}").fetchone()[0])
            cols = [src["column"]] if "column" in src else src["columns"]
            fp.append(self.conn.execute(
                f"SELECT total({' + '.join(f'coalesce(length({quote_ident(c)}), 0)' for c in cols)}) FROM {t}"
            ).fetchone()[0])
        return fp

    def refresh(self) -> bool:
        """Bring the index up to date with the workspace; True when anything was re-read."""
        stat = _file_stat(self.workspace)
        if stat == self._stat:
            return False
        s = self.side
        stored = dict(s.execute("SELECT key, value FROM meta").fetchall())
        if stored.get("stat") == json.dumps(stat):
            self._stat = stat
            return False
        changed = False
        for src in self._sources:
            fp = self._fingerprint(src)
            old = json.loads(stored.get(f"fp:{src['src']}", "null"))
            if fp == old:
                continue
            changed = True
            s.execute("BEGIN IMMEDIATE")
            try:
                if src["src"] == "incidents" and old and fp[1] is not None and old[1] is not None \
                        and fp[1] >= old[1] and fp[0] - old[0] == self.conn.execute(
                            "SELECT count(*) FROM incidents WHERE rowid > ?", (old[1],)).fetchone()[0]:
                    self._index_case(src, after=old[1])  # only appended
                else:
                    self._drop(src["src"])
                    self._index_layer(src) if "column" in src else self._index_case(src)
                s.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (f"fp:{src['src']}", json.dumps(fp)))
                s.execute("COMMIT")
            except BaseException:
                s.execute("ROLLBACK")
                raise
        s.execute("INSERT OR REPLACE INTO meta VALUES ('stat', ?)", (json.dumps(stat),))
        self._stat = stat
        return changed

    def rebuild(self) -> None:
        """Forget the index and read every source again."""
        self.side.execute("DELETE FROM meta WHERE key LIKE 'fp:%' OR key = 'stat'")
        self._stat = None
        self.refresh()

    def _drop(self, src: str) -> None:
        s = self.side
        if self.fts:
            s.execute("DELETE FROM names WHERE rowid IN (SELECT id FROM entries WHERE src = ?)", (src,))
        else:
            s.execute("DELETE FROM words WHERE eid IN (SELECT id FROM entries WHERE src = ?)", (src,))
        s.execute("DELETE FROM entries WHERE src = ?", (src,))

    def _insert(self, rows: list[tuple]) -> None:
        """rows: (src, kind, tbl, title, folded, detail, fids, rid, minx, miny, maxx, maxy, srid)."""
        if not rows:
            return
        s = self.side
        top = s.execute("SELECT coalesce(max(id), 0) FROM entries").fetchone()[0]
        s.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                      [(top + i + 1, *r) for i, r in enumerate(rows)])
        if self.fts:
            s.executemany("INSERT INTO names (rowid, folded) VALUES (?, ?)",
                          [(top + i + 1, r[4]) for i, r in enumerate(rows)])
        else:
            s.executemany("INSERT INTO words VALUES (?, ?)",
                          [(w, top + i + 1) for i, r in enumerate(rows) for w in set(_TOKEN.findall(r[4]))])

    def _index_layer(self, src: dict[str, Any]) -> None:
        t, c = quote_ident(src["table"]), quote_ident(src["column"])
        g = quote_ident(src["geom"])
        g = f"GeomFromGPB({g})" if src["gpkg"] else g
        rows = self.conn.execute(
            f"SELECT CAST({c} AS TEXT), count(*), group_concat(rowid), min(MbrMinX({g})), min(MbrMinY({g})), "
            f"max(MbrMaxX({g})), max(MbrMaxY({g})) FROM {t} WHERE {c} IS NOT NULL AND trim({c}) <> '' GROUP BY {c}")
        out = []
        for name, n, fids, *box in rows:
            name = name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name)
            fid_text = ",".join(str(fids).split(",")[:1000])
            detail = src["title"] if n == 1 else f"{src['title']} ({n})"
            out.append((src["src"], src["kind"], src["table"], name, fold(name), detail, fid_text, None,
                        *(box if box[0] is not None else (None,) * 4), src["srid"]))
        self._insert(out)

    def _index_case(self, src: dict[str, Any], after: int | None = None) -> None:
        cols = [quote_ident(c) for c in src["columns"]]
        cond = " OR ".join(f"{c} IS NOT NULL" for c in cols)
        sql = f"SELECT rowid, {', '.join(cols)} FROM {quote_ident(src['table'])} WHERE ({cond})"
        args: tuple = ()
        if after is not None:
            sql += " AND rowid > ?"
            args = (after,)
        rows = []
        for rid, *texts in self.conn.execute(sql, args):
            text = " ".join(str(t) for t in texts if t)
            rows.append((src["src"], src["kind"], src["table"], text, fold(text), None, None, rid,
                         None, None, None, None, None))
        self._insert(rows)

