"""The incident columns every dashboard number comes from, read once in bulk (Qt-free).

One aggregate query per rowid chunk returns every incident as a fixed-width record
(``group_concat`` of ``x, y`` from the SpatiaLite point blob's MBR, the occurred and
resolved minutes as text, and one character per category, status, channel, department
and two for the commune), so a million incidents come back as one bytes object per
chunk that numpy splits into columns without a Python loop per row. Chunks run on
threads: SQLite releases the GIL while it steps.

A column cache (``.npz``) keyed by the incident count, the highest incident id and the
incident history makes re-opening the dashboard on an unchanged workspace cheap.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from gisdesk.api import CHANNELS, STATUSES

#: ``ctx.workspace.read``: one SELECT, rows as dicts.
Read = Callable[..., list[dict[str, Any]]]

#: Code characters start here (chr(33) is code 0); codes stay below 90 so each is one byte.
_BASE = 33
_MAX_CODE = 89
_NAN_XY = "X'000000000000F87F000000000000F87F'"  # two little-endian NaN doubles: no geometry
_REC = 16 + 16 + 16 + 4 + 2  # xy, occurred, resolved, 4 codes, commune (2 chars)
MINUTES_PER_DAY = 1440


@dataclass
class IncidentColumns:
    """One entry per incident; times in UTC epoch minutes, units and kinds as small integer codes.

    ``category``, ``status``, ``channel``, ``department`` index the name tuples of the
    same name (the last name of each is ``"other"`` for values outside the known list);
    ``commune`` indexes ``communes`` (``-1``: none); ``resolved`` is ``-1`` when unresolved.
    """

    minute: np.ndarray
    resolved: np.ndarray
    category: np.ndarray
    status: np.ndarray
    channel: np.ndarray
    department: np.ndarray
    commune: np.ndarray
    x: np.ndarray | None
    y: np.ndarray | None
    categories: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    departments: tuple[str, ...] = ()
    communes: tuple[str, ...] = ()
    population: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.minute)

    def day_span(self) -> tuple[int, int]:
        """The first and last epoch day with an incident (call only when there is one)."""
        return int(self.day.min()), int(self.day.max())

    @cached_property
    def day(self) -> np.ndarray:
        """Epoch day (UTC) each incident occurred."""
        return self.minute // MINUTES_PER_DAY

    @cached_property
    def month(self) -> np.ndarray:
        """Months since 1970 (numpy ``M8[M]`` as integers) each incident occurred in."""
        day = self.day
        if not len(day):
            return np.zeros(0, np.int64)
        first = int(day.min())  # the month of each day of the span, then one lookup per incident
        table = np.arange(first, int(day.max()) + 1).astype("M8[D]").astype("M8[M]").astype(np.int64)
        return table[day - first]

    def status_in(self, names: Sequence[str]) -> np.ndarray:
        """Whether each incident's status is one of ``names`` (kept per set of names)."""
        key = tuple(sorted(names))
        cache = self.__dict__.setdefault("_status_masks", {})
        if key not in cache:
            table = np.zeros(len(self.statuses), dtype=bool)
            table[[self.statuses.index(s) for s in key if s in self.statuses]] = True
            cache[key] = table[self.status]
        return cache[key]


def _case(column: str, names: Sequence[str]) -> str:
    """``char(33 + code)`` of a text column; values outside ``names`` get the code after them."""
    if len(names) >= _MAX_CODE:
        raise ValueError(f"too many distinct {column} values for the dashboard ({len(names)})")
    quoted = [n.replace("'", "''") for n in names]
    whens = " ".join(f"WHEN '{n}' THEN {_BASE + i}" for i, n in enumerate(quoted))
    return f"char(CASE {column} {whens} ELSE {_BASE + len(names)} END)"


def _record_sql(categories: Sequence[str], statuses: Sequence[str], channels: Sequence[str],
                departments: Sequence[str]) -> str:
    parts = [
        f"coalesce(substr(geom, 7, 16), {_NAN_XY})",
        "substr(coalesce(occurred_at, reported_at) || 'T00:00', 1, 16)",
        "coalesce(substr(resolved_at || 'T00:00', 1, 16), '----------------')",
        _case("category", categories), _case("status", statuses), _case("channel", channels),
        _case("department", departments),
        # commune fid in base 90, two characters (0 = none): up to 8,099 communes
        f"char({_BASE} + coalesce(commune_fid, 0) % 90) || char({_BASE} + coalesce(commune_fid, 0) / 90)",
    ]
    return ("SELECT CAST(group_concat(" + " || ".join(parts) + ", '') AS BLOB) AS rec, count(*) AS n "
            "FROM incidents WHERE fid >= ? AND fid < ?")


