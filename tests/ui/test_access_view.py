"""The window shows and allows what the access policy says, for the signed-in user (issue 12).

Found: every commune saw all incidents on the map, in the list and in the attribute table, and a
viewer imported layers and saved styles for everyone. The rule (gisdesk.core.access): a commune
officer reads their commune's incidents; a viewer reads all and changes nothing; only the city
(dispatcher, administrator) adds or removes layers and saves styles. Expected values are SQL
written here.
"""

from __future__ import annotations

import hashlib
import json

import pytest
from PySide6.QtCore import QSettings

from gisdesk.store.connection import connect

PHU_HOI = "Phú Hội"


def signed_in(workspace, name):
    from gisdesk.store.users_store import UserStore
    from gisdesk.ui.sign_in import as_plugin_user

    with UserStore(workspace) as store:
        return as_plugin_user(store.get(name))


def sql(workspace, query, params=()):
    conn = connect(workspace, read_only=True)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def digest(workspace):
    """Every file's hash; SQLite's -shm and a -wal without frames are not content (readers may remove them)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in workspace.parent.iterdir()
            if p.is_file() and not p.name.endswith("-shm") and not (p.name.endswith("-wal") and p.stat().st_size == 0)}


def wait_render(qtbot, canvas, timeout=30000):
    with qtbot.waitSignal(canvas.rendered, timeout=timeout) as blocker:
        pass
    return blocker.args[0]


@pytest.fixture
def open_as(qtbot, workspace, tmp_path):
    from gisdesk.ui.main_window import MainWindow

    def make(name):
        win = MainWindow(workspace, QSettings(str(tmp_path / f"{name}.ini"), QSettings.Format.IniFormat),
                         user=signed_in(workspace, name))
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        wait_render(qtbot, win.canvas)
        return win

    return make


def incidents_of(win):
    return next(lyr for lyr in win.model.layers if getattr(lyr, "name", None) == "incidents")


def foreign_incident(workspace):
    """A foreign incident (not Phú Hội) at least 300 m from every Phú Hội incident: (fid, x, y)."""
    return sql(workspace, "SELECT f.rowid, X(f.geom), Y(f.geom) FROM incidents f WHERE f.commune <> ? AND NOT EXISTS "
                          "(SELECT 1 FROM incidents o WHERE o.commune = ? AND Distance(o.geom, f.geom) < 300) "
                          "ORDER BY f.rowid LIMIT 1", (PHU_HOI, PHU_HOI))[0]


def test_phu_hoi_attribute_table_lists_only_phu_hoi_incidents(qtbot, workspace, open_as):
    win = open_as("phu_hoi")
    (n,) = sql(workspace, "SELECT count(*) FROM incidents WHERE commune = ?", (PHU_HOI,))[0]
    (n_open,) = sql(workspace, "SELECT count(*) FROM incidents WHERE commune = ? AND severity >= 3", (PHU_HOI,))[0]
    assert n == 57
    lyr = incidents_of(win)
    win.open_attribute_table(lyr.id)
    table = win.attribute_docks[lyr.id].widget()
    assert table.model.rowCount() == table.query.total == n
    assert f"57 of 57" in table.count_label.text()
    communes = {table.query.rows([fid])[0][table.query.columns.index("commune")] for fid in table.model.ids}
    assert communes == {PHU_HOI}
    assert table.apply_filter("severity >= 3") and table.model.rowCount() == n_open
    table.model.sort(table.query.columns.index("category"))
    assert table.model.rowCount() == n_open


def test_identify_and_select_find_no_foreign_incident(qtbot, workspace, open_as):
    fid, x, y = foreign_incident(workspace)
    win = open_as("phu_hoi")
    lyr = incidents_of(win)
    win.identify_at(x, y, 5.0)
    assert [h for h in win.identify_panel.hits if h.layer_id == lyr.id] == []
    win.current_layer_id = lyr.id
    win.select_in((x - 5, y - 5, x + 5, y + 5), "replace", False)
    assert len(win.model.selection.ids(lyr.id)) == 0
    ext = win.renderer.full_extent([lyr], win.model.crs)
    win.select_in(ext, "replace", False)
    (n,) = sql(workspace, "SELECT count(*) FROM incidents WHERE commune = ?", (PHU_HOI,))[0]
    assert len(win.model.selection.ids(lyr.id)) == n


def test_the_viewer_sees_every_incident(qtbot, workspace, open_as):
    fid, x, y = foreign_incident(workspace)
    win = open_as("viewer")
    lyr = incidents_of(win)
    win.identify_at(x, y, 5.0)
    assert fid in [h.fid for h in win.identify_panel.hits if h.layer_id == lyr.id]
    win.open_attribute_table(lyr.id)
    (total,) = sql(workspace, "SELECT count(*) FROM incidents")[0]
    assert win.attribute_docks[lyr.id].widget().model.rowCount() == total == 2000


def test_switching_user_clears_what_the_previous_one_saw(qtbot, workspace, open_as):
    fid, x, y = foreign_incident(workspace)
    win = open_as("dispatcher")
    lyr = incidents_of(win)
    win.open_attribute_table(lyr.id)
    table = win.attribute_docks[lyr.id].widget()
    assert table.model.rowCount() == 2000
    win.identify_at(x, y, 5.0)
    win.model.selection.set(lyr.id, [fid])
    assert win.identify_dock.isVisible() and win.canvas.overlay_names()
    with qtbot.waitSignal(win.canvas.rendered, timeout=30000):
        assert win.switch_user(signed_in(workspace, "phu_hoi"))
    assert win.model.selection.count() == 0 and win.canvas.overlay_names() == []
    assert not win.identify_dock.isVisible() and win.identify_panel.hits == []
    assert table.model.rowCount() == table.query.total == 57
    assert not win.actions["gisdesk.file.save_state"].isEnabled()


@pytest.mark.parametrize("who", ["viewer", "phu_hoi"])
def test_who_is_not_the_city_cannot_import_remove_or_save_and_nothing_is_written(qtbot, workspace, open_as,
                                                                                  tmp_path, who):
    from gisdesk.core.style import Symbol, VectorStyle

    win = open_as(who)
    for cid in ("gisdesk.file.add_vector", "gisdesk.file.add_raster", "gisdesk.file.save_state"):
        act = win.actions[cid]
        assert not act.isEnabled() and act.toolTip().startswith("Not available:"), cid
    assert f"{who} (" in win.actions["gisdesk.file.add_vector"].toolTip()  # the policy's reason, naming the user
    before = digest(workspace)
    layers_before = [lyr.id for lyr in win.model.layers]
    src = tmp_path / "shelters.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "Trường"},
         "geometry": {"type": "Point", "coordinates": [107.59, 16.46]}}]}), encoding="utf-8")
    win.add_vector(src)  # a shortcut or a plugin calling it directly
    assert win.messages.level == "warning" and "Not done" in win.messages.text.text()
    assert not win.layer_tree.remove_layer(layers_before[0], confirm=False)
    assert [lyr.id for lyr in win.model.layers] == layers_before
    # restyling the session is allowed; saving it for everyone is not
    communes = next(lyr for lyr in win.model.layers if getattr(lyr, "name", None) == "communes")
    win.model.set_style(communes.id, VectorStyle(symbol=Symbol(fill="#123456")))
    assert win.model.layer(communes.id).style.symbol.fill == "#123456"
    assert win.save_state() is False
    dlg = win.layer_tree.open_style_dialog(communes.id)
    assert not dlg.save_button.isEnabled() and dlg.save_button.toolTip().startswith("Not available:")
    dlg.reject()
    win.close()  # closing with restyled layers does not save them for everyone either
    assert digest(workspace) == before


def test_the_dispatcher_may_import_and_save(qtbot, workspace, open_as):
    win = open_as("dispatcher")
    for cid in ("gisdesk.file.add_vector", "gisdesk.file.add_raster", "gisdesk.file.save_state"):
        assert win.actions[cid].isEnabled(), cid
    communes = next(lyr for lyr in win.model.layers if getattr(lyr, "name", None) == "communes")
    dlg = win.layer_tree.open_style_dialog(communes.id)
    assert dlg.save_button.isEnabled()
    dlg.reject()
    assert win.save_state() is True
    assert sql(workspace, "SELECT count(*) FROM gisdesk_layer_state")[0][0] > 0
