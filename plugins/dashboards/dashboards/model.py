"""What the dashboard shows for one filter, computed without Qt (:class:`DashboardModel`).

The model reads the workspace once (:meth:`DashboardModel.load`, safe on a worker
thread) and then answers :meth:`DashboardModel.snapshot` for any :class:`Filter` from
numpy columns and ``ctx.tasks`` (whose KPIs are the cards' on-time, resolution and
overdue numbers, with the same commune, department and dates).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from dashboards import cells, columns, cube, server_columns, stats
from dashboards.columns import IncidentColumns
from dashboards.stats import Filter

#: Card targets (``ctx.settings["targets"]`` overrides any of them).
DEFAULT_TARGETS: dict[str, float] = {
    "on_time_rate": 0.96,        # Hue's target: 96 % of tasks done before their deadline
    "resolution_rate": 0.90,
    "satisfaction": 0.85,
    "open_per_10k": 5.0,         # open incidents per 10,000 residents, at most
    "overdue_tasks": 0.0,
    "cameras_online": 0.95,
}
#: ``True``: higher is better (the target is a minimum); ``False``: it is a maximum.
HIGHER_IS_BETTER = {"on_time_rate": True, "resolution_rate": True, "satisfaction": True, "open_per_10k": False,
                    "open_incidents": False, "overdue_tasks": False, "cameras_online": True}


@dataclass
class Side:
    """Small tables read once next to the incidents: cameras and flood gauges."""

    camera_commune: list[str | None] = field(default_factory=list)
    camera_online: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    hotspots: list[dict[str, Any]] = field(default_factory=list)
    reading_hotspot: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    reading_minute: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    reading_level: np.ndarray = field(default_factory=lambda: np.zeros(0))


def read_side(read: Any, server: bool = False) -> Side:
    """Cameras, hotspots and gauge readings (tens of thousands of rows at most); ``server``: PostgreSQL's SQL."""
    side = Side()
    tables = (server_columns.tables(read) if server else
              {r["name"] for r in read("SELECT name FROM sqlite_master WHERE type = 'table'")})
    if "cameras" in tables:
        cams = read("SELECT commune, status FROM cameras")
        side.camera_commune = [c["commune"] for c in cams]
        side.camera_online = np.array([c["status"] == "online" for c in cams], dtype=bool)
    if "flood_hotspots" in tables:
        side.hotspots = read("SELECT fid, code, name, commune, warning_level_m, danger_level_m FROM flood_hotspots "
                             "ORDER BY code")
    if "gauge_readings" in tables and side.hotspots:
        # the daily peak is all the dashboard needs (its dates are whole days): ~30x fewer rows
        rows = read(server_columns.gauge_peaks_sql() if server else
                    "SELECT hotspot_fid AS h, unixepoch(substr(time, 1, 10)) / 60 AS m, max(level_m) AS v "
                    "FROM gauge_readings GROUP BY 1, 2")
        index = {h["fid"]: i for i, h in enumerate(side.hotspots)}
        side.reading_hotspot = np.array([index.get(r["h"], -1) for r in rows], dtype=np.int64)
        side.reading_minute = np.array([r["m"] or 0 for r in rows], dtype=np.int64)
        side.reading_level = np.array([r["v"] for r in rows], dtype=float)
    return side


def view_of(ctx: Any) -> tuple[str, str | None, str | None]:
    """(``"city"`` or ``"commune"``, the locked commune, the locked department) for the signed-in user.

    Read from the access policy's filter on incidents (``ctx.tasks.read_filter``), never
    from the role: rows limited to one commune give that commune's view, rows limited to
    one department the city view locked to it, and no rows at all a commune view of nothing.
    """
    rows = ctx.tasks.read_filter("incident")
    if rows.nothing:
        return "commune", "", None
    if rows.column == "commune":
        return "commune", rows.value, None
    if rows.column == "department":
        return "city", None, rows.value
    return "city", None, None


