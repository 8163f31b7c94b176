"""Map tools: what a mouse drag or click on the canvas does (pan, box zoom, identify, select, measure).

A tool receives the canvas's mouse and key events and may paint an overlay (a
rubber band) in widget coordinates. Tools ask the canvas (or emit its signals)
for what they need; they hold no data of their own beyond the gesture in progress.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent, QPainter, QPen, QPolygonF

DRAG_THRESHOLD = 4  # pixels before a press becomes a drag


class MapTool:
    """Base class: override what the tool reacts to."""

    name = "tool"
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, canvas) -> None:
        self.canvas = canvas

    def activate(self) -> None:
        self.canvas.setCursor(self.cursor)

    def deactivate(self) -> None:
        pass

    def press(self, e: QMouseEvent) -> None:
        pass

    def move(self, e: QMouseEvent) -> None:
        pass

    def release(self, e: QMouseEvent) -> None:
        pass

    def double_click(self, e: QMouseEvent) -> None:
        pass

    def key(self, e: QKeyEvent) -> bool:
        """Handle a key; return True when used."""
        return False

    def paint(self, p: QPainter) -> None:
        pass


class PanTool(MapTool):
    """Drag to move the map; the last image follows the mouse at once."""

    name = "pan"
    cursor = Qt.CursorShape.OpenHandCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._from: QPointF | None = None

    def press(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._from = e.position()
            self.canvas.setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, e: QMouseEvent) -> None:
        if self._from is not None:
            self.canvas.set_drag_offset(e.position() - self._from)

    def release(self, e: QMouseEvent) -> None:
        if self._from is None:
            return
        d = e.position() - self._from
        self._from = None
        self.canvas.setCursor(self.cursor)
        self.canvas.set_drag_offset(QPointF(0, 0))
        if d.manhattanLength() > 0:
            self.canvas.pan_pixels(d.x(), d.y())


class _BoxTool(MapTool):
    """Shared rubber-band rectangle handling."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas) -> None:
        super().__init__(canvas)
        self._from: QPointF | None = None
        self._to: QPointF | None = None

    def press(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            self._from = self._to = e.position()

    def move(self, e: QMouseEvent) -> None:
        if self._from is not None:
            self._to = e.position()
            self.canvas.update()

    def release(self, e: QMouseEvent) -> None:
        if self._from is None:
            return
        a, b = self._from, e.position()
        self._from = self._to = None
        self.canvas.update()
        if (b - a).manhattanLength() < DRAG_THRESHOLD:
            self.clicked(b, e.modifiers())
        else:
            self.boxed(QRectF(a, b).normalized(), e.modifiers())

    def key(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_Escape and self._from is not None:
            self._from = self._to = None
            self.canvas.update()
            return True
        return False

    def paint(self, p: QPainter) -> None:
        if self._from is not None and self._to is not None:
            p.setPen(QPen(QColor(30, 90, 200), 1, Qt.PenStyle.DashLine))
            p.setBrush(QBrush(QColor(30, 90, 200, 40)))
            p.drawRect(QRectF(self._from, self._to).normalized())

    def clicked(self, pos: QPointF, modifiers) -> None:
        pass

    def boxed(self, rect: QRectF, modifiers) -> None:
        pass


class ZoomBoxTool(_BoxTool):
    """Drag a rectangle to zoom into it; a click zooms in two times there."""

    name = "zoom_box"

    def clicked(self, pos: QPointF, modifiers) -> None:
        self.canvas.zoom(2.0, pos)

    def boxed(self, rect: QRectF, modifiers) -> None:
        v = self.canvas.view()
        x0, y1 = v.to_map(rect.left(), rect.top())
        x1, y0 = v.to_map(rect.right(), rect.bottom())
        self.canvas.set_extent((x0, y0, x1, y1))


class DrawRectangleTool(_BoxTool):
    """Drag a rectangle and hand its map box ``(minx, miny, maxx, maxy)`` to ``on_drawn``; Esc calls
    ``on_cancel`` (e.g. File › Take offline's *Draw area on map*). A click without a drag does nothing."""

    name = "draw_rectangle"

    def __init__(self, canvas, on_drawn: Callable[[tuple[float, float, float, float]], Any],
                 on_cancel: Callable[[], Any] | None = None) -> None:
        super().__init__(canvas)
        self.on_drawn, self.on_cancel = on_drawn, on_cancel

    def boxed(self, rect: QRectF, modifiers) -> None:
        v = self.canvas.view()
        x0, y1 = v.to_map(rect.left(), rect.top())
        x1, y0 = v.to_map(rect.right(), rect.bottom())
        self.on_drawn((x0, y0, x1, y1))

    def key(self, e: QKeyEvent) -> bool:
        if super().key(e):
            return True
        if e.key() == Qt.Key.Key_Escape and self.on_cancel is not None:
            self.on_cancel()
            return True
        return False


def _selection_mode(modifiers) -> str:
    if modifiers & Qt.KeyboardModifier.ShiftModifier:
        return "add"
    if modifiers & Qt.KeyboardModifier.ControlModifier:
        return "remove"
    return "replace"


class SelectTool(_BoxTool):
    """Click or drag to select (Shift adds, Ctrl removes), as in QGIS."""

    name = "select"

    def clicked(self, pos: QPointF, modifiers) -> None:
        v = self.canvas.view()
        tol = 4 * v.resolution
        x, y = v.to_map(pos.x(), pos.y())
        self.canvas.select_requested.emit((x - tol, y - tol, x + tol, y + tol), _selection_mode(modifiers), True)

    def boxed(self, rect: QRectF, modifiers) -> None:
        v = self.canvas.view()
        x0, y1 = v.to_map(rect.left(), rect.top())
        x1, y0 = v.to_map(rect.right(), rect.bottom())
        self.canvas.select_requested.emit((x0, y0, x1, y1), _selection_mode(modifiers), False)


class IdentifyTool(MapTool):
    """Click to list the features under the cursor on every visible layer."""

    name = "identify"
    cursor = Qt.CursorShape.WhatsThisCursor

    def release(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            v = self.canvas.view()
            x, y = v.to_map(e.position().x(), e.position().y())
            self.canvas.identify_requested.emit(x, y, 4 * v.resolution)


class MeasureTool(MapTool):
    """Click vertices; the running distance (or area) is geodesic. Right-click or
    double-click finishes, Backspace removes the last vertex, Esc starts again."""

    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas, area: bool = False) -> None:
        super().__init__(canvas)
        self.area = area
        self.name = "measure_area" if area else "measure_distance"
        self.points: list[tuple[float, float]] = []  # map coordinates
        self._hover: tuple[float, float] | None = None
        self.finished = False

    def deactivate(self) -> None:
        self.points.clear()
        self._hover = None
        self.canvas.measured.emit("")

    def press(self, e: QMouseEvent) -> None:
        v = self.canvas.view()
        pt = v.to_map(e.position().x(), e.position().y())
        if e.button() == Qt.MouseButton.RightButton:
            self.finished = True
        elif e.button() == Qt.MouseButton.LeftButton:
            if self.finished:
                self.points.clear()
                self.finished = False
            self.points.append(pt)
        self._report()

    def double_click(self, e: QMouseEvent) -> None:
        self.finished = True
        self._report()

    def move(self, e: QMouseEvent) -> None:
        if self.points and not self.finished:
            self._hover = self.canvas.view().to_map(e.position().x(), e.position().y())
            self._report()
            self.canvas.update()

    def key(self, e: QKeyEvent) -> bool:
        if e.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
        elif e.key() == Qt.Key.Key_Escape:
            self.points.clear()
            self.finished = False
        else:
            return False
        self._report()
        self.canvas.update()
        return True

    def vertices(self) -> list[tuple[float, float]]:
        pts = list(self.points)
        if self._hover is not None and not self.finished:
            pts.append(self._hover)
        return pts

    def _report(self) -> None:
        from gisdesk.ui.measure import describe

        self.canvas.measured.emit(describe(self.vertices(), self.canvas.crs, self.area))
        self.canvas.update()

    def paint(self, p: QPainter) -> None:
        pts = self.vertices()
        if not pts:
            return
        v = self.canvas.view()
        res = v.resolution
        poly = QPolygonF([QPointF((x - v.minx) / res, (v.maxy - y) / res) for x, y in pts])
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(QColor(220, 30, 30), 2))
        if self.area and len(pts) > 2:
            p.setBrush(QBrush(QColor(220, 30, 30, 50)))
            p.drawPolygon(poly)
        else:
            p.drawPolyline(poly)
        p.setBrush(QBrush(QColor(255, 255, 255)))
        for q in poly:
            p.drawEllipse(q, 3, 3)
        self._paint_label(p, poly)

    def label_text(self) -> str:
        """What is written on the map beside the measurement (the same text as the status bar's)."""
        from gisdesk.ui.measure import describe

        return describe(self.vertices(), self.canvas.crs, self.area) if len(self.vertices()) > 1 else ""

    def _paint_label(self, p: QPainter, poly: QPolygonF) -> None:
        """The running length (or area) on the map, by the last vertex, on a light box so it reads on any map."""
        text = self.label_text()
        if not text:
            return
        at = poly[poly.size() - 1] + QPointF(10, -10)
        metrics = p.fontMetrics()
        box = QRectF(metrics.boundingRect(text)).adjusted(-5, -3, 5, 3)
        box.moveBottomLeft(at)
        box.moveLeft(min(box.left(), self.canvas.width() - box.width() - 4))
        box.moveTop(max(box.top(), 4))
        p.setPen(QPen(QColor(220, 30, 30), 1))
        p.setBrush(QBrush(QColor(255, 255, 255, 230)))
        p.drawRoundedRect(box, 3, 3)
        p.setPen(QColor(40, 40, 40))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
