"""Incidents: the domain object, geometry validation, routing and duplicate detection.

Qt-free and SQL-free: :mod:`gisdesk.store.incidents_store` persists what is defined here.
Geometries are shapely objects in the workspace CRS (metres, EPSG:32648 for the demo city).

Examples
--------
>>> from shapely.geometry import Point, box
>>> communes = Communes.build(["A", "B"], [box(0, 0, 10, 10), box(10, 0, 20, 10)])
>>> route(Point(15, 5), "flooding", communes, {"flooding": "Flood board"})
('B', 'Flood board')
"""

from __future__ import annotations

import uuid as _uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Iterable, Mapping, Sequence

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

#: Channels an incident can come in through.
CHANNELS: tuple[str, ...] = ("officer", "hotline", "app", "camera", "sensor")
#: Workflow states; the first three count as open.
STATUSES: tuple[str, ...] = ("new", "assigned", "in_progress", "resolved", "closed", "rejected", "duplicate")
OPEN_STATUSES: frozenset[str] = frozenset({"new", "assigned", "in_progress"})
SEVERITIES: tuple[int, ...] = (1, 2, 3, 4)

#: Default categories and the department each is routed to (the workspace's
#: ``routing_rules`` table starts from this and is editable).
DEFAULT_ROUTING: dict[str, str] = {
    "flooding": "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn",
    "landslide": "Ban Chỉ huy Phòng chống thiên tai và Tìm kiếm cứu nạn",
    "fallen tree": "Công ty Môi trường và Công trình đô thị",
    "road damage": "Sở Xây dựng",
    "illegal dumping": "Công ty Môi trường và Công trình đô thị",
    "uncovered dump truck": "Công an thành phố",
    "straw burning": "Sở Tài nguyên và Môi trường",
    "forest fire": "Chi cục Kiểm lâm",
    "traffic violation": "Công an thành phố",
    "water leak": "Công ty Cổ phần Cấp nước Huế",
    "power outage": "Công ty Điện lực Huế",
    "noise": "Công an thành phố",
}
DEFAULT_CATEGORIES: tuple[str, ...] = tuple(DEFAULT_ROUTING)


class ValidationError(ValueError):
    """An incident (or its geometry) that cannot be stored; the message says why."""


