"""Issue 14's window test: a commune goes offline, works there, the city works meanwhile; sync by file both ways.

Two real windows with the Tasks panel (the shipped plugin, started as in the app): the city's on the workspace
(dispatcher) and the commune's on the package (phu_hoi). The package is made with File › Take offline…; the
offline work is done in the package window's Tasks panel (accept, start, complete with a photo, ask a
question); meanwhile the city changes the task's deadline (a reassignment to the same commune, the only way
a deadline changes) and answers an older question in its panel. Then `gisdesk package export-changes` /
`apply-changes` carry the changes by file both ways, and both windows show the merged state.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, QSettings

from gisdesk.core.incidents import utc_now
from gisdesk.core.users import User
from gisdesk.package_cli import package_main
from tests.store.test_sync import PNG, assigned_task, store

ROOT = Path(__file__).resolve().parents[2]
DISPATCHER = User("dispatcher", "Trung tâm điều hành (IOC)", "city_dispatcher")
PHU_HOI = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")


def _window(qtbot, path: Path, user: User, tmp_path: Path):
    from gisdesk.ui.main_window import MainWindow
    from gisdesk.ui.plugin_host import start_plugins

    win = MainWindow(path, QSettings(str(tmp_path / f"{user.username}.ini"), QSettings.Format.IniFormat), user=user)
    qtbot.addWidget(win)
    start_plugins(win, folders=[(ROOT / "plugins" / "tasks", "dir")], entry_points=False,
                  state_dir=tmp_path / f"state-{user.username}", raise_errors=True)
    win.show()
    qtbot.waitExposed(win)
    return win


def _panel(win):
    return win.plugin_host.docks["tasks.panel"].widget()


def _shown(panel, task_uuid: str) -> dict:
    panel.refresh()
    panel.open_task(task_uuid)
    d = panel.detail
    return {"state": d.state.text(), "deadline": d.deadline.text(),
            "timeline": [d.timeline.item(i).text() for i in range(d.timeline.count())],
            "attachments": [d.attachments.item(i).text() for i in range(d.attachments.count())]}


def test_a_commune_offline_and_the_city_meanwhile_merge_in_both_windows(qtbot, workspace, tmp_path):
    from gisdesk.ui.take_offline_dialog import open_take_offline

    t = assigned_task(workspace)
    with store(workspace, "phu_hoi") as officer:  # an older question, asked before going offline
        older = officer.ask("Which drain first?", "The market drain or the school one?", task_uuid=t.uuid)

    # the city takes Phú Hội offline for phu_hoi from its window
    city = _window(qtbot, workspace, DISPATCHER, tmp_path)
    take = open_take_offline(city)
    take.for_combo.setCurrentText("phu_hoi")
    take.commune_radio.setChecked(True)
    take.commune_combo.setCurrentText("Phú Hội")
    pkg = tmp_path / "usb" / "phu_hoi.sqlite"
    pkg.parent.mkdir()
    take.path_edit.setText(str(pkg))
    take.create_button.click()
    qtbot.waitUntil(lambda: take.report is not None or take.status_label.text().startswith("Not"), timeout=60000)
    assert take.report is not None, take.status_label.text()
    take.close()

    # offline, in the package's window: accept, start, complete with a photo; ask a question
    laptop = _window(qtbot, pkg, PHU_HOI, tmp_path)
    assert "offline package for phu_hoi" in laptop.windowTitle()
    lp = _panel(laptop)
    lp.refresh()
    lp.open_task(t.uuid)
    for action in ("accept", "start"):
        form = lp.action_form(action)
        assert form.submit(), form.message.text()
    form = lp.action_form("complete")
    photo = tmp_path / "cleared.png"
    photo.write_bytes(PNG)
    form.note.setPlainText("Drain cleared, water gone")
    form.set_photo(photo)
    assert form.submit(), form.message.text()
    lp.detail.ask_button.click()
    ask = lp.questions.form
    ask.subject.setText("Cần xe hút bùn?")
    ask.body.setPlainText("Do we need the suction truck for the second drain?")
    assert ask.submit(), ask.message.text()
    new_question = lp.questions.question["uuid"]

    # meanwhile the city: a new deadline (reassigned to the same commune) and an answer to the older question
    cp = _panel(city)
    cp.refresh()
    cp.open_task(t.uuid)
    form = cp.action_form("reassign")
    form.unit.setCurrentText("Phú Hội")
    form.use_sla.setChecked(False)
    deadline = (utc_now() + timedelta(days=9)).replace(second=0, microsecond=0)
    form.deadline.setDateTime(QDateTime.fromSecsSinceEpoch(int(deadline.timestamp())))
    form.reason.setText("more time for the second drain")
    assert form.submit(), form.message.text()
    cp.questions.refresh()
    cp.questions.open_question(older)
    cp.questions.reply.setPlainText("The market drain first, then the school.")
    assert cp.questions.send_answer(), cp.questions.message.text()

    # by file, both ways (a USB stick): the package's changes up, the city's answer and changes down
    up, down = tmp_path / "usb" / "up.gdsync", tmp_path / "usb" / "down.gdsync"
    assert package_main(["export-changes", str(pkg), "-o", str(up)]) == 0
    assert package_main(["apply-changes", str(workspace), str(up)]) == 0  # every change applied
    assert package_main(["export-changes", str(workspace), "--for", str(up), "-o", str(down)]) == 0
    assert package_main(["apply-changes", str(pkg), str(down)]) == 0

    # both windows show the merged state
    at_city, on_laptop = _shown(cp, t.uuid), _shown(lp, t.uuid)
    assert at_city == on_laptop
    with store(workspace, "dispatcher") as d:
        merged = d.task(t.uuid)
        assert (merged.state, merged.deadline) == ("done", deadline)  # the city's deadline, the commune's work
        steps = [(e["action"], e["who"]) for e in d.timeline(t.uuid)]
        assert steps == [("create", "dispatcher"), ("assign", "dispatcher"), ("reassign", "dispatcher"),
                         ("accept", "phu_hoi"), ("start", "phu_hoi"), ("complete", "phu_hoi")]
    assert len(at_city["timeline"]) == 6 and "Drain cleared" in at_city["timeline"][5]
    assert any("cleared.png" in a for a in at_city["attachments"])
    with store(pkg, "phu_hoi") as p:
        assert p.check_consistency() == []
    # the questions: the new one reached the city, the city's answer reached the laptop
    cp.questions.refresh()
    cp.questions.open_question(new_question)
    assert "suction truck" in cp.questions.thread_view.toPlainText()
    lp.questions.refresh()
    lp.questions.open_question(older)
    assert "The market drain first" in lp.questions.thread_view.toPlainText()
    laptop.close()
    city.close()
