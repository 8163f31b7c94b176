"""Geodesic measurement of a digitised line or polygon, and human units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gisdesk.render.view import transformer


def tr(text: str) -> str:
    return QCoreApplication.translate("Measure", text)


def geodesic(points: list[tuple[float, float]], crs: str) -> tuple[float, float]:
    """(length in metres, area in square metres) on the WGS 84 ellipsoid.

    ``points`` are map coordinates in ``crs``; the area is that of the closed
    polygon (0 for fewer than three points).
    """
    from pyproj import Geod

    if len(points) < 2:
        return 0.0, 0.0
    t = transformer(crs, "EPSG:4326")
    xs, ys = zip(*points)
    lon, lat = t.transform(xs, ys) if t is not None else (xs, ys)
    geod = Geod(ellps="WGS84")
    length = float(geod.line_length(lon, lat))
    area = abs(float(geod.polygon_area_perimeter(lon, lat)[0])) if len(points) >= 3 else 0.0
    return length, area


def format_length(metres: float) -> str:
    """``850.0 m`` or ``12.345 km``."""
    return f"{metres:,.1f} m" if metres < 1000 else f"{metres / 1000:,.3f} km"


def format_area(m2: float) -> str:
    """Square metres, hectares and square kilometres at once, as planners use all three."""
    return f"{m2:,.0f} m² = {m2 / 1e4:,.2f} ha = {m2 / 1e6:,.4f} km²"


def describe(points: list[tuple[float, float]], crs: str, area: bool) -> str:
    """The text shown while measuring."""
    if len(points) < 2:
        return tr("Click to add points; right-click or double-click to finish") if not points else ""
    length, a = geodesic(points, crs)
    if area:
        perimeter, _ = geodesic(points + [points[0]], crs)
        return tr("Area {area}   perimeter {perimeter}").format(area=format_area(a), perimeter=format_length(perimeter))
    return tr("Distance {length}").format(length=format_length(length))
