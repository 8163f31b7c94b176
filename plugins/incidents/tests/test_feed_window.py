"""Feed imports in the window: a bad feed never turns the plugin off, the busy dialog has a Cancel
and always closes, the result lists every bad record with its reason, the GUI thread stays free."""

from __future__ import annotations

import json
import threading

from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from gisdesk.api import User


def panel_of(window):
    """The Incidents panel with the dispatcher signed in (imports write incidents: viewers may not)."""
    assert window.switch_user(User("dispatcher", "dispatcher", "city_dispatcher"))
    return window.plugin_host.docks["incidents.panel"].widget()


REQUEST = {"service_name": "noise", "lat": 16.46, "long": 107.58, "requested_datetime": "2026-11-01T10:00:00Z"}


def _wait_result(qtbot, panel):
    panel._last_report = None
    qtbot.waitUntil(lambda: getattr(panel, "_last_report", None) is not None, timeout=60000)
    return panel._last_report


def _busy_closed(panel):
    busy = panel.findChild(QProgressDialog, "incidents.import.busy")
    return busy is None or not busy.isVisible()


def test_a_file_nested_10000_levels_is_one_message_and_the_plugin_stays_active(main_window, qtbot, tmp_path):
    from incidents import feeds

    panel = panel_of(main_window)
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 10_000 + b"]" * 10_000)
    panel._last_report = None
    feeds.import_open311(panel, panel.ctx, panel._imported, path=str(deep))
    box = _wait_result(qtbot, panel)
    assert box.objectName() == "incidents.import.error" and "nested too deeply" in box.text()
    assert panel.ctx._record.state == "active"  # before: the job raised and the plugin was turned off
    qtbot.waitUntil(lambda: _busy_closed(panel), timeout=5000)
    assert "incidents.panel" in main_window.plugin_host.docks
    box.close()


def test_one_bad_severity_is_listed_and_the_others_are_imported(main_window, qtbot, tmp_path):
    from incidents import feeds

    panel = panel_of(main_window)
    ctx = panel.ctx
    reqs = [{**REQUEST, "service_request_id": f"W-{i}", "severity": 2} for i in range(6)]
    reqs[3]["severity"] = "high"
    reqs[4]["description"] = {"text": "an object"}
    path = tmp_path / "requests.json"
    path.write_text(json.dumps(reqs), encoding="utf-8")
    before = ctx.incidents.count()
    feeds.import_open311(panel, ctx, panel._imported, path=str(path))
    box = _wait_result(qtbot, panel)
    assert "Created 4" in box.text() and "rejected 2" in box.text()
    details = box.detailedText().splitlines()
    assert details[0].startswith("request 4: severity") and "'high'" in details[0]
    assert details[1].startswith("request 5: wrong type: description")
    assert ctx.incidents.count() == before + 4
    qtbot.waitUntil(lambda: _busy_closed(panel), timeout=5000)
    box.close()


def test_cancel_stops_between_records_and_a_rerun_imports_the_rest(main_window, qtbot, tmp_path, monkeypatch):
    from incidents import feeds

    panel = panel_of(main_window)
    ctx = panel.ctx
    n = 40
    path = tmp_path / "many.json"
    path.write_text(json.dumps([{**REQUEST, "service_request_id": f"C-{i}", "lat": 16.44 + i * 1e-4}
                                for i in range(n)]), encoding="utf-8")
    gate, threads = threading.Event(), set()
    real = ctx.incidents.import_open311

    def slow(p, should_stop=None):  # hold the job until the user has pressed Cancel
        threads.add(threading.current_thread())
        gate.wait(10)
        return real(p, should_stop=should_stop)

    monkeypatch.setattr(ctx.incidents, "import_open311", slow)
    before = ctx.incidents.count()
    panel._last_report = None
    busy = feeds.run_import(panel, ctx, "Import", lambda stop: ctx.incidents.import_open311(str(path), should_stop=stop),
                            panel._imported)
    cancel = busy.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Cancel"
    QApplication.processEvents()  # the GUI thread is free while the job runs
    cancel.click()
    gate.set()
    box = _wait_result(qtbot, panel)
    assert threading.main_thread() not in threads  # the import ran off the GUI thread
    assert "stopped at request 1: cancelled" in box.text() and not busy.isVisible()
    assert ctx.incidents.count() == before
    monkeypatch.setattr(ctx.incidents, "import_open311", real)
    feeds.import_open311(panel, ctx, panel._imported, path=str(path))
    box = _wait_result(qtbot, panel)
    assert f"Created {n}" in box.text() and ctx.incidents.count() == before + n
    box.close()
