"""Dashboard aggregations over :class:`~dashboards.columns.IncidentColumns` (Qt-free, numpy only).

A :class:`Filter` picks incidents with boolean masks; every chart's numbers are one
``bincount`` over the picked rows, so a filter change over a million incidents costs a
few tens of milliseconds and no SQL.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from dashboards import cube
from dashboards.columns import MINUTES_PER_DAY, IncidentColumns

#: Incident states that count as open, resolved.
OPEN = ("new", "assigned", "in_progress")
RESOLVED = ("resolved", "closed")
#: Task workflow stages of the funnel, in order, and the stage each task state has reached.
FUNNEL = ("created", "assigned", "accepted", "in_progress", "done", "closed")
_REACHED = {"created": 0, "assigned": 1, "returned": 1, "accepted": 2, "in_progress": 3, "done": 4, "closed": 5}


@dataclass(frozen=True)
class Filter:
    """What the dashboard shows: days ``[start_day, end_day]`` (UTC epoch days, inclusive) and
    optionally one commune, category and department (names; None = all)."""

    start_day: int
    end_day: int
    commune: str | None = None
    category: str | None = None
    department: str | None = None

    @property
    def days(self) -> int:
        return self.end_day - self.start_day + 1

    def previous(self) -> Filter:
        """The period of the same length just before this one, other choices kept."""
        return replace(self, start_day=self.start_day - self.days, end_day=self.start_day - 1)


def day_iso(day: int) -> str:
    """``2026-09-30`` for an epoch day."""
    return str(np.datetime64(int(day), "D"))


def day_start_utc(day: int) -> str:
    """The ISO UTC instant a day starts (for ``ctx.tasks.kpis``)."""
    return f"{day_iso(day)}T00:00:00Z"


def _code(names: tuple[str, ...], value: str | None) -> int | None:
    if value is None:
        return None
    return names.index(value) if value in names else -2  # -2 matches nothing


def unit_mask(cols: IncidentColumns, f: Filter) -> np.ndarray:
    """Incidents matching the commune, category and department of ``f`` (any date)."""
    m = np.ones(len(cols), dtype=bool)
    for name, values, value in (("commune", cols.communes, f.commune), ("category", cols.categories, f.category),
                                ("department", cols.departments, f.department)):
        code = _code(values, value)
        if code is not None:
            m &= getattr(cols, name) == code
    return m


def date_mask(cols: IncidentColumns, f: Filter) -> np.ndarray:
    lo, hi = f.start_day * MINUTES_PER_DAY, (f.end_day + 1) * MINUTES_PER_DAY
    return (cols.minute >= lo) & (cols.minute < hi)


def mask(cols: IncidentColumns, f: Filter) -> np.ndarray:
    """Incidents matching every choice of ``f``."""
    return unit_mask(cols, f) & date_mask(cols, f)


def per_day(cols: IncidentColumns, units: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(epoch days, incidents per day) over the whole time the data covers, for ``units`` rows."""
    if not len(cols):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    day = cols.day
    first, last = int(day.min()), int(day.max())
    counts = np.bincount(day[units] - first, minlength=last - first + 1)
    return np.arange(first, last + 1), counts


def per_day_of(cols: IncidentColumns, f: Filter) -> tuple[np.ndarray, np.ndarray]:
    """:func:`per_day` of the commune, category and department of ``f``: a slice of the day cube."""
    if f.department is not None or not len(cols):
        return per_day(cols, unit_mask(cols, f))
    c = cube.day_cube(cols)
    counts = c.counts
    commune, category = _code(cols.communes, f.commune), _code(cols.categories, f.category)
    if commune is not None:
        counts = counts[:, commune + 1:commune + 2] if commune >= 0 else counts[:, :0]
    if category is not None:
        counts = counts[:, :, category:category + 1] if category >= 0 else counts[:, :, :0]
    return np.arange(c.first, c.first + len(c.counts)), counts.sum(axis=(1, 2, 3))


def counts_by(codes: np.ndarray, m: np.ndarray, n: int) -> np.ndarray:
    """How many picked rows hold each code ``0..n-1``."""
    return np.bincount(codes[m], minlength=n)[:n]


