"""The sync conflicts a user may see: what was kept, what lost, by whom and why (nothing is dropped).

A conflict row (``gisdesk_sync_conflicts``, written by :mod:`gisdesk.store.sync_replay`) keeps the
losing change whole. It belongs to the task or incident it is about: a user sees the conflicts
of the records the access policy lets them read (:func:`gisdesk.core.access.decide` on the
row's commune and department), so a commune officer sees their commune's conflicts only.
"""

from __future__ import annotations

import json
import os
from typing import Any

from gisdesk.core import access


def _kind(kind: str) -> str:
    """The policy's kind for a conflict's record: incident changes are incidents, the rest tasks."""
    return "incident" if kind.startswith("incident") else "task"


def _value(text: str | None) -> Any:
    try:
        return json.loads(text) if text else None
    except ValueError:
        return text


def list_conflicts(workspace: str | os.PathLike[str], user: Any) -> list[dict[str, Any]]:
    """The conflicts of the records ``user`` may read, newest first (``[]`` without a sync table).

    Each: ``at``, ``kind``, ``record_uuid``, ``commune``, ``department``, ``field``, ``kept``,
    ``kept_by``, ``lost``, ``lost_by``, ``lost_at``, ``reason``, ``resolved_at``, and ``id``, ``change_id``,
    ``resolved_by``, ``resolution`` (the choice, its event and the chosen values, once settled).
    """
    from gisdesk.store.connection import connect
    from gisdesk.store.users_store import resolve_user

    conn = connect(workspace, read_only=True, wal=False, spatialite=False)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gisdesk_sync_conflicts'").fetchone():
            return []
        who = resolve_user(conn, user)
        cols = ("at", "kind", "record_uuid", "commune", "department", "field", "kept", "kept_by", "lost", "lost_by",
                "lost_at", "reason", "resolved_at", "id", "change_id", "resolved_by", "resolution")
        rows = [dict(zip(cols, r)) for r in conn.execute(
            f"SELECT {', '.join(cols)} FROM gisdesk_sync_conflicts ORDER BY at DESC, id")]
    finally:
        conn.close()
    out = []
    for r in rows:
        if access.decide(who, "read", _kind(r["kind"]), {"commune": r["commune"], "department": r["department"]}):
            r["kept"], r["lost"], r["resolution"] = _value(r["kept"]), _value(r["lost"]), _value(r["resolution"])
            out.append(r)
    return out


__all__ = ["list_conflicts"]
