"""The demo-city workspace: a Huế-like city for trying gisdesk out.

``build_workspace(path)`` writes a SpatiaLite workspace (EPSG:32648) with
planning, flood, infrastructure, camera, commune and incident layers, and the
flood-depth GeoTIFF beside it.
"""

from __future__ import annotations

from sample_layers._tasks import DEMO_PASSWORD
from sample_layers.generate import NotAWorkspaceError, build_workspace, raster_path

__all__ = ["DEMO_PASSWORD", "NotAWorkspaceError", "build_workspace", "raster_path"]
