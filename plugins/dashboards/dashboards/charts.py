"""pyqtgraph charts of the dashboard. Each keeps its plot items and only sets new data on them."""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLineF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem

pg.setConfigOptions(antialias=False, background="w", foreground="#333333")

ACCENT = "#1e5ac8"
GOOD, WARN, BAD = "#2e9d4f", "#e8a317", "#d23c3c"


def tr(text: str) -> str:
    return QCoreApplication.translate("dashboards", text)


def cache_static(plot: pg.PlotWidget) -> None:
    """Keep the title and the axes as device pixmaps: a repaint after new data blits them instead of
    replaying their text unless they changed. Grid lines are a :class:`Grid` item, not the axes' (an
    axis drawing a grid spans the whole plot: caching it would redraw a plot-sized pixmap each time)."""
    item = plot.getPlotItem()
    for name in ("left", "bottom", "right", "top"):
        axis = item.getAxis(name)
        if axis.grid is False:
            axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    item.titleLabel.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class Grid(pg.GraphicsObject):
    """Grid lines at the ticks of a plot's bottom (``x``) and left (``y``) axes, drawn in device pixels.

    Looks like ``PlotItem.showGrid(alpha=...)`` (the same tick levels and the same fading of the
    finer levels) but is its own item behind the data, so the axes keep no grid and are cached.
    """

    def __init__(self, plot: pg.PlotWidget, x: bool = True, y: bool = True, alpha: float = 0.15) -> None:
        super().__init__()
        item = plot.getPlotItem()
        self.axes = [(item.getAxis(name), along) for name, along, on in (("bottom", 0, x), ("left", 1, y)) if on]
        for axis, _ in self.axes:  # the axes' own tick marks would show where the grid was: hidden
            axis.setStyle(tickAlpha=0.0)
        self.alpha = min(max(int(alpha * 255), 0), 255)
        self.color = QColor(pg.getConfigOption("foreground"))
        self.setZValue(-1000)
        item.addItem(self, ignoreBounds=True)
        item.getViewBox().sigRangeChanged.connect(self._moved)
        item.getViewBox().sigResized.connect(self._moved)

    def _moved(self, *_) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        vb = self.getViewBox()
        if vb is None:
            return QRectF()
        (x0, x1), (y0, y1) = vb.viewRange()
        return QRectF(float(x0), float(y0), float(x1 - x0), float(y1 - y0))

    def paint(self, painter, *args) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        to_device = painter.transform()
        view = to_device.mapRect(self.boundingRect())
        painter.setTransform(QTransform())
        for axis, along in self.axes:
            lo, hi = (x0, x1) if along == 0 else (y0, y1)
            length = view.width() if along == 0 else view.height()
            if length <= 0 or hi <= lo:
                continue
            scale = length / (hi - lo)
            if isinstance(axis, pg.DateAxisItem) and not hasattr(axis, "fontMetrics"):
                # its tick spacing needs the font it measures when it first paints (maybe after this)
                axis.fontMetrics = QFontMetrics(axis.style["tickFont"] or painter.font())
            for i, (_, ticks) in enumerate(axis.tickValues(lo, hi, length)):
                # pyqtgraph's AxisItem: level i fades as 1/(i+1) and when its ticks are dense
                fade = 255 / (i + 1) * self.alpha / 255 * min(max(0.05 * length / (len(ticks) + 1), 0.0), 1.0)
                color = QColor(self.color)
                color.setAlpha(int(fade))
                pen = QPen(color, 0)
                pen.setCosmetic(True)
                painter.setPen(pen)
                t = np.asarray(ticks, dtype=float)
                t = t[(t >= lo) & (t <= hi)]
                if not len(t):
                    continue  # (QPainter.drawLines of an empty list crashes PySide6)
                if along == 0:
                    px = np.round(view.left() + (t - lo) * scale).tolist()
                    painter.drawLines([QLineF(v, view.top(), v, view.bottom()) for v in px])
                else:  # data y grows upwards on screen unless the view is inverted
                    py = view.top() + (t - lo) * scale if vb.yInverted() else view.bottom() - (t - lo) * scale
                    painter.drawLines([QLineF(view.left(), v, view.right(), v) for v in np.round(py).tolist()])
        painter.setTransform(to_device)


