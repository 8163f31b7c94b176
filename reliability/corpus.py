"""A bad-input corpus run through the ``gisdesk`` commands: 0 tracebacks, 0 hangs, 0 files changed.

The corpus is generated here (nothing is committed): damaged and foreign files where a
workspace is expected, bad feeds (Open311 requests and camera detections), bad geometry
and hostile strings. Every command runs in its own process with a time limit, and a
case fails when

* the command prints a Python traceback (``Traceback (most recent call last)``),
* it does not end within the time limit (a hang),
* it prints a raw terminal control character that came from the input (ESC),
* it changes a file it was not asked to change: a workspace a read-only command read,
  or any file a command refused (non-zero exit) -- compared byte for byte, and no
  ``-wal``/``-shm`` file may be left beside it.

``python -m reliability.corpus`` runs it all and prints the figures;
``tests/reliability/test_corpus.py`` runs it in the suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

TIMEOUT_S = 60.0


@dataclass
class Case:
    """One command on one input."""

    name: str
    argv: list[str]
    watched: list[Path]  #: files that must not change (always, or when the command refuses)
    always_unchanged: bool = False  #: read-only command: watched files never change


@dataclass
class Figures:
    runs: int = 0
    tracebacks: int = 0
    hangs: int = 0
    raw_escapes: int = 0
    changed: int = 0
    failures: list[str] = field(default_factory=list)


def _digest(path: Path) -> str | None:
    if not path.exists() or path.is_dir():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- the corpus -------------------------------------------------------------------------
def foreign_files(folder: Path, demo: Path) -> dict[str, Path]:
    """Files that are not gisdesk workspaces, where commands expect one."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    out["random-bytes"] = folder / "random.sqlite"
    out["random-bytes"].write_bytes(os.urandom(64 * 1024))
    out["empty"] = folder / "empty.sqlite"
    out["empty"].write_bytes(b"")
    out["text"] = folder / "notes.sqlite"
    out["text"].write_text("this is not a database\n", encoding="utf-8")
    data = demo.read_bytes()
    out["truncated-demo"] = folder / "truncated.sqlite"
    out["truncated-demo"].write_bytes(data[: len(data) // 3])
    damaged = bytearray(data)
    for i in range(4096, min(len(damaged), 400_000), 4096):
        damaged[i + 100: i + 140] = os.urandom(40)  # scribble over the middle of pages, keep the header
    out["scribbled-demo"] = folder / "scribbled.sqlite"
    out["scribbled-demo"].write_bytes(bytes(damaged))
    plain = folder / "plain.sqlite"
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE parcels (id INTEGER PRIMARY KEY, owner TEXT)")
    con.execute("INSERT INTO parcels VALUES (1, 'Nguyễn Văn A')")
    con.commit()
    con.close()
    out["plain-sqlite"] = plain
    if shutil.which("ogr2ogr"):
        geojson = folder / "roads.geojson"
        geojson.write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Lê Lợi"},
             "geometry": {"type": "LineString", "coordinates": [[107.58, 16.46], [107.59, 16.47]]}}]}),
            encoding="utf-8")
        for key, args in (("ogr2ogr-spatialite", ["-f", "SQLite", "-dsco", "SPATIALITE=YES"]),
                          ("geopackage", ["-f", "GPKG"])):
            dest = folder / ("foreign.sqlite" if key.startswith("ogr") else "foreign.gpkg")
            subprocess.run(["ogr2ogr", *args, str(dest), str(geojson)], check=True, capture_output=True)
            out[key] = dest
    out["missing"] = folder / "does-not-exist.sqlite"
    out["directory"] = folder / "a-folder.sqlite"
    out["directory"].mkdir(exist_ok=True)
    return out


