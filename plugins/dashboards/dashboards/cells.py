"""The dashboard's counts from the store's incident cells; the per-incident codes only when asked (Qt-free).

The store keeps ``incident_cells`` (:mod:`gisdesk.store.incident_codes`): how many
incidents share a day, category, status, camera-or-not and commune, with how many of them
have a resolution time and their minutes to resolve. One aggregate query returns every cell
as a fixed-width hex record (~350,000 cells, 12 MB, for a million incidents, against 28 MB of
per-incident codes), and the two count cubes of :mod:`dashboards.cube` are one weighted
``bincount`` each over the cells. Every card, chart and the ranking of a city or commune view
are slices of the cubes; only a department-locked user's masks and the hotspot layer need
each incident, read from the codes the first time they are asked for.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dashboards import columns
from dashboards.columns import IncidentColumns
from dashboards.cube import Cube, OPEN, RESOLVED

#: ``gisdesk.store.incident_codes``: CELL_WIDTH, MINUTES_OFFSET
#: (kept here: plugins read SQL, not the store).
_WIDTH = 36
#: Byte fields of a record once its hex is read (start, bytes, big-endian).
_FIELDS = {"day": (0, 2), "category": (2, 1), "status": (3, 1), "camera": (4, 1), "commune_fid": (5, 2),
           "n": (7, 3), "rn": (10, 3), "rm": (13, 5)}
_MINUTES_OFFSET = 1 << 39
_SQL = "SELECT group_concat(rec, '') AS rec, count(*) AS n FROM incident_cells"
#: The per-incident fields read lazily.
_PER_INCIDENT = ("minute", "resolved", "category", "status", "channel", "department", "commune", "x", "y")


def has_cells(read: columns.Read) -> bool:
    """Whether the workspace keeps ``incident_cells`` (and the codes behind them) and this user may read them
    (the counts cover every commune: a user who reads only some incidents is refused them)."""
    return columns._has_table(read, "incident_cells") and columns.has_codes(read) and \
        columns.may_read(read, "incident_cells")


def decode(records: str | bytes, n: int) -> dict[str, np.ndarray]:
    """The fields of ``n`` cell records as int64 columns (``rm`` without its offset)."""
    if len(records) != n * _WIDTH:
        raise ValueError(f"expected {n} cell records of {_WIDTH} characters, got {len(records)}")
    text = records if isinstance(records, str) else records.decode("ascii")
    raw = np.frombuffer(bytes.fromhex(text), dtype=np.uint8).reshape(n, _WIDTH // 2)
    out = {}
    for name, (start, width) in _FIELDS.items():
        value = raw[:, start].astype(np.int64)
        for i in range(start + 1, start + width):  # at most five bytes a field
            value = (value << 8) | raw[:, i]
        out[name] = value
    out["rm"] = out["rm"] - _MINUTES_OFFSET
    return out


class CellColumns(IncidentColumns):
    """:class:`IncidentColumns` whose cubes, length and day span come from the cells; its per-incident
    columns (``minute``, ``category``, ..., ``x``, ``y``) are read by ``full()`` on first use."""

    def __init__(self, names: dict[str, Any], n: int, span: tuple[int, int], day: Cube, month: Cube,
                 full: Callable[[], IncidentColumns]) -> None:
        self.categories, self.departments = names["categories"], names["departments"]
        self.statuses, self.channels, self.communes = names["statuses"], names["channels"], names["communes"]
        self.population = names["population"]
        self._n, self._span, self._full = n, span, full
        self.__dict__["_day_cube"], self.__dict__["_month_cube"] = day, month

    def __getattr__(self, name: str) -> Any:  # only for attributes not set: the per-incident columns
        if name not in _PER_INCIDENT:
            raise AttributeError(name)
        every = self._full()
        for field in _PER_INCIDENT:
            self.__dict__[field] = getattr(every, field)
        return self.__dict__[name]

    def __len__(self) -> int:
        return self._n

    def day_span(self) -> tuple[int, int]:
        return self._span

    @property
    def read_every_incident(self) -> bool:
        """Whether the per-incident columns have been read."""
        return "minute" in self.__dict__


def load(read: columns.Read) -> CellColumns:
    """The count cubes of every incident from ``incident_cells`` (one query); per-incident codes later."""
    names = columns._names(read)
    maps = columns.code_maps(read, names)
    row = read(_SQL)[0]
    f = decode(row["rec"] or b"", int(row["n"]))
    communes = names["communes"]
    lookup = columns.commune_lookup(communes, int(f["commune_fid"].max(initial=0)))
    shown = {"categories": (*names["categories"], "other"), "departments": (*names["departments"], "other"),
             "statuses": (*columns.STATUSES, "other"), "channels": (*columns.CHANNELS, "other"),
             "communes": tuple(c["name"] for c in communes),
             "population": np.array([c["population"] or 0 for c in communes], dtype=np.float64)}
    category = maps["category"][f["category"]].astype(np.int64)
    status = maps["status"][f["status"]]
    cls = np.full(len(shown["statuses"]), 2, dtype=np.int64)  # as cube._class_of: open 0, resolved 1, other 2
    cls[[shown["statuses"].index(s) for s in OPEN]] = 0
    cls[[shown["statuses"].index(s) for s in RESOLVED]] = 1
    cls = cls[status]
    k, c1 = len(shown["categories"]), len(communes) + 1
    unit = (lookup[f["commune_fid"]].astype(np.int64) + 1) * k + category
    n = f["n"]
    if not len(n):
        empty = Cube(0, np.zeros((0, c1, k, 6), np.int64))
        return CellColumns(shown, 0, (0, 0), empty, Cube(0, np.zeros((0, c1, k, 3))), lambda: columns.load_codes(read))
    day = f["day"]
    first, last = int(day.min()), int(day.max())
    kind = cls * 2 + f["camera"]
    days = last - first + 1
    counts = np.bincount(((day - first) * c1 * k + unit) * 6 + kind, weights=n, minlength=days * c1 * k * 6)
    day_cube = Cube(first, counts.astype(np.int64).reshape(days, c1, k, 6))  # whole counts: exact in float64
    months = np.arange(first, last + 1).astype("M8[D]").astype("M8[M]").astype(np.int64)
    month = months[day - first]
    m0, nm = int(months[0]), int(months[-1] - months[0]) + 1
    key = (month - m0) * c1 * k + unit
    done = cls == 1  # resolved or closed: their resolution times count (as cube.month_cube)
    parts = [np.bincount(key, weights=w, minlength=nm * c1 * k).reshape(nm, c1, k)
             for w in (n, np.where(done, f["rn"], 0), np.where(done, f["rm"], 0) / 60.0)]
    month_cube = Cube(m0, np.stack(parts, axis=-1))
    return CellColumns(shown, int(n.sum()), (first, last), day_cube, month_cube, lambda: columns.load_codes(read))


__all__ = ["CellColumns", "decode", "has_cells", "load"]
