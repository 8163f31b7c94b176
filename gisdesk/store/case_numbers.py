"""Human case numbers for tasks: ``HUE-2026-004213`` (prefix, year of creation, a per-year sequence).

The UUID stays the key of a task; the case number is what people say on the phone and
type into a search box. It is given in the same transaction that creates the task
(:meth:`gisdesk.store.tasks_store.TaskStore.create`), unique (``idx_tasks_case_no``), and
never reused: the next number of a year is one more than the highest of that year.

The prefix is the workspace setting ``gisdesk_meta.case_prefix``; without it, the first
three letters of the city name (``gisdesk_meta.city``, accents removed: Huế gives
``HUE``), or ``GD``. Tasks from before case numbers are numbered by ``created_at`` when
the schema is migrated (:func:`ensure_case_numbers`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

#: The prefix when the workspace names no city.
DEFAULT_PREFIX = "GD"
#: The width of the sequence part.
DIGITS = 6
_PATTERN = re.compile(r"^[A-Z0-9]{1,12}-\d{4}-\d{1,9}$")


def prefix_from_city(city: str | None) -> str:
    """``HUE`` for ``Huế``: the first three ASCII letters of the city name, upper case (``GD`` without one).

    Examples
    --------
    >>> prefix_from_city("Huế"), prefix_from_city("Đà Nẵng"), prefix_from_city(None)
    ('HUE', 'DAN', 'GD')
    """
    text = (city or "").replace("Đ", "D").replace("đ", "d")
    letters = "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalpha())
    return letters[:3].upper() or DEFAULT_PREFIX


def case_prefix(conn: Any) -> str:
    """The workspace's case-number prefix (``gisdesk_meta.case_prefix``, else from the city name)."""
    from gisdesk.store.dialect import dialect_of

    if not dialect_of(conn).has_table(conn, "gisdesk_meta"):
        return DEFAULT_PREFIX
    rows = dict(conn.execute("SELECT key, value FROM gisdesk_meta WHERE key IN ('case_prefix', 'city')"))
    own = (rows.get("case_prefix") or "").strip().upper()
    return own if own else prefix_from_city(rows.get("city"))


def next_case_number(conn: Any, created_at: str) -> str:
    """The next free number for a task created at ``created_at`` (ISO UTC); call inside the creating transaction."""
    prefix, year = case_prefix(conn), created_at[:4]
    head = f"{prefix}-{year}-"
    row = conn.execute("SELECT max(CAST(substr(case_no, ?) AS INTEGER)) FROM tasks WHERE case_no LIKE ?",
                       (len(head) + 1, head + "%")).fetchone()
    return f"{head}{(row[0] or 0) + 1:0{DIGITS}d}"


def looks_like_case_number(text: str) -> bool:
    """Whether ``text`` is written like a case number (``HUE-2026-004213``), in any letter case."""
    return bool(_PATTERN.match((text or "").strip().upper()))


def ensure_case_numbers(conn: Any) -> None:
    """Add ``tasks.case_no`` and number the tasks that have none, by ``created_at`` (inside a migration)."""
    have = {r[1] for r in conn.execute("PRAGMA table_info(tasks)")}
    if "case_no" not in have:
        conn.execute("ALTER TABLE tasks ADD COLUMN case_no TEXT")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS idx_tasks_case_no ON tasks (case_no)")
    todo = conn.execute("SELECT uuid, created_at FROM tasks WHERE case_no IS NULL "
                        "ORDER BY created_at, rowid").fetchall()
    if not todo:
        return
    prefix = case_prefix(conn)
    last: dict[str, int] = {}
    for year, n in conn.execute("SELECT substr(created_at, 1, 4), max(CAST(substr(case_no, ?) AS INTEGER)) "
                                "FROM tasks WHERE case_no LIKE ? GROUP BY 1", (len(prefix) + 7, prefix + "-%")):
        last[year] = n or 0
    rows = []
    for uuid, created in todo:
        year = created[:4]
        last[year] = last.get(year, 0) + 1
        rows.append((f"{prefix}-{year}-{last[year]:0{DIGITS}d}", uuid))
    conn.executemany("UPDATE tasks SET case_no = ? WHERE uuid = ?", rows)
