"""A uniform grid over feature boxes, so a zoomed view touches only nearby features.

Built once per cached data set (numpy, no loop per feature): each feature is filed
under the grid cell of its box's lower-left corner, features sorted by cell. A feature
no bigger than a cell can only meet a view if its cell lies in the view widened by a
cell to the left and below, and the cells of one grid row are consecutive in that
order, so a query gathers one run of features per grid row, then tests the candidates'
boxes exactly. Features bigger than a cell are kept apart and always tested.
"""

from __future__ import annotations

import numpy as np

from gisdesk.store.geoblob import concat_ranges

#: Aim for about this many features per cell.
PER_CELL = 8
MAX_CELLS_PER_SIDE = 2048


class FeatureGrid:
    """Features' boxes indexed by a uniform grid.

    Parameters
    ----------
    boxes : ndarray, shape (N, 4) or (N, 2)
        Each feature's (minx, miny, maxx, maxy), or for points their (x, y): the grid then
        keeps a reference to them, not a copy. Boxes with NaN (empty features) are never returned.
    """

    def __init__(self, boxes: np.ndarray) -> None:
        boxes = np.asarray(boxes)
        self.boxes = boxes
        self.count = n = len(boxes)
        points = boxes.ndim == 2 and boxes.shape[1] == 2
        self._hi = (0, 1) if points else (2, 3)  # columns of the boxes' maxima
        ok = np.isfinite(boxes).all(axis=1)
        if not ok.any():
            self.extent = (0.0, 0.0, 0.0, 0.0)
            self.nx = self.ny = 1
            self.cw = self.ch = 1.0
            self._hi = (2, 3)
            self.order = np.empty(0, np.int64)
            self.cell_start = np.zeros(2, np.int64)
            self.big = np.empty(0, np.int64)
            return
        b = boxes if ok.all() else boxes[ok]
        hx, hy = self._hi
        x0, y0 = float(b[:, 0].min()), float(b[:, 1].min())
        x1, y1 = float(b[:, hx].max()), float(b[:, hy].max())
        self.extent = (x0, y0, x1, y1)
        w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
        cells = max(1.0, n / PER_CELL)
        # square-ish cells over the extent
        side = np.sqrt(w * h / cells)
        self.nx = int(np.clip(np.ceil(w / side), 1, MAX_CELLS_PER_SIDE))
        self.ny = int(np.clip(np.ceil(h / side), 1, MAX_CELLS_PER_SIDE))
        self.cw, self.ch = w / self.nx, h / self.ny
        idx = np.flatnonzero(ok).astype(np.int32 if n < 2**31 else np.int64)
        if points:
            self.big = idx[:0]
            small, bs = idx, b
        else:
            big = ((b[:, 2] - b[:, 0]) > self.cw) | ((b[:, 3] - b[:, 1]) > self.ch)
            self.big = idx[big]
            small, bs = idx[~big], b[~big]
        cx = np.clip(((bs[:, 0] - x0) / self.cw).astype(np.int32), 0, self.nx - 1)
        cy = np.clip(((bs[:, 1] - y0) / self.ch).astype(np.int32), 0, self.ny - 1)
        cell = cy * np.int32(self.nx) + cx
        by_cell = np.argsort(cell, kind="stable")
        self.order = small[by_cell]
        self.cell_start = np.zeros(self.nx * self.ny + 1, np.int64)
        np.cumsum(np.bincount(cell, minlength=self.nx * self.ny), out=self.cell_start[1:])

    def covers(self, bbox: tuple[float, float, float, float]) -> bool:
        """Whether ``bbox`` contains every feature (a query would return them all)."""
        x0, y0, x1, y1 = self.extent
        return bbox[0] <= x0 and bbox[1] <= y0 and bbox[2] >= x1 and bbox[3] >= y1

    def query(self, bbox: tuple[float, float, float, float]) -> np.ndarray:
        """Sorted indices of the features whose box intersects ``bbox`` (edges included)."""
        qx0, qy0, qx1, qy1 = bbox
        x0, y0, _, _ = self.extent
        # a small feature filed in cell c starts in it and reaches at most one cell further;
        # two cells of slack absorb rounding at cell edges
        c0 = int(np.clip(np.floor((qx0 - x0) / self.cw) - 2, 0, self.nx - 1))
        c1 = int(np.clip(np.floor((qx1 - x0) / self.cw), -1, self.nx - 1))
        r0 = int(np.clip(np.floor((qy0 - y0) / self.ch) - 2, 0, self.ny - 1))
        r1 = int(np.clip(np.floor((qy1 - y0) / self.ch), -1, self.ny - 1))
        parts = [self.big]
        if c1 >= c0 and r1 >= r0 and len(self.order):
            rows = np.arange(r0, r1 + 1, dtype=np.int64) * self.nx
            starts = self.cell_start[rows + c0]
            ends = self.cell_start[rows + c1 + 1]
            parts.append(self.order[concat_ranges(starts, ends - starts)])
        cand = np.concatenate(parts) if len(parts) > 1 else parts[0]
        b = self.boxes[cand]
        hx, hy = self._hi
        hit = (b[:, hx] >= qx0) & (b[:, 0] <= qx1) & (b[:, hy] >= qy0) & (b[:, 1] <= qy1)
        return np.sort(cand[hit])


__all__ = ["FeatureGrid"]
