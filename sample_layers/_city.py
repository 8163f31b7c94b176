"""Lay out the demo city: every map layer as columns and shapely geometries.

:func:`build_city` draws the boundary, the communes, the Perfume River and its
canals, planning zones, flood extents and hotspots with gauge readings here,
then the roads, bridges, pumping stations, drains, cameras and incidents from
:mod:`sample_layers._infra`. Each layer uses its own random stream, and all
geometry is built with shapely 2's vectorised functions.
"""

from __future__ import annotations

import numpy as np
import shapely

from sample_layers import _names
from sample_layers._infra import _bridges, _cameras, _drains, _incidents, _pumps, _roads
from sample_layers._raster import Grid, distance_grid, noise_grid
from sample_layers._shared import CENTER, EPOCH, Progress, _iso, _locate, _pick, _rng, _spaced


def build_city(seed: int, incidents: int, report: Progress, epoch: np.datetime64 = EPOCH) -> dict:
    """Every layer of the demo city as ``{table: (columns, geometries)}`` plus the raster inputs.

    ``epoch`` (a minute) is the demo's "now": the history of incidents, readings and detections ends there."""
    boundary = _boundary(_rng(seed, 1))
    polys, _seeds = _communes(_rng(seed, 2), boundary)
    names = list(_names.COMMUNE_NAMES)
    r = np.hypot(*(shapely.get_coordinates(shapely.centroid(polys)) - CENTER).T)
    area = shapely.area(polys) / 1e6
    density = 14_000 * np.exp(-r / 3000) + 350
    pop = np.round(area * density * np.exp(_rng(seed, 3).normal(0, 0.15, len(polys)))).astype(np.int64)
    communes = {"name": names, "code": [f"{19_700 + 3 * i}" for i in range(len(polys))], "population": pop,
                "area_km2": np.round(area, 3), "kind": np.where(r < 5000, "phường", "xã").astype(object)}
    tree = shapely.STRtree(polys)
    lines, river_y, citadel = _waterways(_rng(seed, 4), boundary)
    x0, y0, x1, y1 = boundary.bounds
    grid_bounds = (x0 - 500, y0 - 500, x1 + 500, y1 + 500)
    river_dist = distance_grid(lines[0], grid_bounds)
    canal_dist = distance_grid(shapely.union_all(lines[1:]), grid_bounds)
    coarse = noise_grid(_rng(seed, 5), grid_bounds, 48)
    report("Planning zones and flood extents", 0.1)
    zones = _planning_zones(_rng(seed, 6), polys, names, river_y, river_dist, citadel, epoch)
    rivers = ({"name": [w[0] for w in _names.WATERWAYS], "kind": [w[1] for w in _names.WATERWAYS],
               "length_km": np.round(shapely.length(lines) / 1000, 3)}, lines)
    extents = _flood_extents(lines, boundary, coarse)
    hot_data, hot_geoms, readings = _hotspots(_rng(seed, 7), extents[1][1], tree, names, epoch)
    report("Roads, bridges and drains", 0.2)
    roads = _roads(_rng(seed, 8), boundary, lines)
    cameras = _cameras(_rng(seed, 11), boundary, roads, river_dist, tree, names, epoch)
    report(f"{incidents:,} incidents", 0.3)
    communes_full = {**communes, "geoms": polys}
    layers = {
        "communes": (communes, polys), "planning_zones": zones, "rivers": rivers, "flood_extents": extents,
        "flood_hotspots": (hot_data, hot_geoms), "gauge_readings": (readings, None), "roads": roads,
        "bridges": _bridges(roads[1], roads[0]["name"], lines),
        "pumping_stations": _pumps(_rng(seed, 9), lines, tree, names),
        "drains": _drains(_rng(seed, 10), boundary, lines), "cameras": cameras,
        "incidents": _incidents(_rng(seed, 12), incidents, boundary, communes_full, tree, river_dist, cameras[1],
                                epoch),
    }
    return {"boundary": boundary, "river_dist": river_dist, "canal_dist": canal_dist, "coarse_noise": coarse,
            "raster_rng": _rng(seed, 13), "layers": layers,
            "created": str(np.datetime_as_string(epoch.astype("M8[s]"), timezone="UTC"))}


