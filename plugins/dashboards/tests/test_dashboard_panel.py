"""The panel with real widgets: filters update every chart, cards equal the task KPIs, exports, roles."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from dashboards import stats
from dashboards.panel import DashboardPanel


@pytest.fixture
def panel(plugin_context, qtbot, tmp_path):
    p = DashboardPanel(plugin_context, background=False, cache_dir=tmp_path / "cache")
    qtbot.addWidget(p)
    p.resize(1500, 1000)
    p.show()
    qtbot.waitExposed(p)
    return p


def test_filters_update_every_chart_and_card(panel, plugin_context):
    assert panel.ready
    before = {"daily": panel.daily.curve.yData.sum(), "cat": panel.by_category.bars.opts["width"].sum(),
              "open": panel.cards["open_incidents"].value.text()}
    panel.commune_box.setCurrentIndex(panel.commune_box.findData("Phú Hội"))
    assert panel.filter.commune == "Phú Hội"
    assert panel.daily.curve.yData.sum() < before["daily"]
    assert panel.by_category.bars.opts["width"].sum() < before["cat"]
    assert panel.cards["open_incidents"].value.text() != before["open"]
    kpis = plugin_context.tasks.kpis(stats.day_start_utc(panel.filter.start_day),
                                     stats.day_start_utc(panel.filter.end_day + 1), commune="Phú Hội")
    assert panel.snap["cards"]["overdue_tasks"][0] == kpis["overdue"]
    assert panel.cards["overdue_tasks"].value.text() == f"{kpis['overdue']:,}"
    # the ranking keeps all communes and marks the chosen one
    assert panel.table.rowCount() == len(panel.model.cols.communes)

    panel.by_category.bar_clicked.emit("flooding")  # what clicking the bar does
    assert panel.filter.category == "flooding"
    assert panel.category_box.currentData() == "flooding"
    n_flooding = panel.snap["incidents"]
    assert panel.snap["by_category"][list(panel.snap["categories"]).index("flooding")] == n_flooding
    assert panel.by_category.highlight.opts["width"].tolist() == [n_flooding]

    panel.daily.range_chosen.emit(panel.filter.end_day - 6, panel.filter.end_day)  # dragging the range
    assert panel.filter.days == 7
    assert panel.snap["incidents"] <= n_flooding
    lo, hi = panel.daily.region.getRegion()
    assert (hi - lo) == pytest.approx(7 * 86400)


def test_cards_show_the_core_kpis(panel, plugin_context):
    f = panel.filter
    kpis = plugin_context.tasks.kpis(stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1))
    assert panel.cards["on_time_rate"].value.text() == (
        "—" if kpis["on_time_rate"] is None else f"{100 * kpis['on_time_rate']:.1f} %")
    assert panel.cards["resolution_rate"].value.text() == (
        "—" if kpis["resolution_rate"] is None else f"{100 * kpis['resolution_rate']:.1f} %")
    rate = kpis["satisfaction"]["rate"]  # the callbacks' rate, from the same store call
    assert panel.cards["satisfaction"].value.text() == ("not recorded" if rate is None else f"{100 * rate:.1f} %")
    # colour follows the target: on-time below 96 % is red, above green
    if kpis["on_time_rate"] is not None:
        assert panel.cards["on_time_rate"].state is (kpis["on_time_rate"] >= 0.96)


def test_cards_follow_the_category_like_the_core_kpis(panel, plugin_context):
    counts: dict[str, int] = {}
    for t in plugin_context.tasks.tasks():
        counts[t.category] = counts.get(t.category, 0) + 1
    category = max(counts, key=counts.get)  # the category with the most tasks
    panel.set_filter(category=category, start_day=panel.filter.end_day - 364)
    f = panel.filter
    kpis = plugin_context.tasks.kpis(stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1),
                                     category=category)
    every = plugin_context.tasks.kpis(stats.day_start_utc(f.start_day), stats.day_start_utc(f.end_day + 1))
    assert kpis["overdue"] <= every["overdue"]
    assert panel.cards["overdue_tasks"].value.text() == f"{kpis['overdue']:,}"
    assert panel.cards["on_time_rate"].value.text() == (
        "—" if kpis["on_time_rate"] is None else f"{100 * kpis['on_time_rate']:.1f} %")
    assert panel.cards["resolution_rate"].value.text() == (
        "—" if kpis["resolution_rate"] is None else f"{100 * kpis['resolution_rate']:.1f} %")
    assert "every category" not in panel.cards["overdue_tasks"].target.text()


def test_picking_a_commune_on_the_map_filters(panel, plugin_context):
    from dashboards.tools import PickCommune

    tool = PickCommune(plugin_context)
    rows = plugin_context.workspace.read("SELECT fid, name, X(Centroid(geom)) AS x, Y(Centroid(geom)) AS y "
                                         "FROM communes WHERE name = 'Đông Ba'")
    fid, x, y = rows[0]["fid"], rows[0]["x"], rows[0]["y"]
    assert tool.commune_at(x, y) == fid

    class Click:
        button, resolution = "left", 1.0

    Click.x, Click.y = x, y
    tool.on_release(Click())
    assert panel.filter.commune == "Đông Ba"


def test_hotspot_layer_follows_filters_and_goes_with_the_panel(panel, plugin_context, qtbot, tmp_path):
    # the map opens calm: no hexagons until the user asks for them
    assert not panel.hotspot_check.isChecked()
    assert not any(n.startswith("hotspots_") for n in plugin_context.canvas.graphics())
    panel.hotspot_check.setChecked(True)
    names = plugin_context.canvas.graphics()
    assert any(n.startswith("hotspots_") for n in names)
    whole = panel.hotspots.hexagons
    panel.set_filter(category="landslide")
    assert 0 < panel.hotspots.hexagons < whole
    panel.hotspot_check.setChecked(False)
    assert not any(n.startswith("hotspots_") for n in plugin_context.canvas.graphics())
    panel.hotspot_check.setChecked(True)
    panel.hide()
    assert not any(n.startswith("hotspots_") for n in plugin_context.canvas.graphics())
    # the choice is remembered for the next time the dashboard opens
    again = DashboardPanel(plugin_context, background=False, cache_dir=tmp_path / "cache2")
    qtbot.addWidget(again)
    assert again.hotspot_check.isChecked()


def test_exports(panel, tmp_path):
    png = panel.export_png(tmp_path / "d.png")
    image = QImage(str(png))
    assert image.width() >= 1000 and image.height() > 1000
    pdf = panel.export_pdf(tmp_path / "d.pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    rows = list(csv.DictReader(panel.export_csv(tmp_path / "r.csv").open(encoding="utf-8")))
    assert len(rows) == len(panel.model.cols.communes)
    assert [int(r["rank"]) for r in rows] == sorted(int(r["rank"]) for r in rows)
    assert {"commune", "score", "incidents", "resolution_rate"} <= set(rows[0])


def test_ranking_sorts_by_a_column(panel):
    col = [c[0] for c in panel.table.columns].index("incidents")
    panel.table.sortByColumn(col, panel.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    values = [panel.table.item(r, col).key for r in range(panel.table.rowCount())]
    assert values == sorted(values, reverse=True)
    # a filter change keeps the chosen order; picking a commune marks its row (and only it)
    panel.set_filter(commune="Đông Ba")
    assert [panel.table.item(r, col).key for r in range(panel.table.rowCount())] == values
    model = panel.table.model()
    marked = [model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole) is not None
              for r in range(model.rowCount())]
    names = [panel.table.item(r, 2).key for r in range(panel.table.rowCount())]
    assert [n for n, m in zip(names, marked) if m] == ["Đông Ba"]
    assert model.data(model.index(names.index("Đông Ba"), 2)) == "Đông Ba"
    # clicking a row filters by its commune (a second click clears it)
    row = names.index("Phú Hội") if "Phú Hội" in names else 0
    panel.table.clicked.emit(model.index(row, 0))  # what a click on the row sends
    assert panel.filter.commune == names[row]


def test_ranking_rows_missing_values_sort_last_ascending():
    from dashboards.ranking import DataTable

    t = DataTable()
    t.set_rows([("commune", "Commune", "text"), ("score", "Score", "float")],
               [{"commune": "a", "score": 2.0}, {"commune": "b", "score": None}, {"commune": "c", "score": 1.0}])
    t.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [t.item(r, 0).key for r in range(t.rowCount())] == ["c", "a", "b"]
    assert t.item(2, 1).text() == "—" and t.item(0, 1).text() == "1.0"


def test_commune_officer_sees_only_their_commune(qtbot, tmp_path, plugin_context, monkeypatch):
    from gisdesk.api import User

    officer = User("phu_hoi", "Officer Phú Hội", "commune_officer", commune="Phú Hội")
    monkeypatch.setattr(type(plugin_context), "user", property(lambda self: officer))
    p = DashboardPanel(plugin_context, background=False, cache_dir=tmp_path / "c")
    qtbot.addWidget(p)
    assert p.filter.commune == "Phú Hội" and "Phú Hội" in p.view_label.text()
    assert not p.commune_box.isEnabled()
    p.set_filter(commune="Đông Ba")  # refused: stays in their commune
    assert p.filter.commune == "Phú Hội"
    assert [c[0] for c in p.table.columns][0] == "month"
    cols = p.model.cols
    m = stats.mask(cols, p.filter)
    assert set(np.unique(cols.commune[m])) <= {cols.communes.index("Phú Hội")}
    kpis = plugin_context.tasks.kpis(stats.day_start_utc(p.filter.start_day),
                                     stats.day_start_utc(p.filter.end_day + 1), commune="Phú Hội")
    assert p.snap["cards"]["overdue_tasks"][0] == kpis["overdue"]


@pytest.mark.parametrize("claimed, view", [
    (("xaydung", "administrator", None), ("city", None, "Sở Xây dựng")),  # the table's role, not the claim
    (("viewer", "administrator", None), ("city", None, None)),
    (("vinh_ninh", "viewer", None), ("commune", "Vĩnh Ninh", None)),
    (("nobody", "administrator", None), ("city", None, None)),  # unknown: reads like a viewer
])
def test_the_view_is_the_policys_read_filter_of_the_user_in_the_table(plugin_context, monkeypatch, claimed, view):
    from gisdesk.api import User

    from dashboards.model import view_of

    name, role, commune = claimed
    monkeypatch.setattr(type(plugin_context), "user", property(lambda self: User(name, name, role, commune)))
    assert view_of(plugin_context) == view


def test_panel_docks_in_the_window_and_loads_in_background(main_window, qtbot):
    dock = main_window.plugin_host.docks["dashboards.panel"]
    panel = dock.widget()
    qtbot.waitUntil(lambda: panel.ready, timeout=20_000)
    assert panel.snap["incidents"] > 0
    assert "City view" in panel.view_label.text()
