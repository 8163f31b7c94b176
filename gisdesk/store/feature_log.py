"""Edits of reference-layer features are recorded where they happen, whoever makes them.

A package's reference layers (drains, flood hotspots, …) are edited in the window, in QGIS or
with plain SQL. Plain-SQL triggers on every reference layer (installed in a package when its
identity is first written, and at the source when a package is registered there; they call
only core SQLite functions, so any program can still write the tables) record each insert,
update and delete in ``gisdesk_sync_feature_log``, in the same transaction as the edit:

``gisdesk_sync_feature_log``
    ``seq``, ``layer``, ``fid`` (the row's id where the edit was made), ``fkey`` (the feature's
    stable key, below), ``op`` (``insert``/``update``/``delete``), ``old`` / ``new`` (the whole
    row as JSON: every column but the integer primary key; blobs, the geometry among them, as
    hex) and ``at`` (this side's clock: only the source's is ever compared).
``gisdesk_sync_feature_keys``
    ``(layer, fid) -> fkey`` for features whose key is not their id: features added in a
    package get a UUID (its insert trigger writes it), and a feature that came from the other
    side keeps the key it had there (``package_id`` says which package added it, at the source).
``gisdesk_sync_feature_quiet``
    A row in it (written and removed inside one sync transaction, so no other connection ever
    sees it) silences the triggers while sync itself writes a package's layers.

The key of a feature is ``coalesce(mapped key, its id as text)`` on both sides: a feature the
package was made with keeps the source's primary key (package creation copies it), so the
source's layers are never changed (no column added) to give features a key.
"""

from __future__ import annotations

import json
from typing import Any

from gisdesk.store._package_source import q

#: Name prefix of the triggers (both sides).
TRIGGER_PREFIX = "gdsync_"
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"  # the format of iso_utc: compared with it
_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' "
         "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "
         "|| hex(randomblob(6)))")