def _boundary(rng: np.random.Generator) -> shapely.Polygon:
    t = np.linspace(0, 2 * np.pi, 721)[:-1]
    a, b = 15_000.0, 12_500.0
    r = a * b / np.sqrt((b * np.cos(t)) ** 2 + (a * np.sin(t)) ** 2)
    k = np.arange(2, 9)[:, None]
    amp = rng.uniform(0.015, 0.045, (7, 1)) / np.sqrt(k - 1)
    r = r * (1 + (amp * np.sin(k * t + rng.uniform(0, 2 * np.pi, (7, 1)))).sum(axis=0))
    return shapely.Polygon(np.round(CENTER + np.c_[r * np.cos(t), r * np.sin(t)], 2))


def _communes(rng: np.random.Generator, boundary: shapely.Polygon) -> tuple[np.ndarray, np.ndarray]:
    """40 Voronoi cells clipped to the boundary, nearest the centre first; (polygons, seeds)."""
    def draw(m: int) -> np.ndarray:
        t = rng.uniform(0, 2 * np.pi, m)
        r = 15_000 * rng.random(m) ** 1.5
        p = CENTER + np.c_[r * np.cos(t), r * np.sin(t)]
        return p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]

    def spacing(p: np.ndarray) -> np.ndarray:
        return 700 + 0.3 * np.hypot(*(p - CENTER).T)

    shapely.prepare(boundary)
    for _ in range(100):
        seeds = _spaced(rng, len(_names.COMMUNE_NAMES), draw, spacing)
        seeds = seeds[np.argsort(np.hypot(*(seeds - CENTER).T), kind="stable")]
        cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=boundary,
                                                           ordered=True))
        polys = shapely.intersection(cells, boundary)
        if (shapely.get_type_id(polys) == 3).all() and shapely.is_valid(polys).all():
            return polys, seeds
    raise RuntimeError("could not tessellate the city into single-part communes")  # pragma: no cover


