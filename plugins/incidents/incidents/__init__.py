"""Incidents: draw, route and de-duplicate incidents on the map (a gisdesk plugin).

The panel (:mod:`incidents.panel`) and the map tools (:mod:`incidents.tools`) are
declared in ``gisdesk-plugin.toml``; everything goes through ``gisdesk.api`` only.
"""

from __future__ import annotations

from gisdesk.api import PluginContext


def activate(ctx: PluginContext) -> None:
    ctx.settings.setdefault("min_confidence", 0.6)
    if not ctx.incidents.available:
        ctx.log.info("the workspace has no incidents/communes layers: the incidents panel stays idle")