class Bars(pg.GraphicsObject):
    """Filled rectangles (no outline) painted straight in device pixels.

    A light stand-in for ``pg.BarGraphItem`` (whose ``QPicture`` of data-space paths costs a few
    milliseconds per paint): the same ``setOpts`` keys (``x0`` or ``x`` centre, ``y0`` or ``y``
    centre, ``width``, ``height``, ``brush`` or ``brushes``) and ``opts`` of arrays.
    """

    def __init__(self, brush: str = ACCENT, **opts) -> None:
        super().__init__()
        self.brush = QBrush(QColor(brush))
        self.opts: dict = {}
        self._rects = np.zeros((0, 4))
        self._brushes: list[QBrush] = []
        self.setOpts(**opts)

    def setOpts(self, **opts) -> None:  # noqa: N802 (pyqtgraph's name)
        self.opts = {k: v if k in ("brushes", "brush") else np.asarray(v, dtype=float) for k, v in opts.items()}
        o = self.opts
        n = max((np.size(o[k]) for k in ("x0", "x", "y0", "y", "width", "height") if k in o and np.ndim(o[k])),
                default=0)

        def arr(key: str) -> np.ndarray:
            return np.broadcast_to(o[key], (n,)).astype(float) if key in o else np.zeros(n)

        w, h = arr("width"), arr("height")
        left = arr("x0") if "x0" in o else arr("x") - w / 2
        bottom = arr("y0") if "y0" in o else arr("y") - h / 2 if "y" in o else np.zeros(n)
        self._rects = np.stack([left, bottom, w, h], axis=1) if n else np.zeros((0, 4))
        given = o.get("brushes")
        self._brushes = [pg.mkBrush(b) for b in given] if given is not None else [self.brush] * n
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        if not len(self._rects):
            return QRectF()
        r = self._rects
        x0, x1 = np.minimum(r[:, 0], r[:, 0] + r[:, 2]), np.maximum(r[:, 0], r[:, 0] + r[:, 2])
        y0, y1 = np.minimum(r[:, 1], r[:, 1] + r[:, 3]), np.maximum(r[:, 1], r[:, 1] + r[:, 3])
        return QRectF(float(x0.min()), float(y0.min()), float(x1.max() - x0.min()), float(y1.max() - y0.min()))

    def paint(self, painter, *args) -> None:
        to_device = painter.transform()
        painter.setTransform(QTransform())
        for (x, y, w, h), brush in zip(self._rects, self._brushes):
            if w and h:
                painter.fillRect(to_device.mapRect(QRectF(x, y, w, h)).toAlignedRect(), brush)
        painter.setTransform(to_device)


class DailyChart(pg.PlotWidget):
    """Incidents per day with a draggable date range (the dashboard's date filter)."""

    range_chosen = Signal(int, int)  # first and last epoch day, inclusive

    def __init__(self) -> None:
        super().__init__(axisItems={"bottom": pg.DateAxisItem(utcOffset=0)})
        self.setTitle(tr("Incidents per day (drag the shaded range to filter)"), size="11pt", bold=True)
        self.setLabel("left", tr("incidents per day"))
        self.setLabel("bottom", tr("date (UTC)"))
        self.grid = Grid(self, x=True, y=True, alpha=0.15)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.setMinimumHeight(230)
        cache_static(self)
        self.curve = self.plot([], [], pen=pg.mkPen(ACCENT, width=1.5), fillLevel=0, brush=QColor(30, 90, 200, 50),
                               name=tr("incidents"))
        self.region = pg.LinearRegionItem(brush=QColor(232, 163, 23, 50), pen=pg.mkPen(WARN, width=2))
        self.region.setZValue(10)
        self.addItem(self.region)
        self.region.sigRegionChangeFinished.connect(self._region_moved)
        self._setting = False

    def set_data(self, days: np.ndarray, counts: np.ndarray, start_day: int, end_day: int) -> None:
        x = days.astype(np.float64) * 86400.0
        self.curve.setData(x, counts.astype(float))
        if len(x):
            self.setXRange(min(x[0], start_day * 86400.0), max(x[-1] + 86400, (end_day + 1) * 86400.0), padding=0.01)
            self.setYRange(0, max(1.0, float(counts.max()) * 1.1), padding=0)
        self._setting = True
        self.region.setRegion((start_day * 86400.0, (end_day + 1) * 86400.0))
        self._setting = False

    def _region_moved(self) -> None:
        if self._setting:
            return
        lo, hi = self.region.getRegion()
        start, end = int(np.floor(lo / 86400 + 0.5)), int(np.floor(hi / 86400 + 0.5)) - 1
        self.range_chosen.emit(start, max(start, end))


