"""Cancelling a sync at its safe points leaves both sides consistent; the next sync finishes it, nothing twice."""

from __future__ import annotations

import pytest

from gisdesk.store.connection import connect
from gisdesk.store.sync_session import STEPS, SyncCancelled, status, sync
from tests.store.test_sync import PNG, actions, assigned_task, city, make_package, store  # noqa: F401 (fixture)


def _offline_work(city, tmp_path):
    """phu_hoi, offline: a photo, accept, start, report 40 % with the photo (4 changes)."""
    t = assigned_task(city)
    pkg = make_package(city, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        a = officer.transition(t.uuid, "start", a.version)
        photo = officer.attach(t.uuid, "site.png", PNG)
        officer.transition(t.uuid, "report", a.version, percent=40, note="half", photo=photo)
    return t, pkg


def _received(city) -> int:
    conn = connect(city)
    try:
        return conn.execute("SELECT count(*) FROM gisdesk_sync_in").fetchone()[0]
    finally:
        conn.close()


def test_cancel_between_batches_keeps_both_sides_consistent_and_the_next_sync_finishes(city, tmp_path, monkeypatch):
    import gisdesk.store.sync_apply as sync_apply

    monkeypatch.setattr(sync_apply, "BATCH", 1)  # one change per commit: a safe point after each
    t, pkg = _offline_work(city, tmp_path)
    seen: list[tuple[str, float]] = []
    stop = {"now": False}

    def progress(step, fraction):
        seen.append((step, fraction))
        if step == "send" and fraction > 0:  # the first batch is committed at the source
            stop["now"] = True

    with pytest.raises(SyncCancelled, match="cancelled after 1 of 4 changes"):
        sync(pkg, progress=progress, cancelled=lambda: stop["now"])
    assert [s for s, _ in seen][:3] == ["export", "export", "send"] and "receive" not in {s for s, _ in seen}
    # the source applied and recorded exactly the first change (the photo), whole; the task is untouched
    assert _received(city) == 1
    with store(city, "dispatcher") as d:
        assert d.task(t.uuid).state == "assigned" and len(d.attachments(t.uuid)) == 1
        assert d.check_consistency() == []
    # the package still holds all four as unanswered, and shows its own work
    assert [r["state"] for r in status(pkg)["log"]] == ["pending"] * 4
    with store(pkg, "phu_hoi") as p:
        assert (p.task(t.uuid).state, p.task(t.uuid).progress) == ("in_progress", 40)
        assert p.check_consistency() == []

    report, counts = sync(pkg)
    assert [r["result"] for r in report.results] == ["applied"] * 4
    assert [r["again"] for r in report.results] == [True, False, False, False]  # the photo is not applied twice
    with store(city, "dispatcher") as d:
        final = d.task(t.uuid)
        assert (final.state, final.progress) == ("in_progress", 40) and len(d.attachments(t.uuid)) == 1
        assert d.check_consistency() == []
    assert actions(pkg, t.uuid, "phu_hoi") == actions(city, t.uuid)
    assert [a for a, _, _ in actions(city, t.uuid)].count("accept") == 1
    assert [r["state"] for r in status(pkg)["log"]] == ["applied"] * 4 and counts["pending"] == 0


def test_cancel_before_anything_was_sent_changes_nothing(city, tmp_path):
    t, pkg = _offline_work(city, tmp_path)
    with pytest.raises(SyncCancelled, match="before anything was sent"):
        sync(pkg, cancelled=lambda: True)
    assert _received(city) == 0
    assert [r["state"] for r in status(pkg)["log"]] == ["pending"] * 4
    assert STEPS == ("export", "send", "receive")
