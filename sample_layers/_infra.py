"""Infrastructure and events of the demo city: roads, bridges, pumps, drains, cameras, incidents.

Each function returns one layer as ``(columns, geometries)``; they are called
by :func:`sample_layers._city.build_city`, which supplies the boundary, the
waterways, the commune index and one random stream per layer.
"""

from __future__ import annotations

import numpy as np
import shapely

from sample_layers import _names
from sample_layers._raster import Grid
from sample_layers._shared import CENTER, EPOCH, _iso, _locate, _pick, uuid4_strings


def _roads(rng, boundary, lines) -> tuple[dict, np.ndarray]:
    river, canals = lines[0], shapely.union_all(lines[1:])
    shapely.prepare(boundary)
    n, step = 41, 230.0
    g = (np.arange(n) - n // 2) * step
    gu, gv = np.meshgrid(g, g)
    gu, gv = gu + rng.normal(0, 12, gu.shape), gv + rng.normal(0, 12, gv.shape)
    a = np.deg2rad(40)
    gx, gy = CENTER[0] + gu * np.cos(a) - gv * np.sin(a), CENTER[1] + gu * np.sin(a) + gv * np.cos(a)
    h = np.stack([np.c_[gx[:, :-1].ravel(), gy[:, :-1].ravel()], np.c_[gx[:, 1:].ravel(), gy[:, 1:].ravel()]], 1)
    v = np.stack([np.c_[gx[:-1].ravel(), gy[:-1].ravel()], np.c_[gx[1:].ravel(), gy[1:].ravel()]], 1)
    segs = np.r_[h, v]
    line_id = np.r_[np.repeat(np.arange(n), n - 1), n + np.tile(np.arange(n), n - 1)]
    mid = segs.mean(axis=1)
    theta = np.arctan2(*(mid - CENTER).T[::-1])
    keep = np.hypot(*(mid - CENTER).T) < 4300 * (1 + 0.12 * np.sin(3 * theta + rng.uniform(0, 6)))
    keep &= rng.random(len(segs)) > 0.08
    keep &= shapely.contains_xy(boundary, segs[:, 0, 0], segs[:, 0, 1])
    keep &= shapely.contains_xy(boundary, segs[:, 1, 0], segs[:, 1, 1])
    geoms = shapely.linestrings(segs)
    tertiary = line_id % 5 == 0
    keep &= ~shapely.intersects(geoms, river) | (line_id % 10 == 0)
    keep &= ~shapely.intersects(geoms, canals) | tertiary | (rng.random(len(segs)) < 0.3)
    perm = rng.permutation(len(_names.STREET_NAMES))
    grid_names = np.array(_names.STREET_NAMES, dtype=object)[perm[line_id % len(perm)]]
    out_geoms = [geoms[keep]]
    cls = [np.where(tertiary, "tertiary", "residential")[keep].astype(object)]
    names = [grid_names[keep]]
    lanes = [np.where(tertiary, 4, 2)[keep]]
    # Radial arterials, then a ring road, cut into segments of about 400 m.
    ang = np.linspace(0, 2 * np.pi, 10, endpoint=False) + rng.uniform(-0.12, 0.12, 10) + 0.2
    r = np.arange(1200.0, 17000.0, 100.0)
    for i, t0 in enumerate(ang):
        t = t0 + 0.05 * np.sin(r / 2500 + rng.uniform(0, 6))
        p = CENTER + np.c_[r * np.cos(t), r * np.sin(t)]
        inside = shapely.contains_xy(boundary, p[:, 0], p[:, 1])
        p = p[: np.argmin(inside) if not inside.all() else len(p)]
        chunks = [p[j : j + 5] for j in range(0, len(p) - 1, 4)]
        out_geoms.append(shapely.linestrings(np.asarray(chunks[:-1])) if len(chunks) > 1 else np.empty(0, object))
        out_geoms.append(np.array([shapely.LineString(chunks[-1])], dtype=object))
        k = len(chunks)
        cls.append(np.full(k, "primary" if i % 2 == 0 else "secondary", dtype=object))
        names.append(np.full(k, _names.ARTERIAL_NAMES[i], dtype=object))
        lanes.append(np.full(k, 6 if i % 4 == 0 else 4))
    t = np.linspace(0, 2 * np.pi, 361)
    rr = 6500 * (1 + 0.08 * np.sin(2 * t + rng.uniform(0, 6)))
    ring = (CENTER + np.c_[rr * np.cos(t), rr * np.sin(t)])[:-1]
    ring = np.r_[ring, ring[:1]]
    chunks = np.stack([ring[j : j + 9] for j in range(0, 360, 8)])
    ok = shapely.contains_xy(boundary, chunks[..., 0], chunks[..., 1]).all(axis=1)
    out_geoms.append(shapely.linestrings(chunks[ok]))
    cls.append(np.full(ok.sum(), "secondary", dtype=object))
    names.append(np.full(ok.sum(), _names.RING_ROAD_NAME, dtype=object))
    lanes.append(np.full(ok.sum(), 4))
    data = {"name": np.concatenate(names), "class": np.concatenate(cls), "lanes": np.concatenate(lanes)}
    return data, np.concatenate(out_geoms)


def _bridges(roads: np.ndarray, road_names: np.ndarray, lines: np.ndarray) -> tuple[dict, np.ndarray]:
    pts, wname, rfid = [], [], []
    for (name, _kind), line in zip(_names.WATERWAYS, lines):
        hits = shapely.intersection(roads, line)
        parts, idx = shapely.get_parts(hits, return_index=True)
        ok = shapely.get_type_id(parts) == 0
        xy = shapely.get_coordinates(parts[ok])
        _, first = np.unique(np.round(xy), axis=0, return_index=True)
        first.sort()
        pts.append(xy[first])
        rfid.append(idx[ok][first] + 1)
        wname.append(np.full(len(first), name, dtype=object))
    xy, rfid, wname = np.concatenate(pts), np.concatenate(rfid), np.concatenate(wname)
    road = road_names[rfid - 1]
    names = np.array([f"Cầu {r}" for r in road], dtype=object)
    on_river = np.flatnonzero(wname == _names.WATERWAYS[0][0])
    central = on_river[np.argsort(np.hypot(*(xy[on_river] - CENTER).T), kind="stable")][: len(_names.RIVER_BRIDGE_NAMES)]
    central = central[np.argsort(xy[central, 0], kind="stable")]
    names[central] = np.array(_names.RIVER_BRIDGE_NAMES, dtype=object)[: len(central)]
    data = {"name": names, "waterway": wname, "road": road, "road_fid": rfid}
    return data, shapely.points(xy)


def _pumps(rng, lines: np.ndarray, tree, names) -> tuple[dict, np.ndarray]:
    share = [14, 5, 4, 3, 4]
    xy = []
    for line, k in zip(lines, share):
        f = np.sort(rng.uniform(0.25 if k == 14 else 0.05, 0.75 if k == 14 else 0.95, k)) * line.length
        p = shapely.get_coordinates(shapely.line_interpolate_point(line, f))
        q = shapely.get_coordinates(shapely.line_interpolate_point(line, f + 5))
        tangent = (q - p) / np.maximum(np.hypot(*(q - p).T), 1e-9)[:, None]
        side = np.where(np.arange(k) % 2 == 0, 1.0, -1.0)[:, None] * rng.uniform(80, 160, (k, 1))
        xy.append(p + np.c_[-tangent[:, 1], tangent[:, 0]] * side)
    xy = np.concatenate(xy)
    commune = np.asarray(names, dtype=object)[_locate(tree, xy[:, 0], xy[:, 1], "intersects")]
    seen: dict[str, int] = {}
    label = []
    for c in commune:
        seen[c] = seen.get(c, 0) + 1
        label.append(f"Trạm bơm {c}" + (f" {seen[c]}" if seen[c] > 1 else ""))
    n = len(xy)
    data = {
        "name": label, "capacity_m3s": np.round(rng.uniform(0.5, 8.0, n), 1), "pumps": rng.integers(2, 9, n),
        "status": np.array(_names.PUMP_STATUSES, dtype=object)[_pick(rng, np.tile([0.7, 0.15, 0.1, 0.05], (n, 1)))],
        "commune": commune,
    }
    return data, shapely.points(xy)


def _drains(rng, boundary, lines: np.ndarray) -> tuple[dict, np.ndarray]:
    water = shapely.union_all(lines)
    shapely.prepare(water)
    start = np.empty((0, 2))
    while len(start) < 400:
        p = CENTER + rng.normal(0, 3000, (600, 2))
        p = p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]
        start = np.r_[start, p[shapely.distance(shapely.points(p), water) > 60]]
    start = start[:400]
    near = shapely.get_coordinates(shapely.shortest_line(shapely.points(start), water)).reshape(-1, 2, 2)[:, 1]
    vec = near - start
    dist = np.hypot(*vec.T)
    unit = vec / dist[:, None]
    length = np.minimum(dist - 5, rng.uniform(150, 700, 400))
    end = start + unit * length[:, None]
    mid = start + unit * (length / 2)[:, None] + np.c_[-unit[:, 1], unit[:, 0]] * rng.uniform(-40, 40, (400, 1))
    geoms = shapely.linestrings(np.stack([start, mid, end], axis=1))
    data = {
        "code": [f"CTN-{i + 1:04d}" for i in range(400)],
        "diameter_mm": np.array([300, 400, 600, 800, 1000, 1200, 1500])[_pick(rng, np.tile([3, 4, 4, 3, 2, 1, 1], (400, 1)))],
        "material": np.array(_names.DRAIN_MATERIALS, dtype=object)[_pick(rng, np.tile([4, 3, 2, 1, 1, 0.5], (400, 1)))],
        "length_m": np.round(shapely.length(geoms), 1), "installed_year": rng.integers(1995, 2026, 400),
    }
    return data, geoms