def bad_feeds(folder: Path) -> dict[str, Path]:
    """Open311 and detection feeds with bad records (and a few good ones between them)."""
    folder.mkdir(parents=True, exist_ok=True)
    good = {"service_request_id": "GOOD-1", "service_code": "flooding", "service_name": "flooding",
            "description": "Nước ngập đường", "lat": 16.4637, "long": 107.5909,
            "requested_datetime": "2026-11-20T08:00:00Z", "status": "open"}
    bad_values = {
        "severity-word": {"severity": "high"},
        "date-overflow": {"requested_datetime": "99999-12-31T00:00:00Z"},
        "date-garbage": {"requested_datetime": "yesterday-ish"},
        "description-object": {"description": {"text": "x"}},
        "lat-inf": {"lat": 1e999},
        "lat-nan": {"lat": float("nan")},
        "lat-huge": {"lat": 1e308},
        "long-string": {"long": "one hundred and seven"},
        "escape": {"description": "\x1b[2J\x1b[31mred alert\x1b[0m", "service_request_id": "\x1b]0;pwned\x07"},
        "nul": {"description": "a\x00b"},
        "service-null": {"service_code": None, "service_name": None},
    }
    out: dict[str, Path] = {}
    for key, change in bad_values.items():
        records = [dict(good, service_request_id=f"OK-{key}-1"), dict(good, **change),
                   dict(good, service_request_id=f"OK-{key}-2")]
        path = folder / f"open311-{key}.json"
        path.write_text(json.dumps(records, ensure_ascii=False, allow_nan=True), encoding="utf-8")
        out[f"open311-{key}"] = path
    deep = folder / "open311-deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    out["open311-deep-nesting"] = deep
    latin = folder / "open311-latin1.json"
    latin.write_bytes(json.dumps([good]).replace("ngập", "ng\xe2p").encode("latin-1", "replace") + b"\xff\xfe")
    out["open311-not-utf8"] = latin
    for key, text in (("open311-not-json", "{this is not json"), ("open311-object", '{"a": 1}'),
                      ("open311-empty", ""), ("open311-number", "1e999")):
        p = folder / f"{key}.json"
        p.write_text(text, encoding="utf-8")
        out[key] = p
    csv = folder / "detections-bad.csv"
    csv.write_text("camera_id,detected_at,type,confidence,lon,lat\n"
                   "CAM-1,2026-11-20T08:00:00Z,flooding,0.9,107.59,16.46\n"
                   "CAM-1,not-a-date,flooding,0.9,107.59,16.46\n"
                   "CAM-2,2026-11-20T08:00:00Z,flooding,lots,107.59,16.46\n"
                   "CAM-3,2026-11-20T08:00:00Z,flooding,0.9,nan,16.46\n"
                   "CAM-4,2026-11-20T08:00:00Z,\x1b[2Jflooding,0.9,107.59,16.46\n"
                   "CAM-5,2026-11-20T08:00:00Z,flooding,0.9,1e999,16.46\n", encoding="utf-8")
    out["detections-csv-bad-rows"] = csv
    jl = folder / "detections-bad.jsonl"
    jl.write_text('{"camera_id": "CAM-1", "detected_at": "2026-11-20T08:00:00Z", "type": "flooding", '
                  '"confidence": 0.9, "lon": 107.59, "lat": 16.46}\n{broken\n[1, 2]\n'
                  + "[" * 50_000 + "\n", encoding="utf-8")
    out["detections-jsonl-bad-lines"] = jl
    return out


def cases(folder: Path, demo: Path, gisdesk: list[str]) -> list[Case]:
    """Every command of the corpus, with the files each must leave alone."""
    foreign = foreign_files(folder / "foreign", demo)
    feeds = bad_feeds(folder / "feeds")
    out: list[Case] = []
    for key, path in foreign.items():
        for name, argv, ro in (
                ("info", ["info", str(path)], True),
                ("kpi", ["kpi", str(path)], True),
                ("users list", ["users", "list", str(path)], True),
                ("export-geojson", ["incidents", "export-geojson", str(path), str(folder / f"out-{key}.geojson")],
                 True),
                ("export-open311", ["incidents", "export-open311", str(path), str(folder / f"out-{key}.json")],
                 True),
                ("import-open311", ["incidents", "import-open311", str(path), str(feeds["open311-severity-word"])],
                 False),
                ("render", ["render", str(path), "--layers", "communes", "-o", str(folder / f"out-{key}.png")],
                 True)):
            out.append(Case(f"{name} on {key}", gisdesk + argv, [path], always_unchanged=ro))
    # exports onto the workspace itself, or onto another SQLite file
    ws = folder / "ws" / "hue.sqlite"
    ws.parent.mkdir(parents=True, exist_ok=True)
    for f in demo.parent.iterdir():
        if f.is_file():
            shutil.copy2(f, ws.parent / f.name)
    for cmd in ("export-geojson", "export-open311"):
        out.append(Case(f"{cmd} onto the workspace", gisdesk + ["incidents", cmd, str(ws), str(ws)], [ws],
                        always_unchanged=True))
        if "plain-sqlite" in foreign:
            out.append(Case(f"{cmd} onto another SQLite file", gisdesk + ["incidents", cmd, str(ws),
                                                                           str(foreign["plain-sqlite"])],
                            [foreign["plain-sqlite"]], always_unchanged=True))
    for key, path in feeds.items():
        command = "import-detections" if key.startswith("detections") else "import-open311"
        out.append(Case(f"{command} of {key}", gisdesk + ["incidents", command, str(ws), str(path),
                                                           "--user", "dispatcher"], [path], always_unchanged=True))
    return out


