"""The desktop window (first version: map, layer list, status bar).

The full workstation (layer tree with groups and styles, identify, attribute
table, measure, export) is the window issue; this window already renders the
workspace in the background and pans and zooms.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QDockWidget, QLabel, QListWidget, QListWidgetItem, QMainWindow,
                               QMessageBox)

from gisdesk.render.renderer import Renderer, RenderResult
from gisdesk.render.view import crs_string
from gisdesk.store.errors import StoreError
from gisdesk.store.workspace import map_layers
from gisdesk.ui.canvas import MapCanvas


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """Map canvas with a layer list and a status bar for one workspace."""

    def __init__(self, workspace: Path, crs: str | None = None) -> None:
        super().__init__()
        self.workspace = Path(workspace)
        self.setWindowTitle(tr("gisdesk — {name}").format(name=self.workspace.name))
        self.layers = map_layers(self.workspace)
        self.canvas = MapCanvas(self.layers, crs or self._default_crs(), Renderer())
        self.setCentralWidget(self.canvas)
        self._build_layer_list()
        self._build_actions()
        self.coords = QLabel()
        self.render_time = QLabel()
        self.statusBar().addWidget(self.coords, 1)
        self.statusBar().addPermanentWidget(self.render_time)
        self.canvas.cursor_moved.connect(self._show_coords)
        self.canvas.rendered.connect(self._on_rendered)
        self.resize(1400, 900)

    def _default_crs(self) -> str:
        from gisdesk.store.datasource import DataSource

        with DataSource(self.workspace) as ds:
            conn = ds.connection()
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'gisdesk_meta'").fetchone():
                row = conn.execute("SELECT value FROM gisdesk_meta WHERE key = 'map_crs'").fetchone()
                if row:
                    return ds._text(row[0])
            return crs_string(ds.layers[0].srid) if ds.layers else "EPSG:3857"

    def _build_layer_list(self) -> None:
        self.layer_list = QListWidget()
        for lyr in reversed(self.layers):  # top of the list = drawn last
            item = QListWidgetItem(f"{lyr.title}  [{lyr.group}]" if lyr.group else lyr.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if lyr.visible else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, lyr.id)
            self.layer_list.addItem(item)
        self.layer_list.itemChanged.connect(self._toggle_layer)
        dock = QDockWidget(tr("Layers"), self)
        dock.setObjectName("layers")
        dock.setWidget(self.layer_list)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)

    def _build_actions(self) -> None:
        full = QAction(tr("Zoom to full extent"), self)
        full.setShortcut(QKeySequence("Ctrl+Shift+F"))
        full.triggered.connect(self.canvas.zoom_full)
        quit_ = QAction(tr("Quit"), self)
        quit_.setShortcut(QKeySequence.StandardKey.Quit)
        quit_.triggered.connect(self.close)
        view_menu = self.menuBar().addMenu(tr("&View"))
        view_menu.addAction(full)
        file_menu = self.menuBar().addMenu(tr("&File"))
        file_menu.addAction(quit_)

    def _toggle_layer(self, item: QListWidgetItem) -> None:
        lid = item.data(Qt.ItemDataRole.UserRole)
        for lyr in self.layers:
            if lyr.id == lid:
                lyr.visible = item.checkState() == Qt.CheckState.Checked
        self.canvas.refresh()

    def _show_coords(self, x: float, y: float) -> None:
        self.coords.setText(f"{self.canvas.crs}: {x:,.1f}, {y:,.1f}")

    def _on_rendered(self, result: object) -> None:
        if isinstance(result, Exception):
            self.statusBar().showMessage(tr("Render failed: {error}").format(error=result), 10000)
            return
        assert isinstance(result, RenderResult)
        self.render_time.setText(tr("Rendered in {ms:.0f} ms").format(ms=result.timings.get("total", 0) * 1000))
        if result.errors:
            self.statusBar().showMessage("; ".join(result.errors), 10000)

    def closeEvent(self, event) -> None:  # noqa: N802
        self.canvas.renderer.close()
        super().closeEvent(event)


def run_app(workspace: Path) -> int:
    """Open the window on ``workspace`` and run the event loop."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("gisdesk")
    try:
        win = MainWindow(workspace)
    except StoreError as exc:
        QMessageBox.critical(None, tr("Cannot open workspace"), f"{exc.message}\n\n{exc.hint}")
        return 2
    win.show()
    return app.exec()