class DashboardModel:
    """Numbers of every card and chart for a filter.

    Parameters
    ----------
    ctx : PluginContext
        Its ``workspace.read``, ``tasks``, ``user`` and ``settings`` are used.
    cache_dir : path, optional
        Where the incident columns are cached between openings (None: no cache).
    """

    def __init__(self, ctx: Any, cache_dir: Path | None = None) -> None:
        self.ctx = ctx
        self.cache_dir = cache_dir
        self.cols: IncidentColumns | None = None
        self.side = Side()
        self.loaded_from = ""
        #: Read each incident's codes at :meth:`load` too (a department-locked view filters by masks).
        self.each_incident = False

    # -- loading -------------------------------------------------------------------
    def load(self) -> DashboardModel:
        """Read (or take from the cache) the incident columns and the side tables."""
        read = self.ctx.workspace.read
        if self.ctx.workspace.engine == "postgresql":  # the city server: the login's rows, read afresh
            self.cols = server_columns.load(read)
            self.loaded_from = "server"
            self.side = read_side(read, server=True)
            self._cubes()
            return self
        if cells.has_cells(read):  # the store's counts: the cubes at once, each incident only when asked
            with ThreadPoolExecutor(1) as pool:  # the side tables beside them (SQLite frees the GIL)
                side = pool.submit(read_side, read)
                try:
                    self.cols = cells.load(read)
                except ValueError:  # a record wider than the fixed width (over 255 names, 65,535 communes)
                    self.cols = None
                self.side = side.result()
            if self.cols is not None:
                self.loaded_from = "cells"
                if self.each_incident:  # read here, on the loading thread, not at the first paint
                    self.cols.category  # noqa: B018 (the attribute reads them)
                return self
        if columns.has_codes(read):  # the store's codes: one narrow read, no cache needed
            with ThreadPoolExecutor(1) as pool:  # the side tables beside the codes (SQLite frees the GIL)
                side = pool.submit(read_side, read)
                try:
                    self.cols = columns.load_codes(read)
                except ValueError:  # a record wider than the fixed width (over 255 names, 65,535 communes)
                    self.cols = None
                self.side = side.result()
            if self.cols is not None:
                self.loaded_from = "codes"
                self._cubes()
                return self
        key = columns.fingerprint(read)
        cols = None
        path = columns.cache_file(self.cache_dir, self.ctx.workspace.path) if self.cache_dir else None
        if path is not None:
            cols = columns.load_cache(path, key)
            self.loaded_from = "cache" if cols is not None else "workspace"
        if cols is None:
            cols = columns.load(read)
            self.loaded_from = "workspace"
            if path is not None:
                columns.save_cache(path, cols, key)
        self.cols = cols
        self.side = read_side(read)
        self._cubes()
        return self

    def _cubes(self) -> None:
        """Build the count cubes here (on the loading thread), not at the first paint."""
        if len(self.cols):
            cube.day_cube(self.cols)
            cube.month_cube(self.cols)

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        """x, y of every incident (read from the workspace the first time they are needed)."""
        cols = self.cols
        if cols.x is None or cols.y is None:
            load_xy = server_columns.load_xy if self.ctx.workspace.engine == "postgresql" else columns.load_xy
            cols.x, cols.y = load_xy(self.ctx.workspace.read, len(cols))
        return cols.x, cols.y

    # -- scope ---------------------------------------------------------------------
    @property
    def targets(self) -> dict[str, float]:
        return {**DEFAULT_TARGETS, **(self.ctx.settings.get("targets") or {})}

    def scoped(self, f: Filter) -> Filter:
        """``f`` limited to what the signed-in user may see (a commune officer: their commune)."""
        _, commune, department = view_of(self.ctx)
        if commune is not None:
            f = replace(f, commune=commune)
        if department is not None:
            f = replace(f, department=department)
        return f

    def last_day(self) -> int:
        """The latest day with an incident or a task (today when there is neither)."""
        days = [self.cols.day_span()[1]] if self.cols is not None and len(self.cols) else []
        newest = self.ctx.tasks.tasks(limit=1)
        if newest:
            days.append(int(np.datetime64(newest[0].created_at.replace(tzinfo=None), "D").astype(np.int64)))
        return max(days) if days else int(np.datetime64("today", "D").astype(np.int64))

    def default_filter(self, days: int = 90) -> Filter:
        """The last ``days`` days of data (ending on the latest incident's or task's day), scoped."""
        last = self.last_day()
        return self.scoped(Filter(last - days + 1, last))

    # -- numbers -------------------------------------------------------------------
    def task_kpis(self, f: Filter) -> dict[str, Any]:
        """``ctx.tasks.kpis`` for the dates, commune, department and category of ``f``."""
        return self.ctx.tasks.kpis(stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1),
                                   commune=f.commune, department=f.department, category=f.category)

    def cameras(self, f: Filter) -> tuple[int, int]:
        """(online, all) cameras of the commune of ``f`` (all communes when none)."""
        keep = np.array([f.commune is None or c == f.commune for c in self.side.camera_commune], dtype=bool)
        return int((self.side.camera_online & keep).sum()), int(keep.sum())

    def gauges(self, f: Filter) -> dict[str, Any]:
        """Peak level per hotspot of the commune of ``f`` within its dates (else the latest readings)."""
        spots = [(i, h) for i, h in enumerate(self.side.hotspots) if f.commune is None or h["commune"] == f.commune]
        idx = np.array([i for i, _ in spots], dtype=np.int64)
        lo, hi = f.start_day * columns.MINUTES_PER_DAY, (f.end_day + 1) * columns.MINUTES_PER_DAY
        when = (self.side.reading_minute >= lo) & (self.side.reading_minute < hi)
        in_range = bool(when.any())
        if not in_range and len(self.side.reading_minute):  # no readings in range: the last day of readings
            last = self.side.reading_minute.max()
            when = self.side.reading_minute > last - columns.MINUTES_PER_DAY
        peak = np.full(len(self.side.hotspots), np.nan)
        sel = when & (self.side.reading_hotspot >= 0)
        if sel.any():
            np.fmax.at(peak, self.side.reading_hotspot[sel], self.side.reading_level[sel])
        return {"codes": [h["code"] for _, h in spots], "names": [h["name"] for _, h in spots],
                "level": peak[idx] if len(idx) else np.zeros(0),
                "warning": np.array([h["warning_level_m"] or np.nan for _, h in spots], dtype=float),
                "danger": np.array([h["danger_level_m"] or np.nan for _, h in spots], dtype=float),
                "in_range": in_range}

    def funnel(self, f: Filter) -> list[int]:
        """Tasks created in the dates of ``f`` (its units and category) that reached each stage."""
        lo, hi = np.datetime64(stats.day_iso(f.start_day)), np.datetime64(stats.day_iso(f.end_day + 1))
        states = [t.state for t in self.ctx.tasks.tasks(commune=f.commune, department=f.department)
                  if (f.category is None or t.category == f.category)
                  and lo <= np.datetime64(t.created_at.replace(tzinfo=None), "m") < hi]
        return stats.funnel(states)

    def snapshot(self, f: Filter) -> dict[str, Any]:
        """Every number the dashboard shows for ``f`` (scoped to the user first)."""
        f = self.scoped(f)
        cols = self.cols
        cur, prev = stats.incident_summary(cols, f), stats.incident_summary(cols, f.previous())
        kpi, kpi_prev = self.task_kpis(f), self.task_kpis(f.previous()) if f.start_day > 0 else {}
        online, cams = self.cameras(f)
        days, per_day = stats.per_day_of(cols, f)
        per10k = (cur["open"] / cur["population"] * 1e4) if cur["population"] else None
        cards = {
            "on_time_rate": (kpi["on_time_rate"], kpi_prev.get("on_time_rate")),
            "resolution_rate": (kpi["resolution_rate"], kpi_prev.get("resolution_rate")),
            "satisfaction": (kpi["satisfaction"]["rate"], (kpi_prev.get("satisfaction") or {}).get("rate")),
            "open_incidents": (cur["open"], prev["open"]),
            "overdue_tasks": (kpi["overdue"], kpi_prev.get("overdue")),
            "cameras_online": (online / cams if cams else None, None),
        }
        return {"filter": f, "cards": cards, "open_per_10k": per10k, "cameras": (online, cams), "kpis": kpi,
                "incidents": cur["incidents"], "previous_incidents": prev["incidents"],
                "days": days, "per_day": per_day, "by_category": cur["by_category"],
                "categories": cols.categories, "camera_by_type": cur["camera_by_type"],
                "funnel": self.funnel(f), "gauges": self.gauges(f)}

    def meets_target(self, card: str, value: float | None, snap: dict[str, Any]) -> bool | None:
        """Whether a card's value meets its target (None: no value to judge)."""
        t = self.targets
        if value is None:
            return None
        if card == "open_incidents":
            per10k = snap.get("open_per_10k")
            return None if per10k is None else per10k <= t["open_per_10k"]
        target = t.get(card)
        if target is None:
            return None
        return value >= target if HIGHER_IS_BETTER[card] else value <= target
