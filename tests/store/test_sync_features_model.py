"""Model-based test of reference-layer sync: random edits on both sides, random sync orders, a reference model.

Seeded random histories (like test_sync_model.py; ``hypothesis`` is not a dependency): per seed, the city
and a department officer's package edit the same few drains (diameter and material from small sets, so
the same values and the same attributes meet often), delete some and add new ones at three spots (so two
additions at the same place happen); the two sides sync fully, up only (the source's file is lost) or
down only, in random order. The model is the conflict matrix of docs/sync.md written out in Python, fed
only with the edits: it predicts the source's drains after every step and the result of every change;
after a final full round both sides must equal the model, every change must be answered, and every
conflict must have its record at the source. ``GISDESK_SYNC_MODEL_SEEDS=N`` runs more seeds;
``GISDESK_SYNC_MODEL_REPORT=FILE`` appends one JSON line per seed (its changes and their outcomes).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest

from gisdesk.store.connection import connect
from gisdesk.store.package_meta import read_identity
from gisdesk.store.sync_apply import apply_up
from gisdesk.store.sync_down import apply_down, export_down
from gisdesk.store.sync_session import export_up, status, sync

from .test_sync_features import make_package, sql

SEEDS = int(os.environ.get("GISDESK_SYNC_MODEL_SEEDS") or 4)
STEPS = 24
CODES = ("CTN-0005", "CTN-0006", "CTN-0007")
SPOTS = ("LINESTRING(749000 1819000, 749050 1819000)", "LINESTRING(749100 1819100, 749150 1819100)",
         "LINESTRING(749200 1819200, 749250 1819200)")
VALUES = {"diameter_mm": (300, 600, 900), "material": ("PVC", "HDPE")}
Feature = dict  # {"diameter_mm": …, "material": …}


def real(path: Path) -> dict[str, Feature]:
    rows = sql(path, "SELECT code, diameter_mm, material FROM drains WHERE code IN ({}) OR code LIKE 'N%'".format(
        ", ".join(f"'{c}'" for c in CODES)))
    return {c: {"diameter_mm": d, "material": m} for c, d, m in rows}


class Model:
    """The rules of docs/sync.md for reference layers, on plain dicts keyed by drain code."""

    def __init__(self, start: dict[str, Feature]) -> None:
        self.src = {c: dict(f) for c, f in start.items()}
        self.pkg = {c: dict(f) for c, f in start.items()}
        self.snap = {c: dict(f) for c, f in start.items()}  # the package at its last collect / down
        self.order: list[str] = []  # features edited in the package since the last collect, first edit first
        self.changes: list[dict] = []  # collected: code, op, old, new, result (None until the source answered)
        self.pending: list[dict] = []  # collected, the package has no answer yet
        self.touched: set[str] = set()  # features the source's log has an entry for

    def edit_pkg(self, code: str | None) -> None:
        if code is not None and code not in self.order:
            self.order.append(code)

    def collect(self) -> None:
        for code in self.order:
            before, now = self.snap.get(code), self.pkg.get(code)
            if before is None and now is None:
                continue
            if before is None:
                ch = {"code": code, "op": "insert", "old": None, "new": dict(now)}
            elif now is None:
                ch = {"code": code, "op": "delete", "old": dict(before), "new": None}
            else:
                diff = [k for k in now if now[k] != before[k]]
                if not diff:
                    continue
                ch = {"code": code, "op": "update", "old": {k: before[k] for k in diff},
                      "new": {k: now[k] for k in diff}}
            ch["result"] = None
            self.changes.append(ch)
            self.pending.append(ch)
        self.order = []
        self.snap = {c: dict(f) for c, f in self.pkg.items()}

    def up(self) -> None:
        for ch in self.pending:
            if ch["result"] is None:
                ch["result"] = self._judge(ch)

    def _judge(self, ch: dict) -> str:
        code, cur = ch["code"], self.src.get(ch["code"])
        if ch["op"] == "insert":
            self.src[code] = dict(ch["new"])
            self.touched.add(code)
            return "applied"
        if cur is None:
            return "identical" if ch["op"] == "delete" else "conflict"
        if ch["op"] == "delete":
            if all(cur[k] == ch["old"][k] for k in cur):
                del self.src[code]
                self.touched.add(code)
                return "applied"
            return "conflict"
        applied = lost = False
        for k, v in ch["new"].items():
            if cur[k] == v:
                continue
            if cur[k] == ch["old"][k]:
                cur[k] = v
                applied = True
                self.touched.add(code)
            else:
                lost = True
        return "conflict" if lost else "applied" if applied else "identical"

    def down(self) -> None:
        self.collect()  # the package logs its own edits first
        self.pending = [ch for ch in self.pending if ch["result"] is None]
        named = {ch["code"] for ch in self.changes if ch["result"] not in (None, "applied")}
        for code in self.touched | named:
            mine = [ch for ch in self.pending if ch["code"] == code]
            if any(ch["op"] != "update" for ch in mine):
                continue
            keep = {k for ch in mine for k in ch["new"]}
            if code not in self.src:
                self.pkg.pop(code, None)
            elif code in self.pkg:
                self.pkg[code].update({k: v for k, v in self.src[code].items() if k not in keep})
            else:
                self.pkg[code] = dict(self.src[code])
        self.snap = {c: dict(f) for c, f in self.pkg.items()}


def _edit(rng: random.Random, path: Path, state: dict[str, Feature], prefix: str, n: int) -> str | None:
    """One random edit on one side (the same on the file and the model's dict); the code it touched."""
    live = sorted(state)
    roll = rng.random()
    if roll < 0.12 or not live:
        code = f"N{prefix}{n}"
        f = {"diameter_mm": rng.choice(VALUES["diameter_mm"]), "material": rng.choice(VALUES["material"])}
        sql(path, "INSERT INTO drains (code, diameter_mm, material, geom) VALUES (?, ?, ?, GeomFromText(?, 32648))",
            (code, f["diameter_mm"], f["material"], rng.choice(SPOTS)))
        state[code] = f
        return code
    code = rng.choice(live)
    if roll < 0.22:
        sql(path, "DELETE FROM drains WHERE code = ?", (code,))
        del state[code]
        return code
    attr = rng.choice(sorted(VALUES))
    value = rng.choice(VALUES[attr])
    if state[code][attr] == value:
        return None  # no change: SQLite's trigger logs nothing either
    sql(path, f"UPDATE drains SET {attr} = ? WHERE code = ?", (value, code))
    state[code][attr] = value
    return code


@pytest.mark.parametrize("seed", range(SEEDS))
def test_random_histories_of_layer_edits_end_merged_by_the_matrix(workspace, tmp_path, seed):
    rng = random.Random(seed)
    for code in CODES:
        sql(workspace, "UPDATE drains SET diameter_mm = 600, material = 'PVC' WHERE code = ?", (code,))
    pkg = make_package(workspace, tmp_path, "moitruong")
    conn = connect(pkg)
    pid = read_identity(conn)["package_id"]
    conn.close()
    model = Model(real(workspace))
    files = 0
    for step in range(STEPS):
        what = rng.choice(["city", "city", "pkg", "pkg", "pkg", "full", "up", "down"])
        if what == "city":
            model.touched.add(_edit(rng, workspace, model.src, "C", step) or "")
        elif what == "pkg":
            model.edit_pkg(_edit(rng, pkg, model.pkg, "P", step))
        elif what == "full":
            sync(pkg)
            model.collect()
            model.up()
            model.down()
        elif what == "up":
            files += 1
            export_up(pkg, tmp_path / f"up{files}.gdsync")
            apply_up(workspace, tmp_path / f"up{files}.gdsync")
            model.collect()
            model.up()
        else:
            files += 1
            export_down(workspace, pid, tmp_path / f"down{files}.gdsync")
            apply_down(pkg, tmp_path / f"down{files}.gdsync")
            model.down()
        assert real(workspace) == model.src, f"seed {seed} step {step} ({what}): the source differs from the rules"
    sync(pkg)
    model.collect()
    model.up()
    model.down()
    assert real(workspace) == model.src
    assert real(pkg) == model.pkg == model.src  # both sides identical after a final round
    log = [r for r in status(pkg)["log"] if r["kind"] == "feature_change"]
    got = [((r["payload"].get("row") or r["payload"].get("old") or {}).get("code"), r["payload"]["op"], r["state"])
           for r in log]
    want = [(ch["code"], ch["op"], ch["result"]) for ch in model.changes]
    assert got == want, f"{got}\n{want}"  # answered as the rules say
    assert "pending" not in {r["state"] for r in log}
    conn = connect(workspace)
    try:
        recorded = {r[0] for r in conn.execute("SELECT change_id FROM gisdesk_sync_conflicts")}
    finally:
        conn.close()
    assert {r["change_id"] for r in log if r["state"] == "conflict"} <= recorded  # no loser dropped
    if os.environ.get("GISDESK_SYNC_MODEL_REPORT"):  # figures for benchmarks/README.md
        tally: dict[str, int] = {}
        for ch in model.changes:
            tally[f"{ch['op']}:{ch['result']}"] = tally.get(f"{ch['op']}:{ch['result']}", 0) + 1
        with open(os.environ["GISDESK_SYNC_MODEL_REPORT"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"test": "features", "seed": seed, "changes": len(model.changes), "tally": tally,
                                 "drops": 0}) + "\n")
