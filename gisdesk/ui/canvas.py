"""The map canvas: shows the renderer's image, pans and zooms at once, re-renders in the background.

Rendering never runs on the GUI thread: each change of extent, size or layers
asks the renderer for a new image on its worker thread (cancelling the older
request), and meanwhile the last image is moved and scaled to the new view, so
the map follows the mouse at once.
"""

from __future__ import annotations

from concurrent.futures import Future
from functools import lru_cache

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeyEvent, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from gisdesk.core.map_model import MapModel
from gisdesk.core.style import Symbol
from gisdesk.render.renderer import CancelToken, RenderCancelled, Renderer, RenderResult, snapshot
from gisdesk.render.vector import draw_layer
from gisdesk.render.view import MapView
from gisdesk.store.geoblob import Geometries
from gisdesk.ui import gc_guard
from gisdesk.ui.map_tools import MapTool, PanTool

HIGHLIGHT = Symbol(fill="#ff000030", stroke="#ff0000", stroke_width=2.5, size=14, shape="circle")
SELECTED = Symbol(fill="#ffff0066", stroke="#e6b800", stroke_width=2, size=10, shape="circle")
SCREEN_DPI = 96.0
#: "Zoom to" a feature, a selection or a search result never comes closer than 1:2,000 (a street),
#: so a point is shown with its surroundings rather than as one dot filling the screen.
ZOOM_TO_SCALE = 2000.0


@lru_cache(maxsize=16)
def _crs_units(crs: str) -> tuple[bool, float]:
    """(is geographic, metres per unit) of a CRS, parsed once: the scale is shown on every zoom."""
    from pyproj import CRS

    c = CRS.from_user_input(crs)
    return c.is_geographic, (c.axis_info[0].unit_conversion_factor if c.axis_info else 1.0)


class _Relay(QObject):
    """Carries a finished render from the worker thread to the GUI thread."""

    finished = Signal(object)


