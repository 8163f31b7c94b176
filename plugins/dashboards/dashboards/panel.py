"""The Dashboards dock panel: filters, KPI cards, charts, the commune ranking and the hotspot layer."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QFileDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QPushButton, QScrollArea, QVBoxLayout, QWidget)

from gisdesk.api import sort_texts

from dashboards import stats
from dashboards.cards import Card, count_change, percent, rate_change
from dashboards.charts import DailyChart, FunnelChart, GaugeChart, HBarChart
from dashboards.hotspots import HotspotLayer
from dashboards.model import HIGHER_IS_BETTER, DashboardModel, view_of
from dashboards.ranking import HISTORY_COLUMNS, RANKING_COLUMNS, DataTable

PERIODS = ((7, "Last 7 days"), (30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 365 days"))
CARDS = (("on_time_rate", "Tasks on time"), ("resolution_rate", "Resolution rate"),
         ("satisfaction", "Satisfaction"), ("open_incidents", "Open incidents"),
         ("overdue_tasks", "Overdue tasks"), ("cameras_online", "Cameras online"))


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


def _key(value: Any) -> Any:
    """A comparable copy of chart data (arrays as their dtype, shape and bytes)."""
    if isinstance(value, np.ndarray):
        return ("nd", value.dtype.str, value.shape, value.tobytes())
    if isinstance(value, (list, tuple)):
        return tuple(_key(v) for v in value)
    if isinstance(value, dict):
        return tuple((k, _key(v)) for k, v in value.items())
    return value


def _cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("gisdesk")) / "dashboards"


class DashboardPanel(QWidget):
    """City view (all communes) or commune view (a commune officer's own commune).

    Parameters
    ----------
    ctx : PluginContext
    background : bool
        Load the incidents on a worker thread (the window); tests may load at once.
    cache_dir : path, optional
        Where incident columns are cached (default: the user cache folder).
    """

    def __init__(self, ctx: Any, background: bool = True, cache_dir: Path | None = None) -> None:
        super().__init__()
        self.ctx = ctx
        self.model = DashboardModel(ctx, cache_dir if cache_dir is not None else _cache_dir())
        self.hotspots = HotspotLayer(ctx)
        self.filter: stats.Filter | None = None
        self.snap: dict[str, Any] = {}
        self.ready = False
        self.timings: dict[str, float] = {}
        self._opened = time.perf_counter()
        self._shown: dict[str, Any] = {}  # what each chart was last given
        self._build()
        rows = ctx.workspace.read("SELECT fid, name FROM communes")
        self.commune_by_fid = {r["fid"]: r["name"] for r in rows}
        try:
            self.communes_layer = ctx.workspace.layer("communes").id
        except KeyError:
            self.communes_layer = None
        ctx.events.on_selection_changed(self.on_selection_changed)
        ctx.events.on_task_changed(lambda task: self.refresh())
        ctx.events.on_incident_created(lambda incident: self._incidents_changed())
        ctx.events.on_incident_changed(lambda uuid: self._incidents_changed())
        ctx.events.on_user_changed(lambda user: self._apply_user())
        ctx.events.on_changed_elsewhere(self._changed_elsewhere)  # another workstation, on the city server
        # the view's title while the incidents load (asks the access policy through ctx.tasks now, at
        # build, rather than when the dock is first opened)
        view, commune, _ = view_of(ctx)
        self.view_label.setText(tr("City view: all communes") if view == "city" else
                                tr("Commune view: {c}").format(c=commune))
        self._stale = True  # in the background the incidents are read when the panel is first shown
        if not background:
            self.reload(False)

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        self.view_label = QLabel()
        self.view_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.status = QLabel(tr("Loading incidents…"))
        self.status.setStyleSheet("color: #555;")
        self.commune_box, self.category_box, self.period_box = QComboBox(), QComboBox(), QComboBox()
        for days, label in PERIODS:
            self.period_box.addItem(tr(label), days)
        self.period_box.setCurrentIndex(2)
        self.hotspot_check = QCheckBox(tr("Hotspots on map"))
        # off until asked: the map opens calm; the choice is remembered (ctx.settings "hotspots_on_map")
        self.hotspot_check.setChecked(bool(self.ctx.settings.get("hotspots_on_map", False)))
        self.reset_button = QPushButton(tr("Clear filters"))
        self.png_button, self.pdf_button = QPushButton(tr("PNG…")), QPushButton(tr("PDF…"))
        bar = QHBoxLayout()
        for text, w in ((tr("Commune"), self.commune_box), (tr("Category"), self.category_box),
                        (tr("Dates"), self.period_box)):
            bar.addWidget(QLabel(text))
            bar.addWidget(w)
        for w in (self.hotspot_check, self.reset_button, self.png_button, self.pdf_button):
            bar.addWidget(w)
        bar.addStretch(1)
        self.legend_label = QLabel()

        self.cards = {key: Card(key, tr(title)) for key, title in CARDS}
        card_row = QHBoxLayout()
        for card in self.cards.values():
            card_row.addWidget(card)

        self.daily = DailyChart()
        self.by_category = HBarChart(tr("Incidents by category (click a bar to filter)"), tr("incidents"))
        self.cameras = HBarChart(tr("Camera detections by AI type"), tr("detections (incidents reported by cameras)"),
                                 color="#6a51a3")
        self.funnel = FunnelChart(tr("Task status funnel (tasks created in the range)"), tr("tasks"),
                                  color="#2e9d4f")
        self.gauges = GaugeChart()
        self.daily.report_title = tr("Incidents per day")  # the PDF report's titles, without the screen's hints
        self.by_category.report_title = tr("Incidents by category")
        self.table_heading = ""
        self.table = DataTable()
        self.table_title = QLabel()
        self.table_title.setStyleSheet("font-weight: 600;")
        self.month_box = QComboBox()
        self.csv_button = QPushButton(tr("CSV…"))
        table_bar = QHBoxLayout()
        table_bar.addWidget(self.table_title)
        table_bar.addStretch(1)
        table_bar.addWidget(self.month_box)
        table_bar.addWidget(self.csv_button)
        table_box = QGroupBox()
        tv = QVBoxLayout(table_box)
        tv.addLayout(table_bar)
        tv.addWidget(self.table)

        self.content = QWidget()
        self.content.setObjectName("dashboard_content")
        self.content.setStyleSheet("QWidget#dashboard_content { background: white; }")
        grid = QGridLayout(self.content)
        head = QHBoxLayout()
        head.addWidget(self.view_label)
        head.addStretch(1)
        head.addWidget(self.legend_label)
        grid.addLayout(head, 0, 0, 1, 2)
        grid.addWidget(self.status, 1, 0, 1, 2)
        grid.addLayout(card_row, 2, 0, 1, 2)
        grid.addWidget(self.daily, 3, 0, 1, 2)
        grid.addWidget(self.by_category, 4, 0)
        grid.addWidget(self.cameras, 4, 1)
        grid.addWidget(self.funnel, 5, 0)
        grid.addWidget(self.gauges, 5, 1)
        grid.addWidget(table_box, 6, 0, 1, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(2, 2, 2, 2)
        outer.addLayout(bar)
        outer.addWidget(scroll)

        self.commune_box.currentIndexChanged.connect(lambda _: self.set_filter(commune=self.commune_box.currentData()))
        self.category_box.currentIndexChanged.connect(
            lambda _: self.set_filter(category=self.category_box.currentData()))
        self.period_box.currentIndexChanged.connect(lambda _: self.set_period(self.period_box.currentData()))
        self.daily.range_chosen.connect(lambda a, b: self.set_filter(start_day=a, end_day=b))
        self.by_category.bar_clicked.connect(lambda name: self.set_filter(
            category=None if self.filter and self.filter.category == name else name))
        self.table.cellClicked.connect(self._table_clicked)
        self.month_box.currentIndexChanged.connect(lambda _: self._fill_table())
        self.hotspot_check.toggled.connect(self._hotspots_toggled)
        self.reset_button.clicked.connect(self.clear_filters)
        self.png_button.clicked.connect(lambda: self._ask_path(tr("Export dashboard (PNG)"), "PNG (*.png)",
                                                               self.export_png))
        self.pdf_button.clicked.connect(lambda: self._ask_path(tr("Export dashboard (PDF)"), "PDF (*.pdf)",
                                                               self.export_pdf))
        self.csv_button.clicked.connect(lambda: self._ask_path(tr("Export table (CSV)"), "CSV (*.csv)",
                                                               self.export_csv))

    # -- loading -------------------------------------------------------------------
    def reload(self, background: bool = True) -> None:
        """(Re)read the incidents: on a worker thread, or at once."""
        self._stale = False
        self.ready = False
        self._shown = {}
        self._table_key: tuple = ()
        self._ranked: tuple = ((), [])
        self._opened = time.perf_counter()
        self.model.each_incident = view_of(self.ctx)[2] is not None or self.hotspot_check.isChecked()
        if background:
            self.ctx.run_in_background(self.model.load, on_done=lambda _: self._loaded())
        else:
            self.model.load()
            self._loaded()

    def _loaded(self) -> None:
        self.timings["load"] = time.perf_counter() - self._opened
        cols = self.model.cols
        keep = self.filter
        self._fill_choices()
        self.filter = self.model.scoped(keep) if keep else self.model.default_filter(self.period_box.currentData())
        self.ready = True
        self.refresh()
        self.timings["open"] = time.perf_counter() - self._opened
        self.status.setText(tr("{n:,} incidents ({src}); shown in {ms:.0f} ms").format(
            n=len(cols), src={"cache": tr("from the cache"), "server": tr("read from the server")}.get(
                self.model.loaded_from, tr("read from the workspace")),
            ms=1000 * self.timings["open"]))

    def _fill_choices(self) -> None:
        cols = self.model.cols
        view, commune, _ = view_of(self.ctx)
        for box, names, all_label in ((self.commune_box, cols.communes, tr("All communes")),
                                      (self.category_box, cols.categories[:-1], tr("All categories"))):
            box.blockSignals(True)
            box.clear()
            box.addItem(all_label, None)
            for n in sort_texts(names):  # the language's order: "Đông Ba" after "Dương Nỗ"
                box.addItem(n, n)
            box.blockSignals(False)
        self.commune_box.setEnabled(view == "city")
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for m in reversed(stats.months(cols)):
            self.month_box.addItem(m, m)
        self.month_box.blockSignals(False)
        self.month_box.setVisible(view == "city")
        self.view_label.setText(tr("City view: all communes") if view == "city" else
                                tr("Commune view: {c}").format(c=commune))

    def _apply_user(self) -> None:
        if self.model.cols is None:
            return
        self._fill_choices()
        self._table_key, self._ranked = (), ((), [])
        self.filter = self.model.default_filter(self.period_box.currentData())
        self.refresh()

    # -- filters -------------------------------------------------------------------
    def set_filter(self, **changes: Any) -> None:
        """Change some of ``start_day``, ``end_day``, ``commune``, ``category``, ``department``; redraw all."""
        if not self.ready:
            return
        new = self.model.scoped(replace(self.filter, **changes))
        if new == self.filter:
            return
        self.filter = new
        self.refresh()

    def set_period(self, days: int) -> None:
        if self.ready:
            self.set_filter(start_day=self.filter.end_day - days + 1)

    def clear_filters(self) -> None:
        if self.ready:
            self.filter = self.model.default_filter(self.period_box.currentData())
            self.refresh()

    def on_selection_changed(self, layer_id: str) -> None:
        """A commune selected on the map (by the pick tool or any selection tool) filters the dashboard."""
        if layer_id != self.communes_layer or not self.ready or view_of(self.ctx)[0] != "city":
            return
        ids = list(self.ctx.canvas.selection(layer_id))
        self.set_filter(commune=self.commune_by_fid.get(int(ids[0])) if len(ids) == 1 else None)

    def _table_clicked(self, row: int, _col: int) -> None:
        if view_of(self.ctx)[0] != "city" or self.table.columns[2][0] != "commune":
            return
        name = self.table.item(row, 2).key
        self.set_filter(commune=None if self.filter.commune == name else name)

    # -- drawing -------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute every number for the current filter and set it on the cards and charts."""
        if not self.ready:
            return
        t0 = time.perf_counter()
        f = self.filter
        snap = self.snap = self.model.snapshot(f)
        self._sync_boxes(f)
        if view_of(self.ctx)[0] == "city":
            self.view_label.setText(tr("City view: {c}").format(c=f.commune or tr("all communes")))
        self._fill_cards(snap)
        names = list(snap["categories"][:-1])
        self._set("daily", (snap["days"], snap["per_day"], f.start_day, f.end_day), self.daily.set_data)
        self._set("by_category", (names, snap["by_category"][:-1]), self.by_category.set_data, chosen=f.category)
        self._set("cameras", (names, snap["camera_by_type"][:-1]), self.cameras.set_data, chosen=f.category)
        self._set("funnel", ([s.replace("_", " ") for s in stats.FUNNEL], snap["funnel"]), self.funnel.set_funnel)
        self._set("gauges", (snap["gauges"],), self.gauges.set_data)
        self._fill_table()
        self._draw_hotspots()
        self.timings["update"] = time.perf_counter() - t0

    def _set(self, name: str, args: tuple, setter: Any, **kw: Any) -> None:
        """``setter(*args, **kw)`` unless the chart already shows exactly that (no redraw then)."""
        key = _key((args, kw))
        if self._shown.get(name) != key:
            self._shown[name] = key
            setter(*args, **kw)

    def _sync_boxes(self, f: stats.Filter) -> None:
        for box, value in ((self.commune_box, f.commune), (self.category_box, f.category)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(value)) if value is not None else 0)
            box.blockSignals(False)

    def _fill_cards(self, snap: dict[str, Any]) -> None:
        f = snap["filter"]
        period = tr("{n} days").format(n=f.days)
        targets = self.model.targets
        unit = f.commune or tr("the city")
        scope = tr("{a} – {b}, {unit}").format(a=stats.day_iso(f.start_day), b=stats.day_iso(f.end_day), unit=unit)
        for key, card in self.cards.items():
            cur, prev = snap["cards"][key]
            state = self.model.meets_target(key, cur, snap)
            if key in ("on_time_rate", "resolution_rate", "cameras_online", "satisfaction"):
                value = percent(cur) if cur is not None or key == "satisfaction" else "—"
                target = tr("target ≥ {t:.0f} %").format(t=100 * targets[key])
                delta = rate_change(cur, prev, HIGHER_IS_BETTER[key], period)
            else:
                value = "—" if cur is None else f"{cur:,}"
                delta = count_change(cur, prev, period)
                target = (tr("target ≤ {t:g} per 10,000 residents (now {v:.1f})").format(
                    t=targets["open_per_10k"], v=snap["open_per_10k"] or 0)
                    if key == "open_incidents" else tr("target ≤ {t:g}").format(t=targets[key]))
            if key == "satisfaction":  # callbacks: the rate among those who answered (ctx.tasks.kpis)
                s = snap["kpis"].get("satisfaction") or {}
                delta = tr("{n} responses, {r} not reached · {d}").format(
                    n=s.get("responses", 0), r=s.get("not_reached", 0), d=delta) if s.get("responses") else \
                    tr("no callback recorded in these dates")
            elif key == "cameras_online":
                online, total = snap["cameras"]
                delta = tr("{o} of {t} cameras now (no history)").format(o=online, t=total)
            card.show(value, target, delta, state)
            card.setToolTip(scope)

    def _fill_table(self) -> None:
        if not self.ready:
            return
        view, _, _ = view_of(self.ctx)
        f = self.filter
        if view == "city":
            month = self.month_box.currentData() or stats.months(self.model.cols)[-1]
            key = (month, f.category, f.department, f.commune)
            if key == self._table_key:
                return  # a date change does not move a monthly ranking
            self._table_key = key
            if self._ranked[0] != key[:3]:  # picking a commune only moves the highlight
                rows = stats.ranking(self.model.cols, f, month)
                start, end = stats._month_days(month)
                kpi = self.ctx.tasks.kpis(stats.day_start_utc(start), stats.day_start_utc(end + 1),
                                          department=f.department)
                per_unit = {r["unit"]: r for r in kpi["by_commune"]}
                for r in rows:
                    unit = per_unit.get(r["commune"], {})
                    r["tasks_on_time"] = unit.get("on_time_rate")
                    r["satisfaction"] = unit.get("satisfaction_rate")
                    r["satisfaction_responses"] = unit.get("satisfaction_responses") or 0
                self._ranked = (key[:3], rows)
            elif self.table.columns == RANKING_COLUMNS and self.table.rows_model.rows:
                self.table.set_highlight(f.commune)  # the same rows: only the marked one moves
                return
            rows = self._ranked[1]
            self.table_heading = tr("Commune ranking for {m}").format(m=month)
            self.table_title.setText(tr("Commune ranking for {m} (score = share of the month's incidents resolved; "
                                        "click a row to filter)").format(m=month))
            self.table.set_rows(RANKING_COLUMNS, rows, highlight=f.commune, key="commune")
        else:
            key = ("history", f.category, f.department, f.commune)
            if key == self._table_key:
                return
            self._table_key = key
            rows = stats.month_history(self.model.cols, f)
            self.table_heading = tr("Month by month: {c}").format(c=f.commune)
            self.table_title.setText(self.table_heading)
            self.table.set_rows(HISTORY_COLUMNS, rows)

    def _hotspots_toggled(self, on: bool) -> None:
        self.ctx.settings["hotspots_on_map"] = bool(on)
        self._draw_hotspots()

    def _draw_hotspots(self) -> None:
        if not self.ready or not self.hotspot_check.isChecked() or not self.isVisible():
            self.hotspots.remove()
            self.legend_label.setText("")
            return
        m = stats.mask(self.model.cols, self.filter)
        x, y = self.model.coords()
        self.hotspots.draw(x[m], y[m])
        swatches = " ".join(f"<span style='background:{c}'>&nbsp;&nbsp;&nbsp;</span> {label}"
                            for c, label in self.hotspots.legend())
        self.legend_label.setText(tr("Map hotspots, incidents per {s:.0f} m hexagon: ").format(
            s=self.hotspots.size_m) + swatches)

    def _changed_elsewhere(self, kinds: frozenset) -> None:
        if "incidents" in kinds:
            self._incidents_changed()
        elif "tasks" in kinds:
            self.refresh()

    def _incidents_changed(self) -> None:
        """A hidden panel (a closed dock) reads the incidents again only when it is shown."""
        self._stale = True
        if self.isVisible():
            self.reload()

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._stale:
            self.reload()
        self._draw_hotspots()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        self.hotspots.remove()

    # -- export --------------------------------------------------------------------
    def _ask_path(self, title: str, pattern: str, save: Any) -> None:
        dialog = QFileDialog(self, title, "", pattern)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: save(path) if path else None)
        dialog.open()  # not exec(): the window keeps running
        self._dialog = dialog

    def export_png(self, path: str | Path) -> Path:
        """The whole dashboard (not only the part scrolled into view) as a PNG."""
        path = Path(path)
        if not self.content.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        return path

    def export_pdf(self, path: str | Path) -> Path:
        """The dashboard as a laid-out A4 report: cards, charts and the whole table (:mod:`dashboards.report`)."""
        from dashboards.report import write_report

        return write_report(self, path)

    def export_csv(self, path: str | Path) -> Path:
        """The table below the charts (ranking or month by month) as CSV."""
        return self.table.to_csv(path)