def _cameras(rng, boundary, roads: tuple[dict, np.ndarray], river_dist: Grid, tree, names,
             epoch=EPOCH) -> tuple[dict, np.ndarray]:
    rdata, rgeoms = roads
    weight = np.select([rdata["class"] == "primary", rdata["class"] == "secondary", rdata["class"] == "tertiary"],
                       [6.0, 4.0, 2.0], 1.0)
    pick = rng.choice(len(rgeoms), 480, replace=False, p=weight / weight.sum())
    on_road = shapely.get_coordinates(shapely.line_interpolate_point(rgeoms[pick], 0.5, normalized=True))
    on_road += rng.normal(0, 8, on_road.shape)
    x0, y0, x1, y1 = boundary.bounds
    other = np.empty((0, 2))
    while len(other) < 170:
        p = np.c_[rng.uniform(x0, x1, 400), rng.uniform(y0, y1, 400)]
        other = np.r_[other, p[shapely.contains_xy(boundary, p[:, 0], p[:, 1])]]
    xy = np.r_[on_road, other[:170]]
    n = len(xy)
    is_road = np.arange(n) < 480
    d_water = river_dist.sample(xy[:, 0], xy[:, 1])
    rural = np.clip(np.hypot(*(xy - CENTER).T) / 6000, 0.1, 3.0) ** 2
    types = _names.AI_TYPES
    p = np.full((n, len(types)), 0.12)
    for t in ("flooding", "water level", "riverbank erosion", "sand mining"):
        p[:, types.index(t)] *= np.where(d_water < 500, 3.0, 0.3)
    for t in ("forest fire", "straw burning", "landslide", "smoke"):
        p[:, types.index(t)] *= rural
    for t in ("traffic violation", "illegal parking", "wrong-way driving", "red-light running", "helmet violation",
              "uncovered dump truck", "vehicle counting", "licence plate recognition", "abandoned vehicle"):
        p[:, types.index(t)] *= np.where(is_road, 2.0, 0.3)
    p = np.clip(p, 0.0, 0.85)
    has = rng.random(p.shape) < p
    has[np.arange(n), np.argmax(p + rng.random(p.shape) * 0.01, axis=1)] |= ~has.any(axis=1)
    for j in np.flatnonzero(~has.any(axis=0)):
        has[(j * 23) % n, j] = True
    ai = [",".join(t for t, h in zip(types, row) if h) for row in has]
    commune = np.asarray(names, dtype=object)[_locate(tree, xy[:, 0], xy[:, 1], "intersects")]
    road_names = rdata["name"][pick]
    label = np.where(is_road, np.r_[road_names, np.full(170, "", object)], None)
    label = [f"Camera đường {r}" if r else f"Camera giám sát {c}" for r, c in zip(label, commune)]
    online = rng.random(n) < 0.9
    last = epoch - np.where(online, rng.exponential(180, n), rng.uniform(2, 60, n) * 1440).astype(np.int64)
    last_txt = _iso(last).astype(object)
    last_txt[~online & (rng.random(n) < 0.3)] = None
    data = {
        "code": [f"CAM-{i + 1:04d}" for i in range(n)], "name": label, "ai_types": ai,
        "status": np.where(online, "online", "offline").astype(object), "last_detection": last_txt,
        "commune": commune,
    }
    return data, shapely.points(xy)