def _minutes(text: np.ndarray) -> np.ndarray:
    """Epoch minutes of ``YYYY-MM-DDTHH:MM`` byte strings; ``-1`` where there is none."""
    out = np.full(len(text), -1, dtype=np.int64)
    ok = text != b"----------------"
    if ok.any():
        out[ok] = text[ok].astype("M8[m]").astype(np.int64)
    return out


def decode(records: bytes, n: int) -> dict[str, np.ndarray]:
    """Split ``n`` fixed-width records (see :func:`_record_sql`) into raw columns."""
    if len(records) != n * _REC:
        raise ValueError(f"expected {n} records of {_REC} bytes, got {len(records)} bytes")
    raw = np.frombuffer(records, dtype=np.uint8).reshape(n, _REC)
    xy = np.ascontiguousarray(raw[:, :16]).view("<f8").reshape(n, 2)
    occurred = np.ascontiguousarray(raw[:, 16:32]).view("S16").ravel()
    resolved = np.ascontiguousarray(raw[:, 32:48]).view("S16").ravel()
    codes = raw[:, 48:52].astype(np.int16) - _BASE
    fid = (raw[:, 52].astype(np.int32) - _BASE) + 90 * (raw[:, 53].astype(np.int32) - _BASE)
    return {"x": xy[:, 0].copy(), "y": xy[:, 1].copy(), "minute": _minutes(occurred), "resolved": _minutes(resolved),
            "category": codes[:, 0].astype(np.uint8), "status": codes[:, 1].astype(np.uint8),
            "channel": codes[:, 2].astype(np.uint8), "department": codes[:, 3].astype(np.uint8), "commune_fid": fid}


def fingerprint(read: Read) -> str:
    """A key that changes when incidents are added, deleted or changed through gisdesk."""
    inc = read("SELECT count(*) AS n, max(fid) AS m FROM incidents")[0]
    ev = read("SELECT count(*) AS n, max(rowid) AS m FROM incident_events")[0] if _has_table(read, "incident_events") \
        else {"n": 0, "m": 0}
    return f"{inc['n']}:{inc['m']}:{ev['n']}:{ev['m']}"


def _has_table(read: Read, name: str) -> bool:
    return bool(read("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = ?", [name]))


def may_read(read: Read, table: str) -> bool:
    """Whether this user may read ``table`` (the workspace's reader refuses the summaries that cover every
    commune to a user who reads only some incidents: "not authorized")."""
    try:
        read(f"SELECT 1 AS x FROM {table} LIMIT 0")
    except Exception:
        return False
    return True


def _names(read: Read) -> dict[str, Any]:
    communes = read("SELECT fid, name, population FROM communes ORDER BY name")
    rules = read("SELECT category, department FROM routing_rules") if _has_table(read, "routing_rules") else []
    return {"categories": tuple(sorted({r["category"] for r in rules})),
            "departments": tuple(sorted({r["department"] for r in rules if r["department"]})),
            "communes": communes}


def load(read: Read, threads: int = 2, chunk_rows: int = 250_000) -> IncidentColumns:
    """Read every incident into :class:`IncidentColumns` (one pass, ``threads`` rowid chunks)."""
    names = _names(read)
    cats, deps = names["categories"], names["departments"]
    sql = _record_sql(cats, STATUSES, CHANNELS, deps)
    top = read("SELECT coalesce(max(fid), 0) AS m FROM incidents")[0]["m"]
    edges = sorted({*range(0, top + 1, chunk_rows), top + 1})  # (np.unique would import numpy.ma: 12 ms cold)

    def chunk(lo: int, hi: int) -> dict[str, np.ndarray]:
        row = read(sql, [int(lo), int(hi)])[0]
        return decode(row["rec"] or b"", int(row["n"]))

    with ThreadPoolExecutor(max(1, threads)) as pool:
        parts = list(pool.map(chunk, edges[:-1], edges[1:]))
    raw = {k: np.concatenate([p[k] for p in parts]) if parts else np.empty(0) for k in
           ("x", "y", "minute", "resolved", "category", "status", "channel", "department", "commune_fid")}
    communes = names["communes"]
    fids = np.array([c["fid"] for c in communes], dtype=np.int64)
    lookup = np.full(max(int(fids.max(initial=0)), int(raw["commune_fid"].max(initial=0))) + 1, -1, dtype=np.int16)
    lookup[fids] = np.arange(len(fids), dtype=np.int16)
    return IncidentColumns(
        minute=raw["minute"].astype(np.int64), resolved=raw["resolved"].astype(np.int64),
        category=raw["category"].astype(np.uint8), status=raw["status"].astype(np.uint8),
        channel=raw["channel"].astype(np.uint8), department=raw["department"].astype(np.uint8),
        commune=lookup[raw["commune_fid"].astype(np.int64)], x=raw["x"].astype(np.float64),
        y=raw["y"].astype(np.float64),
        categories=(*cats, "other"), statuses=(*STATUSES, "other"), channels=(*CHANNELS, "other"),
        departments=(*deps, "other"), communes=tuple(c["name"] for c in communes),
        population=np.array([c["population"] or 0 for c in communes], dtype=np.float64))


