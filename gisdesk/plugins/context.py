"""The one object a plugin gets: :class:`PluginContext` (Qt-free).

The plugin manager makes one context for each plugin it activates and passes it to
the plugin's ``activate(ctx)``, panel factories, command callbacks, map-tool
factories and readers. Everything a plugin registers through it (panels, commands,
map tools, readers, event subscriptions, map graphics) returns an undo that the
context also keeps: unloading or failing the plugin runs them all, newest first
(:meth:`PluginContext._run_undos`). Every call back into plugin code goes through
the manager's guard with its phase.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path
from typing import Any, Callable

from gisdesk.core.events import Event
from gisdesk.core.layers import layer_source
from gisdesk.core.map_model import MapModel
from gisdesk.plugins.canvas import Canvas, CanvasBackend
from gisdesk.plugins.incidents import Incidents
from gisdesk.plugins.facades import LayerRef, Settings, User, Workspace, local_user
from gisdesk.plugins.tasks_facade import Tasks
from gisdesk.store.workspace import workspace_crs

Undo = Callable[[], None]


class AppEvents:
    """Events shared by every plugin of one manager, fired by the parts that own the data.

    ``incident_created(incident)`` fires when any plugin (or an import) creates an incident
    through ``ctx.incidents``; ``incident_changed(uuid)`` when one is changed, deleted, restored
    or linked as a duplicate there; ``task_changed(task)`` is the extension point for tasks.
    ``changed_elsewhere(kinds)`` fires when another workstation changed records on the city
    server (the window's live updates; ``kinds`` a frozenset of ``incidents``, ``tasks``,
    ``questions``, ``notifications``).
    """

    def __init__(self) -> None:
        self.incident_created = Event()
        self.incident_changed = Event()
        self.task_changed = Event()
        self.user_changed = Event()
        self.handoff_requested = Event()  # (incident uuids): a panel asks for one task about them
        self.changed_elsewhere = Event()  # (kinds): another workstation changed records on the server


_APP_EVENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def app_events(manager: Any) -> AppEvents:
    """The :class:`AppEvents` of ``manager`` (made on first use)."""
    try:
        return _APP_EVENTS[manager]
    except KeyError:
        return _APP_EVENTS.setdefault(manager, AppEvents())


class PluginEvents:
    """Subscriptions to what happens in gisdesk. Each ``on_*`` returns an undo that unsubscribes.

    Callbacks run through the guard (phase ``"signal"``): a callback that raises fails
    its plugin, never the app. All subscriptions end when the plugin unloads.
    """

    def __init__(self, ctx: PluginContext, model: MapModel, shared: AppEvents) -> None:
        self._ctx = ctx
        self._model = model
        self._shared = shared

    def _subscribe(self, event: Event, callback: Callable[..., Any], convert: Callable[..., tuple]) -> Undo:
        if not callable(callback):
            raise TypeError(f"an event callback must be callable, not {callback!r}")

        def relay(*args: Any) -> None:
            # The conversion (e.g. looking the layer up) runs inside the guard too: nothing the
            # plugin subscribed may raise into the app's own event.
            self._ctx._guarded("signal", lambda: callback(*convert(*args)))

        return self._ctx._keep(event.connect(relay))

    def on_layer_added(self, callback: Callable[[LayerRef], Any]) -> Undo:
        """Call ``callback(layer)`` with a :class:`LayerRef` when a layer is added to the map."""
        return self._subscribe(self._model.layer_added, callback,
                               lambda layer: (self._ctx.workspace.layer(layer.id),))

    def on_selection_changed(self, callback: Callable[[str], Any]) -> Undo:
        """Call ``callback(layer_id)`` when the selection of a layer changes (read it with
        ``ctx.canvas.selection(layer_id)``)."""
        return self._subscribe(self._model.selection.changed, callback, lambda layer_id: (layer_id,))

    def on_incident_created(self, callback: Callable[[Any], Any]) -> Undo:
        """Call ``callback(incident)`` (an :class:`Incident`) when an incident is reported through
        ``ctx.incidents`` by any plugin, including imports."""
        return self._subscribe(self._shared.incident_created, callback, lambda incident: (incident,))

    def on_incident_changed(self, callback: Callable[[str], Any]) -> Undo:
        """Call ``callback(uuid)`` after an incident was changed, deleted, restored or linked as a
        duplicate through ``ctx.incidents`` by any plugin (re-read it with ``ctx.incidents.get``)."""
        return self._subscribe(self._shared.incident_changed, callback, lambda uuid: (uuid,))

    def on_task_changed(self, callback: Callable[[Any], Any]) -> Undo:
        """Call ``callback(task)`` (a :class:`Task`) after a plugin changed a task through ``ctx.tasks``."""
        return self._subscribe(self._shared.task_changed, callback, lambda task: (task,))

    def on_handoff_requested(self, callback: Callable[[Any], Any]) -> Undo:
        """Call ``callback(incident_uuids)`` (a list of str) when a plugin asks, through
        ``ctx.tasks.hand_off``, for one task about those incidents (the Tasks panel answers)."""
        return self._subscribe(self._shared.handoff_requested, callback, lambda uuids: (list(uuids),))

    def on_changed_elsewhere(self, callback: Callable[[frozenset], Any]) -> Undo:
        """Call ``callback(kinds)`` when another workstation changed records on the city server.

        ``kinds`` is a frozenset of ``"incidents"``, ``"tasks"``, ``"questions"`` and
        ``"notifications"``: re-read what you show of those (through ``ctx.incidents`` and
        ``ctx.tasks``, which give only what the signed-in login may read). The window fires it
        after the server's change notices, at most about once a second; never on a workspace file.
        """
        return self._subscribe(self._shared.changed_elsewhere, callback, lambda kinds: (frozenset(kinds),))

    def on_user_changed(self, callback: Callable[[Any], Any]) -> Undo:
        """Call ``callback(user)`` when someone else signs in (File > Switch user); re-read what they may see."""
        return self._subscribe(self._shared.user_changed, callback, lambda user: (user,))


class PluginContext:
    """Everything a plugin may use, in one object.

    Parameters
    ----------
    record
        The manager's record of the plugin (``name``, ``state``, ``phase``, …).
    manager
        The :class:`~gisdesk.plugins.manager.PluginManager`; its guard runs plugin code.
    host
        The window's host or the headless host: where contributions go.

    Attributes
    ----------
    name : str
        The plugin's name (its manifest ``name``).
    workspace : Workspace
        The workspace's layers, features, read-only queries and tables.
    canvas : Canvas
        The map: extent, temporary graphics, selection, map tool. Headless it records.
    user : User
        The signed-in user (:class:`gisdesk.core.users.User`: ``username``, ``display_name``,
        ``role``, ``commune``, ``department``, ``active``).
    settings : Settings
        A dict of JSON values saved under the plugin's name.
    log : logging.Logger
        ``gisdesk.plugins.<name>``.
    events : PluginEvents
        ``on_layer_added``, ``on_selection_changed``, ``on_incident_created``, ``on_task_changed``.
    incidents : Incidents
        Report, route, change, link and import incidents, as ``user``; each change is recorded.
    tasks : Tasks
        Two-level tasks and questions as ``user`` may see and change them (a facade bound
        to whoever is signed in; never the store or its connection).
    """

    def __init__(self, record: Any, manager: Any, host: Any) -> None:
        self.name: str = record.name
        self._record = record
        self._manager = manager
        self._host = host
        self._undos: list[Undo] = []
        self._closed = False  # undos have run (unloaded or failed): later undos run at once
        services = host.services()
        path = getattr(services, "workspace", None)
        model = getattr(services, "model", None)
        if model is None:
            from gisdesk.store.workspace import map_layers

            model = MapModel(map_layers(path), workspace_crs(layer_source(path))) if path else MapModel()
        # a workspace file, or the city server's address (the stores open either, as the signed-in login)
        self.workspace = Workspace(layer_source(path) if path else None, model)
        self.workspace.reader = lambda: self.user  # its case tables read as the signed-in user may
        backend = getattr(services, "canvas", None) or CanvasBackend(model)
        self.canvas = Canvas(backend, self.name, self._keep, self._forget)
        self._services = services
        self._fallback_user = local_user()
        state_dir = getattr(services, "state_dir", None) or getattr(manager, "state_dir", None)
        self.settings = Settings(Path(state_dir) / "settings" / f"{self.name}.json" if state_dir else None)
        self.log = logging.getLogger(f"gisdesk.plugins.{self.name}")
        self.events = PluginEvents(self, model, app_events(manager))
        shared = app_events(manager)
        self.incidents = Incidents(layer_source(path) if path else None, lambda: self.user.username,
                                   shared.incident_created.emit, changed=shared.incident_changed.emit)
        self._path = layer_source(path) if path else None
        self._tasks = Tasks(self._path, lambda: self.user, shared.task_changed.emit,
                            handoff=shared.handoff_requested)

    @property
    def user(self) -> User:
        """The signed-in user (the host's; headless, the local OS user)."""
        return getattr(self._services, "user", None) or self._fallback_user

    @property
    def tasks(self) -> Tasks:
        """The workspace's two-level tasks as the signed-in user may see and change them.

        A :class:`~gisdesk.plugins.tasks_facade.Tasks` facade, bound to whoever is signed
        in at each call: ``inbox()``, ``task(id)``, ``timeline(id)``, ``allowed_actions(id)``,
        ``transition(id, action, version, **fields)``, ``create(...)``, ``create_from_incident(uuid)``,
        ``overview()``, ``kpis()``, questions, notifications and ``may(action, kind, record)``.
        Role and unit come from the workspace's ``users`` table. Every successful
        ``transition`` fires ``on_task_changed``. Raises ``RuntimeError`` when no workspace is open.
        """
        if self._path is None:
            raise RuntimeError("no workspace is open")
        return self._tasks

    def __repr__(self) -> str:
        return f"<PluginContext {self.name}>"

    # -- messages ------------------------------------------------------------------
    def notify(self, text: str, level: str = "info", details: str = "") -> None:
        """Tell the user ``text`` in the window's message bar (``level`` info, warning or error).

        Headless it goes to the log. ``details`` (a hint, a listing) is shown on demand.
        """
        if level not in ("info", "warning", "error"):
            raise ValueError(f"level is 'info', 'warning' or 'error', not {level!r}")
        self.log.log({"info": logging.INFO, "warning": logging.WARNING}.get(level, logging.ERROR), "%s", text)
        self._host.notify(f"{self.name}: {text}", level, details)

    # -- contributions in code -----------------------------------------------------
    def register_panel(self, id: str, title: str, factory: Callable[[PluginContext], Any],
                       area: str = "right") -> Undo:
        """Add a dock panel; ``factory(ctx)`` makes its widget (a QWidget) when the panel is created.

        Returns the undo that removes the panel. ``area`` is ``left``, ``right`` or ``bottom``.
        The manifest's ``[[contributes.panels]]`` does the same without code.
        """
        if area not in ("left", "right", "bottom"):
            raise ValueError(f"area is 'left', 'right' or 'bottom', not {area!r}")
        spec = self._spec("panel", id=id, title=title, factory=factory, area=area)
        return self._keep(self._host.add_panel(self._record, spec, lambda: self._guarded("panel", factory, self)))

    def register_command(self, id: str, title: str, callback: Callable[[PluginContext], Any],
                         menu: str = "Plugins", shortcut: str = "", icon: str = "") -> Undo:
        """Add a command in the menu path ``menu`` (e.g. ``"Plugins/Flood watch"``); ``callback(ctx)`` runs it."""
        spec = self._spec("command", id=id, title=title, callback=callback, menu=menu, shortcut=shortcut, icon=icon)
        return self._keep(self._host.add_command(self._record, spec,
                                                 lambda: self._guarded("command", callback, self)))

    def register_map_tool(self, id: str, title: str, factory: Callable[[PluginContext], Any],
                          shortcut: str = "", icon: str = "") -> Undo:
        """Add a map tool; ``factory(ctx)`` makes an object with any of ``on_press``, ``on_move``,
        ``on_release``, ``on_double_click``, ``on_key`` (return True when used), ``on_activate``, ``on_deactivate``."""
        spec = self._spec("map_tool", id=id, title=title, factory=factory, shortcut=shortcut, icon=icon)
        return self._keep(self._host.add_map_tool(self._record, spec,
                                                  lambda: self._guarded("map_tool", factory, self)))

    def register_layer_reader(self, id: str, title: str, extensions: list[str],
                              reader: Callable[[PluginContext, str], str]) -> Undo:
        """Add a reader for File > Add layer: ``reader(ctx, path)`` writes the file into the
        workspace and returns the table name it wrote."""
        exts = [e.lower() if e.startswith(".") else f".{e.lower()}" for e in extensions]
        spec = self._spec("reader", id=id, title=title, reader=reader, extensions=tuple(exts))
        return self._keep(self._host.add_reader(self._record, spec,
                                                lambda path: self._guarded("reader", reader, self, path)))

    def register_locator_provider(self, provider: Any) -> Undo:
        """Add results to the locator bar (Ctrl+K) and ``gisdesk locate``.

        ``provider`` has ``name`` (its contribution id, e.g. ``"flood_watch.gauges"``; a name
        without the plugin's prefix gets it), ``kind`` (its group, e.g. ``"gauge"``) and
        ``search(text, limit)`` returning at most ``limit`` :class:`gisdesk.api.LocatorResult`
        rows (fold text with :func:`gisdesk.api.fold` to match without accents). ``search`` may
        run on a worker thread and must not touch widgets; when it raises, the plugin fails
        (phase ``locator``). Returns the undo that removes the provider.
        """
        from types import SimpleNamespace

        from gisdesk.core.locator import check_provider
        from gisdesk.plugins import manifest

        check_provider(provider)
        cid = provider.name if provider.name.startswith(self.name + ".") else f"{self.name}.{provider.name}"
        manifest.check_contribution_id(cid, self.name)
        spec = SimpleNamespace(id=cid, title=provider.name, kind=provider.kind)
        return self._keep(self._host.add_locator_provider(self._record, spec, provider))

    # -- background work -----------------------------------------------------------
    def run_in_background(self, job: Callable[..., Any], *args: Any,
                          on_done: Callable[[Any], Any] | None = None) -> Any:
        """Run ``job(*args)`` on a worker thread; then ``on_done(result)`` on the main thread.

        Only the job runs on the worker. Its end is handed to the main thread (the GUI
        thread in the window; headless, where there is no event loop, it is handled at once):
        there ``on_done`` runs, or, when the job raised, the guard fails the plugin (phase
        ``job``) and removes its contributions, and the app goes on. Returns a
        :class:`concurrent.futures.Future` of the job's result (None when it failed), done
        after that handling. Jobs must not touch widgets; ``on_done`` may.

        Examples
        --------
        >>> ctx.run_in_background(count_overdue, on_done=panel.show_count)  # doctest: +SKIP
        """
        from concurrent.futures import Future, ThreadPoolExecutor

        pool = getattr(self._manager, "_job_pool", None)
        if pool is None:
            pool = self._manager._job_pool = ThreadPoolExecutor(2, thread_name_prefix="gisdesk-plugin-job")
        deliver = getattr(self._host, "call_in_main_thread", None) or (lambda fn: fn())
        outcome: Future = Future()

        def handle(work: Any) -> None:  # on the main thread: failure or on_done, through the guard
            error, result = work.exception(), None
            try:
                if error is not None and self._closed:  # unloaded meanwhile: nothing left to fail
                    self.log.warning("a background job of %s failed after it was unloaded: %r", self.name, error)
                elif error is not None:
                    def reraise() -> None:
                        raise error

                    self._guarded("job", reraise)
                else:
                    result = work.result()
                    if on_done is not None and self._record.state != "failed" and not self._closed:
                        self._guarded("job", on_done, result)
            finally:  # also when the guard re-raises (raise_errors): nobody waits forever
                outcome.set_result(result)

        pool.submit(job, *args).add_done_callback(lambda work: deliver(lambda: handle(work)))
        return outcome

    # -- plumbing (for the manager) ------------------------------------------------
    def _spec(self, kind: str, **fields: Any) -> Any:
        from gisdesk.plugins import manifest

        manifest.check_contribution_id(fields["id"], self.name)
        cls = {"panel": manifest.PanelSpec, "command": manifest.CommandSpec, "map_tool": manifest.MapToolSpec,
               "reader": manifest.ReaderSpec}[kind]
        return cls(**fields)

    def _guarded(self, phase: str, fn: Callable[..., Any], *args: Any) -> Any:
        """Run plugin code through the manager's guard."""
        return self._manager.guard.call(self._record, phase, fn, *args)

    def _keep(self, undo: Undo) -> Undo:
        """Remember ``undo`` for unload and return a once-only version the plugin may call itself.

        After the plugin has been unloaded (or failed while this contribution was being
        added), ``undo`` runs at once: nothing of a stopped plugin stays behind.
        """
        if self._closed:
            undo()
            return lambda: None
        done = False

        def once() -> None:
            nonlocal done
            if not done:
                done = True
                if once in self._undos:
                    self._undos.remove(once)
                undo()

        self._undos.append(once)
        return once

    def _forget(self, undo: Undo) -> None:
        """Stop keeping ``undo`` without running it (what it undid is already gone)."""
        if undo in self._undos:
            self._undos.remove(undo)

    def _run_undos(self) -> list[BaseException]:
        """Run every undo, newest first; keep going past errors and return them (logged)."""
        errors: list[BaseException] = []
        self._closed = True
        while self._undos:
            undo = self._undos.pop()
            try:
                undo()
            except Exception as exc:  # one broken undo must not keep the rest on screen
                self.log.exception("undo failed while unloading %s", self.name)
                errors.append(exc)
        self.workspace.close()
        self.incidents.close()
        self._tasks.close()
        return errors