def _statuses_in(cols: IncidentColumns, names: tuple[str, ...]) -> np.ndarray:
    return cols.status_in(names)


def _population(cols: IncidentColumns, f: Filter) -> float:
    return float(cols.population[cols.communes.index(f.commune)]) if f.commune in cols.communes \
        else float(cols.population.sum()) if cols.population is not None else 0.0


def incident_summary(cols: IncidentColumns, f: Filter) -> dict[str, Any]:
    """Counts for the cards and charts of one filter (a slice of the day cube; masks with a department)."""
    if f.department is None:
        block = cube.pick(cube.day_cube(cols).block(f.start_day, f.end_day), _code(cols.communes, f.commune),
                          _code(cols.categories, f.category))  # (commune + 1, category, kind)
        by_kind = block.sum(axis=(0, 1))
        return {"incidents": int(by_kind.sum()), "open": int(by_kind[0:2].sum()),
                "resolved": int(by_kind[2:4].sum()), "by_category": block.sum(axis=(0, 2)),
                "by_commune": block.sum(axis=(1, 2))[1:], "camera_by_type": block[:, :, 1::2].sum(axis=(0, 2)),
                "population": _population(cols, f)}
    return _summary_by_masks(cols, f)


def _summary_by_masks(cols: IncidentColumns, f: Filter) -> dict[str, Any]:
    m = mask(cols, f)
    camera = cols.channels.index("camera") if "camera" in cols.channels else -1
    return {
        "incidents": int(m.sum()),
        "open": int((m & _statuses_in(cols, OPEN)).sum()),
        "resolved": int((m & _statuses_in(cols, RESOLVED)).sum()),
        "by_category": counts_by(cols.category, m, len(cols.categories)),
        "by_commune": counts_by(cols.commune[m] + 1, np.ones(int(m.sum()), bool), len(cols.communes) + 1)[1:]
        if len(cols.communes) else np.zeros(0, np.int64),
        "camera_by_type": counts_by(cols.category, m & (cols.channel == camera), len(cols.categories)),
        "population": _population(cols, f),
    }


def change(current: float | None, previous: float | None) -> float | None:
    """``current - previous`` (None when either is unknown)."""
    if current is None or previous is None:
        return None
    return current - previous


def months(cols: IncidentColumns) -> list[str]:
    """The months the data covers, ``YYYY-MM``, oldest first."""
    if not len(cols):
        return []
    lo, hi = np.array(cols.day_span()).astype("M8[D]").astype("M8[M]")
    return [str(m) for m in np.arange(lo, hi + 1)]


def _month_days(month: str) -> tuple[int, int]:
    start = np.datetime64(month, "M")
    return int(start.astype("M8[D]").astype(np.int64)), int((start + 1).astype("M8[D]").astype(np.int64)) - 1


