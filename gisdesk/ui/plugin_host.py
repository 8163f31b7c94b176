"""The window side of the plugin contract: :class:`QtHost` turns contributions into docks and actions.

Panels become QDockWidgets (objectName = contribution id), commands QActions in
menus by path, map tools checkable actions in a "Plugins" toolbar that share the
window's exclusive tool group, readers entries of File > Add layer with a plugin
reader. Every ``add_*`` returns an undo that really removes what it added. Calls
into plugin code arrive here already guarded by the manager; map-tool events go
through :class:`~gisdesk.plugins.guard.GuardedTool` (phase ``map_tool``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QIcon, QKeyEvent, QKeySequence, QMouseEvent
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMenu, QToolBar, QWidget

from gisdesk.core.i18n import translate_noop
from gisdesk.plugins.canvas import CanvasBackend, Graphics, KeyEvent, MapEvent
from gisdesk.plugins.host import Services
from gisdesk.ui.language import load_plugin_catalogue, plugin_text
from gisdesk.ui.map_tools import MapTool

log = logging.getLogger("gisdesk.plugins")
Undo = Callable[[], None]

_AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
          "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}
_BUTTONS = {Qt.MouseButton.LeftButton: "left", Qt.MouseButton.RightButton: "right",
            Qt.MouseButton.MiddleButton: "middle"}
_MODIFIERS = {Qt.KeyboardModifier.ShiftModifier: "shift", Qt.KeyboardModifier.ControlModifier: "ctrl",
              Qt.KeyboardModifier.AltModifier: "alt", Qt.KeyboardModifier.MetaModifier: "meta"}
PAN_TOOL = "gisdesk.tool.pan"
DOCK_WIDTH, DOCK_HEIGHT = 320, 220  # first size of a plugin dock, in pixels
_CREATED = "gisdeskPluginMenu"  # dynamic property on menus the host created (removed when empty)


def tr(text: str) -> str:
    return QCoreApplication.translate("PluginHost", text)


def menu_title(part: str) -> str:
    """A menu path part as shown: the window's own menus and "Panels" translated, a plugin's own names as written."""
    for candidate in (QCoreApplication.translate("Commands", f"&{part}"), tr(part)):
        if candidate.replace("&", "") != part:
            return candidate
    return part


translate_noop("PluginHost", "Plugins"), translate_noop("PluginHost", "Panels")


def _modifiers(mods) -> frozenset:
    return frozenset(name for flag, name in _MODIFIERS.items() if mods & flag)


#: qtawesome's icon-set prefixes a manifest ``icon`` may name instead of a file.
_ICON_SETS = ("mdi6", "mdi", "fa5s", "fa5", "fa6s", "ph", "msc")


def _discard(obj: QObject) -> None:
    """Take ``obj`` out of the window now (``findChild`` no longer sees it) and delete it soon."""
    if isinstance(obj, QWidget):
        obj.hide()
    obj.setParent(None)
    obj.deleteLater()


class PluginToolAdapter(MapTool):
    """A canvas map tool forwarding mouse and key events to a plugin's tool as :class:`MapEvent`/:class:`KeyEvent`.

    ``tool`` is the :class:`~gisdesk.plugins.guard.GuardedTool` the manager made, so an
    exception in the plugin's ``on_*`` fails the plugin (phase ``map_tool``) and the
    host puts the pan tool back.
    """

    name = "plugin"
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, canvas, tool_id: str, tool: Any) -> None:
        super().__init__(canvas)
        self.tool_id = tool_id
        self.tool = tool
        self.dead = False  # the plugin unloaded or failed: forward nothing more

    def _mouse(self, e: QMouseEvent) -> MapEvent:
        v = self.canvas.view()
        px, py = e.position().x(), e.position().y()
        x, y = v.to_map(px, py)
        return MapEvent(x, y, px, py, _BUTTONS.get(e.button(), ""), _modifiers(e.modifiers()), v.resolution, e)

    def activate(self) -> None:
        super().activate()
        if not self.dead:
            self.tool.on_activate()

    def deactivate(self) -> None:
        if not self.dead:
            self.tool.on_deactivate()

    def press(self, e: QMouseEvent) -> None:
        if not self.dead:
            self.tool.on_press(self._mouse(e))

    def move(self, e: QMouseEvent) -> None:
        if not self.dead:
            self.tool.on_move(self._mouse(e))

    def release(self, e: QMouseEvent) -> None:
        if not self.dead:
            self.tool.on_release(self._mouse(e))

    def double_click(self, e: QMouseEvent) -> None:
        if not self.dead:
            self.tool.on_double_click(self._mouse(e))

    def key(self, e: QKeyEvent) -> bool:
        if self.dead:
            return False
        try:
            name = Qt.Key(e.key()).name.removeprefix("Key_")
        except ValueError:
            name = ""
        return bool(self.tool.on_key(KeyEvent(name, e.text(), _modifiers(e.modifiers()), e)))


class QtCanvasBackend(CanvasBackend):
    """The window's map canvas behind the plugins' :class:`~gisdesk.plugins.canvas.Canvas`."""

    def __init__(self, window, host: QtHost) -> None:
        super().__init__(window.model)
        self._window = window
        self._host = host

    def extent(self) -> tuple[float, float, float, float]:
        return tuple(self._window.canvas.view().bbox)

    def set_extent(self, bbox) -> None:
        self._window.canvas.set_extent(tuple(bbox))

    def show_graphics(self, key: str, graphics: Graphics) -> None:
        import shapely

        from gisdesk.store.geoblob import from_shapely

        super().show_graphics(key, graphics)
        geoms = graphics.geoms[~shapely.is_missing(graphics.geoms)] if len(graphics.geoms) else graphics.geoms
        dims = shapely.get_dimensions(geoms) if len(geoms) else np.empty(0, int)
        for dim in (2, 1, 0):  # one overlay per kind (areas under lines under points): mixed sets are fine
            part = geoms[dims == dim]
            self._window.canvas.set_overlay(f"{key}#{dim}", from_shapely(part) if len(part) else None,
                                            graphics.symbol)

    def hide_graphics(self, key: str) -> None:
        super().hide_graphics(key)
        for dim in (2, 1, 0):
            self._window.canvas.set_overlay(f"{key}#{dim}", None)

    def refresh(self) -> None:
        super().refresh()
        self._window.renderer.clear_caches()
        self._window.canvas.refresh()

    def set_map_tool(self, tool_id: str) -> None:
        self._host.activate_tool(tool_id)

    @property
    def map_tool(self) -> str:
        tool = self._window.canvas.tool
        return tool.tool_id if isinstance(tool, PluginToolAdapter) else f"gisdesk.tool.{tool.name}"


class _MainThreadRelay(QObject):
    """Posts callables from any thread to the GUI thread: a signal queued to a slot of an
    object that lives there (the connection is explicitly queued, whoever emits)."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        app = QCoreApplication.instance()
        if app is not None and self.thread() is not app.thread():
            self.moveToThread(app.thread())
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _run(self, fn: Callable[[], Any]) -> None:
        fn()


