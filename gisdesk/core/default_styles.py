"""Default styles: by geometry kind, and the demo city's layers by name."""

from __future__ import annotations

import copy

from gisdesk.core.incidents import DEFAULT_CATEGORIES
from gisdesk.core.style import LabelStyle, RasterStyle, Symbol, VectorStyle, categorized

LAND_USE_COLOURS = {
    "residential": "#f4cf88", "commercial": "#e8837e", "mixed use": "#f2a65a", "industrial": "#b39ddb",
    "green space": "#8cc97a", "heritage": "#c9a26b", "public facility": "#7fb3d5", "transport": "#c8c8c8",
    "agriculture": "#d9ef8b", "water": "#9ecae1",
}


def default_style(kind: str) -> VectorStyle:
    """A readable single-symbol style for a layer of ``kind`` (point, line, polygon)."""
    if kind == "point":
        return VectorStyle(symbol=Symbol(fill="#e6550d", stroke="#7f2704", stroke_width=1.0, size=5.0))
    if kind == "line":
        return VectorStyle(symbol=Symbol(fill="", stroke="#3b6ea5", stroke_width=1.0))
    return VectorStyle(symbol=Symbol(fill="#a6cee3", stroke="#1f4e79", stroke_width=1.0, fill_opacity=0.8))


#: Labels of the demo city's layers: commune names, main roads and the river at every scale,
#: bridges and pumping stations from 1:15,000 in.
DEMO_LABELS = {
    "communes": LabelStyle(True, "name", size=14, bold=True, color="#3a3a3a", halo_width=2.0, priority=6),
    "rivers": LabelStyle(True, "name", size=13, color="#08519c", halo_width=1.5, priority=8, repeat=500),
    "roads": LabelStyle(True, "name", filter="class in ('primary', 'secondary')", size=11, color="#4a1e0f",
                        halo_width=1.5, priority=7, repeat=350),
    "bridges": LabelStyle(True, "name", size=11, color="#252525", min_scale=15_000, priority=4),
    "pumping_stations": LabelStyle(True, "name", size=11, color="#08306b", min_scale=15_000, priority=5),
}


def demo_style(name: str, kind: str) -> VectorStyle:
    """The demo city's cartography (with :data:`DEMO_LABELS`), falling back to :func:`default_style`."""
    style = _demo_symbols(name, kind)
    if name in DEMO_LABELS:
        style.labels = copy.deepcopy(DEMO_LABELS[name])
    return style


def _demo_symbols(name: str, kind: str) -> VectorStyle:
    if name == "communes":
        return VectorStyle(symbol=Symbol(fill="#00000000", stroke="#4d4d4d", stroke_width=1.6))
    if name == "planning_zones":
        base = Symbol(stroke="#ffffff", stroke_width=0.6, fill_opacity=0.45)  # the basemap shows through
        style = categorized("land_use", list(LAND_USE_COLOURS), base, list(LAND_USE_COLOURS.values()))
        return style
    if name == "flood_extents":
        style = categorized("return_period", [10, 50, 100], Symbol(stroke="#08519c", stroke_width=0.8),
                            ["#6baed655", "#3182bd55", "#08519c55"])
        for cat in style.categories:
            cat.label = f"{cat.value}-year flood"
        style.other = None
        return style
    if name == "rivers":
        return VectorStyle(symbol=Symbol(fill="", stroke="#2b8cbe", stroke_width=3.0))
    if name == "roads":
        s = categorized("class", ["primary", "secondary", "tertiary", "residential"],
                        Symbol(fill="", stroke_width=1.0), None)
        widths = {"primary": 2.6, "secondary": 1.8, "tertiary": 1.2, "residential": 0.8}
        colours = {"primary": "#d7301f", "secondary": "#fc8d59", "tertiary": "#636363", "residential": "#969696"}
        for c in s.categories:
            c.symbol = Symbol(fill="", stroke=colours[c.value], stroke_width=widths[c.value])
        s.other = Symbol(fill="", stroke="#bdbdbd", stroke_width=0.6)
        return s
    if name == "drains":
        return VectorStyle(symbol=Symbol(fill="", stroke="#41b6c4", stroke_width=0.8))
    if name == "bridges":
        return VectorStyle(symbol=Symbol(fill="#525252", stroke="#ffffff", size=7, shape="square"))
    if name == "pumping_stations":
        return VectorStyle(symbol=Symbol(fill="#225ea8", stroke="#ffffff", size=9, shape="diamond"))
    if name == "flood_hotspots":
        return VectorStyle(symbol=Symbol(fill="#cb181d", stroke="#ffffff", size=10, shape="triangle"))
    if name == "cameras":
        s = categorized("status", ["online", "offline"], Symbol(stroke="#ffffff", size=7), ["#238b45", "#969696"])
        return s
    if name in ("incidents", "incident_lines", "incident_areas"):
        cats = categorized("category", list(DEFAULT_CATEGORIES), Symbol(stroke="", stroke_width=0, size=4))
        if name == "incidents":
            return open_incidents_style(cats)
        area = name == "incident_areas"  # the real shapes of line and polygon incidents
        for c in cats.categories:
            c.symbol = Symbol(fill=c.symbol.fill[:7] + "40" if area else "", stroke=c.symbol.fill[:7],
                              stroke_width=2.0 if area else 3.0)
        cats.other = Symbol(fill="#80808040" if area else "", stroke="#606060", stroke_width=2.0)
        return cats
    return default_style(kind)


def open_incidents_style(by_category: VectorStyle) -> VectorStyle:
    """The demo's incident points: the open ones only, coloured by category (a calm map; the closed
    history stays in the lists, the attribute table and the dashboards). Rule-based, one rule per
    category, so the legend keeps its categories."""
    from gisdesk.core.incidents import OPEN_STATUSES
    from gisdesk.core.style import Rule

    open_list = ", ".join(f"'{s}'" for s in sorted(OPEN_STATUSES))
    rules = [Rule(f"\"category\" = '{c.value}' and \"status\" in ({open_list})",
                  Symbol(**{**c.symbol.__dict__, "stroke": "#ffffff", "stroke_width": 0.8, "size": 7}), c.label)
             for c in by_category.categories]
    return VectorStyle(mode="rules", rules=rules, other=None, symbol=by_category.symbol)


def flood_depth_style() -> RasterStyle:
    """Depth in metres: light to dark blue, 0-3 m."""
    return RasterStyle(stops=[(0.0, "#c6dbefb0"), (0.5, "#6baed6c0"), (1.5, "#2171b5d0"), (3.0, "#08306be0")])
