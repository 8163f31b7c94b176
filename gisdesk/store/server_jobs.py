"""The city server's jobs: the steps the system takes for the city, run with the owner's rights.

On a workspace the system (:data:`gisdesk.core.dispatch.SYSTEM`) takes two steps inside an
officer's session: the automatic dispatch of a new incident
(:func:`gisdesk.store.dispatch_store.dispatch_new`) and the escalation of overdue tasks
(:meth:`gisdesk.store.tasks_store.TaskStore.escalate_overdue`). On the server both write
history in the name ``system``, which row-level security refuses to every officer (an
officer's events carry their own login). There these steps are **jobs**: the city's
database administrator runs ``gisdesk server dispatch URL`` and ``gisdesk server escalate
URL`` (from cron, e.g. every minute) with a superuser connection; the job switches to the
owner role (:data:`~gisdesk.store.server_policy.OWNER_ROLE`, not a superuser, no
``BYPASSRLS``: the owner's policies let it write every row) and runs **the same store code**
as on a workspace, acting as ``system``.

Which incidents the dispatch job has seen is ``gisdesk_meta.dispatch_checked_fid`` (the
highest incident ``fid`` tried): ``server init`` sets it to the incidents already there and
``server publish`` to the published ones, so history is never dispatched again. Incidents
are taken in ``fid`` order under the writers' lock of every gisdesk write, so one stored
by a workstation while the job runs is tried on the next run.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from gisdesk.store.errors import StoreError

#: The ``gisdesk_meta`` key of the highest incident fid the dispatch job has tried.
DISPATCH_MARK = "dispatch_checked_fid"
#: SQL setting :data:`DISPATCH_MARK` to the highest incident fid, unless it is set (``server init``).
MARK_IF_ABSENT = (f"INSERT INTO gisdesk_meta (key, value) SELECT '{DISPATCH_MARK}', "
                  f"COALESCE(max(fid), 0)::text FROM incidents ON CONFLICT (key) DO NOTHING")
#: SQL setting :data:`DISPATCH_MARK` to the highest incident fid (``server publish``).
MARK_NOW = (f"INSERT INTO gisdesk_meta (key, value) SELECT '{DISPATCH_MARK}', COALESCE(max(fid), 0)::text "
            f"FROM incidents ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value")


def _owner_connection(url: str) -> Any:
    """A store connection to ``url`` (a superuser's) acting as the owner role."""
    from gisdesk.store.pg_conn import open_server
    from gisdesk.store.server_policy import OWNER_ROLE

    conn = open_server(url)
    su = conn.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").fetchone()
    if not su or not su[0]:
        conn.close()
        raise StoreError("the server's jobs need a superuser connection (e.g. the 'postgres' role): they act "
                         "as the owner of the gisdesk tables")
    conn.execute(f'SET ROLE "{OWNER_ROLE}"')
    return conn


def escalate(url: str, now: datetime | str | None = None) -> list[str]:
    """Escalate the open tasks past their deadline (as ``system``); returns their ids.

    The same :meth:`~gisdesk.store.tasks_store.TaskStore.escalate_overdue` as on a
    workspace: each task is flagged, gets an ``escalate`` event and a notification for the
    city dispatcher; tasks escalated before are left alone.
    """
    from gisdesk.store.dispatch_store import _SystemTasks

    conn = _owner_connection(url)
    try:
        return _SystemTasks(conn).escalate_overdue(now)
    finally:
        conn.close()


def dispatch_pending(url: str) -> list[tuple[str, str | None]]:
    """Apply the dispatch rules to the incidents stored since the last run.

    Returns ``(incident uuid, case number of the task made or None)`` for each incident
    tried. A failed dispatch is a ``dispatch_failed`` event on the incident, as on a
    workspace.
    """
    from gisdesk.store.dialect import dialect_of
    from gisdesk.store.dispatch_store import dispatch_new

    conn = _owner_connection(url)
    out: list[tuple[str, str | None]] = []
    try:
        upsert = dialect_of(conn).upsert("gisdesk_meta", ("key", "value"), ("key",))
        conn.execute("BEGIN IMMEDIATE")  # the writers' lock: no gisdesk write is half-way
        row = conn.execute("SELECT value FROM gisdesk_meta WHERE key = ?", (DISPATCH_MARK,)).fetchone()
        mark = int(row[0]) if row else 0
        todo = conn.execute("SELECT fid, uuid FROM incidents WHERE fid > ? ORDER BY fid", (mark,)).fetchall()
        conn.execute("COMMIT")
        for fid, uuid in todo:
            task = dispatch_new(conn, uuid, as_job=True)
            conn.execute(upsert, (DISPATCH_MARK, str(fid)))
            out.append((uuid, task.case_no if task is not None else None))
    finally:
        conn.close()
    return out
