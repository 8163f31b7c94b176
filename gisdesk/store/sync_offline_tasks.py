"""Tasks created in a package: what travels with the ``create`` event, and its replay at the source.

Where the access policy lets the package's user create a task (the city's dispatcher or
administrator working offline: :func:`gisdesk.core.access.decide` ``create`` ``task``), the
package's :class:`~gisdesk.store.tasks_store.TaskStore` creates it as anywhere else; where it
does not (a commune or department officer), the store refuses it *at creation time on the
laptop* with the policy's reason, and nothing is logged.

A ``create`` change carries the task's own fields (:func:`created_task`: title, description,
category, severity, incident, area as hex WKB), because the event row alone does not. The
source replays it (:func:`replay_create`) as the package's user through the same store: the
policy is asked again (and on the city server row-level security checks the rows), the
task keeps its UUID and the event its id, and the task gets the *source's* case number and
the source's clock (the laptop's time is kept as ``offline_at`` in the event's data: a
laptop's clock orders nothing). The source's row then comes back to the package with the
next file for it (its case number replaces the provisional one the package gave it).
"""

from __future__ import annotations

from typing import Any

from gisdesk.core.incidents import iso_utc
from gisdesk.core.tasks import Event, Task

#: The task fields a ``create`` change carries.
CREATED_FIELDS: tuple[str, ...] = ("title", "description", "category", "severity", "incident_uuid", "area")


def created_task(conn: Any, task_uuid: str) -> dict[str, Any] | None:
    """The fields of the task ``task_uuid`` a ``create`` change carries (``area`` as hex WKB), or None."""
    cur = conn.execute(f"SELECT {', '.join(CREATED_FIELDS)} FROM tasks WHERE uuid = ?", (task_uuid,))
    row = cur.fetchone()
    if row is None:
        return None
    out = dict(zip(CREATED_FIELDS, row))
    out["area"] = bytes(out["area"]).hex() if out["area"] is not None else None
    return out


def replay_create(store: Any, rec: dict[str, Any], package_id: str) -> tuple[str, str | None, str | None]:
    """Create at the source the task a package created (same UUID, same event id); ``("applied", None, None)``.

    Raises
    ------
    PermissionDenied
        The policy (or, on the server, row-level security) does not let the package's user create tasks.
    ValueError
        The change does not carry the task's fields (a package of an older gisdesk).
    """
    import shapely

    from gisdesk.store.case_numbers import next_case_number

    fields = rec.get("task")
    if not isinstance(fields, dict) or not fields.get("title"):
        raise ValueError("the task's fields are missing from the change (made by an older gisdesk): "
                         "create the task at the source")
    store._require("create", "task")
    if store.conn.execute("SELECT 1 FROM tasks WHERE uuid = ?", (rec["task_uuid"],)).fetchone():
        return "identical", "the task is already here", None
    now = store._now()
    who = store.user.username
    area = shapely.from_wkb(bytes.fromhex(fields["area"])) if fields.get("area") else None
    task = Task(uuid=rec["task_uuid"], title=fields["title"], category=fields.get("category") or "",
                severity=int(fields.get("severity") or 2), description=fields.get("description") or "",
                area=area, incident_uuid=fields.get("incident_uuid"), created_at=now, created_by=who,
                updated_at=now, updated_by=who)
    task.check()
    data = dict(rec.get("data") or {})
    task.case_no = next_case_number(store.conn, iso_utc(now))
    store._insert(task)
    store.next_event_id = rec["id"]
    store.next_event_data = {"offline_at": rec.get("at"), "package": package_id}
    try:
        store._event(Event(task.uuid, "create", None, "created", who, now, rec.get("note"), data), 1)
    finally:
        store.next_event_id, store.next_event_data = None, None
    return "applied", None, None
