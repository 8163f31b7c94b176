"""The incident columns of the dashboards, read from the city server in one binary COPY.

A dashboard on a million incidents needs every incident's time, resolution time, category,
status, channel, department and commune as numpy columns (the counts are then cubes over
small integer codes, :mod:`plugins.dashboards`). On PostgreSQL one ``COPY (SELECT …) TO STDOUT
(FORMAT BINARY)`` returns them as fixed-width tuples: every field is made NOT NULL in the
query (``-1``, NaN), so each tuple has the same length and numpy reads the stream as a
structured array without a Python loop per row. Names become codes on the server
(``array_position`` on the name lists the dashboard shows; ``0`` = none of them).

Row-level security applies: the login role of the connection reads only its rows, so a commune
officer's dashboard counts only their commune's incidents.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

_HEADER = 19  # b"PGCOPY\n\xff\r\n\0", flags int32, header extension length int32
#: (name, SQL, binary type, numpy type): each field is NOT NULL and fixed width.
_FIELDS = (
    ("minute", "(extract(epoch FROM coalesce(occurred_at, reported_at)) / 60)::int4", "i4"),
    ("resolved", "coalesce((extract(epoch FROM resolved_at) / 60)::int4, -1)", "i4"),
    ("category", "coalesce(array_position(%(categories)s::text[], category), 0)::int2", "i2"),
    ("status", "coalesce(array_position(%(statuses)s::text[], status), 0)::int2", "i2"),
    ("channel", "coalesce(array_position(%(channels)s::text[], channel), 0)::int2", "i2"),
    ("department", "coalesce(array_position(%(departments)s::text[], department), 0)::int2", "i2"),
    ("commune_fid", "coalesce(commune_fid, -1)::int4", "i4"),
    ("x", "coalesce(ST_X(geom), 'NaN')", "f8"),
    ("y", "coalesce(ST_Y(geom), 'NaN')", "f8"),
)


def columns_sql(names: dict[str, Sequence[str]], with_xy: bool = True) -> tuple[str, dict[str, list[str]]]:
    """The COPY statement and its parameters (``names``: the category, status, channel and department lists)."""
    fields = [sql for name, sql, _ in _FIELDS if with_xy or name not in ("x", "y")]
    select = f"SELECT {', '.join(fields)} FROM incidents ORDER BY fid"
    return f"COPY ({select}) TO STDOUT (FORMAT BINARY)", {k: list(v) for k, v in names.items()}


def read_incident_columns(conn: Any, categories: Sequence[str], statuses: Sequence[str], channels: Sequence[str],
                          departments: Sequence[str], with_xy: bool = True) -> dict[str, np.ndarray]:
    """Every incident the connection's login may read, in ``fid`` order, as numpy columns.

    Parameters
    ----------
    conn : psycopg.Connection
        A connection to a gisdesk server, as the reading officer's login role.
    categories, statuses, channels, departments : sequence of str
        The names shown; a column holds ``k + 1`` for ``names[k]`` and ``0`` for any other value.
    with_xy : bool
        Read the coordinates too (``x``, ``y``: NaN without a point).

    Returns
    -------
    dict of str to numpy.ndarray
        ``minute`` and ``resolved`` (UTC epoch minutes, ``-1``: not resolved), ``category``,
        ``status``, ``channel``, ``department`` (int16 codes), ``commune_fid`` (``-1``: none),
        and ``x``, ``y`` (float64) when asked for.
    """
    sql, params = columns_sql({"categories": categories, "statuses": statuses, "channels": channels,
                               "departments": departments}, with_xy)
    chunks = []
    with conn.cursor() as cur, cur.copy(sql, params) as copy:
        for data in copy:
            chunks.append(data)
    raw = b"".join(bytes(c) for c in chunks)
    fields = [f for f in _FIELDS if with_xy or f[0] not in ("x", "y")]
    dtype = np.dtype([("n", ">i2")] + [p for name, _, t in fields for p in ((f"{name}_len", ">i4"), (name, ">" + t))])
    body = raw[_HEADER:len(raw) - 2]  # the trailer is int16 -1
    if len(body) % dtype.itemsize:
        raise ValueError(f"the server's COPY stream is not whole tuples of {dtype.itemsize} bytes")
    rows = np.frombuffer(body, dtype=dtype)
    return {name: rows[name].astype(t) for name, _, t in fields}


__all__ = ["columns_sql", "read_incident_columns"]
