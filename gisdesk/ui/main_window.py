"""The map workstation window: canvas, layer tree, identify results, attribute tables, status bar."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QProgressBar, QProgressDialog,
                               QPushButton, QVBoxLayout, QWidget)

from gisdesk.core import access
from gisdesk.core.layers import RasterLayer, ServerSource, VectorLayer, layer_source
from gisdesk.core.users import PermissionDenied, User as Account
from gisdesk.core.map_model import MapModel
from gisdesk.render.renderer import RenderCancelled, Renderer, RenderResult
from gisdesk.render.view import transformer
from gisdesk.store.datasource import DataSource
from gisdesk.store.errors import StoreError
from gisdesk.store.layer_state import load_layer_state, save_layer_state
from gisdesk.store.workspace import map_layers, workspace_crs
from gisdesk.ui import map_ops
from gisdesk.ui.actions import build_actions, icon
from gisdesk.ui.basemap_ops import ask_basemap
from gisdesk.ui.canvas import SELECTED, ZOOM_TO_SCALE, MapCanvas
from gisdesk.ui.identify import IdentifyPanel
from gisdesk.ui.map_tools import IdentifyTool, MeasureTool, PanTool, SelectTool, ZoomBoxTool
from gisdesk.ui.message_bar import MessageBar

DOCK_WIDTH, DOCK_HEIGHT = 320, 240  # the first size of the identify and attribute table docks, in pixels
SLOW_RENDER_MS = 500  # show progress and a Cancel button for renders slower than this
_IN_PLACE = (".sqlite", ".db", ".gpkg", ".spatialite")  # drawn from the user's file, read-only


def _epsg_known(srid: int) -> bool:
    """Whether ``srid`` is an EPSG code pyproj knows (a GeoPackage's own CRS, 100000 say, is not)."""
    from pyproj import CRS

    try:
        CRS.from_epsg(srid)
    except Exception:  # pyproj.exceptions.CRSError
        return False
    return True


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    """One workspace on screen. Raises :class:`StoreError` when the workspace cannot be opened.

    With ``plugin_dirs`` (a list, possibly empty) the plugins are started: built-in, user
    folder, then these folders and installed entry points (see ``gisdesk.ui.plugin_host``).
    """

    def __init__(self, workspace: Path, settings: QSettings | None = None, plugin_dirs: list | None = None,
                 user=None) -> None:
        super().__init__()
        self.workspace = layer_source(workspace)  # a file, or a ServerSource: the city server
        self.on_server = isinstance(self.workspace, ServerSource)
        self.user = user  # the signed-in gisdesk.api.User (None: no accounts, the local user)
        self.settings = settings or QSettings("gisdesk", "gisdesk")
        self.setWindowTitle(tr("gisdesk — {name}").format(name=self.workspace.name) + (
            tr(" (city server)") if self.on_server else ""))
        layers, warnings = load_layer_state(self.workspace, map_layers(self.workspace))  # a file or the server
        self.model = MapModel(layers, workspace_crs(self.workspace))
        self.renderer = Renderer()
        self.renderer.set_user(user)  # the map, identify, selection and zoom read what the user may read
        self.canvas = MapCanvas(self.model, self.renderer)
        self.messages = MessageBar()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.messages)
        box.addWidget(self.canvas, 1)
        self.setCentralWidget(central)
        self.current_layer_id: str | None = None
        self.attribute_docks: dict[str, QDockWidget] = {}
        self._build_docks()
        self._build_status_bar()
        self.actions = build_actions(self)
        self._wire_actions()
        from gisdesk.ui.take_offline_dialog import install_offline

        install_offline(self)  # File › Take offline…, File › Sync; a package says so in the title (issue 14)
        self._apply_rights()
        self._wire_canvas()
        from gisdesk.ui.locator import install_locator

        self.locator = install_locator(self)  # the search box, Ctrl+K (issue 15)
        self.model.selection.changed.connect(self._on_selection_changed)
        self._dirty = False  # layer order, visibility or styles changed since the last save
        self.model.layers_changed.connect(self._mark_dirty)
        self.resize(1400, 900)
        self._restore_settings()
        self._show_user()
        for w in warnings:
            self.messages.show_message(w, "warning")
        self.plugins = None  # the PluginManager when plugins are started (issue 4)
        self._plugin_dirs = plugin_dirs
        if self.on_server:  # the panels work as the login role; other workstations' changes come in live
            from gisdesk.ui.server_window import install_server

            install_server(self)
        if plugin_dirs is not None:
            from gisdesk.ui.plugin_host import start_plugins

            self.plugins = start_plugins(self, plugin_dirs)
            self._apply_rights()  # plugin readers add layers too
            state = self.settings.value("window/state")
            if state is not None:  # plugin docks exist now: put them back where the user left them
                self.restoreState(state)
                self.identify_dock.hide()

    # -- building ------------------------------------------------------------------
    def _build_docks(self) -> None:
        from gisdesk.ui.layer_tree import LayerTree

        self.layer_tree = LayerTree(self.model)
        self.layer_tree.zoom_to_layer_requested.connect(self.zoom_to_layer)
        self.layer_tree.attribute_table_requested.connect(self.open_attribute_table)
        self.layer_tree.current_layer_changed.connect(self._set_current_layer)
        self.layer_tree.add_layers_requested.connect(self._add_vector_dialog)
        self.layer_tree.refused.connect(lambda reason: self.messages.show_message(reason, "warning"))
        self.layer_tree.save_requested.connect(self.save_state)
        self.layers_dock = self._dock(tr("Layers"), "layers", self.layer_tree, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.identify_panel = IdentifyPanel()
        self.identify_panel.feature_activated.connect(self._highlight_feature)
        self.identify_dock = self._dock(tr("Identify results"), "identify", self.identify_panel,
                                        Qt.DockWidgetArea.RightDockWidgetArea)
        self.identify_dock.hide()

    def _dock(self, title: str, name: str, widget: QWidget, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_status_bar(self) -> None:
        sb = self.statusBar()
        self.coords = QLabel()
        self.lonlat = QLabel()
        self.scale_label = QLabel()
        self.selection_label = QLabel()
        self.measure_label = QLabel()
        self.render_time = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(140)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.canvas.cancel_render)
        self.user_label = QLabel(objectName="gisdesk.status.user")
        for w in (self.measure_label, self.selection_label):
            sb.addWidget(w)
        sb.addPermanentWidget(self.user_label)
        for w in (self.coords, self.lonlat, self.scale_label, self.render_time, self.progress, self.cancel_button):
            sb.addPermanentWidget(w)
        self.progress.hide()
        self.cancel_button.hide()
        self._slow = QTimer(self, singleShot=True, interval=SLOW_RENDER_MS)
        self._slow.timeout.connect(self._show_progress)
        self._to_lonlat = transformer(self.model.crs, "EPSG:4326")

    def _wire_actions(self) -> None:
        a = self.actions
        c = self.canvas
        tools = {"gisdesk.tool.pan": lambda: PanTool(c), "gisdesk.tool.zoom_box": lambda: ZoomBoxTool(c),
                 "gisdesk.tool.identify": lambda: IdentifyTool(c), "gisdesk.tool.select": lambda: SelectTool(c),
                 "gisdesk.tool.measure_distance": lambda: MeasureTool(c, area=False),
                 "gisdesk.tool.measure_area": lambda: MeasureTool(c, area=True)}
        for cid, make in tools.items():
            a[cid].triggered.connect(lambda checked=False, make=make: c.set_tool(make()))
        a["gisdesk.tool.pan"].setChecked(True)
        a["gisdesk.view.zoom_in"].triggered.connect(lambda: c.zoom(2.0))
        a["gisdesk.view.zoom_out"].triggered.connect(lambda: c.zoom(0.5))
        a["gisdesk.view.zoom_full"].triggered.connect(c.zoom_full)
        a["gisdesk.view.zoom_layer"].triggered.connect(lambda: self.zoom_to_layer(self.current_layer_id))
        a["gisdesk.view.zoom_selection"].triggered.connect(self.zoom_to_selection)
        a["gisdesk.view.previous"].triggered.connect(c.previous_extent)
        a["gisdesk.view.next"].triggered.connect(c.next_extent)
        a["gisdesk.features.clear_selection"].triggered.connect(lambda: self.model.selection.clear())
        a["gisdesk.features.attribute_table"].triggered.connect(lambda: self.open_attribute_table(self.current_layer_id))
        a["gisdesk.file.open"].triggered.connect(self._open_workspace_dialog)
        a["gisdesk.file.connect_server"].triggered.connect(self._connect_server_dialog)
        a["gisdesk.file.add_vector"].triggered.connect(self._add_vector_dialog)
        a["gisdesk.file.add_raster"].triggered.connect(self._add_raster_dialog)
        a["gisdesk.file.add_basemap"].triggered.connect(lambda: ask_basemap(self))
        a["gisdesk.file.save_state"].triggered.connect(self.save_state)
        a["gisdesk.file.export"].triggered.connect(self.export_map)
        a["gisdesk.file.quit"].triggered.connect(self.close)
        self.recent_menu = self.menuBar().actions()[0].menu().addMenu(icon("mdi6.history"), tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        switch = QAction(icon("mdi6.account-switch-outline"), tr("S&witch user…"), self)
        switch.setObjectName("gisdesk.file.switch_user")
        switch.setShortcut("Ctrl+Alt+U")  # Ctrl+Shift+U is taken in QGIS
        switch.setToolTip(tr("Switch user (Ctrl+Alt+U)"))
        switch.triggered.connect(lambda checked=False: self.switch_user())
        self.menuBar().actions()[0].menu().insertAction(self.recent_menu.menuAction(), switch)
        view = self.menuBar().actions()[1].menu()
        view.addSeparator()
        self.panels_menu = view.addMenu(icon("mdi6.dock-window"), tr("&Panels"))
        self.panels_menu.setObjectName("gisdesk.view.panels")
        self.panels_menu.aboutToShow.connect(self._fill_panels_menu)
        from gisdesk.ui.language import add_language_menu

        add_language_menu(self, view)

    def _fill_panels_menu(self) -> None:
        """Every dock of the window (layers, identify, attribute tables, plugin panels), checked when shown."""
        self.panels_menu.clear()  # the entries are the menu's own (a dock's toggleViewAction stays in its place)
        for dock in self.panel_docks():
            act = QAction(dock.windowTitle(), self.panels_menu)  # a check mark, not an icon: shown or not
            act.setObjectName(f"gisdesk.view.panel:{dock.objectName()}")
            act.setCheckable(True)
            act.setChecked(not dock.isHidden())
            act.toggled.connect(lambda on, d=dock: self._show_dock(d, on))
            self.panels_menu.addAction(act)

    @staticmethod
    def _show_dock(dock: QDockWidget, on: bool) -> None:
        dock.setVisible(on)
        if on:
            dock.raise_()

    def panel_docks(self) -> list[QDockWidget]:
        """The window's docks in the order View › Panels lists them."""
        return [d for d in self.findChildren(QDockWidget) if d.parent() is self]

    def _wire_canvas(self) -> None:
        c = self.canvas
        c.cursor_moved.connect(self._show_coords)
        c.rendered.connect(self._on_rendered)
        c.render_started.connect(self._slow.start)
        c.extent_changed.connect(self._on_extent_changed)
        c.identify_requested.connect(self.identify_at)
        c.select_requested.connect(self.select_in)
        c.measured.connect(self.measure_label.setText)

    # -- status --------------------------------------------------------------------
    def _show_coords(self, x: float, y: float) -> None:
        self.coords.setText(f"{self.model.crs}  {x:,.1f}, {y:,.1f}")
        if self._to_lonlat is not None:
            lon, lat = self._to_lonlat.transform(x, y)
            self.lonlat.setText(f"{lon:.5f}° E, {lat:.5f}° N" if lon >= 0 and lat >= 0 else f"lon {lon:.5f}, lat {lat:.5f}")

    def _on_extent_changed(self) -> None:
        self.scale_label.setText(tr("Scale 1:{n:,.0f}").format(n=self.canvas.scale_denominator()))
        self.actions["gisdesk.view.previous"].setEnabled(self.canvas.can_go_back())
        self.actions["gisdesk.view.next"].setEnabled(self.canvas.can_go_forward())

    def _show_progress(self) -> None:
        if self.canvas.rendering:
            self.progress.show()
            self.cancel_button.show()

    def _on_rendered(self, result: object) -> None:
        self._slow.stop()
        self.progress.hide()
        self.cancel_button.hide()
        if isinstance(result, RenderCancelled):
            return
        if isinstance(result, Exception):
            details = "".join(traceback.format_exception(result))
            self.messages.show_message(tr("The map could not be drawn: {error}").format(error=result), "error", details)
            return
        assert isinstance(result, RenderResult)
        self.render_time.setText(tr("Rendered in {ms:.0f} ms").format(ms=result.timings.get("total", 0) * 1000))
        if not self.scale_label.text():
            self._on_extent_changed()
        if result.errors:
            self.messages.show_message(tr("{n} layer(s) could not be drawn").format(n=len(result.errors)), "warning",
                                       "\n".join(result.errors))

    # -- layers --------------------------------------------------------------------
    def _set_current_layer(self, layer_id: str) -> None:
        self.current_layer_id = layer_id or None

    def _vector(self, layer_id: str | None) -> VectorLayer | None:
        if layer_id is None:
            return None
        try:
            lyr = self.model.layer(layer_id)
        except KeyError:
            return None
        return lyr if isinstance(lyr, VectorLayer) else None

    def zoom_to_layer(self, layer_id: str | None) -> None:
        if layer_id is None:
            self.messages.show_message(tr("Pick a layer in the layer tree first."), "info")
            return
        lyr = self.model.layer(layer_id)
        if isinstance(lyr, RasterLayer):
            ext = self.renderer.full_extent([lyr], self.model.crs)
        else:
            ext = map_ops.bounds_of(self.model, self.renderer, lyr)
        if ext:
            self.canvas.set_extent(ext, min_scale=ZOOM_TO_SCALE)

    def zoom_to_selection(self) -> None:
        boxes = []
        for lid in self.model.selection.layers():
            lyr = self._vector(lid)
            if lyr is not None:
                b = map_ops.bounds_of(self.model, self.renderer, lyr, self.model.selection.ids(lid))
                if b:
                    boxes.append(b)
        if not boxes:
            self.messages.show_message(tr("Nothing is selected."), "info")
            return
        self.canvas.set_extent((min(b[0] for b in boxes), min(b[1] for b in boxes),
                                max(b[2] for b in boxes), max(b[3] for b in boxes)), min_scale=ZOOM_TO_SCALE)

    # -- identify and select -------------------------------------------------------
    def identify_at(self, x: float, y: float, tolerance: float) -> None:
        try:
            hits = map_ops.identify(self.model, self.renderer, x, y, tolerance)
        except StoreError as exc:
            self.messages.show_message(exc.message, "error", exc.hint)
            return
        self.identify_panel.show_hits(hits)
        if self.identify_dock.isHidden() and not self.tabifiedDockWidgets(self.identify_dock):
            # a tab beside the panels already on its side (as in QGIS): stacked under them, their minimum
            # heights added up would push a 768 px window off the screen
            area = self.dockWidgetArea(self.identify_dock)
            neighbour = next((d for d in self.panel_docks() if d is not self.identify_dock and not d.isFloating()
                              and d.isVisible() and self.dockWidgetArea(d) == area), None)
            if neighbour is not None:
                self.tabifyDockWidget(neighbour, self.identify_dock)
        self.identify_dock.show()
        self.identify_dock.raise_()
        if self.identify_dock.width() < DOCK_WIDTH:  # names and values side by side
            self.resizeDocks([self.identify_dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        if hits:
            self._highlight_feature(hits[0].layer_id, hits[0].fid)
        else:
            self.canvas.set_overlay("identify", None)

    def _highlight_feature(self, layer_id: str, fid: int) -> None:
        lyr = self._vector(layer_id)
        if lyr is not None:
            self.canvas.set_overlay("identify", map_ops.feature_geometries(self.model, self.renderer, lyr, [fid]))

    def select_in(self, bbox: tuple, mode: str, click: bool) -> None:
        """Select in the current layer, or in every visible vector layer when none is current."""
        current = self._vector(self.current_layer_id)
        targets = [current] if current is not None else [
            lyr for lyr in self.model.visible_layers() if isinstance(lyr, VectorLayer)]
        for lyr in targets:
            ids = map_ops.select_in_box(self.model, self.renderer, lyr, bbox, nearest_only=click)
            self.model.selection.set(lyr.id, ids, mode)

    def _on_selection_changed(self, layer_id: str) -> None:
        lyr = self._vector(layer_id)
        ids = self.model.selection.ids(layer_id)
        geoms = map_ops.feature_geometries(self.model, self.renderer, lyr, ids) if lyr is not None and len(ids) else None
        self.canvas.set_overlay(f"selection:{layer_id}", geoms, SELECTED)
        n = self.model.selection.count()
        self.selection_label.setText(tr("{n:,} feature(s) selected").format(n=n) if n else "")

    # -- attribute tables ----------------------------------------------------------
    def open_attribute_table(self, layer_id: str | None) -> None:
        from gisdesk.ui.attribute_table import AttributeTable

        lyr = self._vector(layer_id)
        if lyr is None:
            self.messages.show_message(tr("Pick a vector layer in the layer tree first."), "info")
            return
        dock = self.attribute_docks.get(lyr.id)
        if dock is None:
            table = AttributeTable(lyr, self.model.selection, user=self.user)
            table.zoom_requested.connect(self._zoom_to_feature)
            dock = self._dock(tr("Attributes — {title}").format(title=lyr.title), f"attributes:{lyr.id}", table,
                              Qt.DockWidgetArea.BottomDockWidgetArea)
            self.attribute_docks[lyr.id] = dock
        dock.show()
        dock.raise_()
        if dock.height() < DOCK_HEIGHT:  # several rows, not a header strip
            self.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)

    def _zoom_to_feature(self, layer_id: str, fid: int) -> None:
        lyr = self._vector(layer_id)
        if lyr is None:
            return
        ext = map_ops.bounds_of(self.model, self.renderer, lyr, [fid])
        if ext:
            pad = max(ext[2] - ext[0], ext[3] - ext[1], 50.0) * 0.5
            self.canvas.set_extent((ext[0] - pad, ext[1] - pad, ext[2] + pad, ext[3] + pad))
            self._highlight_feature(layer_id, fid)

    # -- files ---------------------------------------------------------------------
    def _open_workspace_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Open workspace"), str(self.workspace.parent),
                                              tr("SpatiaLite or GeoPackage (*.sqlite *.db *.gpkg);;All files (*)"))
        if path:
            from gisdesk.ui.app import open_window

            open_window(Path(path), self.settings, self._plugin_dirs)

    def _connect_server_dialog(self) -> None:
        from gisdesk.ui.app import open_window

        open_window("", self.settings, self._plugin_dirs)  # "": the Connect to server dialog asks where

    def switch_user(self, user=None) -> bool:
        """Sign someone else in (asks with the sign-in dialog unless ``user`` is given); True when it changed."""
        if user is None and self.on_server:  # on the server one signs in as another login: a new connection
            self._connect_server_dialog()
            return False
        if user is None:
            from gisdesk.ui.sign_in import sign_in

            user = sign_in(self.workspace, self)
            if user is None:
                return False
        self.user = user
        # What the previous user saw and picked is not the new user's: selection, highlights, identify results.
        self.model.selection.clear()
        for name in self.canvas.overlay_names():
            self.canvas.set_overlay(name, None)
        self.identify_panel.forget()
        self.identify_dock.hide()
        self.renderer.set_user(user)
        for dock in self.attribute_docks.values():
            dock.widget().set_user(user)
        self._apply_rights()
        host = getattr(self, "plugin_host", None)
        if host is not None:
            host.set_user(user)
        self._show_user()
        self.canvas.refresh()
        return True

    def _apply_rights(self) -> None:
        """Enable the commands that change the shared workspace only for who may use them; say why not."""
        from gisdesk.store._access_check import acting_user
        from gisdesk.store.datasource import as_account

        try:  # on the server: the login role's gisdesk_officers row, read when connecting
            self.account = as_account(self.user) if self.on_server else acting_user(self.workspace, self.user)
            if self.account is None:
                self.account = Account("postgres", "postgres", "viewer")
        except StoreError:  # unreadable accounts: act as a viewer
            name = as_account(self.user).username if self.user is not None else "user"
            self.account = Account(name, name, "viewer")
        layers = access.decide(self.account, "import", "layer")
        styles = access.decide(self.account, "restyle", "style")
        if self.on_server:
            layers = styles = access.Decision(False, tr("adding layers and saving styles on the server is not done "
                                                        "yet"))
        for cid, decision in (("gisdesk.file.add_vector", layers), ("gisdesk.file.add_raster", layers),
                              ("gisdesk.file.add_basemap", layers),
                              ("gisdesk.file.add_plugin_layer", layers), ("gisdesk.file.save_state", styles),
                              ("gisdesk.file.take_offline", access.decide(self.account, "create", "package"))):
            act = self.actions.get(cid) or self.findChild(QAction, cid)
            if act is None:  # no plugin reader registered
                continue
            if act.property("gisdeskTip") is None:
                act.setProperty("gisdeskTip", act.toolTip())
            act.setEnabled(decision.allowed)
            act.setToolTip(act.property("gisdeskTip") if decision.allowed else
                           tr("Not available: {reason}").format(reason=decision.reason))
        self.layer_tree.set_rights(layers, styles, self.user)

    def _show_user(self) -> None:
        u = self.user
        if u is None:
            self.user_label.setText("")
            return
        where = u.commune or u.department or ""
        self.user_label.setText(tr("Signed in: {name} ({role}{where})").format(
            name=u.display_name or u.username, role=tr(u.role.replace("_", " ")), where=f", {where}" if where else ""))

    def _fill_recent_menu(self) -> None:
        from gisdesk.ui.app import open_window, recent_workspaces

        self.recent_menu.clear()
        paths = recent_workspaces(self.settings)
        for i, path in enumerate(paths, start=1):
            act = self.recent_menu.addAction(f"&{i} {Path(path).name}  —  {Path(path).parent}")
            act.triggered.connect(lambda checked=False, p=path: open_window(Path(p), self.settings, self._plugin_dirs))
        if not paths:
            self.recent_menu.addAction(tr("(none yet)")).setEnabled(False)

    def _add_vector_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, tr("Add vector layer"), str(self.workspace.parent),
            tr("Vector data (*.geojson *.json *.shp *.gpkg *.sqlite *.kml *.kmz *.gml *.fgb *.dxf);;"
               "Tables with coordinates (*.csv *.xlsx);;All files (*)"))
        if path:
            self.add_vector(Path(path))

    def _add_raster_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Add raster layer"), str(self.workspace.parent),
                                              tr("GeoTIFF (*.tif *.tiff);;All files (*)"))
        if path:
            self.add_raster(Path(path))

    def _refused(self, action: str, kind: str) -> bool:
        """Tell the user why ``action`` is not theirs (message bar); True when refused."""
        decision = access.decide(self.account, action, kind)
        if not decision.allowed:
            self.messages.show_message(tr("Not done: {reason}").format(reason=decision.reason), "warning")
        return not decision.allowed

    def add_vector(self, path: Path) -> None:
        """Add a vector file's layers: SpatiaLite/GeoPackage layers are read in place, other formats imported.

        A file with several layers offers them in a checklist; a file without a CRS asks
        for one (the guess from its coordinates first). Nothing is written into the file.
        """
        from gisdesk.core.default_styles import default_style
        from gisdesk.store.importer import offered_layers
        from gisdesk.ui import import_dialogs

        if self._refused("import", "layer"):
            return
        try:
            if path.suffix.lower() in _IN_PLACE:
                with DataSource(path) as ds:  # read-only connections: the user's file is never written
                    infos = list(ds.layers)
                if len(infos) > 1:
                    names = import_dialogs.choose_layers(self, path.name, [(i.name, i.geometry_type) for i in infos])
                    if not names:
                        return
                    infos = [i for i in infos if i.name in names]
                drawable = [i for i in infos if _epsg_known(i.srid)]
                for info in drawable:
                    self.model.add(VectorLayer(path, info.name, default_style(info.kind), title=info.name))
                copies = [i.name for i in infos if i not in drawable]
                if not copies:
                    return
                # a CRS of the file's own (no EPSG code) cannot be drawn in place: copy those layers into the
                # workspace, reprojected; the file itself is still only read
                layers, chosen = infos, copies
            else:
                layers = offered_layers(path)
                chosen = [n for n, _ in layers]
                if len(layers) > 1:
                    chosen = import_dialogs.choose_layers(self, path.name, layers)
                    if not chosen:
                        return
            self._add_imported(path, chosen, several=len(layers) > 1)
        except PermissionDenied as exc:
            self.messages.show_message(tr("Not done: {reason}").format(reason=exc), "warning")
        except StoreError as exc:
            self.messages.show_message(exc.message, "error", exc.hint)

    def _add_imported(self, path: Path, chosen: list[str], several: bool) -> None:
        """Import the ``chosen`` layers of ``path`` into the workspace and add them to the map."""
        from gisdesk.core.default_styles import default_style

        for layer, table in self._import_layers(path, chosen, several):
            with DataSource(self.workspace) as ds:
                kind = ds.layer(table).kind
            self.model.add(VectorLayer(self.workspace, table, default_style(kind),
                                       title=f"{path.stem} — {layer}" if several else path.stem))
            warn = table.warnings()
            self.messages.show_message(tr("Imported {name} into the workspace as '{table}'.").format(
                name=f"{path.name} [{layer}]" if several else path.name, table=table),
                "warning" if warn else "info", "\n".join(warn))

    def _import_layers(self, path: Path, layers: list[str], several: bool) -> list:
        """Import ``layers`` of ``path`` with a progress dialog; ask for a CRS once when the file has none.

        Returns the (layer, table) pairs imported; a layer that failed is reported in the
        message bar and left out.
        """
        from gisdesk.store.importer import CRSRequired, ImportCancelled, import_layers
        from gisdesk.ui import import_dialogs

        dialog = QProgressDialog(tr("Importing {name}…").format(name=path.name), tr("Cancel"), 0, 100, self)
        dialog.setMinimumDuration(SLOW_RENDER_MS)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)

        def progress(fraction: float) -> bool:
            dialog.setValue(int(fraction * 100))
            QCoreApplication.processEvents()
            return not dialog.wasCanceled()

        crs, done, todo = None, [], list(layers)
        try:
            while todo:
                results = import_layers(self.workspace, path, todo, progress=progress, user=self.user, crs=crs)
                ask = [(n, r) for n, r in results if isinstance(r, CRSRequired)]
                done += [(n, r) for n, r in results if not isinstance(r, CRSRequired)]
                if not ask or crs is not None:
                    done += ask
                    break
                dialog.reset()
                crs = import_dialogs.choose_crs(self, path.name, ask[0][1].bounds, ask[0][1].guesses)
                if crs is None:
                    self.messages.show_message(tr("{name} was not imported: it needs a coordinate reference "
                                                  "system.").format(name=path.name), "info")
                    break
                todo = [n for n, _ in ask]
        except ImportCancelled as exc:
            self.messages.show_message(exc.message, "info")
        finally:
            dialog.close()
        for layer, result in done:
            if isinstance(result, StoreError):
                where = f"{path.name} [{layer}]: " if several else ""
                self.messages.show_message(where + result.message, "error", result.hint)
        return [(n, r) for n, r in done if not isinstance(r, StoreError)]

    def add_raster(self, path: Path) -> None:
        from gisdesk.core.default_styles import flood_depth_style
        from gisdesk.store.importer import register_raster

        if self._refused("import", "layer"):
            return
        try:
            register_raster(self.workspace, path, user=self.user)
            self.model.add(RasterLayer(path, flood_depth_style(), title=path.stem))
        except PermissionDenied as exc:
            self.messages.show_message(tr("Not done: {reason}").format(reason=exc), "warning")
        except StoreError as exc:
            self.messages.show_message(exc.message, "error", exc.hint)

    def _mark_dirty(self) -> None:
        self._dirty = True

    def save_state(self) -> bool:
        """Save order, visibility and styles in the workspace for everyone; report a refusal, a read-only or locked file.

        Only who may restyle the shared styles saves; anyone may restyle their own session.
        """
        if self._refused("restyle", "style"):
            return False
        try:
            save_layer_state(self.workspace, self.model.layers, user=self.user)
        except PermissionDenied as exc:
            self.messages.show_message(tr("Layers and styles were not saved: {error}").format(error=exc), "warning")
            return False
        except StoreError as exc:
            self.messages.show_message(tr("Layers and styles were not saved: {error}").format(error=exc.message),
                                       "error", exc.hint)
            return False
        self._dirty = False
        self.statusBar().showMessage(tr("Layers and styles saved in {name}").format(name=self.workspace.name), 3000)
        return True

    def export_map(self) -> None:
        from gisdesk.ui.export_dialog import ExportDialog

        from gisdesk.core.access import CASE_LAYERS

        kinds = {lyr.id: map_ops.layer_kind(self.renderer, lyr) for lyr in self.model.layers}
        atlas = [lyr.name for lyr in self.model.layers  # reference polygon layers of the workspace
                 if kinds.get(lyr.id) == "polygon" and getattr(lyr, "source", None) == self.workspace
                 and lyr.name not in CASE_LAYERS]
        ExportDialog.run(self, self.renderer, self.model.layers, self.canvas.view(), kinds, self.workspace.stem,
                         workspace=self.workspace, atlas_layers=atlas)

    # -- settings ------------------------------------------------------------------
    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        self.identify_dock.hide()

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        if self._dirty and not self.on_server and access.decide(self.account, "restyle", "style"):  # a viewer's restyling stays theirs
            self.save_state()
        for dock in self.attribute_docks.values():
            dock.widget().close()
        self.canvas.shutdown()
        self.renderer.close()
        super().closeEvent(event)
