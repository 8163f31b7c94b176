"""The incident map tools and the session they share with the panel (Qt-free).

Drawing (:class:`DrawTool`): a click adds a vertex, snapped to features within
:data:`SNAP_PIXELS`; a point finishes at once. A double-click, Enter or a right click
finishes a line or polygon (a click on the first vertex closes a polygon); Backspace
removes the last vertex; Esc cancels. The finished shape goes to the panel's form.

Editing (:class:`EditTool`): a click picks an incident and shows its vertices; drag a
vertex (or a point) to move it, double-click an edge to add a vertex, right-click a
vertex (or hover it and press Delete) to remove it, Esc to stop. Each edit goes to the
panel as one undoable change.
"""

from __future__ import annotations

import weakref
from typing import Any, Callable

from gisdesk.api import KeyEvent, MapEvent, PluginContext

from incidents.shapes import Sketch, insert_vertex, move_vertex, nearest_vertex, remove_vertex, vertices

#: Snapping and picking tolerance, in screen pixels.
SNAP_PIXELS = 10
SKETCH = dict(fill="#ff7f0030", stroke="#ff7f00", stroke_width=2.0, size=7.0)
SNAPPED = dict(fill="#ffffff00", stroke="#e31a1c", stroke_width=2.0, size=12.0)
EDITING = dict(fill="#1f78b430", stroke="#1f78b4", stroke_width=2.0, size=9.0)


