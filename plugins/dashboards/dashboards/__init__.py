"""Dashboards panel: KPI cards, charts, commune ranking and an incident hotspot layer.

Everything goes through ``gisdesk.api``; the numbers are computed by the Qt-free
:mod:`dashboards.columns`, :mod:`dashboards.stats` and :mod:`dashboards.model`.
"""

from __future__ import annotations

from typing import Any


def activate(ctx: Any) -> None:
    """Nothing to do until the panel opens: it loads the incidents itself, off the GUI thread."""
    ctx.log.debug("dashboards ready")


def deactivate(ctx: Any) -> None:
    """The hotspot layer and the map tool go with the plugin's undos."""
