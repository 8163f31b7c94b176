"""The reliability suite's long run: ``python -m reliability DEMO_WORKSPACE [--runs 100] [--seconds 60]``.

Prints the figures written in benchmarks/README.md: kill -9 during writes, the bad-input
corpus, concurrent writers, the access matrix and the faulty-plugin set. Every run works on
copies; the given workspace is not changed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _copy(demo: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in demo.parent.iterdir():
        if f.is_file() and not f.name.endswith(("-wal", "-shm")):
            shutil.copy2(f, folder / f.name)
    return folder / demo.name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reliability", description=__doc__.splitlines()[0])
    parser.add_argument("demo", help="the demo workspace (hue.sqlite from 'gisdesk sample')")
    parser.add_argument("--runs", type=int, default=100, help="kill -9 runs per kind (default 100)")
    parser.add_argument("--seconds", type=float, default=60.0, help="concurrent writers' time (default 60 s)")
    args = parser.parse_args(argv)
    from reliability import concurrency, corpus, kill9, matrix

    demo = Path(args.demo).resolve()
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        t = time.perf_counter()
        totals = {k: kill9.RunResult(k) for k in ("incidents", "tasks")}
        for kind in totals:
            ws = _copy(demo, tmp_path / f"kill9-{kind}")
            for seed in range(args.runs):
                r = kill9.kill_run(ws, kind, seed, tmp_path)
                totals[kind].committed += r.committed
                totals[kind].lost += r.lost
                totals[kind].problems += r.problems
        for r in totals.values():
            print(f"kill -9 during {r.kind} writes: runs {args.runs}, committed changes {r.committed}, "
                  f"lost {r.lost}, integrity/history problems {len(r.problems)} ({time.perf_counter() - t:.0f} s)")
            ok &= r.lost == 0 and not r.problems
        fig = corpus.run(tmp_path / "corpus", demo)
        print(f"bad-input corpus: runs {fig.runs}, tracebacks {fig.tracebacks}, hangs {fig.hangs}, "
              f"raw escapes {fig.raw_escapes}, files changed {fig.changed}")
        ok &= not fig.failures
        cc = concurrency.run(str(_copy(demo, tmp_path / "concurrency")), args.seconds, 2)
        print(f"concurrent writers: {cc.writers} processes for {cc.seconds:.0f} s, committed {cc.committed}, "
              f"conflicts reported {cc.conflicts}, lost {cc.lost}, errors {len(cc.errors)}")
        ok &= cc.lost == 0 and not cc.errors
        mx = matrix.run(str(_copy(demo, tmp_path / "matrix")))
        print(f"access matrix (stores, every demo account): rows read {mx.rows_read}, leaked {mx.leaked}, "
              f"writes tried {mx.writes_tried}, unauthorised {mx.unauthorised}, wrongly refused {mx.refused_wrongly}")
        ok &= not mx.failures and mx.leaked == 0
    root = Path(__file__).resolve().parent.parent
    res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", "tests/plugins/test_faulty_start.py",
                          "tests/ui/test_faulty_plugins_window.py"], cwd=root, capture_output=True, text=True)
    summary = (res.stdout.strip().splitlines() or ["no output"])[-1]
    print(f"faulty plugins (hang, segfault, os._exit, KeyboardInterrupt, SystemExit at import): {summary}")
    ok &= res.returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
