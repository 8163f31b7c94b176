"""The map canvas as plugins see it (Qt-free): :class:`Canvas` over a host's :class:`CanvasBackend`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from gisdesk.core.layers import VectorLayer
from gisdesk.core.map_model import MapModel

Undo = Callable[[], None]
Bbox = tuple[float, float, float, float]

@dataclass
class Graphics:
    """Temporary geometries shown above the map (map CRS), with their look."""

    geoms: np.ndarray
    symbol: Any


class CanvasBackend:
    """The canvas side a host provides; this base is the headless one.

    It records the extent, the graphics and the map tool instead of drawing. The
    window's host subclasses it (``gisdesk.ui.plugin_host.QtCanvasBackend``).
    """

    def __init__(self, model: MapModel, extent: Bbox | None = None) -> None:
        self.model = model
        self._extent = tuple(extent) if extent is not None else None
        self.graphics: dict[str, Graphics] = {}
        self._map_tool = "gisdesk.tool.pan"
        self.refreshes = 0  # how often a plugin asked for a redraw (headless: nothing to draw)

    def refresh(self) -> None:
        self.refreshes += 1

    @property
    def crs(self) -> str:
        return self.model.crs

    def extent(self) -> Bbox:
        if self._extent is None:
            self._extent = _full_extent(self.model) or (0.0, 0.0, 1.0, 1.0)
        return self._extent

    def set_extent(self, bbox: Bbox) -> None:
        self._extent = tuple(float(v) for v in bbox)

    def show_graphics(self, key: str, graphics: Graphics) -> None:
        self.graphics[key] = graphics

    def hide_graphics(self, key: str) -> None:
        self.graphics.pop(key, None)

    def set_map_tool(self, tool_id: str) -> None:
        self._map_tool = tool_id

    @property
    def map_tool(self) -> str:
        return self._map_tool


def _full_extent(model: MapModel) -> Bbox | None:
    from gisdesk.store.datasource import DataSource

    boxes = []
    for lyr in model.layers:
        if isinstance(lyr, VectorLayer):
            with DataSource(lyr.source, read_only=True) as ds:
                info = ds.layer(lyr.name)
                ext = ds.extent(info)
            if ext:
                boxes.append(_to_map_crs(ext, info.srid, model.crs))
    if not boxes:
        return None
    b = np.array(boxes)
    return (float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max()))


def _to_map_crs(bbox: Bbox, srid: int, map_crs: str) -> Bbox:
    if not srid or map_crs.upper() == f"EPSG:{srid}":
        return tuple(bbox)
    from pyproj import Transformer

    return tuple(Transformer.from_crs(f"EPSG:{srid}", map_crs, always_xy=True).transform_bounds(*bbox))


class Canvas:
    """The map canvas as a plugin sees it: extent, temporary graphics, selection, map tool.

    In the window it drives the real canvas; headless (CLI, tests) it records what
    the plugin asked for, so the same plugin code runs in both.

    Graphics are namespaced by plugin: two plugins can both use the name
    ``"hits"``. Graphics a plugin leaves on the map are removed when it unloads.
    """

    def __init__(self, backend: CanvasBackend, namespace: str, keep: Callable[[Undo], Undo],
                 drop: Callable[[Undo], None] | None = None) -> None:
        self._backend = backend
        self._namespace = namespace
        self._keep = keep
        self._drop = drop or (lambda undo: None)
        self._shown: dict[str, Undo] = {}  # name -> the undo of the graphics shown under it

    @property
    def crs(self) -> str:
        """The map CRS, e.g. ``"EPSG:32648"``; extents and graphics are in it."""
        return self._backend.crs

    def extent(self) -> Bbox:
        """The visible extent (minx, miny, maxx, maxy) in the map CRS."""
        return tuple(self._backend.extent())

    def set_extent(self, bbox: Bbox) -> None:
        """Show ``bbox`` (map CRS); the canvas keeps square pixels, so it may show a little more."""
        if len(bbox) != 4 or not all(np.isfinite(bbox)):
            raise ValueError(f"an extent is (minx, miny, maxx, maxy) of finite numbers, not {bbox!r}")
        self._backend.set_extent(tuple(float(v) for v in bbox))

    def add_graphics(self, name: str, geoms: Any, fill: str = "#ff000030", stroke: str = "#ff0000",
                     stroke_width: float = 2.0, size: float = 10.0) -> Undo:
        """Show shapely geometries (map CRS) above the map; returns the undo that removes them.

        Adding graphics under a name already shown replaces them (cheap enough to call on
        every mouse move, e.g. for a rubber band); an empty sequence removes them.

        Parameters
        ----------
        name : str
            The plugin's name for this set of graphics.
        geoms : shapely geometry or sequence of them
        fill, stroke : str
            Colours as ``#rrggbb`` or ``#rrggbbaa``.
        stroke_width, size : float
            Outline width and marker size (points), in pixels.

        Examples
        --------
        >>> import shapely
        >>> undo = ctx.canvas.add_graphics("gauge", [shapely.Point(x, y).buffer(50)])  # doctest: +SKIP
        >>> undo()  # doctest: +SKIP
        """
        from gisdesk.core.style import Symbol

        arr = np.asarray(geoms if isinstance(geoms, (list, tuple, np.ndarray)) else [geoms], dtype=object)
        key = f"plugin:{self._namespace}:{name}"
        graphics = Graphics(arr, Symbol(fill=fill, stroke=stroke, stroke_width=stroke_width, size=size))
        self._backend.show_graphics(key, graphics)

        def undo() -> None:
            if self._backend.graphics.get(key) is graphics:
                self._backend.hide_graphics(key)
            if self._shown.get(name) is kept:
                del self._shown[name]

        old = self._shown.pop(name, None)
        if old is not None:
            self._drop(old)  # replaced: its undo has nothing left to remove
        kept = self._keep(undo)
        self._shown[name] = kept
        return kept

    def remove_graphics(self, name: str) -> None:
        """Remove this plugin's graphics shown under ``name`` (nothing happens if there are none)."""
        undo = self._shown.get(name)
        if undo is not None:
            undo()

    def graphics(self) -> list[str]:
        """Names of this plugin's graphics on the map."""
        prefix = f"plugin:{self._namespace}:"
        return [k[len(prefix):] for k in self._backend.graphics if k.startswith(prefix)]

    def selection(self, layer_id: str) -> np.ndarray:
        """Sorted ids of the selected features of ``layer_id``."""
        return self._backend.model.selection.ids(layer_id)

    def select(self, layer_id: str, ids: Any, mode: str = "replace") -> None:
        """Change the selection of ``layer_id``: ``replace``, ``add``, ``remove`` or ``toggle`` ``ids``."""
        self._backend.model.layer(layer_id)  # KeyError for an unknown layer
        self._backend.model.selection.set(layer_id, ids, mode)

    def refresh(self) -> None:
        """Redraw the map from the workspace: call it after changing data (e.g. a new incident)."""
        self._backend.refresh()

    def set_map_tool(self, tool_id: str) -> None:
        """Make a map tool current: a built-in (``"gisdesk.tool.pan"``, ``"gisdesk.tool.identify"``, …)
        or a plugin's map tool id."""
        self._backend.set_map_tool(tool_id)

    @property
    def map_tool(self) -> str:
        """The id of the current map tool."""
        return self._backend.map_tool


