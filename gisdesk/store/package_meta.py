"""The identity of an offline package: the ``gisdesk_package`` table of a package workspace.

A *package* is an ordinary gisdesk SpatiaLite workspace (it opens in the window like any
other) that was cut from a source (a workspace or the city server) for one user, plus one
key/value table::

    gisdesk_package(key TEXT PRIMARY KEY, value TEXT)

=============== ==================================================================================
key             value
=============== ==================================================================================
``package_id``  a UUID naming this package (every changes file carries it)
``source``      the path or URL it came from (``gisdesk sync`` goes there by default)
``user``        the username it was made for (its changes are replayed at the source as that user)
``created_at``  when it was made, UTC ISO 8601 (the source's clock: ``package create`` runs there)
``base``        JSON: per table, the source's high-water mark when the package was made
``last_sync``   UTC ISO 8601 of the last completed sync (empty before the first)
``local_mark``  JSON: per case table, the largest rowid of the package when its identity was
                first written; rows above it were written in the package (the change log
                starts there). Written by :func:`write_identity` when missing.
``key``         hex HMAC key signing this package's changes files (made by :func:`write_identity`
                when missing; the source learns it with :func:`gisdesk.store.sync_log.register_package`)
``since``       the source's clock at the last change file the package received from it (the
                package asks the source for what changed after that)
=============== ==================================================================================

Write the identity *after* copying the records into the package (``local_mark`` is taken
then). Nothing here imports Qt or knows a database engine beyond DB-API ``execute``.

Examples
--------
>>> import sqlite3
>>> conn = sqlite3.connect(":memory:")
>>> is_package(conn)
False
>>> write_identity(conn, package_id="0b7c…", source="/data/hue.sqlite", user="phu_hoi",
...                created_at="2026-11-20T08:00:00Z", base={})
>>> read_identity(conn)["user"]
'phu_hoi'
"""

from __future__ import annotations

import json
import secrets
from typing import Any

#: The identity table of a package.
PACKAGE_TABLE = "gisdesk_package"
#: The keys the contract between ``package create`` and sync defines (others may be added).
IDENTITY_KEYS: tuple[str, ...] = ("package_id", "source", "user", "created_at", "base", "last_sync")
#: The tables whose rows travel as changes (rows above ``local_mark`` were written in the package).
CHANGE_TABLES: tuple[str, ...] = ("task_events", "task_attachments", "task_questions", "task_answers",
                                  "incident_events", "incidents")
_JSON_KEYS = frozenset({"base", "local_mark"})


def _has_table(conn: Any, name: str) -> bool:
    from gisdesk.store.dialect import dialect_of

    return bool(dialect_of(conn).has_table(conn, name))


def is_package(conn: Any) -> bool:
    """Whether the workspace behind ``conn`` is a package (has a ``package_id`` in ``gisdesk_package``)."""
    if not _has_table(conn, PACKAGE_TABLE):
        return False
    return conn.execute(f"SELECT 1 FROM {PACKAGE_TABLE} WHERE key = 'package_id' AND value <> ''").fetchone() is not None


def read_identity(conn: Any) -> dict[str, Any] | None:
    """The package's identity as a dict (``base`` and ``local_mark`` decoded from JSON), or ``None``
    when the workspace is not a package."""
    if not is_package(conn):
        return None
    out: dict[str, Any] = {k: "" for k in IDENTITY_KEYS}
    for key, value in conn.execute(f"SELECT key, value FROM {PACKAGE_TABLE}"):
        if key in _JSON_KEYS:
            try:
                value = json.loads(value) if value else {}
            except ValueError:
                value = {}
        out[key] = value if value is not None else ""
    return out


def table_marks(conn: Any, tables: tuple[str, ...] = CHANGE_TABLES) -> dict[str, int]:
    """The largest rowid of each of ``tables`` that exists (0 for an empty one)."""
    return {t: int(conn.execute(f"SELECT COALESCE(max(rowid), 0) FROM {t}").fetchone()[0])
            for t in tables if _has_table(conn, t)}


def write_identity(conn: Any, **values: Any) -> None:
    """Set identity keys (``package_id=…, source=…, user=…, created_at=…, base=…, last_sync=…``).

    Creates the table when missing. ``base`` and ``local_mark`` may be dicts (stored as
    JSON); other values are stored as text (``None`` as empty). The first write also
    records ``local_mark`` (:func:`table_marks`) and a fresh signing ``key`` unless given.
    Runs in the caller's transaction when one is open.
    """
    conn.execute(f"CREATE TABLE IF NOT EXISTS {PACKAGE_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    have = {r[0] for r in conn.execute(f"SELECT key FROM {PACKAGE_TABLE}")}
    if "local_mark" not in have and "local_mark" not in values:
        values["local_mark"] = table_marks(conn)
    if "key" not in have and "key" not in values:
        values["key"] = secrets.token_hex(32)
    if "local_mark" not in have:  # the first write: from now on the package's layer edits are recorded
        from gisdesk.store import feature_log

        feature_log.install(conn, package=True)
    rows = []
    for key, value in values.items():
        if key in _JSON_KEYS and not isinstance(value, str):
            value = json.dumps(value or {}, ensure_ascii=False, sort_keys=True)
        rows.append((key, "" if value is None else str(value)))
    conn.executemany(f"INSERT OR REPLACE INTO {PACKAGE_TABLE} (key, value) VALUES (?, ?)", rows)


#: The source's table of the packages made from it (and their signing keys).
PEERS_TABLE = "gisdesk_sync_peers"
PEERS_DDL = (f"CREATE TABLE IF NOT EXISTS {PEERS_TABLE} (package_id TEXT PRIMARY KEY, username TEXT NOT NULL, "
             "key TEXT, created_at TEXT, since TEXT, last_seen TEXT, last_seq INTEGER NOT NULL DEFAULT 0)")


def register_package(source_conn: Any, identity: dict[str, Any]) -> None:
    """Tell the source about a package made from it: its id, user, creation time and signing key.

    ``package create`` calls this on the source (with the identity it wrote into the
    package), so the source can check the signature of the package's changes files and
    knows whose changes they are. Registering the same package again updates nothing but
    the key and user (a re-made package).
    """
    from gisdesk.store.dialect import dialect_of

    if not dialect_of(source_conn).server:  # the server's is made by `gisdesk server init`
        source_conn.execute(PEERS_DDL)
        from gisdesk.store import feature_log

        feature_log.install(source_conn, package=False)  # the source's layer edits, for the packages made from it
    source_conn.execute(f"INSERT INTO {PEERS_TABLE} (package_id, username, key, created_at) VALUES (?, ?, ?, ?) "
                        "ON CONFLICT (package_id) DO UPDATE SET username = excluded.username, key = excluded.key",
                        (identity["package_id"], identity["user"], identity.get("key") or None,
                         identity.get("created_at") or None))


def package_peer(source_conn: Any, package_id: str) -> dict[str, Any] | None:
    """The source's record of a package (``package_id``, ``username``, ``key``, ``created_at``,
    ``since``, ``last_seen``, ``last_seq``), or ``None`` when the source does not know it."""
    if not _has_table(source_conn, PEERS_TABLE):
        return None
    cur = source_conn.execute(f"SELECT package_id, username, key, created_at, since, last_seen, last_seq "
                              f"FROM {PEERS_TABLE} WHERE package_id = ?", (package_id,))
    row = cur.fetchone()
    return dict(zip([d[0] for d in cur.description], row)) if row else None