def run_case(case: Case, env: dict[str, str]) -> list[str]:
    """Run one case; the list of what went wrong (empty when it behaved)."""
    before = {p: (_digest(p), p.exists()) for p in case.watched}
    try:
        proc = subprocess.run(case.argv, capture_output=True, timeout=TIMEOUT_S, env=env, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return [f"{case.name}: hung (no end within {TIMEOUT_S:.0f} s)"]
    problems = []
    out = proc.stdout + proc.stderr
    if b"Traceback (most recent call last)" in out:
        tail = out.decode("utf-8", "replace").strip().splitlines()[-1:]
        problems.append(f"{case.name}: traceback ({tail[0] if tail else ''})")
    if b"\x1b" in out:
        problems.append(f"{case.name}: printed a raw ESC character")
    if case.always_unchanged or proc.returncode != 0:
        for p, (digest, existed) in before.items():
            if _digest(p) != digest or p.exists() != existed:
                problems.append(f"{case.name}: changed {p.name} (exit {proc.returncode})")
            for suffix in ("-wal", "-shm", "-journal"):
                side = Path(str(p) + suffix)
                if side.exists() and side.stat().st_size > 0 and not (existed and p.is_dir()):
                    problems.append(f"{case.name}: left {side.name} beside {p.name}")
    return problems


def run(folder: Path, demo: Path, progress: Callable[[int, int], None] | None = None,
        only: Callable[[Case], bool] | None = None) -> Figures:
    """Build the corpus under ``folder`` and run every case; the figures."""
    gisdesk = [sys.executable, "-m", "gisdesk.cli"]
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [env.get("PYTHONPATH"), root]))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    todo = [c for c in cases(folder, demo, gisdesk) if only is None or only(c)]
    fig = Figures()
    for i, case in enumerate(todo):
        problems = run_case(case, env)
        fig.runs += 1
        for p in problems:
            fig.tracebacks += "traceback" in p
            fig.hangs += "hung" in p
            fig.raw_escapes += "raw ESC" in p
            fig.changed += "changed" in p or " left " in p
        fig.failures += problems
        if progress:
            progress(i + 1, len(todo))
    return fig


def main(argv: list[str] | None = None) -> int:
    import tempfile

    parser = argparse.ArgumentParser(prog="python -m reliability.corpus", description=__doc__.splitlines()[0])
    parser.add_argument("demo", help="the demo workspace (hue.sqlite from 'gisdesk sample')")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        fig = run(Path(tmp), Path(args.demo).resolve(),
                  lambda i, n: print(f"\rcorpus: {i}/{n}", end="", file=sys.stderr, flush=True))
    print(file=sys.stderr)
    print(f"bad-input corpus: runs {fig.runs}, tracebacks {fig.tracebacks}, hangs {fig.hangs}, "
          f"raw escapes {fig.raw_escapes}, files changed {fig.changed}")
    for f in fig.failures:
        print("  " + f.encode("ascii", "backslashreplace").decode("ascii"))
    return 0 if not fig.failures else 1


if __name__ == "__main__":
    sys.exit(main())