def _unit_rows(cols: IncidentColumns, m: np.ndarray) -> dict[str, np.ndarray]:
    """Per commune: incidents, resolved, mean hours to resolve (nan where none)."""
    n = len(cols.communes)
    held = m & (cols.commune >= 0)
    code = cols.commune[held].astype(np.int64)
    resolved = _statuses_in(cols, RESOLVED)[held] & (cols.resolved[held] >= 0)
    hours = np.where(resolved, (cols.resolved[held] - cols.minute[held]) / 60.0, 0.0)
    count = np.bincount(code, minlength=n)
    res = np.bincount(code, weights=resolved, minlength=n)
    hsum = np.bincount(code, weights=hours, minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return {"incidents": count, "resolved": res, "resolution_rate": np.where(count > 0, res / count, np.nan),
                "mean_hours": np.where(res > 0, hsum / res, np.nan)}


def _rows_of(count: np.ndarray, res: np.ndarray, hsum: np.ndarray) -> dict[str, np.ndarray]:
    with np.errstate(invalid="ignore", divide="ignore"):
        return {"incidents": count, "resolved": res, "resolution_rate": np.where(count > 0, res / count, np.nan),
                "mean_hours": np.where(res > 0, hsum / res, np.nan)}


def _month_rows(cols: IncidentColumns, f: Filter, month: str) -> dict[str, np.ndarray]:
    """:func:`_unit_rows` of one month for the category of ``f``, from the month cube."""
    m = int(np.datetime64(month, "M").astype(np.int64))
    block = cube.pick(cube.month_cube(cols).block(m, m), None, _code(cols.categories, f.category))
    per = block.sum(axis=1)[1:]  # (commune, [count, resolved, hours])
    return _rows_of(per[:, 0].astype(np.int64), per[:, 1], per[:, 2])


def ranking(cols: IncidentColumns, f: Filter, month: str) -> list[dict[str, Any]]:
    """Beijing-style monthly ranking of the communes for ``month`` (``YYYY-MM``).

    Each commune is scored on the incidents of the month (category and department of
    ``f`` apply; its dates and commune do not): ``score`` = 100 x the share resolved; ties
    go to fewer incidents per 10,000 residents. ``rank_change`` is the gain in places
    against the month before (positive: climbed).
    """
    start, end = _month_days(month)
    base = replace(f, commune=None)
    prev_start, prev_end = _month_days(str(np.datetime64(month, "M") - 1))
    if f.department is None:
        this, before = _month_rows(cols, f, month), _month_rows(cols, f, str(np.datetime64(month, "M") - 1))
    else:
        this = _unit_rows(cols, mask(cols, replace(base, start_day=start, end_day=end)))
        before = _unit_rows(cols, mask(cols, replace(base, start_day=prev_start, end_day=prev_end)))
    pop = cols.population if cols.population is not None else np.zeros(len(cols.communes))

    def ranks(rows: dict[str, np.ndarray]) -> np.ndarray:
        score = np.nan_to_num(rows["resolution_rate"], nan=-1.0)
        per10k = np.where(pop > 0, rows["incidents"] / np.maximum(pop, 1) * 1e4, np.inf)
        order = np.lexsort((per10k, -score))
        out = np.empty(len(order), dtype=np.int64)
        out[order] = np.arange(1, len(order) + 1)
        return out

    now_rank, prev_rank = ranks(this), ranks(before)
    had_prev = before["incidents"] > 0
    rows = []
    for i, name in enumerate(cols.communes):
        rate = this["resolution_rate"][i]
        rows.append({
            "rank": int(now_rank[i]), "commune": name, "incidents": int(this["incidents"][i]),
            "per_10k": float(this["incidents"][i] / pop[i] * 1e4) if pop[i] > 0 else None,
            "resolution_rate": None if np.isnan(rate) else float(rate),
            "mean_hours": None if np.isnan(this["mean_hours"][i]) else float(this["mean_hours"][i]),
            "score": None if np.isnan(rate) else round(100 * float(rate), 1),
            "rank_change": int(prev_rank[i] - now_rank[i]) if had_prev[i] else None,
        })
    rows.sort(key=lambda r: r["rank"])
    return rows


def month_history(cols: IncidentColumns, f: Filter) -> list[dict[str, Any]]:
    """Month by month for the commune of ``f`` (or the whole city): incidents, resolved share, hours."""
    return _history_from_cube(cols, f) if f.department is None else _history_by_masks(cols, f)


def _history_by_masks(cols: IncidentColumns, f: Filter) -> list[dict[str, Any]]:
    units = unit_mask(cols, replace(f, commune=None))
    month = cols.month
    code = cols.communes.index(f.commune) if f.commune in cols.communes else None
    m = units & (cols.commune == code) if code is not None else units
    if not m.any():
        return []
    first = int(month[m].min())
    k = month[m] - first
    n = int(k.max()) + 1
    resolved = _statuses_in(cols, RESOLVED)[m] & (cols.resolved[m] >= 0)
    hours = np.where(resolved, (cols.resolved[m] - cols.minute[m]) / 60.0, 0.0)
    count = np.bincount(k, minlength=n)
    res = np.bincount(k, weights=resolved, minlength=n)
    hsum = np.bincount(k, weights=hours, minlength=n)
    rows = []
    for i in range(n):
        rows.append({"month": str(np.datetime64(first + i, "M")), "incidents": int(count[i]),
                     "resolution_rate": float(res[i] / count[i]) if count[i] else None,
                     "mean_hours": float(hsum[i] / res[i]) if res[i] else None})
    return rows[::-1]


def _history_from_cube(cols: IncidentColumns, f: Filter) -> list[dict[str, Any]]:
    c = cube.month_cube(cols)
    code = cols.communes.index(f.commune) if f.commune in cols.communes else None  # else the whole city
    counts = c.counts if code is None else c.counts[:, code + 1:code + 2]
    category = _code(cols.categories, f.category)
    if category is not None:
        counts = counts[:, :, category:category + 1] if category >= 0 else counts[:, :, :0]
    per = counts.sum(axis=(1, 2))  # (month, [count, resolved, hours])
    seen = np.flatnonzero(per[:, 0] > 0)
    if not len(seen):
        return []
    rows = []
    for i in range(seen[0], seen[-1] + 1):  # one per month shown
        n, res, hsum = int(per[i, 0]), per[i, 1], per[i, 2]
        rows.append({"month": str(np.datetime64(c.first + i, "M")), "incidents": n,
                     "resolution_rate": float(res / n) if n else None,
                     "mean_hours": float(hsum / res) if res else None})
    return rows[::-1]


def funnel(states: list[str]) -> list[int]:
    """How many tasks reached each :data:`FUNNEL` stage (cancelled tasks left out)."""
    reached = np.array([_REACHED[s] for s in states if s in _REACHED], dtype=np.int64)
    counts = np.bincount(reached, minlength=len(FUNNEL))
    return [int(v) for v in counts[::-1].cumsum()[::-1]]


# -- hexagon density -------------------------------------------------------------------
def hex_bins(x: np.ndarray, y: np.ndarray, size: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Bin points into pointy-top hexagons of circumradius ``size``.

    Returns the hexagon centres (x, y) and the number of points in each non-empty one.
    """
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if not len(x):
        return np.zeros(0), np.zeros(0), np.zeros(0, np.int64)
    w = np.sqrt(3.0) * size
    q = (np.sqrt(3.0) / 3 * x - y / 3) / size
    r = (2.0 / 3 * y) / size
    # cube rounding
    cx, cz = q, r
    cy = -cx - cz
    rx, ry, rz = np.round(cx), np.round(cy), np.round(cz)
    dx, dy, dz = np.abs(rx - cx), np.abs(ry - cy), np.abs(rz - cz)
    fix_x = (dx > dy) & (dx > dz)
    fix_y = ~fix_x & (dy > dz)
    rx = np.where(fix_x, -ry - rz, rx)
    rz = np.where(~fix_x & ~fix_y, -rx - ry, rz)
    qi, ri = rx.astype(np.int64), rz.astype(np.int64)
    q0, r0 = qi.min(), ri.min()
    span = int(ri.max() - r0 + 1)
    key = (qi - q0) * span + (ri - r0)
    keys, counts = np.unique(key, return_counts=True)
    hq, hr = keys // span + q0, keys % span + r0
    return w * (hq + hr / 2.0), 1.5 * size * hr, counts


def hex_corners(cx: np.ndarray, cy: np.ndarray, size: float) -> np.ndarray:
    """(n, 7, 2) closed rings of pointy-top hexagons around the centres."""
    angles = np.deg2rad(30 + 60 * np.arange(7))
    return np.stack([cx[:, None] + size * np.cos(angles), cy[:, None] + size * np.sin(angles)], axis=-1)


def classes(counts: np.ndarray, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    """Class 0..k-1 of each count by quantile breaks (duplicate breaks merged), and the upper breaks."""
    if not len(counts):
        return np.zeros(0, np.int64), np.zeros(0)
    breaks = np.unique(np.ceil(np.quantile(counts, np.linspace(0, 1, k + 1)[1:])))
    return np.searchsorted(breaks, counts, side="left").clip(0, len(breaks) - 1), breaks
