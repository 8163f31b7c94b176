"""Integer codes of every incident, kept by SQLite triggers in the same transaction as each change.

The dashboards read a million incidents at once; scanning the wide ``incidents`` table
(descriptions, notes, geometry) and turning its text into codes costs seconds. This
module keeps a narrow copy of what they count, maintained by triggers on ``incidents``
(so every writer is covered: the stores, the sample writer, imports, plain SQL), in the
same transaction as the change it follows:

* ``incident_code_names (kind, name, code)``: the code of each category, status,
  channel and department (``kind``) value ever seen. Codes are given in order of first
  appearance and never change; ``name`` is ``''`` for a missing value.
* ``incident_codes (fid, rec)``: one row per incident (``fid`` as in ``incidents``),
  ``rec`` a fixed-width text record of :data:`RECORD_WIDTH` lowercase hex digits:
  occurred minute (8, UTC epoch minutes), resolved minute (8, ``0``: unresolved),
  category, status, channel, department codes (2 each) and ``commune_fid`` (4, ``0``:
  none). A reader concatenates the records of a fid range in one query and splits
  them with numpy.

* ``incident_cells (key, n, rn, rm, rec)``: how many incidents share a day, category,
  status, camera-or-not and commune (``key``: :data:`CELL_KEY_WIDTH` hex digits: epoch day
  (4), category and status codes, camera 0/1 (2 each), ``commune_fid`` (4)); ``rn`` of them
  with a resolution time, ``rm`` the sum of their minutes to resolve; ``rec`` the key and the
  three counts (6, 6, 10) as one fixed-width text (:data:`CELL_WIDTH`, whole bytes; ``rm`` offset by
  :data:`MINUTES_OFFSET`, so never negative). On the 1M sample there is one cell per ~3
  incidents: the dashboards' counts come from these, the per-incident codes only when asked.

SQLite only (:func:`ensure_codes` does nothing on PostgreSQL, whose readers query the
incident table itself). Creating the tables on an existing workspace fills them once.
"""

from __future__ import annotations

from typing import Any

#: Characters in one ``incident_codes.rec``.
RECORD_WIDTH = 8 + 8 + 4 * 2 + 4
#: The coded text columns of ``incidents``, in record order.
KINDS = ("category", "status", "channel", "department")
#: Characters in an ``incident_cells.key`` and a whole ``incident_cells.rec``.
CELL_KEY_WIDTH = 4 + 2 + 2 + 2 + 4
CELL_WIDTH = CELL_KEY_WIDTH + 6 + 6 + 10
#: Added to ``rm`` in ``rec`` (minutes to resolve can be negative in bad data).
MINUTES_OFFSET = 1 << 39


def _minute(expr: str) -> str:
    return f"coalesce(CAST(strftime('%s', substr({expr}, 1, 16)) AS INTEGER) / 60, 0)"


def _record(row: str) -> str:
    """The ``rec`` of the incident row named ``row`` (``NEW`` in a trigger, the table in a fill)."""
    codes = ", ".join(f"(SELECT code FROM incident_code_names WHERE kind = '{k}' AND name = coalesce({row}.{k}, ''))"
                      for k in KINDS)
    return (f"printf('%08x%08x%02x%02x%02x%02x%04x', "
            f"{_minute(f'coalesce({row}.occurred_at, {row}.reported_at)')}, {_minute(f'{row}.resolved_at')}, "
            f"{codes}, coalesce({row}.commune_fid, 0))")


def _code(kind: str, row: str) -> str:
    return f"(SELECT code FROM incident_code_names WHERE kind = '{kind}' AND name = coalesce({row}.{kind}, ''))"


def _cell(row: str) -> tuple[str, str, str]:
    """(key, has a resolution time 0/1, minutes to resolve) of the incident row named ``row``."""
    occurred = _minute(f"coalesce({row}.occurred_at, {row}.reported_at)")
    resolved = _minute(f"{row}.resolved_at")
    key = (f"printf('%04x%02x%02x%02x%04x', ({occurred}) / 1440, {_code('category', row)}, "
           f"{_code('status', row)}, coalesce({row}.channel, '') = 'camera', coalesce({row}.commune_fid, 0))")
    return key, f"(({resolved}) != 0)", f"(CASE WHEN ({resolved}) != 0 THEN ({resolved}) - ({occurred}) ELSE 0 END)"


def _cell_rec(n: str, rn: str, rm: str) -> str:
    return f"key || printf('%06x%06x%010x', {n}, {rn}, {rm} + {MINUTES_OFFSET})"


