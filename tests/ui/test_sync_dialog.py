"""File › Sync: a bar per step, then the summary (sent per kind, refused with reasons, new conflicts); Cancel works.

Real packages (the contract's make_package), real widgets offscreen. Screenshot: /work/shots/sync_summary.png.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

from gisdesk.core.users import User
from gisdesk.store.sync_session import status
from tests.store.test_sync import actions, assigned_task, inside, make_package, store

#: Screenshots (looked at by a person): build/artifacts/, or $GISDESK_SHOTS.
SHOTS = Path(os.environ.get("GISDESK_SHOTS") or Path(__file__).resolve().parents[2] / "build" / "artifacts")
PHU_HOI = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")


def _window(qtbot, path, user, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    win = MainWindow(path, QSettings(str(tmp_path / f"{path.stem}.ini"), QSettings.Format.IniFormat), user=user)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _tree(dialog) -> dict[str, dict[str, str]]:
    out = {}
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        out[top.text(0)] = {top.child(j).text(0): top.child(j).text(1) for j in range(top.childCount())}
    return out


def _top(dialog, label: str) -> tuple[str, list[tuple[str, str]]]:
    """A section's count and its children (label, text) in order."""
    for i in range(dialog.tree.topLevelItemCount()):
        top = dialog.tree.topLevelItem(i)
        if top.text(0) == label:
            return top.text(1), [(top.child(j).text(0), top.child(j).text(1)) for j in range(top.childCount())]
    raise KeyError(label)


def _sync(qtbot, win):
    from gisdesk.ui.take_offline_dialog import run_sync

    dialog = run_sync(win)
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    return dialog


def test_the_summary_says_what_was_sent_refused_received_and_opens_the_new_conflicts(qtbot, workspace, tmp_path):
    done = assigned_task(workspace)
    other = assigned_task(workspace, title="Second drain")
    foreign = assigned_task(workspace, "Vĩnh Ninh", "Tree on the road")
    pkg = make_package(workspace, tmp_path)
    with store(pkg, "phu_hoi") as officer:  # completes what the city cancels meanwhile: 3 conflicts
        a = officer.transition(done.uuid, "accept", done.version)
        a = officer.transition(done.uuid, "start", a.version)
        officer.transition(done.uuid, "complete", a.version, note="cleared", position=inside(done))
        officer.transition(other.uuid, "accept", other.version)  # applied
    with store(pkg, "vinh_ninh") as intruder:  # someone else on the laptop: refused, with the reason
        intruder.transition(foreign.uuid, "accept", foreign.version)
    with store(workspace, "dispatcher") as d:
        d.transition(done.uuid, "cancel", done.version, reason="duplicate of another case")
    win = _window(qtbot, pkg, PHU_HOI, tmp_path)
    dialog = _sync(qtbot, win)
    assert dialog.status_label.text() == "Synced."
    assert [bar.value() for bar in dialog.bars.values()] == [100, 100, 100]
    tree = _tree(dialog)
    assert tree["Sent"] == {"task steps": "1 applied, 3 conflict, 1 refused"}
    assert _top(dialog, "Refused by the source") == ("1", [(
        f"task {foreign.uuid[:8]}",
        "made by vinh_ninh on the package, which belongs to phu_hoi: only the package's user's changes travel")])
    count, new = _top(dialog, "New conflicts (both values kept)")
    assert count == "3" and [label for label, _ in new] == [f"task {done.uuid[:8]}"] * 3
    assert [why.split(" no longer applies")[0] for _, why in new] == [
        "offline accept by phu_hoi", "offline start by phu_hoi", "offline complete by phu_hoi"]
    assert all("the task is now cancelled" in why for _, why in new)
    assert tree["Received"]["conflict records"] == "3" and int(tree["Received"]["tasks updated"]) >= 2
    assert dialog.conflicts_button.isVisible()
    assert "last synced never" not in win.windowTitle()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "sync_summary.png"))
    dialog.conflicts_button.click()
    conflicts = win._conflicts_dialog
    qtbot.addWidget(conflicts)
    assert conflicts.table.rowCount() == 3  # the package user sees the conflicts of their commune
    assert not conflicts.other_button.isEnabled()  # a city field: the reason is shown, not the choice
    assert "only the city" in conflicts.state_label.text()
    conflicts.close()
    dialog.close()
    win.close()


def test_cancel_mid_sync_leaves_both_sides_consistent(qtbot, workspace, tmp_path, monkeypatch):
    import gisdesk.store.sync_apply as sync_apply

    monkeypatch.setattr(sync_apply, "BATCH", 1)
    t = assigned_task(workspace)
    pkg = make_package(workspace, tmp_path)
    with store(pkg, "phu_hoi") as officer:
        a = officer.transition(t.uuid, "accept", t.version)
        officer.transition(t.uuid, "start", a.version)
    win = _window(qtbot, pkg, PHU_HOI, tmp_path)
    from gisdesk.ui.take_offline_dialog import sync_engine
    from gisdesk.ui.sync_dialog import SyncDialog

    engine, _ = sync_engine()
    dialog = SyncDialog(win, engine)
    qtbot.addWidget(dialog)
    # press Cancel once the source committed the first batch (the hook runs on the worker thread, in step)
    dialog.worker_hook = lambda step, f: dialog.cancel_event.set() if step == "send" and f > 0 else None
    dialog.show()
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60000)
    assert dialog.status_label.text().startswith("Cancelled: cancelled after 1 of 2 changes")
    assert dialog.bars["receive"].value() == 0 and dialog.close_button.isEnabled()
    with store(workspace, "dispatcher") as d:  # the source: the accept, whole; not the start
        assert d.task(t.uuid).state == "accepted" and d.check_consistency() == []
    with store(pkg, "phu_hoi") as p:  # the package: its own work, both changes still to send
        assert p.task(t.uuid).state == "in_progress" and p.check_consistency() == []
    assert [r["state"] for r in status(pkg)["log"]] == ["pending", "pending"]
    dialog.close()

    again = _sync(qtbot, win)  # the next sync finishes it, nothing twice
    assert _tree(again)["Sent"] == {"task steps": "2 applied, 1 sent before"}
    assert actions(pkg, t.uuid, "phu_hoi") == actions(workspace, t.uuid)
    assert [a for a, _, _ in actions(workspace, t.uuid)] == ["create", "assign", "accept", "start"]
    again.close()
    win.close()
