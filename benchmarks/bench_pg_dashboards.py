"""The dashboards' numbers on 1,000,000 incidents of the city server (part ``dashboards`` of bench_postgis.py).

The dashboards plugin does not open on a ``postgresql://`` workspace yet (the plugin facade's
``Workspace.read`` is SpatiaLite's); this part measures the two ways it can compute its KPIs there,
in a new process signed in as a city dispatcher's login role (row-level security on):

- **bulk columns**: :func:`gisdesk.store.pg_incident_columns.read_incident_columns` (one aggregate of
  fixed-width records per fid range, on 1 and on 2 connections: every incident's minute, resolution,
  category/status/channel/department codes and commune; the coordinates are read later, for the
  hotspot layer, as the plugin does on a file)
  and the cards' counts from them (``np.bincount``), as the plugin's cubes do on a file;
- **aggregate in SQL**: one ``GROUPING SETS`` query returning the counts per status, category,
  commune, channel and per day of the last 90 days, and the median resolution time.

The 1,000,000 incidents are written once in SQL (``generate_series``) into the bench database.
"""

from __future__ import annotations

import json
import sys

from bench_zoom import run_measured

N = 1_000_000
LOGIN, PASSWORD = "bench_dispatcher", "bench dashboards 2026"

_FILL = """
INSERT INTO incidents (uuid, category, severity, channel, status, reported_at, updated_at, resolved_at, commune,
                       commune_fid, department, geom)
SELECT gen_random_uuid(), (ARRAY['flooding','fallen_tree','pothole','streetlight','waste','drainage','fire',
       'traffic'])[1 + i %% 8], 1 + i %% 4, (ARRAY['officer','hotline','app','camera','sensor'])[1 + (i * 7) %% 5],
       (ARRAY['new','assigned','in_progress','resolved','closed'])[1 + (i * 3) %% 5],
       now() - (i %% 525600) * interval '1 minute', now(),
       CASE WHEN (i * 3) %% 5 >= 3 THEN now() - (i %% 525600 - 90) * interval '1 minute' END,
       'Commune ' || (i %% 40), 1 + i %% 40, 'Department ' || (i %% 6),
       ST_SetSRID(ST_MakePoint(740000 + (i %% 1000) * 40, 1800000 + (i / 1000) * 40), %s)
FROM generate_series(1, %s) i
"""

_TIMED = r"""
import json, sys, time
import numpy as np
t0, c0 = time.perf_counter(), time.process_time()
import psycopg
from gisdesk.store.pg_incident_columns import read_incident_columns
conn = psycopg.connect(sys.argv[1], autocommit=True)
more = [psycopg.connect(sys.argv[1], autocommit=True) for _ in range(int(sys.argv[2]) - 1)]
t1 = time.perf_counter()
cats = ('drainage', 'fallen_tree', 'fire', 'flooding', 'pothole', 'streetlight', 'traffic', 'waste')
statuses = ('new', 'assigned', 'in_progress', 'resolved', 'closed', 'rejected', 'duplicate')
cols = read_incident_columns(conn, cats, statuses, ('officer', 'hotline', 'app', 'camera', 'sensor'),
                             tuple(f'Department {i}' for i in range(6)), with_xy=False, more=more)
t2 = time.perf_counter()
cards = {k: np.bincount(cols[k], minlength=9) for k in ('status', 'category', 'channel', 'department')}
cards['commune'] = np.bincount(cols['commune_fid'] + 1)
day = cols['minute'] // 1440
per_day = np.bincount(day - day.min())
done = cols['resolved'] >= 0
median_h = float(np.median(cols['resolved'][done] - cols['minute'][done])) / 60
t3 = time.perf_counter()
cold = {"n": int(len(cols['minute'])), "connect_s": t1 - t0, "columns_s": t2 - t1, "kpis_s": t3 - t2,
        "total_s": t3 - t1, "cpu_s": time.process_time() - c0}
t4 = time.perf_counter(); c4 = time.process_time()
rows = conn.execute(
    "SELECT status, category, commune, channel, date_trunc('day', reported_at) AS d, count(*) FROM incidents "
    "WHERE reported_at > now() - interval '90 days' OR true "
    "GROUP BY GROUPING SETS ((status), (category), (commune), (channel), (date_trunc('day', reported_at)))").fetchall()
med = conn.execute("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY resolved_at - reported_at) FROM incidents "
                   "WHERE resolved_at IS NOT NULL").fetchone()
sql = {"rows": len(rows), "total_s": time.perf_counter() - t4, "cpu_s": time.process_time() - c4}
print(json.dumps({"columns": cold, "sql": sql}))
"""


def dashboards_part(a, cl, record) -> None:
    import psycopg

    from gisdesk.store.server import add_officer

    url = cl.url("bench")
    with psycopg.connect(url, autocommit=True) as su:
        n = su.execute("SELECT count(*) FROM incidents").fetchone()[0]
        if n < N:
            srid = su.execute("SELECT Find_SRID('public', 'incidents', 'geom')").fetchone()[0]
            su.execute(_FILL, (srid, N - n))
            su.execute("ANALYZE incidents")
        known = su.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (LOGIN,)).fetchone()
    if not known:
        add_officer(url, LOGIN, "city_dispatcher", PASSWORD)
    login = cl.url("bench", LOGIN) + "&password=" + PASSWORD.replace(" ", "%20")
    for conns in (1, 2):
        runs = []
        for _ in range(3):
            out, *_ = run_measured([sys.executable, "-c", _TIMED, login, str(conns)])
            runs.append(json.loads(out.strip().splitlines()[-1]))
        runs.sort(key=lambda r: r["columns"]["total_s"])
        record(a.out, {"case": "dashboards", "connections": conns, **runs[len(runs) // 2], "runs": runs})
