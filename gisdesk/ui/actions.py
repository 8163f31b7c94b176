"""The window's commands as data: dotted id, menu, text, shortcut, icon, whether it is a map tool.

One adapter (:func:`build_actions`) turns them into QActions in menus and the
toolbar, so commands, shortcuts, icons and menu places are declared once; plugins
add theirs the same way. Icons are names in the Material Design Icons set shipped
by ``qtawesome`` (its fonts are in the wheel: nothing is downloaded at run time).
Toolbar buttons show only the icon; the text and shortcut are in the tooltip.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence


@dataclass(frozen=True)
class Command:
    id: str
    menu: str
    text: str
    shortcut: str = ""
    tool: bool = False  # a map tool: checkable, one active at a time
    toolbar: bool = False
    tip: str = ""
    icon: str = ""  # a qtawesome name, e.g. "mdi6.cursor-move"
    more: tuple[str, ...] = ()  # further shortcuts (QGIS's, beside gisdesk's own)


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


def icon(name: str) -> QIcon:
    """The icon ``name`` of the qtawesome set ("mdi6.layers"); an empty icon if it is unknown."""
    if not name:
        return QIcon()
    try:
        import qtawesome

        return qtawesome.icon(name)
    except Exception:  # qtawesome missing or an unknown name: a text button rather than no window
        return QIcon()


COMMANDS: tuple[Command, ...] = (
    Command("gisdesk.file.open", "File", "&Open workspace…", "Ctrl+O", icon="mdi6.folder-open-outline"),
    Command("gisdesk.file.connect_server", "File", "&Connect to server…", icon="mdi6.server-network"),
    Command("gisdesk.file.add_vector", "File", "Add &vector layer…", "Ctrl+Shift+V", icon="mdi6.vector-polygon"),
    Command("gisdesk.file.add_raster", "File", "Add &raster layer…", "Ctrl+Shift+R", icon="mdi6.grid"),
    Command("gisdesk.file.add_basemap", "File", "Add &basemap (MBTiles, PMTiles)…", icon="mdi6.map-outline",
            tip="An offline tile package drawn under the layers"),
    Command("gisdesk.file.save_state", "File", "&Save layers and styles", "Ctrl+S", icon="mdi6.content-save-outline"),
    Command("gisdesk.file.export", "File", "&Export map to PNG or PDF…", "Ctrl+P", toolbar=True,
            icon="mdi6.printer-outline"),
    Command("gisdesk.file.quit", "File", "&Quit", "Ctrl+Q", icon="mdi6.exit-to-app"),
    Command("gisdesk.tool.pan", "View", "&Pan", "P", tool=True, toolbar=True, tip="Drag to move the map",
            icon="mdi6.cursor-move"),
    Command("gisdesk.tool.zoom_box", "View", "&Zoom to box", "Z", tool=True, toolbar=True,
            tip="Drag a box to zoom into it", icon="mdi6.selection-search"),
    Command("gisdesk.view.zoom_in", "View", "Zoom &in", "Ctrl++", toolbar=True, icon="mdi6.magnify-plus-outline"),
    Command("gisdesk.view.zoom_out", "View", "Zoom &out", "Ctrl+-", toolbar=True, icon="mdi6.magnify-minus-outline"),
    Command("gisdesk.view.zoom_full", "View", "Zoom to &full extent", "Ctrl+Shift+F", toolbar=True,
            icon="mdi6.arrow-expand-all"),
    # Ctrl+Shift+L is taken in QGIS ("Add SpatiaLite layer")
    Command("gisdesk.view.zoom_layer", "View", "Zoom to &layer", "Ctrl+Alt+Z", icon="mdi6.layers-search-outline"),
    Command("gisdesk.view.zoom_selection", "View", "Zoom to &selection", "Ctrl+J", icon="mdi6.selection-marker"),
    Command("gisdesk.view.previous", "View", "P&revious extent", "Alt+Left", toolbar=True, icon="mdi6.arrow-left"),
    Command("gisdesk.view.next", "View", "&Next extent", "Alt+Right", toolbar=True, icon="mdi6.arrow-right"),
    Command("gisdesk.tool.identify", "Features", "&Identify features", "I", tool=True, toolbar=True,
            tip="Click a feature to see its attributes", icon="mdi6.information-outline", more=("Ctrl+Shift+I",)),
    Command("gisdesk.tool.select", "Features", "&Select features", "S", tool=True, toolbar=True,
            tip="Click or drag; Shift adds, Ctrl removes", icon="mdi6.cursor-default-click-outline"),
    Command("gisdesk.features.clear_selection", "Features", "&Deselect all", "Ctrl+Alt+A",
            icon="mdi6.selection-remove"),
    Command("gisdesk.features.attribute_table", "Features", "Open &attribute table", "F6", toolbar=True,
            icon="mdi6.table"),
    Command("gisdesk.tool.measure_distance", "Features", "Measure &distance", "M", tool=True, toolbar=True,
            icon="mdi6.ruler", more=("Ctrl+Shift+M",)),
    Command("gisdesk.tool.measure_area", "Features", "Measure &area", "Shift+M", tool=True, toolbar=True,
            icon="mdi6.ruler-square"),
)

MENUS = ("File", "View", "Features")


def build_actions(window, commands: tuple[Command, ...] = COMMANDS) -> dict[str, QAction]:
    """QActions for ``commands`` in the window's menus and toolbar; returns them by id."""
    actions: dict[str, QAction] = {}
    menus = {name: window.menuBar().addMenu(_t(f"&{name}")) for name in MENUS}
    for menu in menus.values():  # a disabled entry says why in its tooltip
        menu.setToolTipsVisible(True)
    window.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)  # the text is in the tooltip
    toolbar = window.addToolBar(_t("Map"))
    toolbar.setObjectName("mapToolbar")
    toolbar.setIconSize(QSize(20, 20))
    tools = QActionGroup(window)
    tools.setExclusive(True)
    previous: Command | None = None
    for cmd in commands:
        act = QAction(_t(cmd.text), window)
        act.setObjectName(cmd.id)
        act.setIcon(icon(cmd.icon))
        keys = [k for k in (cmd.shortcut, *cmd.more) if k]
        if keys:
            act.setShortcuts([QKeySequence(k) for k in keys])
        tip = _t(cmd.tip) if cmd.tip else _t(cmd.text).replace("&", "").rstrip("…")
        shown = ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in keys)
        act.setToolTip(f"{tip} ({shown})" if keys else tip)
        act.setStatusTip(tip)
        if cmd.tool:
            act.setCheckable(True)
            tools.addAction(act)
        if previous is not None and previous.menu == cmd.menu and previous.tool != cmd.tool:
            menus[cmd.menu].addSeparator()  # tools and commands apart
        menus[cmd.menu].addAction(act)
        if cmd.toolbar:
            toolbar.addAction(act)
        actions[cmd.id] = act
        previous = cmd
    return actions
