"""The city server's side effects and change notices: notifications written by the stores, and LISTEN/NOTIFY.

Notifications as a side effect
------------------------------
The access policy lets nobody *create* a notification (kind ``notification``: read and
mark read only): a notification is what a change writes (an assignment for the unit, a
completed task for the city, a question for the side that answers it). On the server the
store writes it in the transaction of that change, as the officer, and one extra ``INSERT``
policy on ``task_notifications`` (:func:`side_effect_sql`) admits exactly that: the row must
be about a task whose event, or a question (asked or answered), **this same transaction**
wrote (``xmin = pg_current_xact_id()``) and that the officer can see. An ``INSERT`` on its
own, or in a transaction that changed nothing, is refused as before. (A change written in a
savepoint -- a sync applies each change in one -- carries the savepoint's own id, which counts
too: a visible row whose writer is still in progress can only be this transaction's own;
:func:`_written_here`.)

Change notices
--------------
Statement-level triggers (:func:`live_sql`) on the case tables send ``NOTIFY`` on the
channel :data:`CHANNEL` with the kind of record that changed (``incidents``, ``tasks``,
``questions``, ``notifications``) when the transaction commits; PostgreSQL folds repeats
within one transaction into one notice. The payload names no row and no unit, so a
listener learns nothing its row-level security would hide: it re-reads through its own
store. :class:`ChangeListener` is the store-level listener (no Qt): another workstation's
window polls it (or waits on it in a thread) and refreshes the panels that show that kind.
"""

from __future__ import annotations

from typing import Any

from gisdesk.store.server_policy import GROUP_ROLES

#: The NOTIFY channel of gisdesk's change notices.
CHANNEL = "gisdesk_changes"
#: Table -> the kind of record its changes are announced as.
LIVE_TABLES: dict[str, str] = {
    "incidents": "incidents", "incident_lines": "incidents", "incident_areas": "incidents",
    "incident_events": "incidents", "incident_attachments": "incidents",
    "tasks": "tasks", "task_events": "tasks", "task_attachments": "tasks",
    "task_questions": "questions", "task_answers": "questions",
    "task_notifications": "notifications",
}
_THIS_TX = "pg_current_xact_id()::xid"


def _written_here(xmin: str) -> str:
    """SQL: the row whose ``xmin`` this is was written by this transaction or one of its subtransactions
    (savepoints: a sync applies each change in one). A visible row whose writer is still in progress can
    only be this transaction's own; subtransaction ids come after the top-level id."""
    top = "pg_current_xact_id()::text::bigint"
    return (f"({xmin} = {_THIS_TX} OR ({xmin}::text::bigint > {top} % 4294967296 AND pg_xact_status(((({top} >> 32) "
            f"<< 32) + {xmin}::text::bigint)::text::xid8) = 'in progress'))")


def side_effect_sql() -> list[str]:
    """The grant and policy that let an officer write the notifications of their own change (see above)."""
    groups = ", ".join(f'"{g}"' for g in GROUP_ROLES.values())
    check = (f"(task_notifications.task_uuid IS NOT NULL AND EXISTS (SELECT 1 FROM task_events e "
             f"WHERE e.task_uuid = task_notifications.task_uuid AND {_written_here('e.xmin')})) "
             f"OR EXISTS (SELECT 1 FROM task_questions q WHERE {_written_here('q.xmin')} "
             f"AND q.task_uuid IS NOT DISTINCT FROM task_notifications.task_uuid)")
    return [f"GRANT INSERT ON task_notifications TO {groups}",
            f"CREATE POLICY gd_side_effect_insert ON task_notifications AS PERMISSIVE FOR INSERT TO {groups} "
            f"WITH CHECK ({check})"]


def live_sql() -> list[str]:
    """The notice function and its statement-level triggers (run as the tables' owner; idempotent)."""
    fn = "gisdesk_notify_change"
    out = [f"CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql SECURITY INVOKER "
           f"SET search_path = public AS $fn$ BEGIN PERFORM pg_notify('{CHANNEL}', TG_ARGV[0]); "
           f"RETURN NULL; END $fn$",
           f"REVOKE ALL ON FUNCTION {fn}() FROM PUBLIC",
           f"GRANT EXECUTE ON FUNCTION {fn}() TO " + ", ".join(f'"{g}"' for g in GROUP_ROLES.values())]
    for table, kind in LIVE_TABLES.items():
        trigger = f"gisdesk_live_{table}"
        out += [f"DROP TRIGGER IF EXISTS {trigger} ON {table}",
                f"CREATE TRIGGER {trigger} AFTER INSERT OR UPDATE OR DELETE ON {table} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {fn}('{kind}')"]
    return out


class ChangeListener:
    """Change notices from the city server, on a connection of their own.

    Parameters
    ----------
    url : str
        The server, as the officer's own login (``postgresql://LOGIN@HOST/DATABASE``).
    **kw
        Passed to :func:`psycopg.connect` (for instance ``password``).

    Examples
    --------
    >>> listener = ChangeListener(url)                      # doctest: +SKIP
    >>> listener.poll(timeout=1.0)                          # doctest: +SKIP
    {'tasks'}
    """

    def __init__(self, url: str, **kw: Any) -> None:
        from gisdesk.store.pg_datasource import remembered_password
        from gisdesk.store.server import connect

        if "password" not in kw and remembered_password(url):  # typed into the window: memory only
            kw["password"] = remembered_password(url)
        self.conn = connect(url, autocommit=True, **kw)
        self.conn.execute(f"LISTEN {CHANNEL}")

    def poll(self, timeout: float = 0.0) -> set[str]:
        """The kinds of record changed since the last poll (``incidents``, ``tasks``, ``questions``,
        ``notifications``); waits up to ``timeout`` seconds for the first notice when there is none."""
        # never leave the generator early: notices that came in the same packet would be lost
        kinds = {n.payload for n in self.conn.notifies(timeout=timeout, stop_after=1)}
        if kinds:  # then whatever else has arrived, without waiting
            kinds |= {n.payload for n in self.conn.notifies(timeout=0.0)}
        return kinds

    def close(self) -> None:
        """Stop listening and close the connection."""
        self.conn.close()

    def __enter__(self) -> "ChangeListener":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