def utc_now() -> datetime:
    """The current time, UTC, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0)


def to_utc(value: datetime | str) -> datetime:
    """Parse an ISO 8601 text or datetime to an aware UTC datetime (naive means UTC).

    Raises
    ------
    ValidationError
        When the text is not an ISO 8601 date-time.
    """
    if isinstance(value, str):
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            value = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValidationError(f"'{value}' is not an ISO 8601 date-time (e.g. 2026-05-01T08:30:00Z)") from exc
    if not isinstance(value, datetime):
        raise ValidationError(f"expected a date-time, got {type(value).__name__}")
    if value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def iso_utc(value: datetime) -> str:
    """``2026-05-01T08:30:00Z``: the form every gisdesk timestamp is stored in."""
    return to_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Incident:
    """One reported problem in the city.

    ``geometry`` is a shapely Point, LineString or Polygon in the workspace CRS.
    ``commune``/``department`` are filled by :func:`route` when left empty.
    ``version`` is the stored version this copy was read at (a writer gives it back, so
    a change made meanwhile by someone else is reported instead of overwritten).
    """

    category: str
    geometry: BaseGeometry
    severity: int = 2
    description: str = ""
    channel: str = "officer"
    occurred_at: datetime = field(default_factory=utc_now)
    address: str = ""
    commune: str | None = None
    department: str | None = None
    status: str = "new"
    duplicate_of: str | None = None
    needs_review: bool = False
    notes: list[str] = field(default_factory=list)
    uuid: str = field(default_factory=lambda: str(_uuid.uuid4()))
    version: int = 1

    def __post_init__(self) -> None:
        self.occurred_at = to_utc(self.occurred_at)

    def check(self) -> None:
        """Raise :class:`ValidationError` naming the first attribute that is wrong."""
        if not isinstance(self.category, str) or not self.category.strip():
            raise ValidationError("category is empty")
        if not isinstance(self.severity, (int, np.integer)) or isinstance(self.severity, bool) \
                or int(self.severity) not in SEVERITIES:
            raise ValidationError(f"severity must be 1, 2, 3 or 4, not {self.severity!r}")
        if self.channel not in CHANNELS:
            raise ValidationError(f"channel must be one of {', '.join(CHANNELS)}, not {self.channel!r}")
        if self.status not in STATUSES:
            raise ValidationError(f"status must be one of {', '.join(STATUSES)}, not {self.status!r}")
        try:
            _uuid.UUID(self.uuid)
        except (ValueError, TypeError, AttributeError) as exc:
            raise ValidationError(f"uuid {self.uuid!r} is not a UUID") from exc

    @property
    def is_open(self) -> bool:
        """Whether the incident is still being worked on."""
        return self.status in OPEN_STATUSES

    def evolve(self, **changes: object) -> Incident:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


_DIMENSION = {"Point": 0, "MultiPoint": 0, "LineString": 1, "MultiLineString": 1, "LinearRing": 1,
              "Polygon": 2, "MultiPolygon": 2}


def _count_problem(geom: BaseGeometry) -> str | None:
    kind = geom.geom_type
    if kind == "Polygon":
        n = len(set(geom.exterior.coords))
        if n < 3:
            return f"a polygon needs at least 3 distinct corners, this one has {n}"
    elif kind == "LineString":
        if len(set(geom.coords)) < 2:
            return "a line needs at least 2 distinct points"
    elif kind.startswith("Multi") or kind == "GeometryCollection":
        for part in geom.geoms:
            problem = _count_problem(part)
            if problem:
                return problem
    return None


def validate_geometry(geom: BaseGeometry | None,
                      city_boundary: BaseGeometry | None = None) -> tuple[BaseGeometry, list[str]]:
    """Check an incident geometry; repair what can be repaired.

    Parameters
    ----------
    geom : shapely geometry
        Point, line or polygon (or their multi forms) in the workspace CRS.
    city_boundary : shapely geometry, optional
        The city's area; a geometry outside it is kept but flagged in the notes.

    Returns
    -------
    (geometry, notes)
        The geometry to store (repaired by :func:`shapely.make_valid` if it was
        invalid) and human-readable notes on what was done or flagged.

    Raises
    ------
    ValidationError
        Empty or missing geometry, too few points, non-finite coordinates, an
        unsupported type, or a repair that would change the dimension (a polygon
        collapsing to a line).
    """
    if geom is None or not isinstance(geom, BaseGeometry):
        raise ValidationError("the incident has no geometry: draw a point, line or polygon")
    if geom.geom_type not in _DIMENSION:
        raise ValidationError(f"{geom.geom_type} is not supported: use a point, line or polygon")
    if geom.is_empty:
        raise ValidationError(f"the {geom.geom_type.lower()} is empty: draw it again")
    problem = _count_problem(geom)
    if problem:
        raise ValidationError(problem)
    if not np.isfinite(shapely.get_coordinates(geom)).all():
        raise ValidationError("the geometry has non-finite coordinates")
    notes: list[str] = []
    if not geom.is_valid:
        reason = shapely.is_valid_reason(geom)
        fixed = shapely.make_valid(geom)
        if fixed.geom_type == "GeometryCollection":
            # keep the parts of the original dimension (e.g. a bow-tie's two triangles)
            parts = [g for g in fixed.geoms if _DIMENSION.get(g.geom_type) == _DIMENSION[geom.geom_type]]
            fixed = shapely.union_all(parts) if parts else fixed
        if fixed.is_empty or _DIMENSION.get(fixed.geom_type) != _DIMENSION[geom.geom_type]:
            raise ValidationError(f"the {geom.geom_type.lower()} is invalid ({reason}) and cannot be repaired "
                                  f"without becoming a {fixed.geom_type.lower()}: draw it again")
        notes.append(f"geometry repaired ({reason})")
        geom = fixed
    if city_boundary is not None and not city_boundary.is_empty and not city_boundary.intersects(geom):
        notes.append("outside the city boundary")
    return geom, notes


@dataclass(frozen=True)
class Communes:
    """Commune names and polygons with a spatial index, built once per workspace."""

    names: tuple[str, ...]
    polygons: np.ndarray
    tree: shapely.STRtree

    @classmethod
    def build(cls, names: Sequence[str], polygons: Sequence[BaseGeometry]) -> Communes:
        """Index ``polygons`` (named by ``names``, same order)."""
        polys = np.asarray(list(polygons), dtype=object)
        return cls(tuple(names), polys, shapely.STRtree(polys))

    @property
    def boundary(self) -> BaseGeometry:
        """The city: the union of the communes."""
        return shapely.union_all(self.polygons)


def route_many(geoms: Sequence[BaseGeometry], categories: Sequence[str], communes: Communes,
               rules: Mapping[str, str]) -> list[tuple[str | None, str | None]]:
    """Commune and department for each incident, vectorised with the communes' STRtree.

    Parameters
    ----------
    geoms : sequence of shapely geometries
        The incidents' geometries, in the communes' CRS.
    categories : sequence of str
        Each incident's category.
    communes : Communes
        The city's communes.
    rules : mapping
        Category -> responsible department.

    Returns
    -------
    list of (commune, department)
        A point goes to the commune containing it; a line to the commune holding
        the longest part of it, a polygon to the one with the largest overlap.
        ``None`` where no commune / no rule applies.
    """
    geoms_arr = np.asarray(list(geoms), dtype=object)
    polys, tree = communes.polygons, communes.tree
    best = np.full(len(geoms_arr), -1, dtype=np.int64)
    if len(geoms_arr) and len(polys):
        dims = np.array([_DIMENSION.get(g.geom_type, 0) for g in geoms_arr])
        pts = dims == 0
        if pts.any():
            idx = np.flatnonzero(pts)
            g_i, p_i = tree.query(geoms_arr[idx], predicate="intersects")
            # first hit per point (a point on a shared border goes to the lower index)
            order = np.lexsort((p_i, g_i))
            g_i, p_i = g_i[order], p_i[order]
            first = np.unique(g_i, return_index=True)[1]
            best[idx[g_i[first]]] = p_i[first]
        rest = np.flatnonzero(~pts)
        if len(rest):
            g_i, p_i = tree.query(geoms_arr[rest], predicate="intersects")
            if len(g_i):
                inter = shapely.intersection(geoms_arr[rest][g_i], polys[p_i])
                measure = np.where(dims[rest][g_i] == 1, shapely.length(inter), shapely.area(inter))
                order = np.lexsort((-measure, g_i))
                g_i, p_i = g_i[order], p_i[order]
                first = np.unique(g_i, return_index=True)[1]
                best[rest[g_i[first]]] = p_i[first]
    return [(communes.names[b] if b >= 0 else None, rules.get(c)) for b, c in zip(best, categories)]


def route(geom: BaseGeometry, category: str, communes: Communes,
          rules: Mapping[str, str]) -> tuple[str | None, str | None]:
    """``(commune, department)`` of one incident; see :func:`route_many`."""
    return route_many([geom], [category], communes, rules)[0]


def find_duplicates(new: Incident, open_incidents: Iterable[Incident], distance_m: float = 100.0,
                    hours: float = 24.0) -> list[Incident]:
    """Open incidents that ``new`` may duplicate, nearest first.

    Same category, an open status, geometries within ``distance_m`` of each
    other and occurrence times within ``hours``. Nothing is merged: the caller
    offers the candidates and links one only if the user (or a feed rule) says so.
    """
    window = timedelta(hours=hours)
    pool = [o for o in open_incidents
            if o.uuid != new.uuid and o.is_open and o.category == new.category
            and abs(o.occurred_at - new.occurred_at) <= window]
    if not pool:
        return []
    dist = shapely.distance(np.asarray([o.geometry for o in pool], dtype=object), new.geometry)
    keep = np.flatnonzero(dist <= distance_m)
    return [pool[i] for i in keep[np.argsort(dist[keep], kind="stable")]]