class Session:
    """What the panel and the map tools of one plugin context share.

    The tools report to the panel through plain callbacks the panel sets:
    ``on_finished(geometry)``, ``on_picked(uuid)``, ``on_reshaped(uuid, geometry)`` and
    ``on_hint(text)``. ``editing`` is the (uuid, geometry) shown for editing, if any.
    """

    def __init__(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.sketch: Sketch | None = None
        self.editing: tuple[str, Any] | None = None
        self.on_finished: Callable[[Any], Any] = lambda geom: None
        self.on_picked: Callable[[str], Any] = lambda uuid: None
        self.on_reshaped: Callable[[str, Any], Any] = lambda uuid, geom: None
        self.on_hint: Callable[[str], Any] = lambda text: None
        self.snap_enabled = True

    def show_editing(self, uuid: str | None, geom: Any = None) -> None:
        """Show (or with None, hide) an incident's shape and vertices for editing."""
        if uuid is None or geom is None:
            self.editing = None
            self.ctx.canvas.remove_graphics("editing")
            return
        self.editing = (uuid, geom)
        try:
            corners = vertices(geom)
        except ValueError:
            corners = []
        import shapely

        self.ctx.canvas.add_graphics("editing", [geom] + [shapely.Point(c) for c in corners], **EDITING)


_SESSIONS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def session(ctx: PluginContext) -> Session:
    """The session of ``ctx`` (made on first use)."""
    try:
        return _SESSIONS[ctx]
    except KeyError:
        return _SESSIONS.setdefault(ctx, Session(ctx))


def _snapped(ctx: PluginContext, s: Session, e: MapEvent) -> tuple[tuple[float, float], bool]:
    tol = SNAP_PIXELS * e.resolution
    if s.sketch and s.sketch.kind == "polygon" and len(s.sketch.vertices) >= 3:
        x0, y0 = s.sketch.vertices[0]
        if (x0 - e.x) ** 2 + (y0 - e.y) ** 2 <= tol * tol:
            return (x0, y0), True
    if s.snap_enabled and "shift" not in e.modifiers:  # Shift places a vertex freely
        hit = ctx.workspace.snap(e.x, e.y, tol)
        if hit is not None:
            return (hit.x, hit.y), True
    return (e.x, e.y), False


class DrawTool:
    """Draw a new incident of ``kind`` (``point``, ``line`` or ``polygon``)."""

    def __init__(self, ctx: PluginContext, kind: str) -> None:
        self.ctx = ctx
        self.kind = kind
        self.s = session(ctx)

    def on_activate(self) -> None:
        self.s.sketch = Sketch(self.kind)
        self.s.on_hint(self.hint())

    def on_deactivate(self) -> None:
        self._clear()

    def hint(self) -> str:
        if self.kind == "point":
            return "Click where the incident is."
        return ("Click to add corners; double-click, Enter or right-click to finish; "
                "Backspace removes the last corner; Esc cancels. Hold Shift not to snap.")

    def _clear(self) -> None:
        self.ctx.canvas.remove_graphics("sketch")
        self.ctx.canvas.remove_graphics("snap")

    def _show(self, snapped_at: tuple[float, float] | None = None) -> None:
        import shapely

        sk = self.s.sketch
        if sk is not None:
            self.ctx.canvas.add_graphics("sketch", sk.preview(), **SKETCH)
        if snapped_at is not None:
            self.ctx.canvas.add_graphics("snap", [shapely.Point(snapped_at)], **SNAPPED)
        else:
            self.ctx.canvas.remove_graphics("snap")

    def on_press(self, e: MapEvent) -> None:
        create = self.ctx.incidents.may("create")
        if not create:  # the panel's buttons are disabled too; a shortcut still lands here
            self.s.on_hint(f"Not allowed: {create.reason}")
            return
        sk = self.s.sketch
        if sk is None:
            sk = self.s.sketch = Sketch(self.kind)
        if e.button == "right":
            self.finish()
            return
        if e.button != "left":
            return
        xy, snapped = _snapped(self.ctx, self.s, e)
        if sk.kind == "polygon" and len(sk.vertices) >= 3 and xy == sk.vertices[0]:
            self.finish()
            return
        sk.add(xy)
        if sk.kind == "point":
            self.finish()
            return
        self._show(xy if snapped else None)

    def on_move(self, e: MapEvent) -> None:
        sk = self.s.sketch
        if sk is None:
            return
        xy, snapped = _snapped(self.ctx, self.s, e)
        sk.cursor = xy
        self._show(xy if snapped else None)

    def on_double_click(self, e: MapEvent) -> None:
        self.finish()

    def on_key(self, e: KeyEvent) -> bool:
        sk = self.s.sketch
        if e.key == "Escape":
            self.s.sketch = Sketch(self.kind)
            self._clear()
            self.s.on_hint("Drawing cancelled. " + self.hint())
            return True
        if e.key == "Backspace" and sk is not None:
            sk.remove_last()
            self._show()
            return True
        if e.key in ("Return", "Enter"):
            self.finish()
            return True
        return False

    def finish(self) -> None:
        """Hand the shape to the panel's form, if it has enough vertices, and start a new sketch."""
        sk = self.s.sketch
        if sk is None or not sk.can_finish:
            if sk is not None and sk.vertices:
                self.s.on_hint(f"A {self.kind} needs more corners. " + self.hint())
            return
        geom = sk.geometry()
        self.s.sketch = Sketch(self.kind)
        self._clear()
        self.ctx.canvas.add_graphics("new", [geom], **SKETCH)
        self.s.on_finished(geom)


class EditTool:
    """Pick an incident, then move, add and remove its vertices."""

    def __init__(self, ctx: PluginContext) -> None:
        self.ctx = ctx
        self.s = session(ctx)
        self._drag: int | None = None
        self._moved = False
        self._hover: int | None = None
        self._preview: Any = None

    def on_activate(self) -> None:
        self.s.on_hint("Click an incident to edit its shape: drag a corner to move it, double-click an edge to add "
                       "one, right-click a corner (or hover it and press Delete) to remove it; Esc stops.")

    def on_deactivate(self) -> None:
        self._drag = None

    def _tol(self, e: MapEvent) -> float:
        return SNAP_PIXELS * e.resolution

    def on_press(self, e: MapEvent) -> None:
        tol = self._tol(e)
        if self.s.editing is not None:
            uuid, geom = self.s.editing
            try:
                i = nearest_vertex(geom, (e.x, e.y), tol)
            except ValueError as exc:
                self.s.on_hint(str(exc))
                i = None
            if i is not None and e.button == "right":
                try:
                    self.s.on_reshaped(uuid, remove_vertex(geom, i))
                except ValueError as exc:
                    self.s.on_hint(f"Cannot remove that corner: {exc}.")
                return
            if i is not None and e.button == "left":
                self._drag, self._moved = i, False
                return
        if e.button == "left":
            uuid = self.ctx.incidents.at(e.x, e.y, tol)
            if uuid is not None:
                self.s.on_picked(uuid)

    def on_move(self, e: MapEvent) -> None:
        if self.s.editing is None:
            return
        uuid, geom = self.s.editing
        if self._drag is None:
            try:
                self._hover = nearest_vertex(geom, (e.x, e.y), self._tol(e))
            except ValueError:
                self._hover = None
            return
        xy, _ = _snapped(self.ctx, self.s, e)
        self._moved = True
        try:
            self._preview = move_vertex(geom, self._drag, xy)
        except ValueError:
            return
        self.ctx.canvas.add_graphics("editing", [self._preview], **EDITING)

    def on_release(self, e: MapEvent) -> None:
        if self._drag is None or self.s.editing is None:
            return
        uuid, _ = self.s.editing
        self._drag = None
        if self._moved and self._preview is not None:
            geom, self._preview = self._preview, None
            self.s.on_reshaped(uuid, geom)

    def on_double_click(self, e: MapEvent) -> None:
        if self.s.editing is None:
            return
        uuid, geom = self.s.editing
        try:
            new = insert_vertex(geom, (e.x, e.y), self._tol(e))
        except ValueError as exc:
            self.s.on_hint(str(exc))
            return
        if new is not None:
            self.s.on_reshaped(uuid, new)

    def on_key(self, e: KeyEvent) -> bool:
        if e.key == "Escape":
            self.s.show_editing(None)
            self.s.on_hint("Stopped editing.")
            return True
        if e.key == "Delete" and self.s.editing is not None and self._hover is not None:
            uuid, geom = self.s.editing
            try:
                self.s.on_reshaped(uuid, remove_vertex(geom, self._hover))
            except ValueError as exc:
                self.s.on_hint(f"Cannot remove that corner: {exc}.")
            self._hover = None
            return True
        return False


def draw_point(ctx: PluginContext) -> DrawTool:
    return DrawTool(ctx, "point")


def draw_line(ctx: PluginContext) -> DrawTool:
    return DrawTool(ctx, "line")


def draw_polygon(ctx: PluginContext) -> DrawTool:
    return DrawTool(ctx, "polygon")


def edit_shape(ctx: PluginContext) -> EditTool:
    return EditTool(ctx)