class HBarChart(pg.PlotWidget):
    """Horizontal bars with names on the left axis; clicking a bar reports its name."""

    bar_clicked = Signal(str)

    def __init__(self, title: str, unit: str, color: str = ACCENT) -> None:
        super().__init__()
        self.setTitle(title, size="11pt", bold=True)
        self.setLabel("bottom", unit)  # no grid: each bar is labelled with its value
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.setMinimumHeight(260)
        cache_static(self)
        self.invertY(True)
        left = self.getAxis("left")
        left.setStyle(autoExpandTextSpace=True, hideOverlappingLabels=False, tickLength=0)
        left.setWidth(150)
        self.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars = Bars(color, x0=[], y=[], height=0.7, width=[])
        self.highlight = Bars(WARN, x0=[], y=[], height=0.7, width=[])
        self.addItem(self.bars)
        self.addItem(self.highlight)
        self.labels: list[pg.TextItem] = []
        self.names: list[str] = []
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_data(self, names: Sequence[str], values: Sequence[float], chosen: str | None = None,
                 fmt: Callable[[float], str] = lambda v: f"{v:,.0f}") -> None:
        values = np.asarray(values, dtype=float)
        self.names = list(names)
        y = np.arange(len(names), dtype=float)
        hit = np.array([n == chosen for n in names], dtype=bool)
        self.bars.setOpts(x0=np.zeros(len(y)), y=y, width=np.where(hit, 0, values), height=0.7)
        self.highlight.setOpts(x0=np.zeros(int(hit.sum())), y=y[hit], width=values[hit], height=0.7)
        self.getAxis("left").setTicks([[(i, n) for i, n in enumerate(names)]])
        top = float(values.max()) if len(values) else 1.0
        self.setXRange(0, max(1.0, top) * 1.18, padding=0)
        self.setYRange(-0.6, max(len(names), 1) - 0.4, padding=0)
        while len(self.labels) < len(names):
            label = pg.TextItem(anchor=(0, 0.5), color="#333333")
            self.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels):
            if i < len(names):
                label.setText(fmt(values[i]))
                label.setPos(values[i], i)
                label.show()
            else:
                label.hide()

    def _clicked(self, event) -> None:
        if not self.names:
            return
        pos = self.plotItem.vb.mapSceneToView(event.scenePos())
        i = int(round(pos.y()))
        if 0 <= i < len(self.names) and pos.x() >= 0:
            self.bar_clicked.emit(self.names[i])


class FunnelChart(HBarChart):
    """Task workflow stages as a centred funnel: how many tasks reached each stage."""

    def set_funnel(self, stages: Sequence[str], counts: Sequence[int]) -> None:
        self.hideAxis("bottom")  # the bars are centred: the labels carry the numbers
        counts = np.asarray(counts, dtype=float)
        y = np.arange(len(stages), dtype=float)
        self.names = list(stages)
        self.bars.setOpts(x0=-counts / 2, y=y, width=counts, height=0.75)
        self.highlight.setOpts(x0=[], y=[], width=[], height=0.75)
        self.getAxis("left").setTicks([[(i, s) for i, s in enumerate(stages)]])
        top = max(1.0, float(counts.max()) if len(counts) else 1.0)
        self.setXRange(-top / 2 * 1.05, top / 2 * 1.35, padding=0)
        self.setYRange(-0.6, len(stages) - 0.4, padding=0)
        first = counts[0] if len(counts) and counts[0] else 1.0
        while len(self.labels) < len(stages):
            label = pg.TextItem(anchor=(0, 0.5), color="#333333")
            self.addItem(label)
            self.labels.append(label)
        for i, label in enumerate(self.labels[:len(stages)]):
            label.setText(f"{counts[i]:,.0f} ({counts[i] / first:.0%})")
            label.setPos(counts[i] / 2, i)


#: How many hotspots the city view's gauge chart shows (those closest to their danger level).
GAUGES_SHOWN = 12


