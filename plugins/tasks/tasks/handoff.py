"""From incidents to one task (Qt-free): which incidents are picked, and the task made for them.

The incident open in the Incidents panel is selected on the map, so :func:`selected_incidents`
finds it whichever map tool is active; several selected incidents make one task
(:func:`create_task_for`) about the most severe of them, whose area is all their places.
"""

from __future__ import annotations

from typing import Any

from gisdesk.api import PluginContext, Task, sort_texts

#: At most this many incidents in one task.
MAX_INCIDENTS = 200


def selected_incidents(ctx: PluginContext) -> list[str]:
    """The uuids of the incidents selected on the map (that the user may read), in selection order."""
    try:
        layer = ctx.workspace.layer("incidents")
    except KeyError:
        return []
    ids = [int(i) for i in ctx.canvas.selection(layer.id)][:MAX_INCIDENTS]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    key = ctx.workspace.id_column(layer.id)  # rowid in a workspace file, the table's key on the server
    rows = ctx.workspace.read(f"SELECT {key} AS r, uuid FROM incidents WHERE {key} IN ({marks})", ids)
    by_id = {r["r"]: r["uuid"] for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def create_task_for(ctx: PluginContext, uuids: list[str]) -> Task:
    """One task about the incidents ``uuids`` (the city): for one, :meth:`create_from_incident`; for
    several, a task about the most severe (its category and severity), whose area is all their places and
    whose description lists them. Raises what ``ctx.tasks`` raises (``PermissionDenied`` first)."""
    uuids = list(dict.fromkeys(uuids))
    if len(uuids) == 1:
        return ctx.tasks.create_from_incident(uuids[0])
    decision = ctx.tasks.may("create", "task")
    if not decision:
        from gisdesk.api import PermissionDenied

        raise PermissionDenied(f"cannot create a task: {decision.reason}")
    incidents = [ctx.incidents.get(u) for u in uuids]
    main = max(incidents, key=lambda i: (i.severity, -i.occurred_at.timestamp()))
    import shapely

    area: Any = shapely.unary_union([i.geometry for i in incidents])  # each place stays where it is
    lines = [f"- {i.category}, severity {i.severity}: {i.address or i.commune or '—'} — "
             f"{(i.description or '')[:80]} [{i.uuid}]" for i in incidents]
    communes = sort_texts({i.commune for i in incidents if i.commune})
    title = f"{main.category.capitalize()}: {len(incidents)} incidents" + (f" in {', '.join(communes[:3])}"
                                                                          if communes else "")
    return ctx.tasks.create(title[:120], category=main.category, severity=main.severity,
                            description=f"{len(incidents)} incidents, one task:\n" + "\n".join(lines),
                            area=area, incident_uuid=main.uuid,
                            note=f"one task for {len(incidents)} incidents: {', '.join(uuids)}")