def _cell_add(row: str) -> str:
    key, rn, rm = _cell(row)
    return (f"INSERT INTO incident_cells (key, n, rn, rm, rec) SELECT k, 1, r, m, "
            f"k || printf('%06x%06x%010x', 1, r, m + {MINUTES_OFFSET}) FROM (SELECT {key} AS k, {rn} AS r, {rm} AS m) "
            f"WHERE true ON CONFLICT (key) DO UPDATE SET n = n + 1, rn = rn + excluded.rn, rm = rm + excluded.rm, "
            f"rec = {_cell_rec('n + 1', 'rn + excluded.rn', 'rm + excluded.rm')};")


def _cell_remove(row: str) -> str:
    key, rn, rm = _cell(row)
    return (f"UPDATE incident_cells SET n = n - 1, rn = rn - {rn}, rm = rm - {rm}, "
            f"rec = {_cell_rec('n - 1', f'rn - {rn}', f'rm - {rm}')} WHERE key = {key}; "
            f"DELETE FROM incident_cells WHERE key = {key} AND n <= 0;")


def _name_inserts(row: str) -> str:
    return " ".join(
        f"INSERT OR IGNORE INTO incident_code_names (kind, name, code) SELECT '{k}', coalesce({row}.{k}, ''), "
        f"(SELECT count(*) FROM incident_code_names WHERE kind = '{k}');" for k in KINDS)


def ensure_codes(conn: Any) -> None:
    """Create the code and cell tables and their triggers on ``incidents`` (filled once from the rows there).

    Runs inside the caller's transaction (:func:`gisdesk.store.incidents_store.ensure_schema`). A
    workspace with the codes of an earlier version gets the cells and the new triggers.
    """
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name IN ('incident_codes', 'incident_cells')")}
    if tables == {"incident_codes", "incident_cells"}:
        return
    if "incident_codes" not in tables:
        conn.execute("CREATE TABLE incident_code_names (kind TEXT NOT NULL, name TEXT NOT NULL, "
                     "code INTEGER NOT NULL, PRIMARY KEY (kind, name))")
        conn.execute("CREATE TABLE incident_codes (fid INTEGER PRIMARY KEY, rec TEXT NOT NULL)")
        for k in KINDS:
            conn.execute(f"INSERT INTO incident_code_names (kind, name, code) SELECT '{k}', v, row_number() "
                         f"OVER (ORDER BY v) - 1 FROM (SELECT DISTINCT coalesce({k}, '') AS v FROM incidents)")
        conn.execute(f"INSERT INTO incident_codes (fid, rec) SELECT fid, {_record('incidents')} FROM incidents")
    conn.execute("CREATE TABLE incident_cells (key TEXT PRIMARY KEY, n INTEGER NOT NULL, rn INTEGER NOT NULL, "
                 "rm INTEGER NOT NULL, rec TEXT NOT NULL)")
    key, rn, rm = _cell("incidents")
    conn.execute(f"INSERT INTO incident_cells (key, n, rn, rm, rec) SELECT key, n, rn, rm, "
                 f"{_cell_rec('n', 'rn', 'rm')} FROM (SELECT {key} AS key, count(*) AS n, sum({rn}) AS rn, "
                 f"sum({rm}) AS rm FROM incidents GROUP BY 1)")
    for op in ("insert", "update", "delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS incident_codes_{op}")
    conn.execute(f"""CREATE TRIGGER incident_codes_insert AFTER INSERT ON incidents BEGIN
        {_name_inserts('NEW')}
        INSERT OR REPLACE INTO incident_codes (fid, rec) VALUES (NEW.fid, {_record('NEW')});
        {_cell_add('NEW')} END""")
    conn.execute(f"""CREATE TRIGGER incident_codes_update AFTER UPDATE OF
        fid, occurred_at, reported_at, resolved_at, {', '.join(KINDS)}, commune_fid ON incidents BEGIN
        {_name_inserts('NEW')}
        DELETE FROM incident_codes WHERE fid = OLD.fid;
        INSERT OR REPLACE INTO incident_codes (fid, rec) VALUES (NEW.fid, {_record('NEW')});
        {_cell_remove('OLD')}
        {_cell_add('NEW')} END""")
    conn.execute(f"""CREATE TRIGGER incident_codes_delete AFTER DELETE ON incidents BEGIN
        DELETE FROM incident_codes WHERE fid = OLD.fid;
        {_cell_remove('OLD')} END""")
