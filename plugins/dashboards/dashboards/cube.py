"""Count cubes built once per load, so a filter change is slicing and summing (Qt-free, numpy only).

* :func:`day_cube`: incidents per (day, commune, category, kind), ``kind`` = status class
  (open, resolved, other) x reported by a camera or not. Every card, the per-day curve and
  the category charts of a filter without a department are sums over a slice of it.
* :func:`month_cube`: per (month, commune, category): incidents, resolved incidents with a
  resolution time, and the sum of their hours to resolve (the ranking and month history).

Both are one ``bincount`` over the incidents, kept on the :class:`IncidentColumns` they
were built from. Commune index 0 is "no commune"; commune ``i`` is at ``i + 1``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dashboards.columns import IncidentColumns

#: Incident states that count as open, resolved (as :mod:`dashboards.stats`).
OPEN = ("new", "assigned", "in_progress")
RESOLVED = ("resolved", "closed")


@dataclass
class Cube:
    """``counts[t - first, commune + 1, category, ...]`` for ``t`` a day or a month."""

    first: int
    counts: np.ndarray

    def block(self, start: int, end: int) -> np.ndarray:
        """The sum over ``t`` in ``[start, end]`` (inclusive), zeros outside the data."""
        lo, hi = max(start - self.first, 0), min(end - self.first + 1, len(self.counts))
        if hi <= lo:
            return np.zeros(self.counts.shape[1:], dtype=self.counts.dtype)
        return self.counts[lo:hi].sum(axis=0)


def _class_of(cols: IncidentColumns) -> np.ndarray:
    table = np.full(len(cols.statuses), 2, dtype=np.int64)
    table[[cols.statuses.index(s) for s in OPEN if s in cols.statuses]] = 0
    table[[cols.statuses.index(s) for s in RESOLVED if s in cols.statuses]] = 1
    return table[cols.status]


def _key(t: np.ndarray, cols: IncidentColumns) -> tuple[np.ndarray, int, int, int]:
    first = int(t.min()) if len(t) else 0
    n = int(t.max()) - first + 1 if len(t) else 0
    c1, k = len(cols.communes) + 1, len(cols.categories)
    key = ((t - first) * c1 + (cols.commune.astype(np.int64) + 1)) * k + cols.category
    return key, first, n, c1 * k


def day_cube(cols: IncidentColumns) -> Cube:
    """Incidents per (day, commune + 1, category, kind); ``kind`` = 2 x status class + camera."""
    cube = cols.__dict__.get("_day_cube")
    if cube is None:
        key, first, n, cells = _key(cols.day, cols)
        camera = cols.channels.index("camera") if "camera" in cols.channels else -1
        kind = _class_of(cols) * 2 + (cols.channel == camera)
        counts = np.bincount(key * 6 + kind, minlength=n * cells * 6)
        cube = cols.__dict__["_day_cube"] = Cube(first, counts.reshape(n, len(cols.communes) + 1,
                                                                          len(cols.categories), 6))
    return cube


def month_cube(cols: IncidentColumns) -> Cube:
    """Per (month, commune + 1, category): incidents, resolved (with a time), hours to resolve."""
    cube = cols.__dict__.get("_month_cube")
    if cube is None:
        key, first, n, cells = _key(cols.month, cols)
        resolved = (_class_of(cols) == 1) & (cols.resolved >= 0)
        hours = np.where(resolved, (cols.resolved - cols.minute) / 60.0, 0.0)
        shape = (n, len(cols.communes) + 1, len(cols.categories))
        parts = [np.bincount(key, minlength=n * cells), np.bincount(key, weights=resolved, minlength=n * cells),
                 np.bincount(key, weights=hours, minlength=n * cells)]
        cube = cols.__dict__["_month_cube"] = Cube(first, np.stack([p.reshape(shape) for p in parts], axis=-1))
    return cube


def pick(block: np.ndarray, commune: int | None, category: int | None) -> np.ndarray:
    """``block[commune + 1, category]`` kept (others zeroed) for the chosen codes (None: all; -2: none)."""
    out = block
    if commune is not None:
        keep = np.zeros(block.shape[0], bool)
        if commune >= 0:
            keep[commune + 1] = True
        out = np.where(keep.reshape((-1,) + (1,) * (block.ndim - 1)), out, 0)
    if category is not None:
        keep = np.zeros(block.shape[1], bool)
        if category >= 0:
            keep[category] = True
        out = np.where(keep.reshape((1, -1) + (1,) * (block.ndim - 2)), out, 0)
    return out
