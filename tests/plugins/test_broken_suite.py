"""The suite of deliberately broken plugins: the app goes on, good plugins stay active,
each broken one is failed at the right phase with a traceback naming its file, and what it
had registered is gone."""

from __future__ import annotations

import pytest

from gisdesk.core.map_model import MapModel
from gisdesk.plugins.guard import GuardedTool
from gisdesk.plugins.host import HeadlessHost

from .conftest import BROKEN, GOOD, NAMES, make_manager


class CreatingHost(HeadlessHost):
    """Like the window's host: creates each panel as soon as it is added."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widgets = {}

    def add_panel(self, record, spec, create):
        undo = super().add_panel(record, spec, create)
        widget = create()
        if widget is not None:
            self.widgets[spec.id] = widget
        return undo


@pytest.fixture
def suite(tmp_path):
    host = CreatingHost(model=MapModel())
    manager = make_manager(host, tmp_path / "state", GOOD, BROKEN, NAMES)
    manager.start()
    return host, manager


def failure(manager, name):
    rec = manager.record(name)
    assert rec.state == "failed", (name, rec.state, rec.error)
    return rec


def test_good_plugins_end_active_with_their_contributions(suite):
    host, manager = suite
    for name in ("gd_full", "gd_minimal"):
        assert manager.record(name).state == "active"
    assert set(manager.record("gd_full").contributions["commands"]) == {"gd_full.hello", "gd_full.from_code"}
    assert host.widgets["gd_full.panel"] == {"panel_of": "gd_full"}
    assert host.commands["gd_full.hello"].spec.menu == "Plugins/Full"
    assert host.readers["gd_full.csv"].spec.extensions == (".csv",)
    host.run_command("gd_minimal.ping")
    assert manager.module("gd_minimal", "gd_minimal").PINGS[-1] == "gd_minimal"  # the module the plugin runs


@pytest.mark.parametrize("name, phase, error, file", [
    ("gd_syntax_error", "import", "SyntaxError: expected ':'", "gd_syntax_error/__init__.py"),
    ("gd_import_error", "import", "No module named 'gd_no_such_module_anywhere'", "gd_import_error/__init__.py"),
    ("gd_activate_error", "activate", "RuntimeError: activate blew up on purpose", "gd_activate_error/__init__.py"),
    ("gd_panel_error", "panel", "ValueError: panel factory failed on purpose", "gd_panel_error/panel.py"),
])
def test_code_failures_report_phase_and_traceback(suite, name, phase, error, file):
    host, manager = suite
    rec = failure(manager, name)
    assert rec.phase == phase
    assert error in rec.error
    assert file in rec.traceback
    assert not any(rec.contributions.values())
    assert not [c for kind in host.contribution_ids().values() for c in kind if c.startswith(name + ".")]
    texts = [t for t, level, details in host.notifications if level == "error" and name in t]
    assert texts and phase in texts[0]


def test_syntax_error_message_names_the_file(suite):
    _, manager = suite
    rec = failure(manager, "gd_syntax_error")
    assert str(BROKEN / "gd_syntax_error" / "gd_syntax_error" / "__init__.py") in rec.error


@pytest.mark.parametrize("name, field", [
    ("bad_toml", "not valid TOML"),
    ("missing_name", "plugin.name: missing"),
    ("wrong_types", "plugin.version: must be a string"),
])
def test_invalid_manifests_fail_at_discover_naming_file_and_field(suite, name, field):
    _, manager = suite
    rec = failure(manager, name)
    assert rec.phase == "discover"
    assert str(BROKEN / name / "gisdesk-plugin.toml") in rec.error
    assert field in rec.error


def test_wrong_api_version_is_refused_before_import(suite):
    _, manager = suite
    rec = failure(manager, "gd_wrong_api")
    assert rec.phase == "validate"
    assert 'api_version "99" is not supported' in rec.error and '"1"' in rec.error
    import sys

    assert "gd_wrong_api" not in sys.modules  # its module raises on import


def test_duplicate_plugin_name_fails_the_later_one(suite):
    _, manager = suite
    dups = [r for r in manager.records if r.name == "gd_minimal"]
    assert [r.state for r in dups] == ["active", "failed"]
    assert dups[1].phase == "discover" and dups[1].duplicate
    assert "already provided by" in dups[1].error and str(GOOD / "gd_minimal") in dups[1].error
    assert manager.record("gd_minimal") is dups[0]


def test_duplicate_contribution_ids_fail_at_contribute(suite):
    host, manager = suite
    rec = failure(manager, "gd_dup_contribution")
    assert rec.phase == "contribute" and "declared twice" in rec.error
    rec = failure(manager, "gd_code_dup")  # the manifest's id was registered in code first
    assert rec.phase == "contribute" and "gd_code_dup.run" in rec.error
    assert "gd_code_dup.run" not in host.commands


def test_activate_error_undoes_what_activate_had_registered(tmp_path):
    model = MapModel()
    host = HeadlessHost(model=model)
    before = len(model.selection.changed._callbacks)
    manager = make_manager(host, tmp_path, BROKEN)
    manager.start()
    assert failure(manager, "gd_activate_error").phase == "activate"
    assert "gd_activate_error.early" not in host.commands
    assert "gd_activate_error.never" not in host.commands
    assert len(model.selection.changed._callbacks) == before + 1  # only gd_signal_error's handler is left


def test_signal_handler_error_fails_only_that_plugin(suite):
    host, manager = suite
    model = host.model
    assert manager.record("gd_signal_error").state == "active"
    model.selection.set("roads", [1, 2, 3])  # the app emits; a handler raises inside the guard
    rec = failure(manager, "gd_signal_error")
    assert rec.phase == "signal" and "signal handler failed on purpose for roads" in rec.error
    assert "gd_signal_error/__init__.py" in rec.traceback
    assert "gd_signal_error.cmd" not in host.commands
    SEEN = manager.module("gd_full", "gd_full").SEEN
    model.selection.set("bridges", [7])  # the failed handler is unsubscribed; the good one still hears
    assert SEEN[-2:] == ["roads", "bridges"]
    assert manager.record("gd_full").state == "active"


def test_map_tool_event_error_fails_the_plugin(suite):
    host, manager = suite
    tool = host.map_tools["gd_map_tool_error.tool"].call()
    assert isinstance(tool, GuardedTool)
    tool.on_activate()  # the tool has none: a no-op
    tool.on_press({"x": 1})
    rec = failure(manager, "gd_map_tool_error")
    assert rec.phase == "map_tool" and "ZeroDivisionError" in rec.error
    assert "gd_map_tool_error/tool.py" in rec.traceback
    assert "gd_map_tool_error.tool" not in host.map_tools
    tool.on_press({"x": 2})  # a host still holding the tool: nothing reaches the failed plugin
    assert manager.record("gd_map_tool_error").traceback == rec.traceback


def test_good_map_tool_and_reader_are_called_through_the_guard(suite):
    host, manager = suite
    tool = host.map_tools["gd_full.pick"].call()
    tool.on_press("e1")
    tool.on_release("e2")  # not defined by the tool
    assert tool.tool.presses == ["e1"]
    assert tool.on_key("k") is True and tool.cursor == "cross" and tool.has("on_press") and not tool.has("on_move")
    assert host.readers["gd_full.csv"].call("/data/gauges.csv") == "table_from_gauges"
    host.run_command("gd_full.hello")
    assert ("gd_full: hello", "info", "") in host.notifications
    assert manager.record("gd_full").state == "active"


def test_shutdown_runs_deactivate_and_removes_everything(suite):
    host, manager = suite
    SEEN = manager.module("gd_full", "gd_full").SEEN
    manager.shutdown()
    assert SEEN[-1] == "deactivated"
    assert all(not ids for ids in host.contribution_ids().values())
    assert manager.record("gd_full").state == "inactive"


def test_raise_errors_reraises_after_failing_the_plugin(tmp_path):
    manager = make_manager(HeadlessHost(model=MapModel()), tmp_path, BROKEN, raise_errors=True)
    manager.discover()
    rec = manager.record("gd_activate_error")
    with pytest.raises(RuntimeError, match="on purpose"):
        manager._activate(rec)
    assert rec.state == "failed" and rec.phase == "activate"
