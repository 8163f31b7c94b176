"""The incident hotspot layer: hexagon density of the filtered incidents on the map canvas."""

from __future__ import annotations

from typing import Any

import numpy as np
import shapely

from dashboards import stats

#: Light to dark: one ``add_graphics`` call per class.
COLORS = ("#fee5d9", "#fcae91", "#fb6a4a", "#de2d26", "#a50f15")
NAMES = tuple(f"hotspots_{k}" for k in range(len(COLORS)))


class HotspotLayer:
    """Draws and removes the hexagons through ``ctx.canvas`` (one graphics set per colour class)."""

    def __init__(self, ctx: Any, size_m: float = 400.0) -> None:
        self.ctx = ctx
        self.size_m = size_m
        self.breaks = np.zeros(0)
        self.hexagons = 0

    def draw(self, x: np.ndarray, y: np.ndarray) -> None:
        cx, cy, counts = stats.hex_bins(x, y, self.size_m)
        cls, self.breaks = stats.classes(counts, len(COLORS))
        self.hexagons = len(counts)
        polys = shapely.polygons(stats.hex_corners(cx, cy, self.size_m)) if len(counts) else np.zeros(0, object)
        # the darkest classes keep their colour; with few distinct counts, use the top of the ramp
        offset = len(COLORS) - len(self.breaks)
        for k, name in enumerate(NAMES):
            pick = polys[cls + offset == k] if len(counts) else polys
            if len(pick):
                self.ctx.canvas.add_graphics(name, list(pick), fill=COLORS[k] + "99", stroke="#7f000040",
                                             stroke_width=0.5)
            else:
                self.ctx.canvas.remove_graphics(name)

    def remove(self) -> None:
        for name in NAMES:
            self.ctx.canvas.remove_graphics(name)
        self.hexagons = 0

    def legend(self) -> list[tuple[str, str]]:
        """(colour, "up to N incidents") per class shown."""
        offset = len(COLORS) - len(self.breaks)
        return [(COLORS[k + offset], f"≤ {b:,.0f}") for k, b in enumerate(self.breaks)]