def hotspot_label(name: str, names: Sequence[str]) -> str:
    """A hotspot's name without the words every hotspot name starts with ("Điểm ngập đường Lê Lợi" ->
    "Lê Lợi" when all names start with "Điểm ngập đường "), so the axis shows what tells them apart."""
    if len(set(names)) < 2:  # one hotspot (a commune's view): its whole name
        return name
    words = [n.split(" ") for n in names]
    common = 0
    while words and all(len(w) > common + 1 and w[common] == words[0][common] for w in words):
        common += 1
    return " ".join(name.split(" ")[common:]) or name


class GaugeChart(pg.PlotWidget):
    """Flood gauges: the peak level per hotspot, labelled with the hotspot's name, with its warning and
    danger thresholds. Horizontal bars, the hotspots closest to danger first; the city view keeps
    :data:`GAUGES_SHOWN` of them (the title says how many of how many)."""

    def __init__(self) -> None:
        super().__init__()
        self.setLabel("bottom", tr("water level (m)"))
        self.grid = Grid(self, x=True, y=False, alpha=0.15)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.setMinimumHeight(260)
        cache_static(self)
        self.invertY(True)
        left = self.getAxis("left")
        left.setStyle(autoExpandTextSpace=True, hideOverlappingLabels=False, tickLength=0)
        left.setWidth(150)
        self.legend = self.addLegend(offset=(-10, -5), labelTextSize="8pt", brush=(255, 255, 255, 220))
        self.bars = Bars(x0=[], y=[], height=0.7, width=[])
        self.addItem(self.bars)
        self.warning = pg.ScatterPlotItem(symbol="|", size=14, pen=pg.mkPen(WARN, width=3), brush=WARN,
                                          name=tr("warning level"))
        self.danger = pg.ScatterPlotItem(symbol="|", size=14, pen=pg.mkPen(BAD, width=3), brush=BAD,
                                         name=tr("danger level"))
        self.addItem(self.warning)
        self.addItem(self.danger)
        self.legend.addItem(pg.BarGraphItem(x=[0], height=[0], width=1, brush=ACCENT), tr("peak level"))
        self.shown: list[str] = []  # the hotspot codes on the axis, top to bottom
        self.set_data({"codes": [], "names": [], "level": [], "warning": [], "danger": [], "in_range": True})

    def set_data(self, gauges: dict) -> None:
        level = np.nan_to_num(np.asarray(gauges["level"], dtype=float))
        warn = np.asarray(gauges["warning"], dtype=float)
        danger = np.asarray(gauges["danger"], dtype=float)
        names = list(gauges.get("names") or gauges["codes"])
        ratio = np.where(np.isfinite(danger) & (danger > 0), level / np.where(danger > 0, danger, 1.0), 0.0)
        order = np.argsort(-ratio, kind="stable")[:GAUGES_SHOWN]
        level, warn, danger = level[order], warn[order], danger[order]
        self.shown = [gauges["codes"][i] for i in order]
        y = np.arange(len(order), dtype=float)
        brushes = [pg.mkBrush(BAD if v >= d else WARN if v >= w else ACCENT) for v, w, d in zip(level, warn, danger)]
        self.bars.setOpts(x0=np.zeros(len(order)), y=y, height=0.7, width=level, brushes=brushes)
        self.warning.setData(warn, y)
        self.danger.setData(danger, y)
        self.getAxis("left").setTicks([[(k, hotspot_label(names[i], names)) for k, i in enumerate(order)]])
        self.setToolTip("\n".join(f"{gauges['codes'][i]}: {names[i]}" for i in order))
        top = np.nanmax(np.r_[level, danger, 1.0]) if len(level) else 1.0
        self.setXRange(0, top * 1.1, padding=0)
        self.setYRange(-0.6, max(len(order), 1) - 0.4, padding=0)
        total = len(names)
        title = (tr("Flood gauges: peak water level in the range") if gauges["in_range"] else
                 tr("Flood gauges: peak level on the last day of readings"))
        self.setLabel("bottom", tr("water level (m)") if total <= len(order) else
                      tr("water level (m) · {n} of {t} hotspots, closest to danger first").format(n=len(order), t=total))
        self.setTitle(title, size="11pt", bold=True)


def small_font() -> QFont:
    f = QFont()
    f.setPointSize(8)
    return f


__all__ = ["DailyChart", "FunnelChart", "GaugeChart", "HBarChart", "Qt", "tr"]
