"""Concurrent writers on one workspace: processes editing the same incidents and tasks, 0 lost updates.

Each writer process reads an incident (or a task), waits a moment as a person would, and
writes with the version it read. A write either commits (logged) or is refused as a
conflict (counted: reported, never silent). Afterwards every committed change must be in
the workspace's history with the version it produced, and each incident's version must
equal 1 + its committed changes (so nothing was written over).

``python -m reliability.concurrency WORKSPACE --seconds 60 --writers 2`` is the long run.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import random
import sys
import time
from dataclasses import dataclass, field


@dataclass
class Figures:
    writers: int = 0
    seconds: float = 0.0
    committed: int = 0
    conflicts: int = 0
    lost: int = 0
    errors: list[str] = field(default_factory=list)


def _writer(path: str, uuids: list[str], seconds: float, worker: int, out) -> None:
    from gisdesk.core.tasks import ConflictError
    from gisdesk.store.incidents_store import IncidentStore

    rng = random.Random(worker)
    done, conflicts, errors = [], 0, []
    try:
        with IncidentStore(path, "dispatcher" if worker % 2 == 0 else "admin") as s:
            end = time.monotonic() + seconds
            n = 0
            while time.monotonic() < end:
                n += 1
                uid = rng.choice(uuids)
                inc = s.get(uid)
                time.sleep(rng.random() * 0.004)
                try:
                    new = s.update(uid, {"description": f"w{worker}-{n}"}, version=inc.version)
                    done.append((uid, new.version, f"w{worker}-{n}"))
                except ConflictError:
                    conflicts += 1
    except Exception as exc:  # a failure of the run, reported
        errors.append(repr(exc))
    out.put((done, conflicts, errors))


def run(workspace: str, seconds: float = 5.0, writers: int = 2, incidents: int = 5) -> Figures:
    """Run ``writers`` processes for ``seconds`` on the first ``incidents`` incidents; the figures."""
    from gisdesk.store.connection import connect

    conn = connect(workspace)
    uuids = [r[0] for r in conn.execute("SELECT uuid FROM incidents ORDER BY fid LIMIT ?", (incidents,))]
    start_versions = dict(conn.execute("SELECT uuid, version FROM incidents WHERE uuid IN (%s)"
                                       % ",".join("?" * len(uuids)), uuids).fetchall())
    conn.close()
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(workspace), uuids, seconds, w, out)) for w in range(writers)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    fig = Figures(writers, seconds)
    done = [d for r in results for d in r[0]]
    fig.committed = len(done)
    fig.conflicts = sum(r[1] for r in results)
    fig.errors = [e for r in results for e in r[2]]
    conn = connect(workspace)
    try:
        for uid in uuids:
            version = conn.execute("SELECT version FROM incidents WHERE uuid = ?", (uid,)).fetchone()[0]
            mine = [d for d in done if d[0] == uid]
            events = {(v, to) for v, to in conn.execute(
                "SELECT version, to_state FROM incident_events WHERE incident_uuid = ? AND field = 'description'",
                (uid,))}
            fig.lost += sum((v, text) not in events for _, v, text in mine)
            fig.lost += max(0, len(mine) - (version - start_versions[uid]))
    finally:
        conn.close()
    return fig


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability.concurrency", description=__doc__.splitlines()[0])
    parser.add_argument("workspace")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--writers", type=int, default=2)
    args = parser.parse_args(argv)
    fig = run(args.workspace, args.seconds, args.writers)
    print(f"concurrent writers: {fig.writers} processes for {fig.seconds:.0f} s, committed {fig.committed}, "
          f"conflicts reported {fig.conflicts}, lost {fig.lost}, errors {len(fig.errors)}")
    for e in fig.errors[:5]:
        print("  " + e)
    return 0 if fig.lost == 0 and not fig.errors else 1


if __name__ == "__main__":
    sys.exit(main())
