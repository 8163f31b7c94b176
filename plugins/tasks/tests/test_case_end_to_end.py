"""Done-when of issue 17: one case from a camera detection to a satisfied callback, in the real window.

A camera detection is imported, the demo's dispatch rule sends it to the commune it lies in
with its SLA deadline, the commune officer accepts, reports with a photo carrying GPS and
completes; the dispatcher verifies and records a satisfied callback in the dialog; then
``ctx.tasks.kpis()``, ``gisdesk kpi --json`` and the Tasks panel's counts agree. Expected
values are written by hand from the demo's rules (see each assertion).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pyproj import Transformer

from exif_photo import jpeg_with_gps
from test_tasks_panel import sign_in

SHOTS = Path("/tmp/shots")
#: CAM-0024 stands in Phú Hội and watches for uncovered dump trucks (the demo's camera table).
CAMERA, COMMUNE, OFFICER = "CAM-0024", "Phú Hội", "phu_hoi"
#: A camera detection enters at severity 2; the demo SLA for any category at severity 2 is 168 h (7 days).
SLA = timedelta(hours=168)


def kpi_cli(workspace: Path) -> dict:
    """``gisdesk kpi WORKSPACE --json`` in a separate process."""
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-m", "gisdesk.cli", "kpi", str(workspace), "--json"], env=env,
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def overview_row(panel, commune: str) -> dict:
    """The Tasks panel's overview row of ``commune``, as the user reads it."""
    table = panel.overview
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == commune:
            return {"open": int(table.item(r, 1).text()), "overdue": int(table.item(r, 2).text()),
                    "completed": int(table.item(r, 3).text())}
    raise AssertionError(f"no overview row for {commune}")


def test_a_camera_detection_flows_to_a_satisfied_callback(main_window, qtbot, tmp_path):
    window = main_window
    panel = window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    sign_in(window, qtbot, "dispatcher")
    before_kpis = ctx.tasks.kpis()

    feed = tmp_path / "detections.csv"  # the camera AI's feed: one uncovered dump truck, confidently seen now
    seen = datetime.now(timezone.utc).replace(microsecond=0)
    feed.write_text("camera_id,type,time,confidence\n"
                    f"{CAMERA},uncovered dump truck,{seen:%Y-%m-%dT%H:%M:%SZ},0.93\n", encoding="utf-8")
    before = datetime.now(timezone.utc)
    report = ctx.incidents.import_detections(feed)
    after = datetime.now(timezone.utc)
    assert len(report.created) == 1 and not report.rejected, report.summary()
    incident = report.created[0]

    # the demo rule R2 'camera detections' (camera, any category, assign to the commune) dispatched it
    task = next(t for t in ctx.tasks.tasks() if t.incident_uuid == incident)
    assert (task.state, task.commune, task.category) == ("assigned", COMMUNE, "uncovered dump truck")
    assert before + SLA - timedelta(seconds=1) <= task.deadline <= after + SLA + timedelta(seconds=1)
    steps = [(e["action"], e["note"] or "") for e in ctx.tasks.timeline(task.uuid)]
    assert [a for a, _ in steps] == ["create", "assign"]
    assert all("rule R2 'camera detections'" in note for _, note in steps)

    sign_in(window, qtbot, OFFICER)  # the commune officer takes it
    panel.refresh()
    assert task.uuid in [t.uuid for t in panel.rows]
    panel.open_task(task.uuid)
    assert not panel.detail.callback_button.isVisibleTo(panel.detail)  # callbacks are the city's
    for action in ("accept", "start"):
        qtbot.mouseClick(panel.detail.buttons[action], Qt.MouseButton.LeftButton)
        assert panel.form.action == action and panel.form.submit(), panel.form.message.text()
    site = ctx.tasks.task(task.uuid).area
    lon, lat = Transformer.from_crs(ctx.canvas.crs, "EPSG:4326", always_xy=True).transform(site.x + 5, site.y)
    photo = tmp_path / "truck.jpg"
    photo.write_bytes(jpeg_with_gps(lon, lat))
    form = panel.action_form("report")
    form.set_photo(photo)
    assert "from the photo's GPS" in form.position.info.text()
    form.percent.setValue(50)
    form.note.setPlainText("Truck stopped, load being covered")
    assert form.submit(), form.message.text()
    form = panel.action_form("complete")
    after_photo = tmp_path / "covered.jpg"
    after_photo.write_bytes(jpeg_with_gps(lon, lat))
    form.set_photo(after_photo)
    form.note.setPlainText("Load covered, driver fined")
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).state == "done"
    assert [a["name"] for a in ctx.tasks.attachments(task.uuid)] == ["truck.jpg", "covered.jpg"]

    sign_in(window, qtbot, "dispatcher")
    panel.open_task(task.uuid)
    panel.confirm = lambda title, text: True  # mark the incident resolved: yes
    form = panel.action_form("verify")
    assert form.submit(), form.message.text()
    assert ctx.tasks.task(task.uuid).state == "closed"
    detail = panel.detail
    assert detail.callback_button.isVisibleTo(detail)
    assert detail.callbacks_label.text() == "No callback recorded yet."
    qtbot.mouseClick(detail.callback_button, Qt.MouseButton.LeftButton)
    dialog = detail.callback_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.pick("not_satisfied")
    assert dialog.reopen.isEnabled() and dialog.reopen.isChecked()  # an unsatisfied answer offers to reopen
    dialog.pick("satisfied")
    assert not dialog.reopen.isEnabled() and not dialog.reopen.isChecked()
    dialog.note.setText("Thanked the ward for the quick fine")
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "callback_dialog.png"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert ctx.tasks.task(task.uuid).state == "closed"  # a satisfied answer does not reopen
    assert "Satisfied" in detail.callbacks_label.text() and "Thanked the ward" in detail.callbacks_label.text()
    assert [(c["who"], c["result"]) for c in ctx.tasks.callbacks(task.uuid)] == [("dispatcher", "satisfied")]

    # the numbers: this callback counts once more among the answers, as satisfied, everywhere
    now_kpis = ctx.tasks.kpis()
    was, now = before_kpis["satisfaction"], now_kpis["satisfaction"]
    assert now["responses"] == was["responses"] + 1 and now["satisfied"] == was["satisfied"] + 1
    assert now["rate"] == pytest.approx(now["satisfied"] / (now["satisfied"] + now["partly"] + now["not_satisfied"]))
    cli = kpi_cli(ctx.tasks.path)
    assert cli["satisfaction"] == now
    row = next(r for r in now_kpis["by_commune"] if r["unit"] == COMMUNE)
    assert row["satisfaction_responses"] >= 1
    cli_row = next(r for r in cli["by_commune"] if r["unit"] == COMMUNE)
    assert (cli_row["satisfaction_rate"], cli_row["satisfaction_responses"]) == (row["satisfaction_rate"],
                                                                                 row["satisfaction_responses"])
    panel.refresh()
    shown = overview_row(panel, COMMUNE)
    assert shown == {"open": row["backlog"], "overdue": row["overdue"], "completed": row["completed"]}
    assert shown == {"open": cli_row["backlog"], "overdue": cli_row["overdue"], "completed": cli_row["completed"]}
