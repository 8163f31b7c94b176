"""The dashboard PDF is a laid-out report, the gauges carry hotspot names, the ranking shows satisfaction."""

from __future__ import annotations

import subprocess
import unicodedata

import numpy as np
import pytest

from dashboards import stats
from dashboards.charts import GAUGES_SHOWN, hotspot_label
from dashboards.panel import DashboardPanel


@pytest.fixture
def panel(plugin_context, qtbot, tmp_path):
    p = DashboardPanel(plugin_context, background=False, cache_dir=tmp_path / "cache")
    qtbot.addWidget(p)
    p.resize(1500, 1000)
    p.show()
    qtbot.waitExposed(p)
    return p


def _pdf_text(path) -> str:
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligature is "fi" for a reader


def _pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def test_pdf_report_has_cards_charts_and_the_whole_ranking_without_screen_hints(panel, tmp_path):
    pdf = panel.export_pdf(tmp_path / "report.pdf")
    text = _pdf_text(pdf)
    # every card, by its title and shown value
    for card in panel.cards.values():
        assert card.title.text() in text
        assert card.value.text() in text
    # the ranking in full: every commune of the table, not only those that fit on screen
    communes = [panel.table.item(r, 2).text() for r in range(panel.table.rowCount())]
    assert len(communes) == len(panel.model.cols.communes) > 20
    for name in communes:
        assert name in text, name
    assert "Satisfied" in text and "Commune ranking for" in text
    # charts are drawn (their titles are text), without the interactive hints
    assert "Incidents per day" in text and "Incidents by category" in text and "Flood gauges" in text
    for hint in ("click a bar", "drag the shaded range", "click a row", "PNG…", "Clear filters"):
        assert hint not in text
    # laid out on A4 pages with page numbers, the table going on past the first page
    assert _pages(pdf) >= 2
    assert "page 1" in text and "page 2" in text
    # the panel on screen is unchanged by the report
    assert "drag the shaded range" in panel.daily.plotItem.titleLabel.text


def test_gauges_are_labelled_with_hotspot_names_closest_to_danger_first(panel):
    g = panel.model.gauges(panel.filter)
    assert len(g["codes"]) == 50  # the demo city's hotspots
    ticks = panel.gauges.getAxis("left")._tickLevels[0]
    labels = [t[1] for t in ticks]
    assert len(labels) == GAUGES_SHOWN
    # a label is the hotspot's name without the words all names share ("Điểm ngập đường …")
    names = {c: n for c, n in zip(g["codes"], g["names"])}
    assert labels == [names[c].replace("Điểm ngập đường ", "") for c in panel.gauges.shown]
    # closest to danger first: level / danger level never increases down the chart
    level = dict(zip(g["codes"], np.nan_to_num(g["level"])))
    danger = dict(zip(g["codes"], g["danger"]))
    ratios = [level[c] / danger[c] for c in panel.gauges.shown]
    assert ratios == sorted(ratios, reverse=True)
    assert "12 of 50 hotspots" in panel.gauges.getAxis("bottom").labelText


def test_hotspot_label_keeps_what_tells_names_apart():
    names = ["Điểm ngập đường Lê Lợi", "Điểm ngập đường Hà Nội", "Điểm ngập cầu Trường Tiền"]
    assert hotspot_label(names[0], names) == "đường Lê Lợi"
    assert hotspot_label("Cống A", ["Cống A"]) == "Cống A"  # one name: all of it (never empty)
    assert hotspot_label("Cống A", ["Cống A", "Cống B"]) == "A"


def test_ranking_shows_each_communes_satisfaction_as_the_task_kpis(panel, plugin_context):
    month = panel.month_box.currentData() or stats.months(panel.model.cols)[-1]
    start, end = stats._month_days(month)
    kpi = plugin_context.tasks.kpis(stats.day_start_utc(start), stats.day_start_utc(end + 1))
    per_unit = {r["unit"]: r for r in kpi["by_commune"]}
    keys = [c[0] for c in panel.table.columns]
    sat, resp = keys.index("satisfaction"), keys.index("satisfaction_responses")
    seen_answer = False
    for r in range(panel.table.rowCount()):
        unit = per_unit.get(panel.table.item(r, 2).key, {})
        assert panel.table.item(r, sat).key == unit.get("satisfaction_rate")
        assert panel.table.item(r, resp).key == (unit.get("satisfaction_responses") or 0)
        seen_answer |= bool(unit.get("satisfaction_responses"))
    assert seen_answer, "the demo has callbacks in its last month"


@pytest.mark.with_plugins("incidents")
def test_cards_follow_a_change_made_in_another_panel_without_reopening(main_window, qtbot):
    """An incident resolved through the Incidents plugin's ``ctx.incidents`` updates the cards of the
    open dashboard: one open incident fewer, without reopening it."""
    dock = main_window.plugin_host.docks["dashboards.panel"]
    dock.show()
    panel = dock.widget()
    qtbot.waitUntil(lambda: panel.ready, timeout=20_000)
    incidents_ctx = next(r.context for r in main_window.plugin_host.manager.records if r.name == "incidents")
    heard: list[str] = []
    incidents_ctx.events.on_incident_changed(heard.append)
    from gisdesk.api import User

    assert main_window.switch_user(User("dispatcher", "dispatcher", "city_dispatcher"))
    qtbot.waitUntil(lambda: panel.ready, timeout=20_000)
    other = incidents_ctx.incidents
    f = panel.filter
    target = next(i for i in other.list(status="new")
                  if stats.day_iso(f.start_day) <= i.occurred_at.date().isoformat() <= stats.day_iso(f.end_day))
    before = int(panel.cards["open_incidents"].value.text().replace(",", ""))
    other.update(target.uuid, {"status": "resolved"}, "fixed on site", version=target.version)
    assert heard == [target.uuid]
    qtbot.waitUntil(lambda: panel.ready and panel.cards["open_incidents"].value.text() != f"{before:,}",
                    timeout=20_000)
    assert int(panel.cards["open_incidents"].value.text().replace(",", "")) == before - 1

