"""Sketches and vertex edits of incident shapes (Qt-free, shapely only).

A :class:`Sketch` is the shape being drawn: vertices added one click at a time, the
last removed with Backspace, finished into a shapely Point, LineString or Polygon.
:func:`move_vertex`, :func:`insert_vertex` and :func:`remove_vertex` edit a stored
shape; they refuse (ValueError) what would leave too few vertices.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import shapely
from shapely.geometry import LineString, Point, Polygon

#: Fewest vertices that make a shape of each kind.
MIN_VERTICES = {"point": 1, "line": 2, "polygon": 3}


@dataclass
class Sketch:
    """A shape being drawn.

    Examples
    --------
    >>> s = Sketch("polygon")
    >>> for xy in [(0, 0), (10, 0), (10, 10)]:
    ...     s.add(xy)
    >>> s.can_finish, s.geometry().area
    (True, 50.0)
    >>> s.remove_last(); s.can_finish
    True
    False
    """

    kind: str
    vertices: list[tuple[float, float]] = field(default_factory=list)
    cursor: tuple[float, float] | None = None

    def __post_init__(self) -> None:
        if self.kind not in MIN_VERTICES:
            raise ValueError(f"a sketch is a point, line or polygon, not {self.kind!r}")

    def add(self, xy: tuple[float, float]) -> None:
        """Add a vertex (a click at the same place as the last vertex adds nothing)."""
        xy = (float(xy[0]), float(xy[1]))
        if not self.vertices or self.vertices[-1] != xy:
            self.vertices.append(xy)

    def remove_last(self) -> bool:
        """Remove the last vertex (Backspace); False when there was none."""
        if not self.vertices:
            return False
        self.vertices.pop()
        return True

    @property
    def can_finish(self) -> bool:
        """Whether there are enough vertices for the kind."""
        return len(self.vertices) >= MIN_VERTICES[self.kind]

    def geometry(self) -> Point | LineString | Polygon:
        """The finished shape (ValueError when there are too few vertices)."""
        if not self.can_finish:
            raise ValueError(f"a {self.kind} needs at least {MIN_VERTICES[self.kind]} points, "
                             f"this one has {len(self.vertices)}")
        if self.kind == "point":
            return Point(self.vertices[-1])
        if self.kind == "line":
            return LineString(self.vertices)
        return Polygon(self.vertices)

    def preview(self) -> list:
        """What to show while drawing: the outline so far (to the cursor) and the vertices."""
        pts = list(self.vertices) + ([self.cursor] if self.cursor and self.vertices else [])
        out: list = []
        if self.kind == "polygon" and len(pts) >= 3:
            out.append(Polygon(pts))
        elif len(pts) >= 2:
            out.append(LineString(pts))
        out += [Point(v) for v in self.vertices]
        return out


def vertices(geom) -> list[tuple[float, float]]:
    """The editable vertices of a Point, LineString or Polygon (exterior, without the closing repeat)."""
    if geom.geom_type == "Point":
        return [(geom.x, geom.y)]
    if geom.geom_type == "LineString":
        return [tuple(c) for c in geom.coords]
    if geom.geom_type == "Polygon":
        return [tuple(c) for c in geom.exterior.coords[:-1]]
    raise ValueError(f"a {geom.geom_type} cannot be edited vertex by vertex; redraw it instead")


def _rebuild(geom, pts: list[tuple[float, float]]):
    kind = geom.geom_type
    need = {"Point": 1, "LineString": 2, "Polygon": 3}[kind]
    if len(pts) < need:
        raise ValueError(f"a {kind.lower()} needs at least {need} vertices")
    if kind == "Point":
        return Point(pts[0])
    if kind == "LineString":
        return LineString(pts)
    return Polygon(pts, [ring.coords for ring in geom.interiors])


def nearest_vertex(geom, xy: tuple[float, float], tolerance: float) -> int | None:
    """Index of the vertex of ``geom`` nearest ``xy`` within ``tolerance``, else None."""
    best, best_d = None, tolerance
    for i, (x, y) in enumerate(vertices(geom)):
        d = ((x - xy[0]) ** 2 + (y - xy[1]) ** 2) ** 0.5
        if d <= best_d:
            best, best_d = i, d
    return best


def move_vertex(geom, index: int, xy: tuple[float, float]):
    """``geom`` with vertex ``index`` moved to ``xy``."""
    pts = vertices(geom)
    pts[index] = (float(xy[0]), float(xy[1]))
    return _rebuild(geom, pts)


def remove_vertex(geom, index: int):
    """``geom`` without vertex ``index`` (ValueError when too few would be left)."""
    pts = vertices(geom)
    del pts[index]
    return _rebuild(geom, pts)


def insert_vertex(geom, xy: tuple[float, float], tolerance: float):
    """``geom`` with a new vertex on its edge nearest ``xy`` (within ``tolerance``), else None."""
    pts = vertices(geom)
    if geom.geom_type == "Point":
        return None
    ring = pts + [pts[0]] if geom.geom_type == "Polygon" else pts
    here = Point(xy)
    segments = [LineString([ring[i], ring[i + 1]]) for i in range(len(ring) - 1)]
    dist = shapely.distance(segments, here)
    k = int(dist.argmin())
    if dist[k] > tolerance:
        return None
    on = shapely.line_interpolate_point(segments[k], shapely.line_locate_point(segments[k], here))
    pts.insert(k + 1, (on.x, on.y))
    return _rebuild(geom, pts)
