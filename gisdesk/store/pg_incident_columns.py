"""The incident columns of the dashboards, read from the city server in bulk.

A dashboard on a million incidents needs every incident's time, resolution time, category,
status, channel, department and commune as numpy columns (the counts are then cubes over
small integer codes, as :mod:`plugins.dashboards` computes them on a file). On PostgreSQL one
aggregate per ``fid`` range returns them as one ``bytea`` of fixed-width records built with the
types' binary send functions (``timestamptz_send``, ``int2send``, ``float8send``), so numpy
reads the records as a structured array: no Python step per row (a binary ``COPY`` sends one
message per row, which costs Python about 1.5 µs each). Names become codes on the server
(``array_position`` in the lists the dashboard shows; ``0`` = none of them). The dashboard's
first view needs no coordinates (``with_xy=False``; the hotspot layer asks for them later). Ranges can run on
more connections at once (``more``), one backend each.

Row-level security applies: the login role of the connection reads only its rows, so a commune
officer's dashboard counts only their commune's incidents.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Sequence

import numpy as np

#: PostgreSQL's timestamps count microseconds from 2000-01-01 UTC: that instant in epoch minutes.
_PG_EPOCH_MINUTES = 10957 * 1440
_INFINITY = np.iinfo(np.int64).max  # timestamptz 'infinity' (no resolution)
#: (name, SQL of the field's bytes, numpy type of those bytes); every field is NOT NULL and fixed width.
_FIELDS = (
    ("minute", "timestamptz_send(coalesce(occurred_at, reported_at))", ">i8"),
    ("resolved", "timestamptz_send(coalesce(resolved_at, 'infinity'))", ">i8"),
    ("category", "int2send(coalesce(array_position(%(categories)s::text[], category), 0)::int2)", ">i2"),
    ("status", "int2send(coalesce(array_position(%(statuses)s::text[], status), 0)::int2)", ">i2"),
    ("channel", "int2send(coalesce(array_position(%(channels)s::text[], channel), 0)::int2)", ">i2"),
    ("department", "int2send(coalesce(array_position(%(departments)s::text[], department), 0)::int2)", ">i2"),
    ("commune_fid", "int4send(coalesce(commune_fid, -1)::int4)", ">i4"),
    ("x", "float8send(coalesce(ST_X(geom), 'NaN'))", ">f8"),
    ("y", "float8send(coalesce(ST_Y(geom), 'NaN'))", ">f8"),
)


def _fields(with_xy: bool) -> list[tuple[str, str, str]]:
    return [f for f in _FIELDS if with_xy or f[0] not in ("x", "y")]


def columns_sql(with_xy: bool = True) -> str:
    """The aggregate over one ``fid`` range (parameters: the four name lists, ``lo``, ``hi``)."""
    record = " || ".join(sql for _, sql, _ in _fields(with_xy))
    return (f"SELECT string_agg({record}, ''::bytea) FROM incidents "
            "WHERE fid >= %(lo)s AND fid < %(hi)s")


def read_incident_columns(conn: Any, categories: Sequence[str], statuses: Sequence[str], channels: Sequence[str],
                          departments: Sequence[str], with_xy: bool = True,
                          more: Sequence[Any] = ()) -> dict[str, np.ndarray]:
    """Every incident the connection's login may read, as numpy columns.

    The rows come in the order the server scans each ``fid`` range (not sorted: sorting a million
    rows costs the server as much as building them); every column has the same order, since one
    record carries all of an incident's fields.

    Parameters
    ----------
    conn : psycopg.Connection
        A connection to a gisdesk server, as the reading officer's login role.
    categories, statuses, channels, departments : sequence of str
        The names shown; a column holds ``k + 1`` for ``names[k]`` and ``0`` for any other value.
    with_xy : bool
        Read the coordinates too (``x``, ``y``: NaN without a point).
    more : sequence of psycopg.Connection
        Further connections of the same login: the ``fid`` range is split among all of them.

    Returns
    -------
    dict of str to numpy.ndarray
        ``minute`` and ``resolved`` (UTC epoch minutes, int64; ``-1``: not resolved), ``category``,
        ``status``, ``channel``, ``department`` (int16 codes), ``commune_fid`` (int32, ``-1``: none),
        and ``x``, ``y`` (float64) when asked for.
    """
    fields = _fields(with_xy)
    dtype = np.dtype([(name, t) for name, _, t in fields])
    lo, hi = conn.execute("SELECT coalesce(min(fid), 0), coalesce(max(fid), -1) FROM incidents").fetchone()
    conns = [conn, *more]
    edges = np.linspace(int(lo), int(hi) + 1, len(conns) + 1).round().astype(np.int64)
    sql = columns_sql(with_xy)
    names = {"categories": list(categories), "statuses": list(statuses), "channels": list(channels),
             "departments": list(departments)}

    def part(i: int) -> bytes:
        row = conns[i].execute(sql, {**names, "lo": int(edges[i]), "hi": int(edges[i + 1])}, binary=True).fetchone()
        return bytes(row[0] or b"")

    if len(conns) == 1:
        blobs = [part(0)]
    else:
        with ThreadPoolExecutor(len(conns)) as pool:
            blobs = list(pool.map(part, range(len(conns))))
    raw = b"".join(blobs)
    if len(raw) % dtype.itemsize:
        raise ValueError(f"the server's records are not whole records of {dtype.itemsize} bytes")
    rows = np.frombuffer(raw, dtype=dtype)
    out = {name: rows[name].astype(t.replace(">", "=")) for name, _, t in fields}
    for name in ("minute", "resolved"):
        us = out[name]
        minutes = us // 60_000_000 + _PG_EPOCH_MINUTES
        out[name] = np.where(us == _INFINITY, -1, minutes) if name == "resolved" else minutes
    return out


__all__ = ["columns_sql", "read_incident_columns"]
