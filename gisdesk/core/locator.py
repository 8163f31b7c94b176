"""The locator (Ctrl+K): one search box over names, case numbers and coordinates (Qt-free).

A :class:`LocatorProvider` answers ``search(text, limit)`` with :class:`LocatorResult`
rows; :class:`Locator` asks every provider and :func:`group_results` orders the answers
by kind for the popup and ``gisdesk locate``. The workspace's own provider (commune,
road and place names, planning projects, incidents, tasks) lives in
:mod:`gisdesk.store.locator_index`; typed coordinates are read here by
:class:`CoordinateProvider`, and plugins add providers with
``ctx.register_locator_provider``.

Matching is accent-insensitive for Vietnamese: names and queries are compared after
:func:`fold` ("Phú Hội" and "phu hoi" both fold to ``"phu hoi"``).

Examples
--------
>>> fold("Phú Hội")
'phu hoi'
>>> [r.title for r in CoordinateProvider("EPSG:32648").search("107.59, 16.46", 5)]
['107.59000° E, 16.46000° N']
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Protocol, runtime_checkable

from gisdesk.core import collation

#: The kinds the built-in providers give, in the order the popup shows their groups.
KIND_ORDER: tuple[str, ...] = ("coordinate", "commune", "road", "place", "project", "incident", "task")
#: Mainland Vietnam with its coastal islands, lon/lat (how typed coordinates pick an order).
VIETNAM_LONLAT: tuple[float, float, float, float] = (102.0, 7.5, 117.5, 23.5)
#: VN-2000 / TM-3 107°00' (Thừa Thiên Huế), k = 0.9999. The Helmert parameters are those of the
#: Ministry's Decision 05/2007/QĐ-BTNMT (EPSG:6960 "VN-2000 to WGS 84 (2)", coordinate-frame
#: rotations), written with PROJ's ``+towgs84`` position-vector signs, so this agrees with
#: EPSG:9214 plus that transformation to a few millimetres.
VN2000_HUE = ("+proj=tmerc +lat_0=0 +lon_0=107 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 "
              "+towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 "
              "+units=m +no_defs")


@dataclass(frozen=True)
class LocatorTarget:
    """What a result selects: rows ``fids`` of map layer ``table``, or a record by ``key`` (a task's uuid)."""

    table: str = ""
    fids: tuple[int, ...] = ()
    key: str = ""


@dataclass(frozen=True)
class LocatorResult:
    """One answer of a provider.

    Attributes
    ----------
    title : str
        The line shown (a name, "Incident c7f872e5 · flooding", a coordinate).
    kind : str
        The group it is shown in (:data:`KIND_ORDER` first, any other kind after).
    crs : str
        The CRS of ``bbox`` and ``point`` (``"EPSG:4326"`` is lon/lat).
    bbox : tuple, optional
        (minx, miny, maxx, maxy) to zoom to.
    point : tuple, optional
        (x, y) to centre on and mark when there is no box (or the box is a point).
    detail : str
        A second, quieter line (layer, commune, status, the CRS a coordinate was read in).
    target : LocatorTarget, optional
        The thing to select and highlight.
    score : float
        Higher first within a group (1.0 exact, 0.9 starts with the query, 0.5 contains it).
    provider : str
        The provider's name.
    """

    title: str
    kind: str
    crs: str
    bbox: tuple[float, float, float, float] | None = None
    point: tuple[float, float] | None = None
    detail: str = ""
    target: LocatorTarget | None = None
    score: float = 0.0
    provider: str = ""

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (``gisdesk locate --json``)."""
        out: dict[str, Any] = {"title": self.title, "kind": self.kind, "detail": self.detail, "crs": self.crs,
                               "bbox": list(self.bbox) if self.bbox else None,
                               "point": list(self.point) if self.point else None,
                               "score": round(self.score, 3), "provider": self.provider}
        if self.target is not None:
            out["target"] = {"table": self.target.table, "fids": list(self.target.fids), "key": self.target.key}
        return out


@runtime_checkable
class LocatorProvider(Protocol):
    """What the locator asks: ``name`` (unique, e.g. ``"flood_watch.gauges"``), ``kind`` (its main
    group) and ``search(text, limit)`` returning at most ``limit`` :class:`LocatorResult` rows.

    ``search`` may run on a worker thread: it must not touch widgets.
    """

    name: str
    kind: str

    def search(self, text: str, limit: int) -> list[LocatorResult]: ...


def check_provider(provider: Any) -> None:
    """Raise ``TypeError`` unless ``provider`` has a non-empty ``name``, a ``kind`` and ``search``."""
    if not isinstance(getattr(provider, "name", None), str) or not provider.name:
        raise TypeError(f"a locator provider needs a non-empty string 'name', not {getattr(provider, 'name', None)!r}")
    if not isinstance(getattr(provider, "kind", None), str):
        raise TypeError(f"locator provider {provider.name!r} needs a string 'kind'")
    if not callable(getattr(provider, "search", None)):
        raise TypeError(f"locator provider {provider.name!r} needs a method search(text, limit)")


# -- text -----------------------------------------------------------------------------------------
_MARKS = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """``text`` lower-cased without accents, for matching: NFKD, combining marks removed, đ → d.

    Examples
    --------
    >>> fold("  Đông   Ba ")
    'dong ba'
    >>> fold("Thuận Hòa") == fold("THUAN HOA")
    True
    """
    out = unicodedata.normalize("NFKD", text or "")
    out = "".join(ch for ch in out if not unicodedata.combining(ch))
    out = _MARKS.sub("", out).replace("đ", "d").replace("Đ", "d").replace("ð", "d")
    return _SPACES.sub(" ", out.casefold()).strip()


def match_score(folded_name: str, folded_query: str) -> float:
    """1.0 when equal, 0.9 when the name starts with the query, 0.7 when a word does, else 0.5."""
    if folded_name == folded_query:
        return 1.0
    if folded_name.startswith(folded_query):
        return 0.9
    if (" " + folded_name).find(" " + folded_query) >= 0:
        return 0.7
    return 0.5


# -- grouping -------------------------------------------------------------------------------------
def kind_rank(kind: str) -> tuple[int, str]:
    """Sort key of a kind: the built-in kinds in :data:`KIND_ORDER`, any other after, by name."""
    return (KIND_ORDER.index(kind), "") if kind in KIND_ORDER else (len(KIND_ORDER), kind)


def group_results(results: Iterable[LocatorResult]) -> list[tuple[str, list[LocatorResult]]]:
    """``[(kind, results), …]``: groups in :func:`kind_rank` order, best score first within a group.

    Examples
    --------
    >>> rs = [LocatorResult("T", "task", "EPSG:4326"), LocatorResult("C", "commune", "EPSG:4326")]
    >>> [k for k, _ in group_results(rs)]
    ['commune', 'task']
    """
    groups: dict[str, list[LocatorResult]] = {}
    for r in results:
        groups.setdefault(r.kind, []).append(r)
    key = collation.key_function()  # equal scores in the language's order of names
    return [(k, sorted(groups[k], key=lambda r: (-r.score, key(r.title)))) for k in sorted(groups, key=kind_rank)]


@dataclass
class Locator:
    """Every provider behind one box: :meth:`search` asks each and keeps ``limit`` per provider.

    A provider that raises is skipped (its error is kept in :attr:`errors`); plugin providers
    arrive wrapped by the plugin guard, which reports the failure and removes the plugin.
    """

    providers: list[Any] = field(default_factory=list)
    errors: list[tuple[str, BaseException]] = field(default_factory=list)

    def search(self, text: str, limit: int = 8) -> list[LocatorResult]:
        """The results of every provider for ``text`` (empty text: none)."""
        self.errors = []
        if not text or not text.strip():
            return []
        out: list[LocatorResult] = []
        for p in list(self.providers):
            try:
                out.extend((p.search(text, limit) or [])[:limit])
            except Exception as exc:  # one broken provider must not empty the box
                self.errors.append((getattr(p, "name", "?"), exc))
        return out

    def grouped(self, text: str, limit: int = 8) -> list[tuple[str, list[LocatorResult]]]:
        """:meth:`search`, grouped by kind."""
        return group_results(self.search(text, limit))


# -- coordinates ----------------------------------------------------------------------------------
_NUM = r"[-+]?\d+(?:[.,]\d+)?"
_PAIR = re.compile(rf"^\s*({_NUM})\s*(?:[,;]\s*|\s+)({_NUM})\s*$")
_PAIR_DOT = re.compile(r"^\s*([-+]?\d+(?:\.\d+)?)\s*[,;\s]\s*([-+]?\d+(?:\.\d+)?)\s*$")
_UTM = re.compile(r"^\s*(?:utm\s*)?(\d{1,2})\s*([c-hj-np-x])\s*[,;\s]\s*(\d+(?:\.\d+)?)\s*[,;\s]\s*(\d+(?:\.\d+)?)\s*$",
                  re.IGNORECASE)
_DMS_PART = (r"(?P<h1{n}>[NSEW])?\s*(?P<d{n}>\d+(?:\.\d+)?)\s*(?:°|º|d)?\s*"
             r"(?:(?P<m{n}>\d+(?:\.\d+)?)\s*(?:'|′|’|m)?\s*)?(?:(?P<s{n}>\d+(?:\.\d+)?)\s*(?:\"|″|''|s)?\s*)?"
             r"(?P<h2{n}>[NSEW])?")
_DMS = re.compile(r"^\s*" + _DMS_PART.format(n=1) + r"\s*[,;]?\s*" + _DMS_PART.format(n=2) + r"\s*$", re.IGNORECASE)


def in_vietnam(lon: float, lat: float) -> bool:
    """Whether (lon, lat) lies in :data:`VIETNAM_LONLAT`."""
    x0, y0, x1, y1 = VIETNAM_LONLAT
    return x0 <= lon <= x1 and y0 <= lat <= y1


@lru_cache(maxsize=16)
def _to_lonlat(crs: str) -> Any:
    from pyproj import CRS, Transformer

    return Transformer.from_crs(CRS.from_user_input(crs), "EPSG:4326", always_xy=True)


@lru_cache(maxsize=16)
def _is_geographic(crs: str) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(crs).is_geographic


def lonlat_title(lon: float, lat: float) -> str:
    """``"107.59000° E, 16.46000° N"``."""
    return f"{abs(lon):.5f}° {'E' if lon >= 0 else 'W'}, {abs(lat):.5f}° {'N' if lat >= 0 else 'S'}"


def _result(lon: float, lat: float, detail: str, score: float) -> LocatorResult:
    return LocatorResult(lonlat_title(lon, lat), "coordinate", "EPSG:4326", point=(lon, lat), detail=detail,
                         score=score, provider="coordinates")


def _dms(deg: str, mins: str | None, secs: str | None) -> float:
    return float(deg) + float(mins or 0) / 60.0 + float(secs or 0) / 3600.0


def parse_dms(text: str) -> tuple[float, float] | None:
    """(lon, lat) from degrees-minutes-seconds with hemispheres (``16°27'N 107°35'E``), else None.

    Examples
    --------
    >>> parse_dms("16°27'N 107°35'E")
    (107.58333333333333, 16.45)
    """
    if not re.search(r"[NSEWnsew]", text) or not re.search(r"[°º'′\"″]|\d\s*[NSEWnsew]", text):
        return None
    m = _DMS.match(text)
    if not m:
        return None
    parts = []
    for n in (1, 2):
        hem = (m.group(f"h1{n}") or m.group(f"h2{n}") or "").upper()
        if not hem or (m.group(f"h1{n}") and m.group(f"h2{n}")):
            return None
        value = _dms(m.group(f"d{n}"), m.group(f"m{n}"), m.group(f"s{n}"))
        if m.group(f"m{n}") and float(m.group(f"m{n}")) >= 60 or m.group(f"s{n}") and float(m.group(f"s{n}")) >= 60:
            return None
        parts.append((hem, -value if hem in "SW" else value))
    hems = {h for h, _ in parts}
    if hems not in ({"N", "E"}, {"N", "W"}, {"S", "E"}, {"S", "W"}):
        return None
    lon = next(v for h, v in parts if h in "EW")
    lat = next(v for h, v in parts if h in "NS")
    return (lon, lat) if abs(lon) <= 180 and abs(lat) <= 90 else None


def _numbers(text: str) -> tuple[float, float] | None:
    m = _PAIR_DOT.match(text) or _PAIR.match(text)
    if not m:
        return None
    try:
        return float(m.group(1).replace(",", ".")), float(m.group(2).replace(",", "."))
    except ValueError:
        return None


@dataclass
class CoordinateProvider:
    """Coordinates typed as lon/lat, lat/lon, degrees-minutes-seconds, UTM or projected x/y.

    Every plausible reading is a result (kind ``coordinate``, point in EPSG:4326): two numbers
    in degree ranges are read in the order that lands in Vietnam (both orders when both do or
    neither does); large numbers are read as x/y (and as the surveyors' northing/easting order)
    in the workspace CRS, in VN-2000 / TM-3 107°00' (Thừa Thiên Huế) and in ``extra_crs``, each
    kept when it lands in Vietnam; ``48N 745000 1822000`` is UTM zone 48, northern hemisphere.

    Parameters
    ----------
    workspace_crs : str
        The map CRS (``"EPSG:32648"``); projected x/y are read in it first.
    extra_crs : list of (label, crs)
        More projected CRSs to try (label shown as the result's detail).
    home : tuple, optional
        The workspace's area in lon/lat (minx, miny, maxx, maxy): readings that land within
        20 km of it come first (x/y typed in Huế are not read as a place in Laos first).
    """

    workspace_crs: str = "EPSG:4326"
    extra_crs: list[tuple[str, str]] = field(default_factory=lambda: [("VN-2000 / TM-3 107°00' (Huế)", VN2000_HUE)])
    home: tuple[float, float, float, float] | None = None
    name: str = "coordinates"
    kind: str = "coordinate"

    def search(self, text: str, limit: int = 8) -> list[LocatorResult]:
        """The readings of ``text`` as a coordinate (none when it is not one)."""
        text = (text or "").strip()
        if not text or not any(ch.isdigit() for ch in text):
            return []
        out: list[LocatorResult] = []
        dms = parse_dms(text)
        if dms is not None:
            out.append(_result(dms[0], dms[1], "WGS 84 (degrees, minutes, seconds)", 1.0))
        utm = _UTM.match(text)
        if utm is not None:
            out.extend(self._utm(int(utm.group(1)), utm.group(2).upper(), float(utm.group(3)), float(utm.group(4))))
        pair = None if (dms is not None or utm is not None) else _numbers(text.replace("°", " "))
        if pair is not None:
            out.extend(self._degrees(*pair))
            out.extend(self._projected(*pair))
        if self.home is not None:
            x0, y0, x1, y1 = self.home
            m = 0.2  # about 20 km
            out = [replace(r, score=r.score + (0.1 if x0 - m <= r.point[0] <= x1 + m and y0 - m <= r.point[1] <= y1 + m
                                               else -0.1)) for r in out if r.point]
        seen: set[tuple[int, int]] = set()
        unique = []
        for r in sorted(out, key=lambda r: -r.score):
            key = (round(r.point[0] * 1e5), round(r.point[1] * 1e5)) if r.point else (0, 0)
            if key not in seen:
                seen.add(key)
                unique.append(r)
        return unique[:limit]

    def _degrees(self, a: float, b: float) -> list[LocatorResult]:
        orders = []
        if abs(a) <= 180 and abs(b) <= 90:
            orders.append((a, b, "WGS 84 lon/lat"))
        if abs(a) <= 90 and abs(b) <= 180:
            orders.append((b, a, "WGS 84 lat/lon"))
        inside = [o for o in orders if in_vietnam(o[0], o[1])]
        return [_result(lon, lat, label, 1.0 if inside else 0.6) for lon, lat, label in (inside or orders)]

    def _projected(self, a: float, b: float) -> list[LocatorResult]:
        if max(abs(a), abs(b)) < 1000:
            return []
        crss: list[tuple[str, str]] = []
        if not _is_geographic(self.workspace_crs):
            crss.append((self.workspace_crs, self.workspace_crs))
        crss += self.extra_crs
        out = []
        for label, crs in crss:
            for x, y, order in ((a, b, "x/y"), (b, a, "northing/easting")):
                lon, lat = _to_lonlat(crs).transform(x, y)
                if math.isfinite(lon) and math.isfinite(lat) and in_vietnam(lon, lat):
                    out.append(_result(lon, lat, f"{label} {order} {x:.2f}, {y:.2f}",
                                       0.95 if label == self.workspace_crs else 0.9))
        return out

    def _utm(self, zone: int, letter: str, x: float, y: float) -> list[LocatorResult]:
        if not 1 <= zone <= 60:
            return []
        north = letter >= "N"  # N (hemisphere) or a latitude band N…X
        crs = f"EPSG:{(32600 if north else 32700) + zone}"
        out = []
        for e, n in ((x, y), (y, x)):
            lon, lat = _to_lonlat(crs).transform(e, n)
            if math.isfinite(lon) and math.isfinite(lat) and abs(lat) <= 84 and 100_000 <= e <= 900_000:
                out.append(_result(lon, lat, f"UTM {zone}{'N' if north else 'S'} ({crs}) {e:.2f}, {n:.2f}",
                                   1.0 if in_vietnam(lon, lat) else 0.6))
        return out