@dataclass(frozen=True)
class MapEvent:
    """A mouse event on the map, as a plugin's map tool receives it.

    Attributes
    ----------
    x, y : float
        Position in the map CRS.
    pixel_x, pixel_y : float
        Position in canvas pixels (0, 0 at the top left).
    button : str
        ``"left"``, ``"right"``, ``"middle"`` or ``""`` (a move with no button pressed).
    modifiers : frozenset of str
        Among ``"shift"``, ``"ctrl"``, ``"alt"``, ``"meta"``.
    resolution : float
        Map units per pixel now (for tolerances: ``4 * event.resolution``).
    qt_event : object
        The Qt event itself, for tools that need more (None headless).
    """

    x: float
    y: float
    pixel_x: float = 0.0
    pixel_y: float = 0.0
    button: str = ""
    modifiers: frozenset = frozenset()
    resolution: float = 1.0
    qt_event: Any = None


@dataclass(frozen=True)
class KeyEvent:
    """A key pressed while a plugin's map tool is active.

    Attributes
    ----------
    key : str
        The key's name as Qt spells it without ``Key_``: ``"Escape"``, ``"Backspace"``, ``"A"``, ``"F2"``.
    text : str
        The text it types (``""`` for Escape, arrows, …).
    modifiers : frozenset of str
    qt_event : object
    """

    key: str
    text: str = ""
    modifiers: frozenset = frozenset()
    qt_event: Any = None