class MapCanvas(QWidget):
    """A widget drawing a :class:`MapModel` with a :class:`Renderer`.

    Signals
    -------
    rendered(object)
        A :class:`RenderResult` is on screen, or an Exception when the render failed.
    render_started()
        A background render began (the window shows progress after half a second).
    cursor_moved(float, float)
        Map coordinates under the mouse.
    extent_changed()
        The visible extent changed (also emitted by history moves).
    identify_requested(float, float, float), select_requested(object, str, bool), measured(str)
        Emitted by the identify, select and measure tools.
    """

    rendered = Signal(object)
    render_started = Signal()
    cursor_moved = Signal(float, float)
    extent_changed = Signal()
    identify_requested = Signal(float, float, float)
    select_requested = Signal(object, str, bool)
    measured = Signal(str)

    def __init__(self, model: MapModel, renderer: Renderer | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumSize(200, 150)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.model = model
        self.renderer = renderer or Renderer()
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._image: QImage | None = None
        self._labels_image: QImage | None = None
        self._image_view: MapView | None = None
        self._extent: tuple[float, float, float, float] | None = None
        self._history: list[tuple[float, float, float, float]] = []
        self._history_pos = -1
        self._drag_offset = QPointF(0, 0)
        self._pending: Future | None = None
        self._token: CancelToken | None = None
        self._overlays: dict[str, tuple[Geometries, Symbol]] = {}
        self._overlay_images: dict[str, tuple[MapView, QImage]] = {}
        self.tool: MapTool = PanTool(self)
        self.tool.activate()
        self._debounce = QTimer(self, singleShot=True, interval=30)
        self._debounce.timeout.connect(self.refresh)
        self._disconnect_model = model.layers_changed.connect(self._debounce.start)
        self._closed = False
        gc_guard.install()  # rendering runs on threads: Qt garbage must be collected on this one

    @property
    def crs(self) -> str:
        return self.model.crs

    # -- extent --------------------------------------------------------------------
    def view(self) -> MapView:
        if self._extent is None:
            self._extent = self.renderer.full_extent(self.model.layers, self.crs) or (0, 0, 1, 1)
            self._remember()
        return MapView.fit(self._extent, max(1, self.width()), max(1, self.height()), self.crs)

    def set_extent(self, bbox: tuple[float, float, float, float], remember: bool = True,
                   min_scale: float | None = None) -> None:
        """Show ``bbox`` (map CRS), fitted to the widget keeping square pixels.

        ``min_scale`` (e.g. :data:`ZOOM_TO_SCALE`, for "zoom to" a feature or a search result) keeps
        the map from zooming in closer than 1:``min_scale`` around the box's centre; a point (an
        empty box) is shown at that scale, or at the current one when none is given.
        """
        minx, miny, maxx, maxy = bbox
        if not all(np.isfinite(bbox)):
            return
        if min_scale:
            w, h = max(self.width(), 1), max(self.height(), 1)
            res = min_scale * 0.0254 / SCREEN_DPI  # map units (metres) per pixel at 1:min_scale
            half_w, half_h = max((maxx - minx) / 2, res * w / 2), max((maxy - miny) / 2, res * h / 2)
            cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
            bbox = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
        elif maxx - minx <= 0 or maxy - miny <= 0:  # a point: keep the current scale around it
            r = self.view().resolution * 50
            bbox = (minx - r, miny - r, maxx + r, maxy + r)
        self._extent = tuple(float(v) for v in bbox)
        if remember:
            self._remember()
        self.extent_changed.emit()
        self._debounce.start()
        self.update()

    def _remember(self) -> None:
        del self._history[self._history_pos + 1:]
        if not self._history or self._history[-1] != self._extent:
            self._history.append(self._extent)
        self._history = self._history[-100:]
        self._history_pos = len(self._history) - 1

    def zoom_full(self) -> None:
        ext = self.renderer.full_extent(self.model.layers, self.crs)
        if ext:
            self.set_extent(ext)

    def zoom(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (factor > 1) or out about ``anchor`` (widget pixels; default the centre)."""
        v = self.view()
        ax, ay = (anchor.x(), anchor.y()) if anchor else (v.width / 2, v.height / 2)
        mx, my = v.to_map(ax, ay)
        res = v.resolution / factor
        minx, maxy = mx - ax * res, my + ay * res
        self.set_extent((minx, maxy - v.height * res, minx + v.width * res, maxy))

    def pan_pixels(self, dx: float, dy: float) -> None:
        v = self.view()
        r = v.resolution
        self.set_extent((v.minx - dx * r, v.miny + dy * r, v.maxx - dx * r, v.maxy + dy * r))

    def set_drag_offset(self, offset: QPointF) -> None:
        self._drag_offset = QPointF(offset)
        self.update()

    def can_go_back(self) -> bool:
        return self._history_pos > 0

    def can_go_forward(self) -> bool:
        return self._history_pos < len(self._history) - 1

    def previous_extent(self) -> None:
        if self.can_go_back():
            self._history_pos -= 1
            self.set_extent(self._history[self._history_pos], remember=False)

    def next_extent(self) -> None:
        if self.can_go_forward():
            self._history_pos += 1
            self.set_extent(self._history[self._history_pos], remember=False)

    def scale_denominator(self) -> float:
        """N of the map scale 1:N on this screen (metres per pixel x pixels per metre)."""
        v = self.view()
        res = v.resolution
        geographic, factor = _crs_units(self.crs)
        if geographic:
            res *= 111_320.0 * np.cos(np.radians((v.miny + v.maxy) / 2))
        else:
            res *= factor
        return res * SCREEN_DPI / 0.0254

    # -- tools and overlays --------------------------------------------------------
    def set_tool(self, tool: MapTool) -> None:
        self.tool.deactivate()
        self.tool = tool
        tool.activate()
        self.update()

    def set_overlay(self, name: str, geoms: Geometries | None, symbol: Symbol = HIGHLIGHT) -> None:
        """Show (or with None, remove) extra geometries in map CRS above the map: highlights, selections."""
        self._overlay_images.pop(name, None)
        if geoms is None or geoms.path_count == 0:
            self._overlays.pop(name, None)
        else:
            self._overlays[name] = (geoms, symbol)
        self.update()

    def overlay_names(self) -> list[str]:
        return list(self._overlays)

    # -- rendering -----------------------------------------------------------------
    @property
    def rendering(self) -> bool:
        return self._pending is not None and not self._pending.done()

    def shutdown(self) -> None:
        """Stop rendering for good (the window is closing)."""
        self._closed = True
        self._debounce.stop()
        self._disconnect_model()
        self.cancel_render()

    def refresh(self) -> None:
        """Request a render of the current view (cancelling any older request).

        The layers are snapshotted here, on the GUI thread: the worker draws them as they
        are now, and a style changed while it draws waits for the next request.
        """
        if self._closed:
            return
        future, token = self.renderer.submit(snapshot(self.model.layers), self.view(), labels="apart")
        self._pending, self._token = future, token
        self.render_started.emit()
        future.add_done_callback(self._done)

    def cancel_render(self) -> None:
        if self._token is not None:
            self._token.cancel()

    def _done(self, future: Future) -> None:  # worker thread
        try:
            result = future.result()
        except RenderCancelled:
            result = RenderCancelled()
        except Exception as exc:  # shown by the window's message bar
            result = exc
        self._relay.finished.emit(result)

    def _on_finished(self, result: object) -> None:
        if isinstance(result, RenderResult):
            self._image = result.image
            self._labels_image = result.labels  # drawn above the overlays
            self._image_view = result.view
            self._drag_offset = QPointF(0, 0)
            self.update()
        self.rendered.emit(result)

    # -- Qt events -----------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 (Qt override)
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#ffffff"))
        now = self.view()
        if self._image is not None and self._image_view is not None:
            old = self._image_view
            scale = old.resolution / now.resolution
            x = (old.minx - now.minx) / now.resolution + self._drag_offset.x()
            y = (now.maxy - old.maxy) / now.resolution + self._drag_offset.y()
            p.save()
            p.translate(x, y)
            p.scale(scale, scale)
            p.drawImage(QPointF(0, 0), self._image)
            p.restore()
        labels_at = (x, y, scale) if self._image is not None and self._image_view is not None else None
        if self._overlays:
            p.save()
            p.translate(self._drag_offset)
            for name, (geoms, symbol) in self._overlays.items():
                cached = self._overlay_images.get(name)
                if cached is None or cached[0] != now:  # drawn once per view, not on every repaint
                    cached = (now, draw_layer(now, geoms, None, [symbol]))
                    self._overlay_images[name] = cached
                p.drawImage(QPointF(0, 0), cached[1])
            p.restore()
        if labels_at is not None and self._labels_image is not None:  # labels above selections and highlights
            p.save()
            p.translate(labels_at[0], labels_at[1])
            p.scale(labels_at[2], labels_at[2])
            p.drawImage(QPointF(0, 0), self._labels_image)
            p.restore()
        self.tool.paint(p)
        p.end()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._debounce.start()

    # Pan with any tool, as in QGIS: drag with the middle button, or hold Space and drag.
    def _pan_gesture(self, e: QMouseEvent) -> bool:
        return e.button() == Qt.MouseButton.MiddleButton or (
            e.button() == Qt.MouseButton.LeftButton and getattr(self, "_space_held", False))

    def mousePressEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        if self._pan_gesture(e):
            self._gesture_from = (e.position(), e.button())
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        self.tool.press(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        v = self.view()
        self.cursor_moved.emit(*v.to_map(e.position().x(), e.position().y()))
        gesture = getattr(self, "_gesture_from", None)
        if gesture is not None:
            self.set_drag_offset(e.position() - gesture[0])
            return
        self.tool.move(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        gesture = getattr(self, "_gesture_from", None)
        if gesture is not None and e.button() == gesture[1]:
            self._gesture_from = None
            d = e.position() - gesture[0]
            self.set_drag_offset(QPointF(0, 0))
            self.setCursor(Qt.CursorShape.OpenHandCursor if getattr(self, "_space_held", False) else self.tool.cursor)
            if d.manhattanLength() > 0:
                self.pan_pixels(d.x(), d.y())
            return
        self.tool.release(e)

    def keyReleaseEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Space and not e.isAutoRepeat():
            self._space_held = False
            if getattr(self, "_gesture_from", None) is None:
                self.setCursor(self.tool.cursor)
            return
        super().keyReleaseEvent(e)

    def mouseDoubleClickEvent(self, e: QMouseEvent) -> None:  # noqa: N802
        self.tool.double_click(e)

    def wheelEvent(self, e: QWheelEvent) -> None:  # noqa: N802
        steps = e.angleDelta().y() / 120.0
        if steps:
            self.zoom(1.25 ** steps, e.position())

    def keyPressEvent(self, e: QKeyEvent) -> None:  # noqa: N802
        if e.key() == Qt.Key.Key_Space:
            if not e.isAutoRepeat():
                self._space_held = True
                self.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if self.tool.key(e):
            return
        step = 0.25
        keys = {Qt.Key.Key_Left: (step, 0), Qt.Key.Key_Right: (-step, 0), Qt.Key.Key_Up: (0, step),
                Qt.Key.Key_Down: (0, -step)}
        if e.key() in keys and not e.modifiers() & Qt.KeyboardModifier.AltModifier:
            fx, fy = keys[e.key()]
            self.pan_pixels(fx * self.width(), fy * self.height())
        elif e.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1.5)
        elif e.key() == Qt.Key.Key_Minus:
            self.zoom(1 / 1.5)
        else:
            super().keyPressEvent(e)