# -- the store's integer codes (gisdesk.store.incident_codes) -----------------------------
_CODE_WIDTH = 28  # gisdesk.store.incident_codes.RECORD_WIDTH (kept here: plugins read SQL, not the store)
_CODES_SQL = ("SELECT group_concat(rec, '') AS rec, count(*) AS n FROM incident_codes "  # text: fromhex takes it
              "WHERE fid >= ? AND fid < ?")


def has_codes(read: Read) -> bool:
    """Whether the workspace keeps the incident codes table (workspaces opened by gisdesk do) and this user
    may read it (it covers every commune: a user who reads only some incidents is refused it)."""
    return _has_table(read, "incident_codes") and _has_table(read, "incident_code_names") and \
        may_read(read, "incident_codes")


def _hex_fields(records: str | bytes, n: int) -> dict[str, np.ndarray]:
    """Columns of ``n`` code records: occurred, resolved (uint32), 4 codes (uint8), commune fid (uint16)."""
    if len(records) != n * _CODE_WIDTH:
        raise ValueError(f"expected {n} code records of {_CODE_WIDTH} bytes, got {len(records)} bytes")
    # bytes.fromhex turns the hex digits into the record's bytes in C (3x faster than a numpy lookup)
    text = records if isinstance(records, str) else records.decode("ascii")
    raw = np.frombuffer(bytes.fromhex(text), dtype=np.uint8).reshape(n, _CODE_WIDTH // 2)
    times = np.ascontiguousarray(raw[:, 0:8]).view(">u4")  # big-endian fields
    return {"minute": times[:, 0], "resolved": times[:, 1],
            "category": raw[:, 8], "status": raw[:, 9], "channel": raw[:, 10], "department": raw[:, 11],
            "commune_fid": np.ascontiguousarray(raw[:, 12:14]).view(">u2").ravel()}


def _chunks(read: Read, sql: str, decode_chunk: Callable[[bytes, int], Any], threads: int,
            chunk_rows: int, table: str = "incidents") -> list[Any]:
    top = read(f"SELECT coalesce(max(fid), 0) AS m FROM {table}")[0]["m"]
    edges = sorted({*range(0, top + 1, chunk_rows), top + 1})  # (np.unique would import numpy.ma: 12 ms cold)

    def chunk(lo: int, hi: int) -> Any:
        row = read(sql, [int(lo), int(hi)])[0]
        return decode_chunk(row["rec"] or b"", int(row["n"]))

    with ThreadPoolExecutor(max(1, threads)) as pool:
        return list(pool.map(chunk, edges[:-1], edges[1:]))


def code_maps(read: Read, names: dict[str, Any]) -> dict[str, np.ndarray]:
    """Per kind, the dashboard's code of each store code (``incident_code_names``; unknown names: "other")."""
    shown = {"category": names["categories"], "status": STATUSES, "channel": CHANNELS,
             "department": names["departments"]}
    maps = {}
    for kind, known in shown.items():
        rows = read("SELECT name, code FROM incident_code_names WHERE kind = ?", [kind])
        table = np.full(max([r["code"] for r in rows], default=0) + 1, len(known), dtype=np.uint8)
        for r in rows:  # one per distinct name: a few dozen
            if r["name"] in known:
                table[r["code"]] = known.index(r["name"])
        maps[kind] = table
    return maps


def commune_lookup(communes: list[dict[str, Any]], top_fid: int) -> np.ndarray:
    """The index in ``communes`` of each commune fid up to ``top_fid`` (``-1``: none, fid 0 included)."""
    fids = np.array([c["fid"] for c in communes], dtype=np.int64)
    lookup = np.full(max(int(fids.max(initial=0)), top_fid) + 1, -1, dtype=np.int16)
    lookup[fids] = np.arange(len(fids), dtype=np.int16)
    return lookup


def load_codes(read: Read, threads: int = 2, chunk_rows: int = 250_000) -> IncidentColumns:
    """Every incident from the store's code table (fid order), without coordinates (``x``, ``y`` None:
    :func:`load_xy` reads them when the hotspots are asked for)."""
    names = _names(read)
    cats, deps = names["categories"], names["departments"]
    # every incident the store counts (a commune officer's ``incidents`` shows fewer: the views scope them)
    parts = _chunks(read, _CODES_SQL, _hex_fields, threads, chunk_rows, table="incident_codes")
    raw = {k: np.concatenate([p[k] for p in parts]) if parts else np.zeros(0, np.int64) for k in
           ("minute", "resolved", "category", "status", "channel", "department", "commune_fid")}
    maps = code_maps(read, names)
    communes = names["communes"]
    lookup = commune_lookup(communes, int(raw["commune_fid"].max(initial=0)))
    resolved = raw["resolved"].astype(np.int64)
    resolved[resolved == 0] = -1
    return IncidentColumns(
        minute=raw["minute"].astype(np.int64), resolved=resolved,
        category=maps["category"][raw["category"]], status=maps["status"][raw["status"]],
        channel=maps["channel"][raw["channel"]], department=maps["department"][raw["department"]],
        commune=lookup[raw["commune_fid"]], x=None, y=None,
        categories=(*cats, "other"), statuses=(*STATUSES, "other"), channels=(*CHANNELS, "other"),
        departments=(*deps, "other"), communes=tuple(c["name"] for c in communes),
        population=np.array([c["population"] or 0 for c in communes], dtype=np.float64))


def _fids(read: Read, table: str) -> np.ndarray:
    rec = read(f"SELECT group_concat(printf('%08x', fid), '') AS f FROM {table}")[0]["f"] or ""
    return np.frombuffer(bytes.fromhex(rec), dtype=">u4").astype(np.int64)


def load_xy(read: Read, n: int, threads: int = 2, chunk_rows: int = 250_000) -> tuple[np.ndarray, np.ndarray]:
    """x, y of the ``n`` incidents of :func:`load_codes` in fid order (NaN without a point, or where the
    user may not see the incident); all NaN when the codes no longer hold ``n`` incidents (they changed
    since they were read: the panel reloads on the change notice)."""
    sql = (f"SELECT CAST(group_concat(coalesce(substr(geom, 7, 16), {_NAN_XY}), '') AS BLOB) AS rec, "
           "count(*) AS n FROM incidents WHERE fid >= ? AND fid < ?")

    def xy(rec: bytes, k: int) -> np.ndarray:
        return np.frombuffer(rec, dtype="<f8").reshape(k, 2) if k else np.zeros((0, 2))

    parts = _chunks(read, sql, xy, threads, chunk_rows)
    both = np.concatenate(parts) if parts else np.zeros((0, 2))
    if len(both) == n:
        return both[:, 0].copy(), both[:, 1].copy()
    counted, seen = _fids(read, "incident_codes"), _fids(read, "incidents")  # the user sees fewer incidents
    x, y = np.full(n, np.nan), np.full(n, np.nan)
    if len(counted) != n or len(seen) != len(both):
        return x, y
    at = np.searchsorted(counted, seen).clip(0, max(n - 1, 0))
    ok = counted[at] == seen if n else np.zeros(len(seen), bool)
    x[at[ok]], y[at[ok]] = both[ok, 0], both[ok, 1]
    return x, y


# -- cache ----------------------------------------------------------------------------
def cache_file(cache_dir: Path, workspace: Path) -> Path:
    """Where the columns of ``workspace`` are cached."""
    key = hashlib.sha1(str(Path(workspace).resolve()).encode()).hexdigest()[:16]
    return Path(cache_dir) / f"incidents-{key}.npz"


def save_cache(path: Path, cols: IncidentColumns, key: str) -> None:
    """Write ``cols`` with its fingerprint ``key`` (atomically: a half-written cache is never read)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {f.name: getattr(cols, f.name) for f in fields(cols) if isinstance(getattr(cols, f.name), np.ndarray)}
    for f in ("categories", "statuses", "channels", "departments", "communes"):
        arrays[f] = np.array(getattr(cols, f), dtype=object)
    tmp = path.with_suffix(".tmp.npz")
    np.savez(tmp, key=np.array(key), **arrays)
    tmp.replace(path)


def load_cache(path: Path, key: str) -> IncidentColumns | None:
    """The cached columns if the cache holds fingerprint ``key``, else None."""
    try:
        with np.load(path, allow_pickle=True) as data:
            if str(data["key"]) != key:
                return None
            kw = {f.name: data[f.name] for f in fields(IncidentColumns)}
    except (OSError, KeyError, ValueError):
        return None
    for f in ("categories", "statuses", "channels", "departments", "communes"):
        kw[f] = tuple(str(v) for v in kw[f])
    return IncidentColumns(**kw)
