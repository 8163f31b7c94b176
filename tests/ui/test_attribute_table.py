"""The attribute table panel on the demo city's incidents and on a million points.

A screenshot of the filtered, sorted table with a selection is kept under build/artifacts/.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QAction

from gisdesk.core.layers import VectorLayer
from gisdesk.core.selection import Selection
from gisdesk.store.datasource import DataSource
from gisdesk.ui.attribute_table import AttributeTable
from sample_layers.generate import build_workspace
from tests.store.test_table_query import MILLION, build_million_points

ARTIFACTS = Path(__file__).resolve().parents[2] / "build" / "artifacts"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return build_workspace(tmp_path_factory.mktemp("at") / "hue.sqlite", incidents=2000)


def sql_ids(path: Path, sql: str, params=()) -> list[int]:
    with DataSource(path) as ds:
        return [r[0] for r in ds.connection(text=True).execute(sql, params)]


def n(value: int) -> str:
    return QLocale().toString(value)


@pytest.fixture()
def table(qtbot, demo):
    selection = Selection()
    widget = AttributeTable(VectorLayer(demo, "incidents"), selection)
    qtbot.addWidget(widget)
    widget.resize(1100, 520)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def type_filter(qtbot, table: AttributeTable, text: str) -> None:
    table.filter_edit.clear()
    if text.isascii():
        qtbot.keyClicks(table.filter_edit, text)
    else:  # QTest types ASCII only; Vietnamese arrives from an input method as committed text
        table.filter_edit.insert(text)
    qtbot.keyClick(table.filter_edit, Qt.Key.Key_Return)


def column_values(table: AttributeTable, name: str, rows: range) -> list[object]:
    col = table.model.columns.index(name)
    return [table.model.index(r, col).data(Qt.ItemDataRole.UserRole) for r in rows]


def click_row(qtbot, table: AttributeTable, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = table.view.visualRect(table.model.index(row, 2))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_filter_on_enter_changes_rows_and_count(qtbot, table, demo):
    assert table.model.rowCount() == 2000
    assert table.count_label.text() == f"{n(2000)} of {n(2000)} features"
    assert table.model.headerData(2, Qt.Orientation.Horizontal) == "category"
    type_filter(qtbot, table, "commune = 'Phú Hội' and severity >= 2")
    expected = sql_ids(demo, "SELECT rowid FROM incidents WHERE commune = ? AND severity >= 2", ("Phú Hội",))
    assert 0 < table.model.rowCount() == len(expected) < 2000
    assert table.count_label.text() == f"{n(len(expected))} of {n(2000)} features"
    assert set(column_values(table, "commune", range(len(expected)))) == {"Phú Hội"}
    assert table.error_label.isHidden()
    # the line's clear button shows every row again
    table.filter_edit.findChild(QAction, "_q_qlineeditclearaction").trigger()
    assert table.model.rowCount() == 2000 and table.filter_edit.text() == ""


def test_a_bad_filter_shows_the_error_and_keeps_the_rows(qtbot, table):
    type_filter(qtbot, table, "severity >= 3")
    kept, label = table.model.rowCount(), table.count_label.text()
    type_filter(qtbot, table, "severity >= ")
    assert not table.error_label.isHidden()
    assert "expected a value after '>='" in table.error_label.text()
    assert table.filter_edit.cursorPosition() == len("severity >= ")
    assert table.model.rowCount() == kept and table.count_label.text() == label
    type_filter(qtbot, table, "sevrity >= 3")
    assert "Unknown field 'sevrity'" in table.error_label.text() and "severity" in table.error_label.text()
    type_filter(qtbot, table, "severity >= 4")
    assert table.error_label.isHidden() and table.model.rowCount() < kept


def test_header_click_sorts(qtbot, table):
    header = table.view.horizontalHeader()
    col = table.model.columns.index("reported_at")
    pos = QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = column_values(table, "reported_at", range(50))
    assert first == sorted(first) and first[0] < first[-1]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    first = column_values(table, "reported_at", range(50))
    assert first == sorted(first, reverse=True) and first[0] > first[-1]
    assert table.query.sort_column == "reported_at" and table.query.descending
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=pos)  # third click: feature order again
    assert table.query.sort_column is None and column_values(table, "fid", range(3)) == [1, 2, 3]


def test_selection_follows_both_ways_without_feedback(qtbot, table):
    layer_id = table.layer.id
    emitted: list[str] = []
    table.selection.changed.connect(emitted.append)
    click_row(qtbot, table, 2)
    click_row(qtbot, table, 5, Qt.KeyboardModifier.ShiftModifier)
    assert table.selection.ids(layer_id).tolist() == sorted(table.model.ids[2:6].tolist())
    assert table.count_label.text().endswith(table.tr("{0} selected").format(4))
    emitted.clear()
    # the map selects: the table's rows follow, and nothing echoes back into the selection
    fids = table.model.ids[[0, 7, 8, 9, 1500]]
    table.selection.set(layer_id, fids)
    assert emitted == [layer_id]
    rows = sorted(i.row() for i in table.view.selectionModel().selectedRows())
    assert rows == [0, 7, 8, 9, 1500]
    assert table.selection.ids(layer_id).tolist() == sorted(fids.tolist())
    # another layer's selection leaves this table alone
    table.selection.set("some other layer", [1, 2, 3])
    assert len(table.view.selectionModel().selectedRows()) == 5
    # sorting keeps the same features selected (now on other rows)
    table.model.sort(table.model.columns.index("severity"), Qt.SortOrder.DescendingOrder)
    rows = [i.row() for i in table.view.selectionModel().selectedRows()]
    assert sorted(table.model.ids[rows].tolist()) == sorted(fids.tolist())


def test_a_huge_selection_selects_ranges_of_rows(qtbot, table):
    fids = table.model.ids[100:1900]  # one run of rows: one range, not 1,800 calls
    table.selection.set(table.layer.id, fids)
    ranges = table.view.selectionModel().selection()
    assert len(ranges) == 1 and (ranges[0].top(), ranges[0].bottom()) == (100, 1899)
    table.view.selectAll()
    assert table.selection.count(table.layer.id) == 2000


def test_selected_only(qtbot, table):
    fids = table.model.ids[[3, 30, 300]]
    table.selection.set(table.layer.id, fids)
    table.selected_only.setChecked(True)
    assert table.model.rowCount() == 3 and table.model.ids.tolist() == sorted(fids.tolist())
    assert table.count_label.text().startswith(f"3 of {n(2000)} features")
    table.selection.set(table.layer.id, [fids[0]])  # selected on the map: the table follows
    assert table.model.rowCount() == 1
    table.selected_only.setChecked(False)
    assert table.model.rowCount() == 2000


def test_double_click_and_button_ask_to_zoom_to_the_feature(qtbot, table):
    type_filter(qtbot, table, "channel = 'camera'")
    rect = table.view.visualRect(table.model.index(4, 1))
    qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(table.zoom_requested, timeout=2000) as blocker:
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [table.layer.id, int(table.model.ids[4])]
    click_row(qtbot, table, 6)
    assert table.zoom_button.isEnabled()
    with qtbot.waitSignal(table.zoom_requested, timeout=2000) as blocker:
        qtbot.mouseClick(table.zoom_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [table.layer.id, int(table.model.ids[6])]


def test_null_is_shown_greyed(qtbot, table, demo):
    (fid,) = sql_ids(demo, "SELECT rowid FROM incidents WHERE resolved_at IS NULL LIMIT 1")
    row = int(table.model.rows_of([fid])[0])
    index = table.model.index(row, table.model.columns.index("resolved_at"))
    assert index.data() == "NULL"
    assert index.data(Qt.ItemDataRole.ForegroundRole).name() == "#969696"
    assert index.data(Qt.ItemDataRole.UserRole) is None


def test_screenshot(qtbot, table):
    type_filter(qtbot, table, "severity >= 3 and channel in ('camera', 'hotline', 'app')")
    table.model.sort(table.model.columns.index("reported_at"), Qt.SortOrder.DescendingOrder)
    table.view.horizontalHeader().setSortIndicator(table.model.columns.index("reported_at"), Qt.SortOrder.DescendingOrder)
    table.selection.set(table.layer.id, table.model.ids[[1, 2, 3, 6]])
    qtbot.wait(50)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert table.grab().save(str(ARTIFACTS / "attribute_table.png"))


def test_close_releases_the_file_and_stops_listening(qtbot, demo):
    selection = Selection()
    widget = AttributeTable(VectorLayer(demo, "incidents"), selection)
    qtbot.addWidget(widget)
    widget.close()
    assert widget.ds._local.text_conn is None
    selection.set(widget.layer.id, [1, 2])  # no error from a closed table


def test_a_million_rows_scroll_from_blocks(qtbot, tmp_path):
    path = build_million_points(tmp_path / "million.sqlite")
    selection = Selection()
    widget = AttributeTable(VectorLayer(path, "pts"), selection)
    qtbot.addWidget(widget)
    widget.resize(800, 400)
    widget.show()
    qtbot.waitExposed(widget)
    model = widget.model
    assert model.rowCount() == MILLION
    assert widget.count_label.text() == f"{n(MILLION)} of {n(MILLION)} features"
    assert model.data(model.index(999_999, 0)) == "1000000"
    assert model.data(model.index(999_999, 1)) == "p1000000"
    assert model.data(model.index(999_997, 3)) == "NULL"  # fid 999,998: 999,998 % 3 == 2
    widget.view.scrollToBottom()
    qtbot.wait(20)
    assert len(model._blocks) <= 8
    # 500,000 scattered features: too many ranges for Qt's selection model, the model paints them
    selection.set(widget.layer.id, np.arange(1, MILLION + 1, 2))
    assert widget.count_label.text().endswith(widget.tr("{0} selected").format(n(MILLION // 2)))
    assert model.is_marked(0) and not model.is_marked(1) and model.is_marked(999_998)
    assert model.index(2, 0).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(3, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert not widget.view.selectionModel().hasSelection()
    # 600,000 in one run: one range in the view's selection model
    selection.set(widget.layer.id, np.arange(1, 600_001))
    ranges = widget.view.selectionModel().selection()
    assert [(r.top(), r.bottom()) for r in ranges] == [(0, 599_999)] and not model.is_marked(0)
    widget.close()


def test_slow_work_shows_a_cancellable_dialog_after_half_a_second(qtbot):
    """run_with_progress: quick work returns at once; slow work shows Cancel, which calls cancel()."""
    import threading
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from gisdesk.ui.progress import run_with_progress

    assert run_with_progress(lambda: 7, lambda: None) == 7
    stop = threading.Event()
    seen = {}

    def slow():
        stop.wait(10)
        if stop.is_set():
            raise RuntimeError("interrupted")
        return "finished"

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        seen["dialog"] = bool(dialogs)
        for d in dialogs:
            d.cancel()

    QTimer.singleShot(900, press_cancel)
    t0 = time.perf_counter()
    with pytest.raises(RuntimeError, match="interrupted"):
        run_with_progress(slow, stop.set)
    assert seen["dialog"] and time.perf_counter() - t0 < 5
