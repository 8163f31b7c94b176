"""Add basemap…: reference an offline tile package (MBTiles, PMTiles) and draw it under every layer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from gisdesk.core import access
from gisdesk.core.layers import RasterLayer
from gisdesk.core.users import PermissionDenied
from gisdesk.store.errors import StoreError


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def ask_basemap(window: QWidget) -> None:
    """Ask for a ``.mbtiles``/``.pmtiles`` file and add it (:func:`add_basemap`)."""
    path, _ = QFileDialog.getOpenFileName(window, tr("Add basemap"), str(window.workspace.parent),
                                          tr("Tile packages (*.mbtiles *.pmtiles);;All files (*)"))
    if path:
        add_basemap(window, Path(path))


def add_basemap(window: QWidget, path: Path) -> RasterLayer | None:
    """Reference the tile package at ``path`` from the window's workspace and add it as the bottom layer.

    A user who may not add layers, or a file that is not a tile package, gets a message and
    nothing changes. Returns the new layer, or None.
    """
    from gisdesk.store.tiles import register_basemap

    decision = access.decide(window.account, "import", "layer")
    if not decision.allowed:
        window.messages.show_message(tr("Not done: {reason}").format(reason=decision.reason), "warning")
        return None
    try:
        _name, title = register_basemap(window.workspace, path, user=window.user)
    except PermissionDenied as exc:
        window.messages.show_message(tr("Not done: {reason}").format(reason=exc), "warning")
        return None
    except StoreError as exc:
        window.messages.show_message(exc.message, "error", exc.hint)
        return None
    layer = RasterLayer(path, title=title, group="Basemap")
    window.model.add(layer, index=0)
    return layer


__all__ = ["ask_basemap", "add_basemap"]
