"""What the plugin manager needs from the application: the :class:`Host` protocol.

The window's ``QtHost`` (``gisdesk/ui/plugin_host.py``) turns contributions into docks,
QActions and map tools; :class:`HeadlessHost` records them for the CLI and tests. Every
``add_*`` returns its undo. The callables handed to a host (``create``, ``run``, ``read``)
are already guarded by the manager, so hosts call them without a try.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

Undo = Callable[[], None]


@dataclass
class Services:
    """The application's parts a plugin context is built on.

    Attributes
    ----------
    workspace : Path or None
        The workspace file.
    model : MapModel or None
        The map's layers and selection (``None``: the context builds one from ``workspace``).
    canvas : CanvasBackend or None
        The window's map canvas (a :class:`gisdesk.plugins.canvas.CanvasBackend`);
        ``None`` headless (the context then uses one that only records).
    user : object or None
        The current user (``None``: the context uses the local user).
    """

    workspace: Path | None = None
    model: Any = None
    canvas: Any = None
    user: Any = None


class Host(Protocol):
    """The application side of the plugin contract."""

    def services(self) -> Services:
        """The workspace, map model, canvas facade and user plugins work with."""

    def add_panel(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        """Offer a dock panel; ``create()`` returns its QWidget (or ``None`` when the factory failed)."""

    def add_command(self, record: Any, spec: Any, run: Callable[[], None]) -> Undo:
        """Put a command in its menu place with its shortcut and icon."""

    def add_map_tool(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        """Offer a map tool; ``create()`` returns a :class:`~gisdesk.plugins.guard.GuardedTool` or ``None``."""

    def add_reader(self, record: Any, spec: Any, read: Callable[[str], str]) -> Undo:
        """Offer a layer reader for ``spec.extensions``; ``read(path)`` returns a table name or ``None``."""

    def notify(self, text: str, level: str = "info", details: str = "") -> None:
        """Tell the user, non-modally (``level``: info, warning, error; ``details``: a traceback)."""

    def call_in_main_thread(self, fn: Callable[[], Any]) -> None:
        """Run ``fn()`` on the thread that owns the widgets, soon; callable from any thread.

        A background job's end (its ``on_done``, or the failure that removes the plugin's
        panels and writes the message bar) is handed over here. A host without an event
        loop runs ``fn`` at once, in the calling thread.
        """


@dataclass
class Contribution:
    """One contribution a :class:`HeadlessHost` holds."""

    record: Any
    spec: Any
    call: Callable[..., Any]


@dataclass
class HeadlessHost:
    """A host without a window: records contributions, never creates panels or tools.

    Parameters
    ----------
    workspace : Path, optional
        A workspace file; its layers make the map model when ``model`` is not given.
    model : MapModel, optional
        The map (default: made from ``workspace`` on first use, shared by all plugins).
    user : object, optional

    Attributes
    ----------
    panels, commands, map_tools, readers : dict
        Contribution id -> :class:`Contribution`, in registration order.
    notifications : list of (text, level, details)
    """

    workspace: Path | None = None
    model: Any = None
    user: Any = None
    panels: dict[str, Contribution] = field(default_factory=dict)
    commands: dict[str, Contribution] = field(default_factory=dict)
    map_tools: dict[str, Contribution] = field(default_factory=dict)
    readers: dict[str, Contribution] = field(default_factory=dict)
    notifications: list[tuple[str, str, str]] = field(default_factory=list)

    def services(self) -> Services:
        if self.model is None and self.workspace is not None:
            from gisdesk.core.map_model import MapModel
            from gisdesk.store.workspace import workspace_crs
            from gisdesk.store.workspace import map_layers

            self.model = MapModel(map_layers(Path(self.workspace)), workspace_crs(Path(self.workspace)))
        return Services(Path(self.workspace) if self.workspace else None, self.model, None, self.user)

    def _add(self, table: dict[str, Contribution], record: Any, spec: Any, call: Callable[..., Any]) -> Undo:
        table[spec.id] = entry = Contribution(record, spec, call)

        def undo() -> None:
            if table.get(spec.id) is entry:
                del table[spec.id]

        return undo

    def add_panel(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        return self._add(self.panels, record, spec, create)

    def add_command(self, record: Any, spec: Any, run: Callable[[], None]) -> Undo:
        return self._add(self.commands, record, spec, run)

    def add_map_tool(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        return self._add(self.map_tools, record, spec, create)

    def add_reader(self, record: Any, spec: Any, read: Callable[[str], str]) -> Undo:
        return self._add(self.readers, record, spec, read)

    def notify(self, text: str, level: str = "info", details: str = "") -> None:
        self.notifications.append((text, level, details))  # the manager and ctx.notify log already

    def call_in_main_thread(self, fn: Callable[[], Any]) -> None:
        """No event loop and no widgets: run ``fn`` at once, in the calling thread."""
        fn()

    def run_command(self, command_id: str) -> None:
        """Run a contributed command (guarded: a failing one fails its plugin)."""
        self.commands[command_id].call()

    def contribution_ids(self) -> dict[str, list[str]]:
        """Ids per kind, e.g. ``{"panels": ["demo.panel"], "commands": [], …}``."""
        return {kind: list(getattr(self, kind)) for kind in ("panels", "commands", "map_tools", "readers")}

