"""The window's commands as data: dotted id, menu, text, shortcut, whether it is a map tool.

One adapter (:func:`build_actions`) turns them into QActions in menus and the
toolbar, so commands, shortcuts and menu places are declared once; plugins will
add theirs the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence


@dataclass(frozen=True)
class Command:
    id: str
    menu: str
    text: str
    shortcut: str = ""
    tool: bool = False  # a map tool: checkable, one active at a time
    toolbar: bool = False
    tip: str = ""


def _t(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


COMMANDS: tuple[Command, ...] = (
    Command("gisdesk.file.open", "File", "&Open workspace…", "Ctrl+O"),
    Command("gisdesk.file.add_vector", "File", "Add &vector layer…", "Ctrl+Shift+V"),
    Command("gisdesk.file.add_raster", "File", "Add &raster layer…", "Ctrl+Shift+R"),
    Command("gisdesk.file.save_state", "File", "&Save layers and styles", "Ctrl+S"),
    Command("gisdesk.file.export", "File", "&Export map to PNG or PDF…", "Ctrl+P", toolbar=True),
    Command("gisdesk.file.quit", "File", "&Quit", "Ctrl+Q"),
    Command("gisdesk.tool.pan", "View", "&Pan", "P", tool=True, toolbar=True, tip="Drag to move the map"),
    Command("gisdesk.tool.zoom_box", "View", "&Zoom to box", "Z", tool=True, toolbar=True,
            tip="Drag a box to zoom into it"),
    Command("gisdesk.view.zoom_in", "View", "Zoom &in", "Ctrl++", toolbar=True),
    Command("gisdesk.view.zoom_out", "View", "Zoom &out", "Ctrl+-", toolbar=True),
    Command("gisdesk.view.zoom_full", "View", "Zoom to &full extent", "Ctrl+Shift+F", toolbar=True),
    Command("gisdesk.view.zoom_layer", "View", "Zoom to &layer", "Ctrl+Shift+L"),
    Command("gisdesk.view.zoom_selection", "View", "Zoom to &selection", "Ctrl+J"),
    Command("gisdesk.view.previous", "View", "P&revious extent", "Alt+Left", toolbar=True),
    Command("gisdesk.view.next", "View", "&Next extent", "Alt+Right", toolbar=True),
    Command("gisdesk.tool.identify", "Features", "&Identify features", "I", tool=True, toolbar=True,
            tip="Click a feature to see its attributes"),
    Command("gisdesk.tool.select", "Features", "&Select features", "S", tool=True, toolbar=True,
            tip="Click or drag; Shift adds, Ctrl removes"),
    Command("gisdesk.features.clear_selection", "Features", "&Deselect all", "Ctrl+Alt+A"),
    Command("gisdesk.features.attribute_table", "Features", "Open &attribute table", "F6", toolbar=True),
    Command("gisdesk.tool.measure_distance", "Features", "Measure &distance", "M", tool=True, toolbar=True),
    Command("gisdesk.tool.measure_area", "Features", "Measure &area", "Shift+M", tool=True, toolbar=True),
)

MENUS = ("File", "View", "Features")


def build_actions(window, commands: tuple[Command, ...] = COMMANDS) -> dict[str, QAction]:
    """QActions for ``commands`` in the window's menus and toolbar; returns them by id."""
    actions: dict[str, QAction] = {}
    menus = {name: window.menuBar().addMenu(_t(f"&{name}")) for name in MENUS}
    for menu in menus.values():  # a disabled entry says why in its tooltip
        menu.setToolTipsVisible(True)
    toolbar = window.addToolBar(_t("Map"))
    toolbar.setObjectName("mapToolbar")
    tools = QActionGroup(window)
    tools.setExclusive(True)
    previous: Command | None = None
    for cmd in commands:
        act = QAction(_t(cmd.text), window)
        act.setObjectName(cmd.id)
        if cmd.shortcut:
            act.setShortcut(QKeySequence(cmd.shortcut))
        tip = _t(cmd.tip) if cmd.tip else _t(cmd.text).replace("&", "").rstrip("…")
        act.setToolTip(f"{tip} ({cmd.shortcut})" if cmd.shortcut else tip)
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
