"""Kill -9 at random moments during incident and task writes; check nothing committed is lost.

A worker process changes incidents (descriptions) or tasks (create, assign, cancel) in a
loop. After each change *commits* it appends a line to a log file and fsyncs it, so the
log lists changes that were certainly committed. The parent kills the worker with
SIGKILL at a random moment, then opens the workspace again and checks:

* ``PRAGMA integrity_check`` is ``ok``;
* every logged change is in the workspace (``lost`` counts those that are not);
* the history agrees with the current state (incidents: each description change's
  "from" is the previous change's "to", and the last "to" is the current value; tasks:
  :meth:`TaskStore.check_consistency`).

``python -m reliability.kill9 WORKSPACE --runs 100`` runs the long version and prints the
figures; ``tests/reliability/test_kill9.py`` runs a handful in the suite.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

COMMUNE = "Phú Hội"


@dataclass
class RunResult:
    """What one killed run left behind."""

    kind: str
    committed: int = 0  #: changes the worker logged as committed before it died
    lost: int = 0  #: of those, how many the workspace does not have
    problems: list[str] = field(default_factory=list)  #: integrity or history disagreements


def _log(fh, line: str) -> None:
    fh.write(line + "\n")
    fh.flush()
    os.fsync(fh.fileno())


def worker(workspace: str, kind: str, log_path: str, seed: int) -> None:
    """Change the workspace forever (until killed), logging each committed change."""
    from gisdesk.store.incidents_store import IncidentStore
    from gisdesk.store.tasks_store import TaskStore
    from gisdesk.core.users import User

    rng = random.Random(seed)
    with open(log_path, "a", encoding="utf-8") as fh:
        if kind == "incidents":
            store = IncidentStore(workspace, "dispatcher")
            uuids = [r[0] for r in store.conn.execute("SELECT uuid FROM incidents ORDER BY fid LIMIT 20")]
            i = 0
            while True:
                i += 1
                uuid = rng.choice(uuids)
                store.update(uuid, {"description": f"kill9 {seed} {i}"})
                _log(fh, f"{uuid}\tkill9 {seed} {i}")
        else:
            store = TaskStore(workspace, User("dispatcher", "Dispatcher", "viewer"))
            i = 0
            while True:
                i += 1
                task = store.create(f"kill9 {seed} {i}", category="flooding", severity=2)
                _log(fh, f"{task.uuid}\t{task.version}")
                task = store.transition(task.uuid, "assign", task.version, commune=COMMUNE)
                _log(fh, f"{task.uuid}\t{task.version}")
                if rng.random() < 0.5:
                    task = store.transition(task.uuid, "cancel", task.version, reason="kill9 test")
                    _log(fh, f"{task.uuid}\t{task.version}")


def check(workspace: str | os.PathLike[str], kind: str, log_path: str | os.PathLike[str]) -> RunResult:
    """Compare the workspace with the worker's log of committed changes."""
    from gisdesk.store.connection import connect

    result = RunResult(kind)
    lines = [ln.split("\t") for ln in Path(log_path).read_text(encoding="utf-8").splitlines() if "\t" in ln]
    result.committed = len(lines)
    conn = connect(workspace)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if ok != "ok":
            result.problems.append(f"integrity_check: {ok}")
        if kind == "incidents":
            for uuid, text in lines:
                seen = conn.execute("SELECT 1 FROM incident_events WHERE incident_uuid = ? AND field = "
                                    "'description' AND to_state = ?", (uuid, text)).fetchone()
                result.lost += seen is None
            for (uuid,) in conn.execute("SELECT DISTINCT incident_uuid FROM incident_events "
                                        "WHERE field = 'description'").fetchall():
                chain = conn.execute("SELECT from_state, to_state FROM incident_events WHERE incident_uuid = ? "
                                     "AND field = 'description' ORDER BY at, rowid", (uuid,)).fetchall()
                for (_, prev_to), (cur_from, _) in zip(chain, chain[1:]):
                    if (prev_to or "") != (cur_from or ""):
                        result.problems.append(f"incident {uuid}: a change from {cur_from!r} follows one "
                                               f"to {prev_to!r}")
                current = conn.execute("SELECT description FROM incidents WHERE uuid = ?", (uuid,)).fetchone()
                if current is not None and (current[0] or "") != (chain[-1][1] or ""):
                    result.problems.append(f"incident {uuid}: description {current[0]!r} but its history "
                                           f"ends in {chain[-1][1]!r}")
        else:
            for uuid, version in lines:
                row = conn.execute("SELECT version FROM tasks WHERE uuid = ?", (uuid,)).fetchone()
                result.lost += row is None or int(row[0]) < int(version)
    finally:
        conn.close()
    if kind == "tasks":
        from gisdesk.core.users import User
        from gisdesk.store.tasks_store import TaskStore

        with TaskStore(workspace, User("dispatcher", "Dispatcher", "viewer")) as store:
            result.problems += store.check_consistency()
    return result


def kill_run(workspace: str | os.PathLike[str], kind: str, seed: int, log_dir: str | os.PathLike[str],
             min_s: float = 0.0, max_s: float = 0.8) -> RunResult:
    """Start a worker, SIGKILL it after a random delay (after it has committed once), check the workspace."""
    log = Path(log_dir) / f"{kind}-{seed}.log"
    log.write_text("", encoding="utf-8")
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), root]))
    proc = subprocess.Popen([sys.executable, "-m", "reliability.kill9", "--worker", str(workspace), kind, str(log),
                             str(seed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rng = random.Random(seed)
    deadline = time.monotonic() + 60
    while log.stat().st_size == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)  # wait for the first committed change: imports take a while
    time.sleep(rng.uniform(min_s, max_s))
    if proc.poll() is not None:
        err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
        raise RuntimeError(f"the {kind} worker stopped by itself: {err[-2000:]}")
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return check(workspace, kind, log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability.kill9", description=__doc__.splitlines()[0])
    parser.add_argument("--worker", nargs=4, metavar=("WORKSPACE", "KIND", "LOG", "SEED"), help=argparse.SUPPRESS)
    parser.add_argument("workspace", nargs="?", help="a gisdesk workspace to damage (a copy of the demo)")
    parser.add_argument("--runs", type=int, default=100, help="killed runs per kind (default 100)")
    args = parser.parse_args(argv)
    if args.worker:
        ws, kind, log, seed = args.worker
        worker(ws, kind, log, int(seed))
        return 0
    if not args.workspace:
        parser.error("give a workspace")
    import tempfile

    totals = {k: RunResult(k) for k in ("incidents", "tasks")}
    runs = 0
    with tempfile.TemporaryDirectory() as tmp:
        for seed in range(args.runs):
            for kind in ("incidents", "tasks"):
                r = kill_run(args.workspace, kind, seed, tmp)
                t = totals[kind]
                t.committed += r.committed
                t.lost += r.lost
                t.problems += r.problems
                runs += 1
            print(f"\rkill -9 runs: {runs}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    for t in totals.values():
        print(f"{t.kind}: runs {args.runs}, committed changes {t.committed}, lost {t.lost}, "
              f"history or integrity problems {len(t.problems)}")
        for p in t.problems[:10]:
            print("  " + p)
    return 0 if all(t.lost == 0 and not t.problems for t in totals.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
