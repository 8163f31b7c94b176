"""The dispatch rules dialog: listed, added through the editor, edited, deleted, dry-run over 30 days.

Expected dry-run counts are counted here with plain SQL on the workspace file, from the
rule's own words (source hotline = channel 'hotline', and so on), never from the code's tables.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import Qt

from tasks.rules_dialog import COLUMNS, RuleEditor
from test_tasks_panel import sign_in

SHOTS = Path("/tmp/shots")
#: The test demo lives on 2026-11-20 (gisdesk.testing.DEMO_TODAY): the 30 days before it.
END = datetime(2026, 11, 20, tzinfo=timezone.utc)
START = "2026-10-21T00:00:00Z"


def counted(ctx, where: str, params: tuple = ()) -> int:
    """Incidents of the 30 days before END matching ``where`` (plain SQL, the dry run's window)."""
    sql = ("SELECT count(*) AS n FROM incidents WHERE COALESCE(occurred_at, reported_at) >= ? "
           "AND COALESCE(occurred_at, reported_at) < ? AND " + where)
    return ctx.workspace.read(sql, (START, "2026-11-20T00:00:00Z", *params))[0]["n"]


def cell(dialog, rule_name: str, column: str) -> str:
    table = dialog.table
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == rule_name:
            return table.item(r, COLUMNS.index(column)).text()
    raise AssertionError(f"no rule {rule_name} listed")


def test_rules_are_listed_added_edited_dry_run_and_deleted(main_window, qtbot):
    panel = main_window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    sign_in(main_window, qtbot, "dispatcher")
    assert panel.rules_button.isVisibleTo(panel)
    qtbot.mouseClick(panel.rules_button, Qt.MouseButton.LeftButton)
    dialog = panel.rules_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.now = lambda: END
    # the demo's rule R2: camera detections, any category, severity 1+, whole city, assigned to the commune
    assert [cell(dialog, "camera detections", c) for c in COLUMNS[1:9]] == [
        "camera", "any", "1", "whole city", "assign at once", "commune", "20", "yes"]

    editor = RuleEditor(ctx, None, dialog)  # every field, typed in the editor
    editor.name.setText("hotline floods in Phước Vĩnh")
    editor.source.setCurrentIndex(editor.source.findData("hotline"))
    editor.category.setCurrentIndex(editor.category.findData("flooding"))
    editor.min_severity.setValue(2)
    editor.area.setCurrentIndex(editor.area.findData("Phước Vĩnh"))
    editor.action.setCurrentIndex(editor.action.findData("confirm"))
    editor.unit.setCurrentIndex(editor.unit.findData("department"))
    editor.priority.setValue(1)  # tried first: it takes every incident it matches
    dialog.edit_rule = lambda rule: editor.rule()
    added = dialog.add()
    assert added is not None and added.id is not None, dialog.message.text()
    assert [cell(dialog, added.name, c) for c in COLUMNS[1:9]] == [
        "hotline", "flooding", "2", "Phước Vĩnh", "dispatcher confirms", "department", "1", "yes"]

    counts = dialog.dry_run()
    expected = counted(ctx, "channel = 'hotline' AND category = 'flooding' AND severity >= 2 AND commune = ?",
                       ("Phước Vĩnh",))
    assert expected > 0 and counts[added.id] == expected
    assert cell(dialog, added.name, "Last 30 days") == str(expected)
    assert (f"Rule R{added.id} 'hotline floods in Phước Vĩnh' would have dispatched {expected} of the last "
            "30 days' incidents.") in dialog.summary.text()
    total = counted(ctx, "1 = 1")
    assert f"of {total:,} incidents of the last 30 days" in dialog.summary.text()

    # each field narrows: any source, then severity 1+, then the whole city
    for change, where, params in (
            ({"source": None}, "category = 'flooding' AND severity >= 2 AND commune = ?", ("Phước Vĩnh",)),
            ({"min_severity": 1}, "category = 'flooding' AND commune = ?", ("Phước Vĩnh",)),
            ({"area": None}, "category = 'flooding'", ()),
            ({"category": None, "source": "sensor"}, "channel = 'sensor'", ())):
        rule = next(r for r in dialog.rules if r.id == added.id)
        dialog.table.selectRow(dialog.rules.index(rule))
        dialog.edit_rule = lambda current, c=change: current.evolve(**c)
        assert dialog.edit_selected() is not None, dialog.message.text()
        assert dialog.dry_run()[added.id] == counted(ctx, where, params), change

    rule = next(r for r in dialog.rules if r.id == added.id)  # disabled: it dispatches nothing
    dialog.table.selectRow(dialog.rules.index(rule))
    dialog.edit_rule = lambda current: current.evolve(enabled=False)
    dialog.edit_selected()
    assert added.id not in dialog.dry_run() and cell(dialog, added.name, "Last 30 days") == "disabled"

    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "rules_dialog.png"))
    editor.grab().save(str(SHOTS / "rule_editor.png"))

    dialog.table.selectRow([r.id for r in dialog.rules].index(added.id))
    dialog.confirm = lambda text: True
    assert dialog.delete_selected()
    assert added.id not in [r.id for r in ctx.tasks.dispatch_rules()]


def test_a_bad_rule_and_a_commune_officer_are_refused_with_one_line(main_window, qtbot):
    panel = main_window.plugin_host.docks["tasks.panel"].widget()
    ctx = panel.ctx
    sign_in(main_window, qtbot, "dispatcher")
    dialog = panel.open_rules()
    before = ctx.tasks.dispatch_rules()
    dialog.edit_rule = lambda rule: RuleEditor(ctx, None, dialog).rule()  # no name
    assert dialog.add() is None and "needs a name" in dialog.message.text()
    assert ctx.tasks.dispatch_rules() == before

    sign_in(main_window, qtbot, "phu_hoi")
    assert not panel.rules_button.isVisibleTo(panel)  # the city's rules
    dialog = panel.open_rules()
    assert not dialog.add_button.isEnabled() and dialog.add_button.toolTip()
    rule = before[0].evolve(id=None, name="mine")
    assert dialog.save(rule) is None and dialog.message.text().startswith("Not saved:")
    assert "\n" not in dialog.message.text()
    sign_in(main_window, qtbot, "dispatcher")
    assert ctx.tasks.dispatch_rules() == before
