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

SQLite only (:func:`ensure_codes` does nothing on PostgreSQL, whose readers query the
incident table itself). Creating the tables on an existing workspace fills them once.
"""

from __future__ import annotations

from typing import Any

#: Characters in one ``incident_codes.rec``.
RECORD_WIDTH = 8 + 8 + 4 * 2 + 4
#: The coded text columns of ``incidents``, in record order.
KINDS = ("category", "status", "channel", "department")


def _minute(expr: str) -> str:
    return f"coalesce(CAST(strftime('%s', substr({expr}, 1, 16)) AS INTEGER) / 60, 0)"


def _record(row: str) -> str:
    """The ``rec`` of the incident row named ``row`` (``NEW`` in a trigger, the table in a fill)."""
    codes = ", ".join(f"(SELECT code FROM incident_code_names WHERE kind = '{k}' AND name = coalesce({row}.{k}, ''))"
                      for k in KINDS)
    return (f"printf('%08x%08x%02x%02x%02x%02x%04x', "
            f"{_minute(f'coalesce({row}.occurred_at, {row}.reported_at)')}, {_minute(f'{row}.resolved_at')}, "
            f"{codes}, coalesce({row}.commune_fid, 0))")


def _name_inserts(row: str) -> str:
    return " ".join(
        f"INSERT OR IGNORE INTO incident_code_names (kind, name, code) SELECT '{k}', coalesce({row}.{k}, ''), "
        f"(SELECT count(*) FROM incident_code_names WHERE kind = '{k}');" for k in KINDS)


def ensure_codes(conn: Any) -> None:
    """Create the code tables and their triggers on ``incidents`` (filled once from the rows there).

    Runs inside the caller's transaction (:func:`gisdesk.store.incidents_store.ensure_schema`).
    """
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'incident_codes'").fetchone():
        return
    conn.execute("CREATE TABLE incident_code_names (kind TEXT NOT NULL, name TEXT NOT NULL, "
                 "code INTEGER NOT NULL, PRIMARY KEY (kind, name))")
    conn.execute("CREATE TABLE incident_codes (fid INTEGER PRIMARY KEY, rec TEXT NOT NULL)")
    for k in KINDS:
        conn.execute(f"INSERT INTO incident_code_names (kind, name, code) SELECT '{k}', v, "
                     f"row_number() OVER (ORDER BY v) - 1 FROM (SELECT DISTINCT coalesce({k}, '') AS v FROM incidents)")
    conn.execute(f"INSERT INTO incident_codes (fid, rec) SELECT fid, {_record('incidents')} FROM incidents")
    conn.execute(f"""CREATE TRIGGER incident_codes_insert AFTER INSERT ON incidents BEGIN
        {_name_inserts('NEW')}
        INSERT OR REPLACE INTO incident_codes (fid, rec) VALUES (NEW.fid, {_record('NEW')}); END""")
    conn.execute(f"""CREATE TRIGGER incident_codes_update AFTER UPDATE OF
        fid, occurred_at, reported_at, resolved_at, {', '.join(KINDS)}, commune_fid ON incidents BEGIN
        {_name_inserts('NEW')}
        DELETE FROM incident_codes WHERE fid = OLD.fid;
        INSERT OR REPLACE INTO incident_codes (fid, rec) VALUES (NEW.fid, {_record('NEW')}); END""")
    conn.execute("""CREATE TRIGGER incident_codes_delete AFTER DELETE ON incidents BEGIN
        DELETE FROM incident_codes WHERE fid = OLD.fid; END""")