def _incidents(rng, n: int, boundary, communes: dict, tree, river_dist: Grid, cameras: np.ndarray,
               epoch=EPOCH) -> tuple[dict, np.ndarray]:
    """``n`` incidents, all vectorised: locations, categories, times, states and text."""
    cats = list(_names.INCIDENT_CATEGORIES)
    cent = shapely.get_coordinates(shapely.centroid(communes["geoms"]))
    pop = np.asarray(communes["population"], dtype=float)
    x0, y0, x1, y1 = boundary.bounds
    xs, ys, cs, gs, need = [], [], [], [], n
    while need > 0:
        m = int(need * 1.25) + 64
        comp = rng.random(m)
        a = CENTER + rng.normal(0, 2800, (m, 2))
        b = cent[rng.choice(len(cent), m, p=pop / pop.sum())] + rng.normal(0, 900, (m, 2))
        c = np.c_[rng.uniform(x0, x1, m), rng.uniform(y0, y1, m)]
        p = np.where((comp < 0.55)[:, None], a, np.where((comp < 0.85)[:, None], b, c))
        pts = shapely.points(p)
        where = np.full(m, -1, dtype=np.int64)
        pi, ci = tree.query(pts, predicate="within")
        where[pi] = ci
        ok = np.flatnonzero(where >= 0)[:need]
        xs.append(p[ok, 0]), ys.append(p[ok, 1]), cs.append(where[ok]), gs.append(pts[ok])
        need -= len(ok)
    x, y, com, geoms = (np.concatenate(v) for v in (xs, ys, cs, gs))
    d_river = river_dist.sample(x, y)
    r = np.hypot(x - CENTER[0], y - CENTER[1])
    rural = np.clip(r / 6000, 0.1, 3.0) ** 2
    urban = 2 * np.exp(-r / 4000) + 0.2
    factor = {"flooding": 0.3 + 2.5 * np.exp(-d_river / 700), "landslide": rural, "forest fire": rural,
              "straw burning": rural, "traffic violation": urban, "noise": urban}
    w = np.stack([_names.INCIDENT_CATEGORIES[k][0] * factor.get(k, np.ones_like(r)) for k in cats], axis=1)
    cat = _pick(rng, w)
    sev = _pick(rng, np.asarray(_names.INCIDENT_SEVERITY_SHARES)[cat]) + 1
    chan = _pick(rng, np.asarray(_names.INCIDENT_CHANNEL_SHARES)[cat])
    # When: 365 days before the epoch, weekly and seasonal rhythm, flood season Oct-Nov.
    day0 = epoch.astype("M8[D]") - 365
    days = day0 + np.arange(365)
    month = days.astype("M8[M]").astype(np.int64) % 12 + 1
    weekday = (days.astype(np.int64) + 3) % 7
    base = np.array([1.15, 1.1, 1.05, 1.05, 1.0, 0.85, 0.75])[weekday] * (0.75 + 0.5 * np.arange(365) / 365)
    season = {"flooding": {9: 1.5, 10: 5.0, 11: 5.0, 12: 2.5, 1: 0.8}, "straw burning": {4: 4.0, 5: 4.0, 8: 3.0, 9: 3.0},
              "forest fire": {4: 3.0, 5: 4.0, 6: 4.0, 7: 4.0, 8: 2.0}, "fallen tree": {9: 2.0, 10: 3.0, 11: 3.0},
              "landslide": {10: 4.0, 11: 4.0, 12: 2.0}}
    hour_w = np.array([.3, .2, .15, .15, .2, .4, .9, 1.4, 1.7, 1.8, 1.7, 1.5, 1.2, 1.2, 1.5, 1.6, 1.6, 1.5,
                       1.3, 1.1, 1.0, .9, .7, .5])
    day = np.empty(n, dtype=np.int64)
    hour = np.empty(n, dtype=np.int64)
    for k, name in enumerate(cats):
        idx = np.flatnonzero(cat == k)
        dw = base * np.vectorize(lambda mo: season.get(name, {}).get(mo, 1.0 if name not in season else 0.4))(month)
        hw = hour_w + (np.r_[2.5, 2, 1, 0.5, np.zeros(16), 0.5, 1, 2, 2.5] if name == "noise" else 0)
        day[idx] = rng.choice(365, len(idx), p=dw / dw.sum())
        hour[idx] = rng.choice(24, len(idx), p=hw / hw.sum())
    reported = day0.astype("M8[m]") + day * 1440 + hour * 60 + rng.integers(0, 60, n)
    median_h = np.array([96.0, 48.0, 18.0, 6.0])[sev - 1]
    duration = np.maximum(10, np.exp(rng.normal(np.log(median_h * 60), 0.9))).astype(np.int64)
    resolved = reported + duration
    done = resolved < epoch
    u = rng.random(n)
    recent = (epoch - resolved) < np.timedelta64(3 * 1440, "m")
    p_res = np.where(recent, 0.8, 0.25)
    age = (epoch - reported).astype(np.int64)
    open_state = np.where((age < 120) | (u < 0.15), 0, np.where(u < 0.5, 1, 2))
    state = np.where(done, np.where(u < 0.06, 5, np.where(u < 0.06 + 0.94 * p_res, 3, 4)), open_state)
    updated = np.where(done, resolved, reported + (np.where(open_state == 0, 0, age * rng.random(n) * 0.5)).astype(np.int64))
    resolved_txt = _iso(resolved).astype(object)
    resolved_txt[~done] = None
    # Text: a table of every (category, template, street) sentence, indexed in one go.
    streets = _names.STREET_NAMES
    table = np.array([[[tpl[t % len(tpl)].format(street=s) for s in streets] for t in range(3)]
                      for tpl in (_names.INCIDENT_CATEGORIES[k][2] for k in cats)], dtype=object)
    desc = table[cat, rng.integers(0, 3, n), rng.integers(0, len(streets), n)]
    camera = np.full(n, None, dtype=object)
    by_cam = np.flatnonzero(chan == _names.INCIDENT_CHANNELS.index("camera"))
    if len(by_cam):
        near = shapely.STRtree(cameras).query_nearest(geoms[by_cam], all_matches=False)
        camera[by_cam[near[0]]] = near[1] + 1
    data = {
        "uuid": uuid4_strings(rng, n), "category": np.array(cats, dtype=object)[cat], "severity": sev,
        "channel": np.array(_names.INCIDENT_CHANNELS, dtype=object)[chan],
        "status": np.array(_names.INCIDENT_STATUSES, dtype=object)[state], "description": desc,
        "reported_at": _iso(reported).astype(object), "resolved_at": resolved_txt,
        "updated_at": _iso(updated).astype(object), "commune_fid": com + 1,
        "commune": np.asarray(communes["name"], dtype=object)[com],
        "department": np.array([_names.INCIDENT_CATEGORIES[k][1] for k in cats], dtype=object)[cat],
        "camera_fid": camera,
    }
    return data, geoms
