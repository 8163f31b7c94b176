"""The map canvas: shows the renderer's image, pans and zooms at once, re-renders in the background."""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from gisdesk.render.renderer import RenderCancelled, Renderer, RenderResult
from gisdesk.render.view import MapView


class _Relay(QObject):
    """Carries a finished render from the worker thread to the GUI thread."""

    finished = Signal(object)


class MapCanvas(QWidget):
    """A widget drawing ``layers`` with a :class:`Renderer`.

    Dragging moves the last image with the mouse, the wheel and +/- zoom about the
    cursor (scaling the last image until the new one arrives), arrow keys pan.
    Each change requests a background render; a newer request cancels the older.

    Signals
    -------
    rendered(RenderResult)
        A render finished and is on screen.
    cursor_moved(float, float)
        Map coordinates under the mouse.
    """

    rendered = Signal(object)
    cursor_moved = Signal(float, float)

    def __init__(self, layers: list, crs: str, renderer: Renderer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layers = layers
        self.crs = crs
        self.renderer = renderer or Renderer()
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._image: QImage | None = None
        self._image_view: MapView | None = None
        self._extent: tuple[float, float, float, float] | None = None
        self._drag_from: QPointF | None = None
        self._drag_offset = QPointF(0, 0)
        self._pending: Future | None = None
        self._debounce = QTimer(self, singleShot=True, interval=30)
        self._debounce.timeout.connect(self.refresh)

    # -- extent --------------------------------------------------------------------
    def view(self) -> MapView:
        if self._extent is None:
            self._extent = self.renderer.full_extent(self.layers, self.crs) or (0, 0, 1, 1)
        return MapView.fit(self._extent, max(1, self.width()), max(1, self.height()), self.crs)

    def set_extent(self, bbox: tuple[float, float, float, float]) -> None:
        self._extent = bbox
        self._debounce.start()

    def zoom_full(self) -> None:
        self._extent = None
        self._debounce.start()

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (factor > 1) or out about ``anchor`` (widget pixels; default the centre)."""
        v = self.view()
        ax, ay = (anchor.x(), anchor.y()) if anchor else (v.width / 2, v.height / 2)
        mx, my = v.to_map(ax, ay)
        res = v.resolution / factor
        minx = mx - ax * res
        maxy = my + ay * res
        self._extent = (minx, maxy - v.height * res, minx + v.width * res, maxy)
        self._debounce.start()
        self.update()

    def pan_pixels(self, dx: float, dy: float) -> None:
        v = self.view()
        r = v.resolution
        self._extent = (v.minx - dx * r, v.miny + dy * r, v.maxx - dx * r, v.maxy + dy * r)
        self._debounce.start()

    # -- rendering -----------------------------------------------------------------
    def refresh(self) -> None:
        """Request a render of the current view (cancelling any older request)."""
        future, _token = self.renderer.submit(self.layers, self.view())
        self._pending = future
        future.add_done_callback(self._done)

    def _done(self, future: Future) -> None:  # worker thread
        try:
            result = future.result()
        except RenderCancelled:
            return
        except Exception as exc:  # surfaced in the GUI thread
            result = exc
        self._relay.finished.emit(result)

    def _on_finished(self, result: object) -> None:
        if isinstance(result, Exception):
            self.rendered.emit(result)
            return
        assert isinstance(result, RenderResult)
        self._image = result.image
        self._image_view = result.view
        self._drag_offset = QPointF(0, 0)
        self.update()
        self.rendered.emit(result)

    # -- Qt events -----------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        if self._image is not None and self._image_view is not None:
            now = self.view()
            old = self._image_view
            scale = old.resolution / now.resolution
            x = (old.minx - now.minx) / now.resolution + self._drag_offset.x()
            y = (now.maxy - old.maxy) / now.resolution + self._drag_offset.y()
            if abs(scale - 1.0) < 1e-9:
                p.drawImage(QPointF(x, y), self._image)
            else:
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
                p.save()
                p.translate(x, y)
                p.scale(scale, scale)
                p.drawImage(QPointF(0, 0), self._image)
                p.restore()
        p.end()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._debounce.start()

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if e.button() == Qt.MouseButton.LeftButton:
            self._drag_from = e.position()

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        v = self.view()
        self.cursor_moved.emit(*v.to_map(e.position().x(), e.position().y()))
        if self._drag_from is not None:
            self._drag_offset = e.position() - self._drag_from
            self.update()

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._drag_from is not None:
            d = e.position() - self._drag_from
            self._drag_from = None
            self._drag_offset = QPointF(0, 0)
            if d.manhattanLength() > 0:
                self.pan_pixels(d.x(), d.y())
            self.update()

    def wheelEvent(self, e: QWheelEvent) -> None:  # noqa: N802
        steps = e.angleDelta().y() / 120.0
        if steps:
            self.zoom(1.25 ** steps, e.position())

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        step = 0.25
        keys = {Qt.Key.Key_Left: (step, 0), Qt.Key.Key_Right: (-step, 0), Qt.Key.Key_Up: (0, step), Qt.Key.Key_Down: (0, -step)}
        if e.key() in keys:
            fx, fy = keys[e.key()]
            self.pan_pixels(fx * self.width(), fy * self.height())
            self.update()
        elif e.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif e.key() == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        else:
            super().keyPressEvent(e)
