"""What every part of the demo-city generator shares: constants, frame and random draws.

The city lives in EPSG:32648 (:data:`SRID`) around :data:`CENTER`, and every
timestamp is measured from the fixed :data:`EPOCH`. Each layer draws from its
own ``numpy.random.default_rng`` stream (:func:`_rng`), so the same seed gives
the same values whatever the size of the other layers. The workspace-format
constants (:data:`GENERATOR`, :data:`LAYER_GROUPS`, ...) live here too;
:mod:`sample_layers.generate` re-exports all of them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import shapely

SRID = 32648
EPOCH = np.datetime64("2026-10-01T00:00", "m")
EPOCH_TEXT = "2026-10-01T00:00:00Z"
SCHEMA_VERSION = 1
CHUNK = 50_000
GENERATOR = "gisdesk.sample_layers 1"

#: Layer -> group, in layer-tree order (position 0 is the top of the tree).
LAYER_GROUPS: tuple[tuple[str, str], ...] = (
    ("incidents", "Incidents"), ("cameras", "Cameras"), ("flood_hotspots", "Flood"),
    ("rivers", "Flood"), ("flood_extents", "Flood"), ("bridges", "Infrastructure"),
    ("pumping_stations", "Infrastructure"), ("drains", "Infrastructure"),
    ("roads", "Infrastructure"), ("communes", "Communes"), ("planning_zones", "Planning"),
)

#: The city centre, 107.58 E 16.46 N, in EPSG:32648 (pyproj, rounded to 10 m).
CENTER = np.array([775_480.0, 1_821_580.0])
CENTER_LONLAT = (107.58, 16.46)

Progress = Callable[[str, float], None]


def _rng(seed: int, stream: int) -> np.random.Generator:
    """An independent generator per layer, so one layer's size never shifts another's values."""
    return np.random.default_rng([seed, stream])


def _pick(rng: np.random.Generator, weights: np.ndarray) -> np.ndarray:
    """One index per row of ``weights`` (n, k), drawn with probability proportional to the row."""
    cdf = np.cumsum(weights, axis=1)
    u = rng.random(len(weights)) * cdf[:, -1]
    return np.minimum((u[:, None] > cdf).sum(axis=1), weights.shape[1] - 1)


def _iso(minutes: np.ndarray) -> np.ndarray:
    """ISO-8601 UTC text ('2026-10-03T14:05:00Z') of datetime64 values."""
    return np.datetime_as_string(np.asarray(minutes).astype("M8[s]"), timezone="UTC")


def _locate(tree: shapely.STRtree, x: np.ndarray, y: np.ndarray, predicate: str = "within") -> np.ndarray:
    """Index of the commune holding each point, -1 where none does (vectorised)."""
    idx = np.full(len(x), -1, dtype=np.int64)
    pi, ci = tree.query(shapely.points(x, y), predicate=predicate)
    idx[pi] = ci
    return idx


def _spaced(rng: np.random.Generator, n: int, draw: Callable[[int], np.ndarray],
            spacing: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``n`` points from ``draw`` (batches of candidates), each at least ``spacing(p)`` from the others."""
    pts: list[np.ndarray] = []
    while len(pts) < n:
        cand = draw(256)
        gap = spacing(cand)
        for p, g in zip(cand, gap):
            if not pts or np.min(np.hypot(*(np.asarray(pts) - p).T)) >= g:
                pts.append(p)
                if len(pts) == n:
                    break
    return np.asarray(pts)


def uuid4_strings(rng: np.random.Generator, n: int) -> list[str]:
    """``n`` random version-4 UUID strings drawn from ``rng``, vectorised.

    Equal to ``str(uuid.UUID(bytes=b, version=4))`` for consecutive 16-byte
    slices ``b`` of ``rng.bytes(16 * n)``.
    """
    if n == 0:
        return []
    b = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16).copy()
    b[:, 6] = (b[:, 6] & 0x0F) | 0x40
    b[:, 8] = (b[:, 8] & 0x3F) | 0x80
    digits = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
    hexed = np.empty((n, 32), dtype=np.uint8)
    hexed[:, 0::2] = digits[b >> 4]
    hexed[:, 1::2] = digits[b & 0x0F]
    out = np.full((n, 36), ord("-"), dtype=np.uint8)
    for src, dst in ((0, 0), (8, 9), (12, 14), (16, 19), (20, 24)):
        width = {0: 8, 8: 4, 12: 4, 16: 4, 20: 12}[src]
        out[:, dst : dst + width] = hexed[:, src : src + width]
    return out.view("S36").ravel().astype("U36").tolist()