class QtHost:
    """The :class:`~gisdesk.plugins.host.Host` of a :class:`~gisdesk.ui.main_window.MainWindow`.

    Attributes
    ----------
    docks, commands, tools : dict
        Contribution id -> QDockWidget / QAction of the active contributions.
    readers : dict
        File extension (``".csv"``) -> (spec, guarded ``read(path)``).
    manager : PluginManager or None
        Set by :func:`start_plugins`; its guard checks what plugins hand back.
    """

    def __init__(self, window) -> None:
        self.window = window
        self.canvas_backend = QtCanvasBackend(window, self)
        self._services: Services | None = None
        self.manager = None
        self.docks: dict[str, QDockWidget] = {}
        self.commands: dict[str, QAction] = {}
        self.tools: dict[str, QAction] = {}
        self.readers: dict[str, tuple[Any, Callable[[str], str]]] = {}
        self._toolbar: QToolBar | None = None
        self._reader_action: QAction | None = None
        self._relay = _MainThreadRelay()

    def services(self) -> Services:
        if self._services is None:  # one object: a new sign-in reaches every context at once
            self._services = Services(self.window.workspace, self.window.model, self.canvas_backend,
                                      getattr(self.window, "user", None))
        return self._services

    def set_user(self, user: Any) -> None:
        """Someone else signed in: every plugin's ``ctx.user`` is now ``user``; ``on_user_changed`` fires."""
        from gisdesk.plugins.context import app_events

        self.services().user = user
        for act in [*self.commands.values(), *self.tools.values()]:
            self._apply_requirement(act)
        if self.manager is not None:
            app_events(self.manager).user_changed.emit(user)

    def notify(self, text: str, level: str = "info", details: str = "") -> None:
        self.window.messages.show_message(text, level, details)

    def call_in_main_thread(self, fn: Callable[[], Any]) -> None:
        """Run ``fn`` on the GUI thread, soon (from any thread: a plugin's background job ends here)."""
        self._relay.call.emit(fn)

    # -- panels --------------------------------------------------------------------
    def add_panel(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        widget = create()
        if widget is None:  # the factory raised: the guard has failed the plugin
            return lambda: None
        if not isinstance(widget, QWidget):
            self._fail(record, "panel", TypeError(
                f"panel factory of {spec.id} returned {type(widget).__name__}, not a QWidget"))
            return lambda: None
        dock = QDockWidget(plugin_text(record, spec.title), self.window)
        dock.setObjectName(spec.id)
        dock.setWidget(widget)
        area = _AREAS.get(spec.area, _AREAS["right"])
        neighbour = next((d for d in self.docks.values() if self.window.dockWidgetArea(d) == area
                          and not d.isFloating()), None)
        self.window.addDockWidget(area, dock)
        if neighbour is not None:  # panels sharing a side are tabs, each with the full height (as in QGIS)
            self.window.tabifyDockWidget(neighbour, dock)
            neighbour.raise_()
        if spec.area == "bottom":  # a usable size, not the widget's bare minimum
            self.window.resizeDocks([dock], [DOCK_HEIGHT], Qt.Orientation.Vertical)
        else:
            self.window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"{spec.id}.toggle")
        self._menu("Plugins/Panels").addAction(toggle)
        self.docks[spec.id] = dock

        def undo() -> None:
            self._remove_from_menus(toggle)
            self.window.removeDockWidget(dock)
            widget.close()
            _discard(dock)
            self.docks.pop(spec.id, None)

        return undo

    # -- commands ------------------------------------------------------------------
    def add_command(self, record: Any, spec: Any, run: Callable[[], None]) -> Undo:
        act = self._action(record, spec)
        act.triggered.connect(lambda checked=False: run())
        self._menu(spec.menu or "Plugins").addAction(act)
        self.commands[spec.id] = act

        def undo() -> None:
            self._remove_from_menus(act)
            _discard(act)
            self.commands.pop(spec.id, None)

        return undo

    # -- map tools -----------------------------------------------------------------
    def add_map_tool(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        act = self._action(record, spec)
        act.setCheckable(True)
        group = self.window.actions[PAN_TOOL].actionGroup()
        if group is not None:
            group.addAction(act)
        act.triggered.connect(lambda checked=False: self._start_tool(spec.id, create))
        self._plugins_toolbar().addAction(act)
        self.tools[spec.id] = act

        def undo() -> None:
            tool = self.window.canvas.tool
            if isinstance(tool, PluginToolAdapter) and tool.tool_id == spec.id:
                tool.dead = True
                self.activate_tool(PAN_TOOL)
            if act.actionGroup() is not None:
                act.actionGroup().removeAction(act)
            if self._toolbar is not None:
                self._toolbar.removeAction(act)
                if not self._toolbar.actions():
                    self.window.removeToolBar(self._toolbar)
                    _discard(self._toolbar)
                    self._toolbar = None
            _discard(act)
            self.tools.pop(spec.id, None)

        return undo

    def _start_tool(self, tool_id: str, create: Callable[[], object]) -> None:
        tool = create()
        if tool is None or tool_id not in self.tools:  # the factory failed
            self.activate_tool(PAN_TOOL)
            return
        self.window.canvas.set_tool(PluginToolAdapter(self.window.canvas, tool_id, tool))

    def activate_tool(self, tool_id: str) -> None:
        """Make a built-in (``gisdesk.tool.*``) or plugin map tool current, as a click on its button does."""
        act = self.tools.get(tool_id) or self.window.actions.get(tool_id)
        if act is None or not act.isCheckable():
            raise KeyError(f"no map tool {tool_id!r}")
        act.trigger()  # checks it (the tool group is exclusive) and switches the canvas tool
        act.setChecked(True)

    def _plugins_toolbar(self) -> QToolBar:
        if self._toolbar is None:
            self._toolbar = self.window.addToolBar(tr("Plugins"))
            self._toolbar.setObjectName("pluginsToolbar")
        return self._toolbar

    # -- readers -------------------------------------------------------------------
    def add_reader(self, record: Any, spec: Any, read: Callable[[str], str]) -> Undo:
        entry = (spec, read)
        for ext in spec.extensions:
            self.readers[ext.lower()] = entry
        if self._reader_action is None:
            from gisdesk.ui.actions import icon

            self._reader_action = QAction(icon("mdi6.file-import-outline"), tr("Add layer with a plugin reader…"),
                                          self.window)
            self._reader_action.setObjectName("gisdesk.file.add_plugin_layer")
            self._reader_action.triggered.connect(self._reader_dialog)
            file_menu = self._menu("File", create=False)
            if file_menu is not None:
                file_menu.insertAction(self.window.actions["gisdesk.file.save_state"], self._reader_action)

        def undo() -> None:
            for ext in [e for e, v in self.readers.items() if v is entry]:
                del self.readers[ext]
            if not self.readers and self._reader_action is not None:
                self._remove_from_menus(self._reader_action)
                _discard(self._reader_action)
                self._reader_action = None

        return undo

    def _reader_dialog(self) -> None:
        patterns = " ".join(f"*{ext}" for ext in sorted(self.readers))
        path, _ = QFileDialog.getOpenFileName(self.window, tr("Add layer"), str(self.window.workspace.parent),
                                              tr("Plugin formats ({patterns});;All files (*)").format(patterns=patterns))
        if path:
            self.read_layer(Path(path))

    def read_layer(self, path: Path) -> str | None:
        """Read ``path`` with the plugin reader of its extension and add the table it wrote to the map."""
        from gisdesk.core.default_styles import default_style
        from gisdesk.core.layers import VectorLayer
        from gisdesk.store.datasource import DataSource
        from gisdesk.store.errors import StoreError

        entry = self.readers.get(Path(path).suffix.lower())
        if entry is None:
            self.notify(tr("No plugin reads {name}.").format(name=Path(path).name), "warning")
            return None
        table = entry[1](str(path))
        if not table:  # the reader failed (the guard said so) or wrote nothing
            return None
        try:
            with DataSource(self.window.workspace) as ds:
                kind = ds.layer(table).kind
        except (StoreError, KeyError) as exc:
            self.notify(tr("{reader} wrote '{table}', which is not a map layer of the workspace.").format(
                reader=entry[0].title, table=table), "warning", str(exc))
            return None
        self.window.model.add(VectorLayer(self.window.workspace, table, default_style(kind), title=Path(path).stem))
        self.notify(tr("{reader} read {name} into the workspace as '{table}'.").format(
            reader=entry[0].title, name=Path(path).name, table=table))
        return table

    # -- helpers -------------------------------------------------------------------
    def _action(self, record: Any, spec: Any) -> QAction:
        title = plugin_text(record, spec.title)
        act = QAction(title, self.window)
        act.setObjectName(spec.id)
        if getattr(spec, "shortcut", ""):
            act.setShortcut(QKeySequence(spec.shortcut))
            act.setToolTip(f"{title} ({spec.shortcut})")
            clash = [a.objectName() or a.text() for a in self.window.findChildren(QAction)
                     if a is not act and a.shortcut() == act.shortcut()]
            if clash:
                self.notify(tr("Shortcut {key} of {id} is also used by {other}.").format(
                    key=spec.shortcut, id=spec.id, other=", ".join(clash)), "warning")
        icon = self._icon(record, getattr(spec, "icon", ""))
        if icon is not None:
            act.setIcon(icon)
        if getattr(spec, "requires", ""):
            act.setProperty("gisdesk_requires", spec.requires)
            act.setProperty("gisdesk_tooltip", act.toolTip() or title)
            self._apply_requirement(act)
        return act

    def _apply_requirement(self, act: QAction) -> None:
        """Enable a command or tool whose manifest ``requires`` an action the signed-in user may take;
        otherwise disable it with the access policy's reason as its tooltip."""
        requires = act.property("gisdesk_requires")
        if not requires:
            return
        from gisdesk.core.access import decide

        user = self.services().user
        action, kind = str(requires).split()
        decision = decide(user, action, kind) if user is not None else None
        allowed = decision is None or decision.allowed
        if not allowed and act.isChecked():
            self.activate_tool(PAN_TOOL)
        act.setEnabled(allowed)
        act.setToolTip(str(act.property("gisdesk_tooltip")) if allowed
                       else tr("Not available: {reason}").format(reason=decision.reason))

    def _icon(self, record: Any, name: str) -> QIcon | None:
        if not name:
            return None
        if "/" not in name and "\\" not in name and name.split(".", 1)[0] in _ICON_SETS:
            from gisdesk.ui.actions import icon

            found = icon(name)  # a name in the window's icon set (qtawesome), e.g. "mdi6.vector-polygon"
            return None if found.isNull() else found
        path = Path(name)
        if not path.is_absolute():
            manifest = getattr(record, "manifest", None)
            root = getattr(manifest, "root", None)
            if root is None:
                return None
            path = Path(root) / path
        if not path.exists():
            log.warning("icon %s of plugin %s not found", path, getattr(record, "name", "?"))
            return None
        return QIcon(str(path))

    def _menu(self, path: str, create: bool = True) -> QMenu | None:
        """The menu at ``path`` ("Plugins/Flood watch"), created (and marked as the host's) where missing."""
        parent = self.window.menuBar()
        menu = None
        for part in [p.strip() for p in path.split("/") if p.strip()]:
            shown = menu_title(part)
            found = next((a.menu() for a in parent.actions() if a.menu() is not None
                          and a.menu().title().replace("&", "") in (part, shown.replace("&", ""))), None)
            if found is None:
                if not create:
                    return None
                found = parent.addMenu(shown)
                found.setProperty(_CREATED, True)
                if isinstance(parent, QMenu):  # a submenu gets an icon like every other menu entry
                    from gisdesk.ui.actions import icon

                    found.setIcon(icon("mdi6.dock-window" if part == "Panels" else "mdi6.puzzle-outline"))
            menu = parent = found
        return menu

    def _remove_from_menus(self, act: QAction) -> None:
        """Take ``act`` out of every menu, then drop the host's menus left empty."""
        for w in list(act.associatedObjects()):
            if isinstance(w, QMenu):
                w.removeAction(act)
                self._prune(w)

    def _prune(self, menu: QMenu) -> None:
        while menu is not None and menu.isEmpty() and menu.property(_CREATED):
            parent = menu.parent()
            owner = menu.menuAction()
            for w in list(owner.associatedObjects()):
                if hasattr(w, "removeAction"):
                    w.removeAction(owner)
            _discard(menu)
            menu = parent if isinstance(parent, QMenu) else None

    def _fail(self, record: Any, phase: str, exc: Exception) -> None:
        """Fail a plugin for something it handed back (not raised), through the same guard."""

        def raise_it() -> None:
            raise exc

        if self.manager is not None:
            self.manager.guard.call(record, phase, raise_it)
        else:
            self.notify(str(exc), "error")


class _ShutdownOnClose(QObject):
    """Unloads the plugins (their ``deactivate`` and undos) when the window closes."""

    def __init__(self, window, manager) -> None:
        super().__init__(window)
        self._manager = manager

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.Close and obj is self.parent():
            self._manager.shutdown()
        return False


def start_plugins(window, plugin_dirs=(), *, state_dir: Path | None = None, folders=None,
                  entry_points: Any = True, raise_errors: bool = False):
    """Find and start plugins in ``window``; returns the :class:`~gisdesk.plugins.manager.PluginManager`.

    Parameters
    ----------
    window : MainWindow
    plugin_dirs : iterable of path
        Extra plugin folders (``--plugins-dir``), after the built-in and user folders.
    state_dir : Path, optional
        Where enable/disable choices, the crash sentinel and plugin settings live
        (default: the user state folder).
    folders, entry_points, raise_errors
        Passed to the manager (tests scan only their own folders and re-raise).

    Adds Plugins > Manage plugins… and unloads the plugins when the window closes.
    """
    from gisdesk.plugins.manager import PluginManager

    host = QtHost(window)
    manager = PluginManager(host, folders=folders, extra_dirs=list(plugin_dirs or ()), entry_points=entry_points,
                            state_dir=state_dir, raise_errors=raise_errors)
    host.manager = manager
    window.plugin_host = host
    make_context = manager.context_factory

    def context_with_catalogue(rec, mgr, registry):  # a plugin's own translations before its code runs
        load_plugin_catalogue(rec.manifest.root if rec.manifest else None, rec.name)
        return make_context(rec, mgr, registry)

    manager.context_factory = context_with_catalogue
    from gisdesk.ui.actions import icon

    manage = QAction(icon("mdi6.puzzle-outline"), tr("&Manage plugins…"), window)
    manage.setObjectName("gisdesk.plugins.manage")
    manage.triggered.connect(lambda checked=False: open_plugin_manager(window, manager))
    menu = host._menu("Plugins")
    menu.addAction(manage)
    menu.addSeparator()
    window.installEventFilter(_ShutdownOnClose(window, manager))
    manager.start()
    return manager


def open_plugin_manager(window, manager) -> None:
    """Show the plugin manager dialog (non-modal, one per window)."""
    from gisdesk.ui.plugin_manager import PluginManagerDialog

    dialog = getattr(window, "_plugin_manager_dialog", None)
    if dialog is None:
        dialog = window._plugin_manager_dialog = PluginManagerDialog(manager, window)
    dialog.show()
    dialog.raise_()
