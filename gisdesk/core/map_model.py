"""The map's layers in drawing order, with events for the views (tree, canvas, plugins)."""

from __future__ import annotations

from collections.abc import Iterator

from gisdesk.core.events import Event
from gisdesk.core.layers import RasterLayer, VectorLayer
from gisdesk.core.selection import Selection

Layer = VectorLayer | RasterLayer

#: Layer-tree groups of the demo city, top of the tree first.
DEFAULT_GROUPS = ("Incidents", "Cameras", "Flood", "Infrastructure", "Communes", "Planning")


class MapModel:
    """Layers bottom-first (index 0 is drawn first) and the selection.

    Events
    ------
    layers_changed()
        Order, visibility, membership or a style changed: re-render.
    layer_added(layer), layer_removed(layer)
    style_changed(layer)
    """

    def __init__(self, layers: list[Layer] | None = None, crs: str = "EPSG:3857") -> None:
        self._layers: list[Layer] = list(layers or [])
        self.crs = crs
        self.selection = Selection()
        self.layers_changed = Event()
        self.layer_added = Event()
        self.layer_removed = Event()
        self.style_changed = Event()

    # -- reading -------------------------------------------------------------------
    @property
    def layers(self) -> list[Layer]:
        """A copy of the layers, bottom first."""
        return list(self._layers)

    def __iter__(self) -> Iterator[Layer]:
        return iter(list(self._layers))

    def __len__(self) -> int:
        return len(self._layers)

    def layer(self, layer_id: str) -> Layer:
        for lyr in self._layers:
            if lyr.id == layer_id:
                return lyr
        raise KeyError(layer_id)

    def visible_layers(self) -> list[Layer]:
        return [lyr for lyr in self._layers if lyr.visible]

    # -- changing ------------------------------------------------------------------
    def add(self, layer: Layer, index: int | None = None) -> None:
        """Add ``layer`` on top (or at ``index``, bottom-first)."""
        self._layers.insert(len(self._layers) if index is None else index, layer)
        self.layer_added.emit(layer)
        self.layers_changed.emit()

    def remove(self, layer_id: str) -> Layer:
        lyr = self.layer(layer_id)
        self._layers.remove(lyr)
        self.selection.clear(layer_id)
        self.layer_removed.emit(lyr)
        self.layers_changed.emit()
        return lyr

    def set_order(self, layer_ids: list[str]) -> None:
        """Reorder to ``layer_ids`` (bottom first); every current layer must be listed once."""
        if sorted(layer_ids) != sorted(lyr.id for lyr in self._layers):
            raise ValueError("set_order needs every layer id exactly once")
        by_id = {lyr.id: lyr for lyr in self._layers}
        new = [by_id[i] for i in layer_ids]
        if new != self._layers:
            self._layers = new
            self.layers_changed.emit()

    def set_visible(self, layer_id: str, visible: bool) -> None:
        lyr = self.layer(layer_id)
        if lyr.visible != visible:
            lyr.visible = visible
            self.layers_changed.emit()

    def set_style(self, layer_id: str, style) -> None:
        lyr = self.layer(layer_id)
        lyr.style = style
        self.style_changed.emit(lyr)
        self.layers_changed.emit()
