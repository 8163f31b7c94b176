"""``package create`` on the demo city: the size estimate and the package, for a commune and for the whole city.

    .venv/bin/python benchmarks/bench_package.py [--incidents 20000] [--runs 3]

Builds the demo city (``gisdesk sample --incidents N --today 2026-11-20``) into
``build/bench/package_<N>/hue.sqlite`` once, then times, ``--runs`` times each (median):

- **estimate**: :func:`gisdesk.store.package_estimate.estimate_package` (what the Take offline
  dialog shows as the choice changes);
- **create**: :func:`gisdesk.store.package_create.create_package`, package and raster written;

for the Phú Hội commune officer (the commune plus 500 m) and for the dispatcher with a box
over the whole city (every incident travels). Prints one line per case with the sizes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

CASES = (
    ("Phú Hội officer, commune + 500 m", {"for_user": "phu_hoi", "commune": "Phú Hội"}),
    ("dispatcher, whole city box", {"for_user": "dispatcher", "area": (760000, 1805000, 790000, 1835000)}),
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from gisdesk.store.package_create import create_package
    from gisdesk.store.package_estimate import estimate_package

    demo = ROOT / "build" / "bench" / f"package_{args.incidents}" / "hue.sqlite"
    if not demo.exists():
        from sample_layers.generate import build_workspace

        demo.parent.mkdir(parents=True, exist_ok=True)
        build_workspace(demo, incidents=args.incidents, today="2026-11-20")
    for label, kw in CASES:
        est_times, times = [], []
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(args.runs):
                t = time.perf_counter()
                est = estimate_package(demo, **kw)
                est_times.append(time.perf_counter() - t)
                out = Path(tmp) / f"p{i}.sqlite"
                t = time.perf_counter()
                report = create_package(demo, out, signer="dispatcher", **kw)
                times.append(time.perf_counter() - t)
            written = report.size + sum(p.stat().st_size for p in report.rasters)
        print(f"{label}: estimate {statistics.median(est_times):.2f} s ({est.bytes / 1e6:.1f} MB), "
              f"create {statistics.median(times):.2f} s ({written / 1e6:.1f} MB: package {report.size / 1e6:.1f}, "
              f"raster {(written - report.size) / 1e6:.1f}); {report.counts.get('incidents', 0)} incidents, "
              f"{report.counts.get('tasks', 0)} tasks, {sum(report.cut.values())} features cut")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