def _waterways(rng: np.random.Generator, boundary: shapely.Polygon):
    """The Perfume River and four canals (clipped to the city), the river's y(x) and the citadel."""
    minx, _, maxx, _ = boundary.bounds
    xs = np.linspace(minx - 500, maxx + 500, 1600)
    u = xs - CENTER[0]
    p1, p2 = rng.uniform(0, 2 * np.pi, 2)
    ys = 0.22 * u + 900 * np.sin(2 * np.pi * u / 9500 + p1) + 350 * np.sin(2 * np.pi * u / 3700 + p2)
    ys += CENTER[1] - 350 - np.interp(CENTER[0], xs, ys)

    def river_y(x):
        return np.interp(x, xs, ys)

    def clip(coords: np.ndarray) -> shapely.LineString:
        part = shapely.get_parts(shapely.intersection(shapely.LineString(coords), boundary))
        part = part[shapely.get_type_id(part) == 1]
        return part[np.argmax(shapely.length(part))]

    def smooth(ctrl: list[tuple[float, float]], wobble: float) -> np.ndarray:
        ctrl_a = np.asarray(ctrl, dtype=float)
        seg = np.r_[0, np.cumsum(np.hypot(*np.diff(ctrl_a, axis=0).T))]
        s = np.linspace(0, seg[-1], 200)
        pts = np.c_[np.interp(s, seg, ctrl_a[:, 0]), np.interp(s, seg, ctrl_a[:, 1])]
        w = wobble * np.sin(2 * np.pi * s / 1800 + rng.uniform(0, 2 * np.pi)) * np.sin(np.pi * s / seg[-1])
        return pts + np.c_[-w, w] * 0.7

    ax = CENTER[0] - 1500
    cit_c = np.array([ax, river_y(ax) + 1700])
    sq = np.array([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * 1100.0
    rot = np.deg2rad(40)
    citadel = shapely.Polygon(cit_c + sq @ np.array([[np.cos(rot), np.sin(rot)], [-np.sin(rot), np.cos(rot)]]))
    river = clip(np.c_[xs, ys])
    bx, ex = CENTER[0] + 300, CENTER[0] + 900
    by, ey = river_y(bx), river_y(ex)
    canals = [
        smooth([(bx, by), (bx + 600, by + 1400), (bx + 1800, by + 2600), (bx + 3500, by + 3300)], 60),
        smooth([(ex, ey), (ex + 800, ey - 1500), (ex + 2500, ey - 3000), (ex + 5000, ey - 4200)], 80),
        smooth([tuple(cit_c + (-1300, 250)), tuple(cit_c + (0, 80)), tuple(cit_c + (1500, -60))], 30),
        smooth([(ex + 2500, ey - 3000), (ex + 5500, ey - 2200), (ex + 9000, ey - 1800)], 90),
    ]
    lines = np.array([river] + [clip(c) for c in canals], dtype=object)
    return lines, river_y, citadel


def _flood_extents(lines: np.ndarray, boundary, coarse: Grid) -> tuple[dict, np.ndarray]:
    from sample_layers._raster import east_fraction, flood_reach

    pieces, scale = [], []
    for i, line in enumerate(lines):
        d = np.linspace(0, line.length, max(int(line.length // 150), 2) + 1)
        pts = shapely.get_coordinates(shapely.line_interpolate_point(line, d))
        pieces.append(np.stack([pts[:-1], pts[1:]], axis=1))
        scale.append(np.full(len(pts) - 1, 1.0 if i == 0 else 1 / 2.2))
    segs = np.concatenate(pieces)
    mid = segs.mean(axis=1)
    reach = flood_reach(east_fraction(mid[:, 0], boundary), coarse.sample(mid[:, 0], mid[:, 1])) * np.concatenate(scale)
    geoms, data = [], {"return_period": [], "name": [], "probability_pct": [], "area_km2": []}
    for period, share, pct in ((10, 0.35, "10%"), (50, 0.65, "2%"), (100, 0.92, "1%")):
        buf = shapely.union_all(shapely.buffer(shapely.linestrings(segs), reach * share, quad_segs=6))
        parts = shapely.get_parts(shapely.intersection(buf, boundary))
        geom = shapely.multipolygons(parts[shapely.get_type_id(parts) == 3])
        geoms.append(geom)
        data["return_period"].append(period)
        data["name"].append(f"Lũ tần suất {pct} (chu kỳ {period} năm)")
        data["probability_pct"].append(100.0 / period)
        data["area_km2"].append(round(geom.area / 1e6, 3))
    return data, np.array(geoms, dtype=object)


def _planning_zones(rng, polys, names, river_y, river_dist: Grid, citadel, epoch=EPOCH) -> tuple[dict, np.ndarray]:
    areas = shapely.area(polys)
    r_seed = np.hypot(*(shapely.get_coordinates(shapely.centroid(polys)) - CENTER).T)
    w = np.sqrt(areas) * (1 + 3 * np.exp(-r_seed / 4000))
    counts = np.maximum(3, np.round(360 * w / w.sum())).astype(int)
    zones, owner = [], []
    for i, (poly, k) in enumerate(zip(polys, counts)):
        x0, y0, x1, y1 = poly.bounds
        shapely.prepare(poly)
        pts = np.empty((0, 2))
        while len(pts) < k:
            c = np.c_[rng.uniform(x0, x1, 4 * k), rng.uniform(y0, y1, 4 * k)]
            pts = np.r_[pts, c[shapely.contains_xy(poly, c[:, 0], c[:, 1])]]
        cells = shapely.voronoi_polygons(shapely.multipoints(pts[:k]), extend_to=poly, ordered=True)
        parts = shapely.get_parts(shapely.intersection(shapely.get_parts(cells), poly))
        parts = parts[(shapely.get_type_id(parts) == 3) & (shapely.area(parts) > 1.0)]
        zones.append(parts)
        owner.append(np.full(len(parts), i))
    geoms, owner = np.concatenate(zones), np.concatenate(owner)
    c = shapely.get_coordinates(shapely.centroid(geoms))
    r = np.hypot(*(c - CENTER).T)
    urban = np.exp(-r / 5000)
    near = river_dist.sample(c[:, 0], c[:, 1])
    in_citadel = shapely.contains_xy(citadel, c[:, 0], c[:, 1])
    lw = np.c_[3 * urban + 0.5, 1.5 * urban, 1.5 * urban, 0.2 + 0.6 * (r > 6000), 0.8 + 2 * (near < 400),
               0.15 * urban + 10 * in_citadel, 0.8 * urban + 0.1, 0.3 * np.ones_like(r),
               4 * (1 - urban) ** 2, 0.1 + 6 * (near < 120)]
    use = _pick(rng, lw)
    land_use = np.array(_names.LAND_USES, dtype=object)[use]
    templ = rng.integers(0, len(_names.PROJECT_TEMPLATES), len(geoms))
    commune = np.asarray(names, dtype=object)[owner]
    project = np.array([_names.PROJECT_TEMPLATES[t].format(commune=n) for t, n in zip(templ, commune)], dtype=object)
    north = c[:, 1] > river_y(c[:, 0])
    side = np.where(north, _names.PROJECT_NORTH, _names.PROJECT_SOUTH)
    project = np.where((r < 4000) & (rng.random(len(r)) < 0.5), side, project)
    project = np.where(c[:, 0] > CENTER[0] + 3000, np.where(r < 9000, _names.PROJECT_EAST, project), project)
    project = np.where(np.isin(use, [4, 9]) & (near < 400), _names.PROJECT_RIVER, project)
    project = np.where(use == 3, _names.PROJECT_INDUSTRY, project)
    project = np.where(in_citadel, _names.PROJECT_CITADEL, project)
    status_i = _pick(rng, np.tile([0.2, 0.45, 0.15, 0.2], (len(r), 1)))
    approved = _iso(epoch - rng.integers(30, 2000, len(r)) * 1440).astype("U10").astype(object)
    approved[status_i == 0] = None
    data = {
        "code": [f"QH-{i + 1:04d}" for i in range(len(geoms))], "land_use": land_use, "project": project,
        "status": np.array(_names.ZONE_STATUSES, dtype=object)[status_i], "commune": commune,
        "area_ha": np.round(shapely.area(geoms) / 1e4, 2), "approved_on": approved,
    }
    return data, geoms


def _hotspots(rng, extent50, tree, names, epoch=EPOCH) -> tuple[dict, np.ndarray, dict]:
    shapely.prepare(extent50)

    def draw(m: int) -> np.ndarray:
        p = CENTER + rng.normal(0, 3500, (m, 2))
        return p[shapely.contains_xy(extent50, p[:, 0], p[:, 1])]

    pts = _spaced(rng, 50, draw, lambda p: np.full(len(p), 350.0))
    commune = np.asarray(names, dtype=object)[_locate(tree, pts[:, 0], pts[:, 1], "intersects")]
    streets = rng.permutation(len(_names.STREET_NAMES))[:50]
    warning = np.round(rng.uniform(1.0, 1.8, 50), 2)
    danger = np.round(warning + rng.uniform(0.8, 1.4, 50), 2)
    data = {
        "code": [f"HS-{i + 1:02d}" for i in range(50)],
        "name": [f"Điểm ngập đường {_names.STREET_NAMES[s]}" for s in streets],
        "commune": commune, "warning_level_m": warning, "danger_level_m": danger,
    }
    # 30 days of hourly levels: tides, a slow drift and one flood that crosses the warning level at some gauges.
    t = np.arange(720.0)[None, :]
    base = rng.uniform(0.3, 0.6, (50, 1))
    ph = rng.uniform(0, 2 * np.pi, (50, 3))
    tide = 0.22 * np.sin(2 * np.pi * t / 12.42 + ph[:, :1]) + 0.1 * np.sin(2 * np.pi * t / 24.84 + ph[:, 1:2])
    drift = 0.08 * np.sin(2 * np.pi * t / 240 + ph[:, 2:])
    peak = 530 + (pts[:, :1] - CENTER[0]) / 1000 + rng.uniform(-6, 6, (50, 1))
    shape = np.exp(-(((t - peak) / np.where(t < peak, 18.0, 42.0)) ** 2))
    crosses = rng.random((50, 1)) < 0.45
    height = np.where(crosses, warning[:, None] - base + rng.uniform(0.15, 1.3, (50, 1)),
                      (warning[:, None] - base) * rng.uniform(0.3, 0.8, (50, 1)))
    level = np.round(base + tide + drift + height * shape, 3)
    times = _iso(epoch - 30 * 1440 + np.arange(720) * 60)
    readings = {"hotspot_fid": np.repeat(np.arange(1, 51), 720), "time": np.tile(times, 50).astype(object),
                "level_m": level.ravel()}
    return data, shapely.points(pts), readings
