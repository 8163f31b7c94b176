"""Map tool: click a commune to filter the dashboard by it (selects it on the communes layer)."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely


class PickCommune:
    """Selects the commune under a left click; the dashboard follows the communes selection."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        rows = ctx.workspace.read("SELECT fid, ST_AsBinary(geom) AS wkb FROM communes WHERE geom IS NOT NULL")
        self.fids = np.array([r["fid"] for r in rows], dtype=np.int64)
        self.shapes = shapely.from_wkb([r["wkb"] for r in rows])
        shapely.prepare(self.shapes)

    def commune_at(self, x: float, y: float) -> int | None:
        hit = np.flatnonzero(shapely.contains_xy(self.shapes, x, y))
        return int(self.fids[hit[0]]) if len(hit) else None

    def on_release(self, event: Any) -> None:
        if event.button != "left":
            return
        layer = self.ctx.workspace.layer("communes")
        fid = self.commune_at(event.x, event.y)
        self.ctx.canvas.select(layer.id, [] if fid is None else [fid])


def pick_commune(ctx: Any) -> PickCommune:
    return PickCommune(ctx)
