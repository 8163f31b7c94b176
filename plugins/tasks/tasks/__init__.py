"""Tasks: the two-level work between the city and its communes (a gisdesk plugin).

The panel (:mod:`tasks.panel`) is declared in ``gisdesk-plugin.toml``: a *My tasks*
inbox, the task detail (:mod:`tasks.detail`) with one small form per action
(:mod:`tasks.actions`) and the *City overview*. Everything goes through ``gisdesk.api``;
the rules (states, who may act, jurisdiction, versions) live in the core.
"""

from __future__ import annotations

from gisdesk.api import PluginContext


def activate(ctx: PluginContext) -> None:
    if not ctx.incidents.available:
        ctx.log.info("the workspace has no incidents/communes layers: the tasks panel stays idle")
