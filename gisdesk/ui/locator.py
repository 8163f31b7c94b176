"""The locator bar (Ctrl+K, as in QGIS): one search box in the main toolbar.

Typing searches (debounced, on one worker thread) the workspace's names, planning
projects, incidents and tasks the signed-in user may read (:mod:`gisdesk.store.locator_index`;
on the city server :mod:`gisdesk.store.pg_locator`, as the login),
typed coordinates (:class:`gisdesk.core.locator.CoordinateProvider`) and the plugins'
providers; the results drop down under the box grouped by kind. Up/Down pick a result,
Enter or a click zooms to it and highlights it (overlay ``locator``), Esc closes the list.

The list is a child of the main window laid over the map (not a separate top-level
window), so it never takes the keyboard from the box and shows in window grabs.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QToolBar, QTreeWidget, QTreeWidgetItem, QWidget

from gisdesk.core.locator import CoordinateProvider, Locator, LocatorResult, group_results
from gisdesk.core.text import printable

#: Milliseconds of quiet typing before a search starts.
DEBOUNCE_MS = 150
#: Results per kind.
LIMIT = 6
#: Half the width (metres) of the view a point result is zoomed to (about 1:2,000 on a laptop screen).
POINT_HALF_WIDTH_M = 150.0
OVERLAY = "locator"


def tr(text: str) -> str:
    return QCoreApplication.translate("Locator", text)


def kind_title(kind: str) -> str:
    """The group header of a kind, translated (plugin kinds are shown capitalised)."""
    titles = {"coordinate": tr("Coordinates"), "commune": tr("Communes"), "road": tr("Roads"),
              "place": tr("Places"), "project": tr("Planning projects"), "incident": tr("Incidents"),
              "task": tr("Tasks")}
    return titles.get(kind, kind.replace("_", " ").capitalize())


class _Searcher(QObject):
    """Runs searches on one worker thread (the index's connections stay on it); results come back as a signal."""

    finished = Signal(int, object)  # request number, [(kind, results)] or an Exception

    def __init__(self, workspace: Any, crs: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.crs = crs
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="gisdesk-locator")
        self._index: Any = None
        self._index_user: Any = object()
        self._closed = False

    def submit(self, number: int, text: str, user: Any, extra: list) -> Future | None:
        if self._closed:
            return None
        future = self._pool.submit(self._run, text, user, extra)
        future.add_done_callback(lambda f: self._deliver(number, f))
        return future

    def _deliver(self, number: int, future: Future) -> None:  # worker thread: a queued signal to the GUI
        try:
            self.finished.emit(number, future.exception() or future.result())
        except RuntimeError:  # the window (and this object) is gone: nobody is waiting
            pass

    def _run(self, text: str, user: Any, extra: list) -> list:  # worker thread
        from gisdesk.store.locator_index import LocatorIndex

        from gisdesk.core.layers import is_server_url

        key = getattr(user, "username", user)
        if self._index is None or self._index_user != key:
            if self._index is not None:
                self._index.close()
            if is_server_url(self.workspace):  # the city server: its login's rows, asked on the server
                from gisdesk.store.pg_locator import ServerLocator

                self._index = ServerLocator(str(self.workspace))
            else:
                self._index = LocatorIndex(self.workspace, user)
            self._index_user = key
        coords = CoordinateProvider(self.crs, home=self._index.home_lonlat())
        loc = Locator([coords, self._index, *extra])
        return group_results(loc.search(text, LIMIT))

    def shutdown(self) -> None:
        """Close the index on the worker and let the thread end (twice is harmless)."""
        if self._closed:
            return
        self._closed = True

        def close() -> None:
            if self._index is not None:
                self._index.close()
                self._index = None

        self._pool.submit(close)
        self._pool.shutdown(wait=False)


class LocatorPopup(QTreeWidget):
    """The drop-down list: group headers (bold, not selectable) and results (title, detail)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("locatorPopup")
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.Box)
        self.setUniformRowHeights(True)
        self.hide()

    def show_groups(self, groups: list[tuple[str, list[LocatorResult]]]) -> None:
        self.clear()
        bold = QFont(self.font())
        bold.setBold(True)
        grey = QColor("#666666")
        for kind, results in groups:
            head = QTreeWidgetItem(self, [kind_title(kind), ""])
            head.setFont(0, bold)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setFirstColumnSpanned(True)
            for r in results:
                item = QTreeWidgetItem(self, ["   " + r.title, r.detail])
                item.setData(0, Qt.ItemDataRole.UserRole, r)
                item.setForeground(1, grey)
                item.setToolTip(0, r.title)
        if not groups:
            empty = QTreeWidgetItem(self, [tr("Nothing found"), ""])
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            empty.setForeground(0, grey)
        self.resizeColumnToContents(0)
        first = self.result_items()[:1]
        self.setCurrentItem(first[0] if first else None)

    def result_items(self) -> list[QTreeWidgetItem]:
        items = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        return [it for it in items if it.data(0, Qt.ItemDataRole.UserRole) is not None]

    def step(self, delta: int) -> None:
        items = self.result_items()
        if not items:
            return
        cur = self.currentItem()
        i = items.index(cur) if cur in items else -1
        self.setCurrentItem(items[max(0, min(len(items) - 1, i + delta))])

    def current_result(self) -> LocatorResult | None:
        cur = self.currentItem()
        return cur.data(0, Qt.ItemDataRole.UserRole) if cur is not None else None


class LocatorBar(QLineEdit):
    """The search box. ``result_activated(result)`` fires on Enter or a click on a result.

    Parameters
    ----------
    window : QWidget
        The main window: the popup is laid over it.
    workspace : path
        The workspace searched.
    crs : str
        The map CRS (typed x/y are read in it first).
    user : callable
        Returns the signed-in user (read at each search: switching users switches results).
    providers : callable
        Returns the plugins' (guarded) locator providers.
    """

    result_activated = Signal(object)
    results_shown = Signal()

    def __init__(self, window: QWidget, workspace: Any, crs: str, user: Callable[[], Any],
                 providers: Callable[[], list]) -> None:
        super().__init__()
        self.setObjectName("locatorBar")
        self.setPlaceholderText(tr("Search places, incidents, x y… (Ctrl+K)"))
        self.setToolTip(tr("Find communes, roads, places, planning projects, incidents, tasks or a coordinate "
                           "(lon lat, UTM, VN-2000 x y)"))
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)  # the whole placeholder shows (icon-only toolbars leave room at 1366 px)
        self.setMaximumWidth(320)
        self._window = window
        self._user = user
        self._providers = providers
        self.popup = LocatorPopup(window)
        self.popup.itemClicked.connect(self._clicked)
        self._searcher = _Searcher(workspace, crs, self)
        self._searcher.finished.connect(self._show)
        self._number = 0
        self._enter_pending = False  # Enter came before the results: activate the first when they arrive
        self.groups: list[tuple[str, list[LocatorResult]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(lambda _t: self._timer.start())
        self.textChanged.connect(self._maybe_clear)

    # -- searching ---------------------------------------------------------------------------
    def _maybe_clear(self, text: str) -> None:
        if not text.strip():
            self._timer.stop()
            self._number += 1  # late answers to older text are dropped
            self._enter_pending = False
            self.popup.hide()

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            return
        self._number += 1
        self._searcher.submit(self._number, text, self._user(), list(self._providers()))

    def _show(self, number: int, answer: object) -> None:
        if number != self._number or not self.text().strip():
            return  # an older query, or the box was cleared meanwhile
        if isinstance(answer, Exception):
            self.groups = []
            self.popup.show_groups([])
            self.popup.topLevelItem(0).setText(0, tr("Search failed: {error}").format(error=printable(answer, 120)))
        else:
            self.groups = answer  # type: ignore[assignment]
            self.popup.show_groups(self.groups)
        self._place_popup()
        self.results_shown.emit()
        if self._enter_pending:
            self._enter_pending = False
            self._activate(self.popup.current_result())

    def _place_popup(self) -> None:
        rows = max(1, self.popup.topLevelItemCount())
        row_h = max(self.popup.sizeHintForRow(0), self.fontMetrics().height() + 4)
        width = max(self.width(), min(560, self.popup.sizeHintForColumn(0) + self.popup.sizeHintForColumn(1) + 24))
        height = min(rows, 18) * row_h + 6
        pos = self.mapTo(self._window, QPoint(0, self.height()))
        x = max(2, min(pos.x(), self._window.width() - width - 2))
        self.popup.setGeometry(x, pos.y() + 2, width, height)
        self.popup.show()
        self.popup.raise_()
        last = self.popup.topLevelItem(self.popup.topLevelItemCount() - 1)
        bottom = self.popup.visualItemRect(last).bottom() if last is not None else -1
        if 0 < bottom < height:  # fit the list to its rows once they are laid out
            self.popup.resize(width, bottom + 2 * self.popup.frameWidth() + 2)

    # -- keys and clicks ---------------------------------------------------------------------
    def keyPressEvent(self, e) -> None:  # noqa: N802 (Qt override)
        key = e.key()
        if key == Qt.Key.Key_Escape:
            if self.popup.isVisible():
                self.popup.hide()
            else:
                self.clearFocus()
            return
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.popup.isVisible():
            self.popup.step(1 if key == Qt.Key.Key_Down else -1)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self._timer.isActive() or (self.text().strip() and not self.popup.isVisible()):
                # Enter before the debounce ran, or after Esc: search now, activate the first result when shown
                self._timer.stop()
                self._search()
                self._enter_pending = True
                return
            self._activate(self.popup.current_result())
            return
        super().keyPressEvent(e)

    def focusOutEvent(self, e) -> None:  # noqa: N802 (Qt override)
        super().focusOutEvent(e)
        if e.reason() != Qt.FocusReason.PopupFocusReason:
            QTimer.singleShot(150, self._hide_unless_focused)  # a click in the list lands first

    def _hide_unless_focused(self) -> None:
        if not self.hasFocus():
            self.popup.hide()

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        self._activate(item.data(0, Qt.ItemDataRole.UserRole))

    def _activate(self, result: LocatorResult | None) -> None:
        if result is None:
            return
        self.popup.hide()
        self.result_activated.emit(result)

    def focus_and_select(self) -> None:
        """Ctrl+K: put the cursor in the box with its text selected (and show the last results)."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()
        if self.text().strip() and self.groups:
            self._place_popup()


# -- the window side ---------------------------------------------------------------------------
def zoom_box(result: LocatorResult, map_crs: str) -> tuple[float, float, float, float] | None:
    """The extent (map CRS) to show ``result``: its box with a margin, or a street-scale view around its point."""
    from gisdesk.render.view import transformer

    box = result.bbox or ((*result.point, *result.point) if result.point else None)
    if box is None:
        return None
    tf = transformer(result.crs, map_crs)
    if tf is not None:
        xs, ys = tf.transform([box[0], box[2], box[0], box[2]], [box[1], box[1], box[3], box[3]])
        box = (min(xs), min(ys), max(xs), max(ys))
    w, h = box[2] - box[0], box[3] - box[1]
    geographic = _geographic(map_crs)
    half = POINT_HALF_WIDTH_M / 111_320.0 if geographic else POINT_HALF_WIDTH_M
    if max(w, h) < 2 * half:
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return (cx - half, cy - half, cx + half, cy + half)
    pad = max(w, h) * 0.1
    return (box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)


def _geographic(crs: str) -> bool:
    from gisdesk.core.locator import _is_geographic

    return _is_geographic(crs)


def show_result(window: Any, result: LocatorResult) -> None:
    """Zoom the window's map to ``result`` and highlight it (its features, or a mark at its point)."""
    import numpy as np
    import shapely

    from gisdesk.core.layers import VectorLayer
    from gisdesk.render.view import transformer
    from gisdesk.store.geoblob import from_shapely
    from gisdesk.ui import map_ops

    box = zoom_box(result, window.model.crs)
    if box is None:
        window.messages.show_message(tr("{title} has no place on the map.").format(title=result.title), "info")
        return
    from gisdesk.ui.canvas import ZOOM_TO_SCALE

    window.canvas.set_extent(box, min_scale=ZOOM_TO_SCALE)
    geoms = None
    target = result.target
    if target is not None and target.table and target.fids:
        layer = next((lyr for lyr in window.model.layers if isinstance(lyr, VectorLayer)
                      and lyr.name == target.table), None)
        if layer is not None:
            geoms = map_ops.feature_geometries(window.model, window.renderer, layer, np.asarray(target.fids))
    if (geoms is None or geoms.path_count == 0) and result.point is not None:
        tf = transformer(result.crs, window.model.crs)
        x, y = tf.transform(*result.point) if tf is not None else result.point
        geoms = from_shapely(np.array([shapely.Point(x, y)], dtype=object))
    window.canvas.set_overlay(OVERLAY, geoms)


def install_locator(window: Any) -> LocatorBar:
    """Put the locator bar at the start of the window's main toolbar, with Ctrl+K, and wire it to the map."""
    bar = LocatorBar(window, window.workspace, window.model.crs, user=lambda: window.user,
                     providers=lambda: _plugin_providers(window))
    toolbar = window.findChild(QToolBar, "mapToolbar")
    if toolbar is None:
        toolbar = window.addToolBar(tr("Search"))
        toolbar.setObjectName("locatorToolbar")
    first = toolbar.actions()[0] if toolbar.actions() else None
    if first is None:
        toolbar.addWidget(bar)
    else:  # first, so a toolbar too long for the screen folds its last buttons away, never the box
        toolbar.insertWidget(first, bar)
        toolbar.insertSeparator(first)
    focus = QAction(tr("Search (locator)"), window)
    focus.setObjectName("gisdesk.view.locator")
    focus.setShortcut(QKeySequence("Ctrl+K"))
    focus.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    focus.triggered.connect(bar.focus_and_select)
    window.addAction(focus)
    bar.result_activated.connect(lambda result: show_result(window, result))
    window.installEventFilter(_Resize(bar, window))
    return bar


def _plugin_providers(window: Any) -> list:
    manager = getattr(getattr(window, "plugin_host", None), "manager", None) or getattr(window, "plugins", None)
    registry = getattr(manager, "registry", None)
    return list(getattr(registry, "locator_providers", []) or [])


class _Resize(QObject):
    """Hide the list when the window moves or resizes (it is placed under the box); stop the worker on close."""

    def __init__(self, bar: LocatorBar, parent: QObject) -> None:
        super().__init__(parent)
        self._bar = bar

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Move) and self._bar.popup.isVisible():
            self._bar.popup.hide()
        elif event.type() == QEvent.Type.Close:
            self._bar._searcher.shutdown()
        return False
