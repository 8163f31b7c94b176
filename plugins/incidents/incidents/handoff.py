"""From the Incidents panel to a task: the incidents picked are selected on the map and handed
to the Tasks panel (``ctx.tasks.hand_off``), which makes one task and opens its Assign form (Qt-free).
"""

from __future__ import annotations

from typing import Callable

from gisdesk.api import PluginContext


def select_on_map(ctx: PluginContext, uuids: list[str]) -> None:
    """Select the incidents ``uuids`` on the map (none: clear); other panels read the selection."""
    try:
        layer = ctx.workspace.layer("incidents")
    except KeyError:
        return
    if not uuids:
        ctx.canvas.select(layer.id, [])
        return
    marks = ",".join("?" * len(uuids))
    key = ctx.workspace.id_column(layer.id)  # rowid in a workspace file, the table's key on the server
    rows = ctx.workspace.read(f"SELECT {key} AS r FROM incidents WHERE uuid IN ({marks})", list(uuids))
    ctx.canvas.select(layer.id, [int(r["r"]) for r in rows])


def hand_off(ctx: PluginContext, uuids: list[str], tr: Callable[[str], str]) -> tuple[bool, str]:
    """Ask for one task about ``uuids``; returns (handed over, what to tell the user)."""
    decision = ctx.tasks.may("create", "task")
    if not decision:
        return False, tr("Not allowed: {reason}").format(reason=decision.reason)
    select_on_map(ctx, uuids)
    if not ctx.tasks.hand_off(uuids):
        return False, tr("Open the Tasks panel (View › Panels) to create tasks.")
    if len(uuids) == 1:
        return True, tr("Task created in the Tasks panel: assign it there.")
    return True, tr("One task created for {n} incidents in the Tasks panel.").format(n=len(uuids))
