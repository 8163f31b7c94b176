"""What the window shows on the city server that it cannot do there yet.

The map, identify, selection and attribute tables read the server (as the login role:
row-level security decides the rows). The plugin panels (incidents, tasks, dashboards)
work through the stores, which run on a workspace file only so far; on the server each
panel is shown as a disabled dock that says why, instead of a panel that would fail.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDockWidget, QLabel

_AREAS = {"left": Qt.DockWidgetArea.LeftDockWidgetArea, "right": Qt.DockWidgetArea.RightDockWidgetArea,
          "bottom": Qt.DockWidgetArea.BottomDockWidgetArea}


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def panel_titles(plugin_dirs: list) -> list[tuple[str, str, str]]:
    """(id, title, area) of every dock panel the plugins found would add (nothing is imported)."""
    from gisdesk.plugins.discovery import default_folders, discover

    out = []
    for cand in discover(default_folders(plugin_dirs), entry_points=True):
        if cand.manifest is None:
            continue
        for panel in cand.manifest.panels:
            out.append((panel.id, panel.title, panel.area))
    return out


def show_server_limits(window, plugin_dirs: list | None) -> list[QDockWidget]:
    """Disable the search box and add one disabled dock per plugin panel (none when ``plugin_dirs`` is None,
    as when plugins are not started), each saying why it is not available on the server."""
    window.locator.setEnabled(False)  # its index lives in a workspace file
    window.locator.setToolTip(tr("Search is not available on the server yet"))
    reason = tr("Not available on the server yet: this panel works through the incident and task stores, "
                "which run on a workspace file only so far. The map, identify and attribute tables show the "
                "server's data as your login may read it (read-only).")
    docks = []
    try:
        panels = panel_titles(list(plugin_dirs)) if plugin_dirs is not None else []
    except Exception:  # discovery never stops the window
        panels = []
    for pid, title, area in panels:
        label = QLabel(reason)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignTop)
        label.setMargin(8)
        label.setEnabled(False)
        dock = QDockWidget(title, window)
        dock.setObjectName(f"unavailable:{pid}")
        dock.setWidget(label)
        dock.setToolTip(reason)
        window.addDockWidget(_AREAS.get(area, Qt.DockWidgetArea.RightDockWidgetArea), dock)
        docks.append(dock)
    if len(docks) > 1:
        for other in docks[1:]:
            if window.dockWidgetArea(other) == window.dockWidgetArea(docks[0]):
                window.tabifyDockWidget(docks[0], other)
    window.messages.show_message(tr("Connected to the server as {login}: the map is read-only here, and the "
                                    "incident, task and dashboard panels are not available on the server yet.")
                                 .format(login=window.account.username), "info")
    return docks