SCHEMA = (
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_feature_keys (layer TEXT NOT NULL, fid INTEGER NOT NULL, "
    "fkey TEXT NOT NULL, "
    "package_id TEXT, PRIMARY KEY (layer, fid), UNIQUE (layer, fkey))",
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_feature_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, layer TEXT NOT NULL, "
    "fid INTEGER, fkey TEXT NOT NULL, op TEXT NOT NULL, old TEXT, new TEXT, at TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_feature_log_at ON gisdesk_sync_feature_log (at)",
    "CREATE INDEX IF NOT EXISTS idx_gisdesk_sync_feature_log_fid ON gisdesk_sync_feature_log (layer, fid)",
    "CREATE TABLE IF NOT EXISTS gisdesk_sync_feature_quiet (why TEXT)",
)
#: Tables that hold case rows, never reference layers (their changes travel as events).
_CASE_TABLES = frozenset({"incidents", "incident_lines", "incident_areas", "incident_shapes", "tasks",
                          "task_questions"})
#: Most columns one json_object call takes (SQLite allows 127 arguments per function).
_CHUNK = 60


def _has_table(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def reference_layers(conn: Any) -> list[str]:
    """The reference layers of the workspace: spatial tables that do not hold cases."""
    if not _has_table(conn, "geometry_columns"):
        return []
    tables = {r[0].lower(): r[0] for r in conn.execute(  # a WITHOUT ROWID table has no rowid to key features by
        "SELECT name FROM sqlite_master WHERE type = 'table' AND upper(sql) NOT LIKE '%WITHOUT ROWID%'")}
    out = []
    for (name,) in conn.execute("SELECT DISTINCT f_table_name FROM geometry_columns ORDER BY 1").fetchall():
        low = str(name).lower()
        if low in tables and low not in _CASE_TABLES and not low.startswith("gisdesk_"):
            out.append(tables[low])
    return out


class LayerShape:
    """The columns of one layer as the log writes them: its id column, attribute columns, blob columns."""

    def __init__(self, conn: Any, layer: str) -> None:
        self.layer = layer
        info = conn.execute(f"PRAGMA table_info({q(layer)})").fetchall()
        pks = [r for r in info if r[5]]
        self.id_column = pks[0][1] if len(pks) == 1 and str(pks[0][2]).upper() == "INTEGER" else None
        self.columns = [r[1] for r in info if r[1] != self.id_column]
        geoms = {str(r[0]).lower() for r in conn.execute(
            "SELECT f_geometry_column FROM geometry_columns WHERE lower(f_table_name) = lower(?)", (layer,))}
        self.blobs = {c for c, t in ((r[1], str(r[2]).upper()) for r in info)
                      if c.lower() in geoms or "BLOB" in t}
        #: The (first) geometry column, or None.
        self.geometry = next((c for c in self.columns if c.lower() in geoms), None)

    def row_json(self, alias: str) -> str:
        """SQL: the row ``alias`` (``NEW``, ``OLD`` or a table alias) as a JSON object."""
        parts = []
        for i in range(0, len(self.columns), _CHUNK):
            args = ", ".join(f"'{c.replace(chr(39), chr(39) * 2)}', CASE typeof({alias}.{q(c)}) WHEN 'blob' "
                             f"THEN hex({alias}.{q(c)}) ELSE {alias}.{q(c)} END" for c in self.columns[i:i + _CHUNK])
            parts.append(f"json_object({args})")
        out = parts[0] if parts else "json_object()"
        for p in parts[1:]:
            out = f"json_patch({out}, {p})"
        return out

    def sql_value(self, column: str, value: Any) -> Any:
        """A JSON value of ``column`` as it is written into the table (blobs back from hex)."""
        if column in self.blobs and isinstance(value, str):
            try:
                return bytes.fromhex(value)
            except ValueError:
                return value
        return value


def key_sql(layer: str, fid: str) -> str:
    """SQL: the key of the feature whose id is ``fid`` (an SQL expression) in ``layer``."""
    lit = layer.replace("'", "''")
    return (f"coalesce((SELECT fkey FROM gisdesk_sync_feature_keys WHERE layer = '{lit}' AND fid = {fid}), "
            f"CAST({fid} AS TEXT))")


def _triggers(shape: LayerShape, package: bool) -> dict[str, str]:
    t, lit = q(shape.layer), shape.layer.replace("'", "''")
    name = TRIGGER_PREFIX + shape.layer
    quiet = "NOT EXISTS (SELECT 1 FROM gisdesk_sync_feature_quiet)"
    new_key = (f"INSERT OR REPLACE INTO gisdesk_sync_feature_keys (layer, fid, fkey) "
               f"VALUES ('{lit}', NEW.rowid, {_UUID});"
               if package else "")
    return {
        f"{name}_ins": f"""CREATE TRIGGER {q(name + '_ins')} AFTER INSERT ON {t} WHEN {quiet} BEGIN
            {new_key}
            INSERT INTO gisdesk_sync_feature_log (layer, fid, fkey, op, old, new, at)
            VALUES ('{lit}', NEW.rowid, {key_sql(shape.layer, 'NEW.rowid')}, 'insert', NULL,
                    {shape.row_json('NEW')}, {_NOW});
        END""",
        f"{name}_upd": f"""CREATE TRIGGER {q(name + '_upd')} AFTER UPDATE ON {t} WHEN {quiet} BEGIN
            INSERT INTO gisdesk_sync_feature_log (layer, fid, fkey, op, old, new, at)
            SELECT '{lit}', NEW.rowid, {key_sql(shape.layer, 'NEW.rowid')}, 'update', o, n, {_NOW}
            FROM (SELECT {shape.row_json('OLD')} AS o, {shape.row_json('NEW')} AS n) WHERE o IS NOT n;
        END""",
        f"{name}_del": f"""CREATE TRIGGER {q(name + '_del')} AFTER DELETE ON {t} WHEN {quiet} BEGIN
            INSERT INTO gisdesk_sync_feature_log (layer, fid, fkey, op, old, new, at)
            VALUES ('{lit}', OLD.rowid, {key_sql(shape.layer, 'OLD.rowid')}, 'delete', {shape.row_json('OLD')},
                    NULL, {_NOW});
            DELETE FROM gisdesk_sync_feature_keys WHERE layer = '{lit}' AND fid = OLD.rowid;
        END""",
    }


def install(conn: Any, package: bool) -> list[str]:
    """Create the tables and (re)create the triggers on every reference layer; returns the layers.

    ``package``: the package's triggers (a feature added there gets a UUID key) and an empty
    log (a package copied whole from its source starts with no changes of its own). Runs in
    the caller's transaction when one is open; safe to run again.
    """
    for statement in SCHEMA:
        conn.execute(statement)
    layers = reference_layers(conn)
    for layer in layers:
        for name, sql in _triggers(LayerShape(conn, layer), package).items():
            conn.execute(f"DROP TRIGGER IF EXISTS {q(name)}")
            conn.execute(sql)
    if package:
        for layer in layers:  # keys of features the package does not hold (a copy cut from the source)
            conn.execute("DELETE FROM gisdesk_sync_feature_keys WHERE layer = ? AND fid NOT IN "
                         f"(SELECT rowid FROM {q(layer)})",
                         (layer,))
        conn.execute("DELETE FROM gisdesk_sync_feature_log")
        conn.execute("DELETE FROM gisdesk_sync_feature_quiet")
    return layers


def installed(conn: Any) -> bool:
    """Whether the workspace records feature edits (its feature log exists; never on the city server yet)."""
    from gisdesk.store.dialect import dialect_of

    if dialect_of(conn).server:
        return False
    return _has_table(conn, "gisdesk_sync_feature_log")


def find(conn: Any, layer: str, fkey: str) -> int | None:
    """The id of the feature keyed ``fkey`` in ``layer`` here, or None."""
    row = conn.execute("SELECT fid FROM gisdesk_sync_feature_keys WHERE layer = ? AND fkey = ?",
                       (layer, fkey)).fetchone()
    if row is not None:
        return int(row[0]) if conn.execute(f"SELECT 1 FROM {q(layer)} WHERE rowid = ?", (row[0],)).fetchone() else None
    try:
        fid = int(fkey)
    except (TypeError, ValueError):
        return None
    if str(fid) != str(fkey) or conn.execute("SELECT 1 FROM gisdesk_sync_feature_keys WHERE layer = ? AND fid = ?",
                                             (layer, fid)).fetchone():
        return None  # that id is another feature's (one added here, keyed by its UUID)
    return fid if conn.execute(f"SELECT 1 FROM {q(layer)} WHERE rowid = ?", (fid,)).fetchone() else None


def current(conn: Any, shape: LayerShape, fid: int | None) -> dict[str, Any] | None:
    """The feature's row as the log writes it (a dict), or None when there is none."""
    if fid is None:
        return None
    row = conn.execute(f"SELECT {shape.row_json('t')} FROM {q(shape.layer)} AS t WHERE t.rowid = ?", (fid,)).fetchone()
    return json.loads(row[0]) if row else None


def write(conn: Any, shape: LayerShape, fkey: str, values: dict[str, Any], fid: int | None,
          package_id: str | None = None) -> int:
    """Insert (``fid`` None: under a new id, keyed ``fkey``) or update a feature with ``values``; its id."""
    cols = [c for c in values if c in shape.columns]
    params = [shape.sql_value(c, values[c]) for c in cols]
    if fid is None:
        fid = int(conn.execute(f"SELECT coalesce(max(rowid), 0) + 1 FROM {q(shape.layer)}").fetchone()[0])
        conn.execute("DELETE FROM gisdesk_sync_feature_keys WHERE layer = ? AND fid = ?", (shape.layer, fid))
        if str(fid) != fkey:  # the key first: the insert trigger logs the feature under it
            conn.execute("INSERT OR REPLACE INTO gisdesk_sync_feature_keys (layer, fid, fkey, package_id) "
                         "VALUES (?, ?, ?, ?)", (shape.layer, fid, fkey, package_id))
        conn.execute(f"INSERT INTO {q(shape.layer)} (rowid{''.join(', ' + q(c) for c in cols)}) "
                     f"VALUES (?{', ?' * len(cols)})", [fid, *params])
    elif cols:
        conn.execute(f"UPDATE {q(shape.layer)} SET {', '.join(q(c) + ' = ?' for c in cols)} WHERE rowid = ?",
                     [*params, fid])
    return fid


def delete(conn: Any, layer: str, fid: int) -> None:
    """Delete one feature and its key."""
    conn.execute(f"DELETE FROM {q(layer)} WHERE rowid = ?", (fid,))
    conn.execute("DELETE FROM gisdesk_sync_feature_keys WHERE layer = ? AND fid = ?", (layer, fid))


def pending_log(conn: Any) -> list[dict[str, Any]]:
    """The changes of the log, one per feature (first ``old``, last ``new``), oldest first, and
    empties the log (call inside the transaction that keeps the result). Nothing is returned for
    a feature added and deleted again, or changed back to what it was."""
    rows = conn.execute("SELECT seq, layer, fkey, op, old, new, at FROM gisdesk_sync_feature_log "
                        "ORDER BY seq").fetchall()
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for seq, layer, fkey, op, old, new, at in rows:
        cur = merged.get((layer, fkey))
        if cur is None:
            merged[(layer, fkey)] = {"seq": seq, "layer": layer, "fkey": fkey, "first": op, "last": op,
                                     "old": json.loads(old) if old else None, "new": json.loads(new) if new else None,
                                     "at": at}
        else:
            cur.update(last=op, new=json.loads(new) if new else None, at=at)
    conn.execute("DELETE FROM gisdesk_sync_feature_log")
    out = []
    for m in sorted(merged.values(), key=lambda m: m["seq"]):
        change = _net(m)
        if change is not None:
            out.append(change)
    return out


def _net(m: dict[str, Any]) -> dict[str, Any] | None:
    first, last, old, new = m["first"], m["last"], m["old"], m["new"]
    base = {"layer": m["layer"], "fkey": m["fkey"], "at": m["at"]}
    if first == "insert":
        return None if last == "delete" else {**base, "op": "insert", "old": None, "new": new, "row": new}
    if last == "delete":
        return {**base, "op": "delete", "old": old, "new": None, "row": None}
    changed = sorted(k for k in set(old or {}) | set(new or {}) if (old or {}).get(k) != (new or {}).get(k))
    if not changed:
        return None
    return {**base, "op": "update", "old": {k: (old or {}).get(k) for k in changed},
            "new": {k: (new or {}).get(k) for k in changed}, "row": new}


__all__ = ["TRIGGER_PREFIX", "reference_layers", "LayerShape", "install", "installed", "find", "current", "write",
           "delete",
           "pending_log", "key_sql"]
