"""The plugin manager: discover, validate, activate, contribute, unload, reload.

One :class:`PluginManager` per application (or CLI run). Lifecycle of each plugin::

    discover -> validate (api_version) -> import (activate target) -> activate(ctx)
             -> contribute (manifest panels, commands, map tools, readers) -> active

Any step that fails marks the plugin ``failed`` with its phase, error and traceback,
undoes what it had registered and tells the host; the other plugins go on. Every call
into plugin code goes through :attr:`PluginManager.guard`.

Starting a plugin is fenced: a folder plugin's modules load under its own namespace
(``gisdesk_plugin_<name>``, see ``_namespace.py``); the crash sentinel names the plugin and
step (import, activate, contribute) while it runs, so a plugin that kills or hangs the
process starts disabled next time; ``KeyboardInterrupt`` and ``SystemExit`` raised while
importing or activating fail the plugin; an import or ``activate`` that takes longer than
:attr:`PluginManager.timeout` seconds is interrupted (``_watchdog.py``).

Examples
--------
>>> from gisdesk.plugins.host import HeadlessHost
>>> manager = PluginManager(HeadlessHost(), extra_dirs=["my_plugins"], state_dir=tmp)  # doctest: +SKIP
>>> manager.start()                                                                     # doctest: +SKIP
>>> [(r.name, r.state, r.phase) for r in manager.records]                               # doctest: +SKIP
[('flood_watch', 'active', ''), ('broken', 'failed', 'activate')]
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import gisdesk
from gisdesk.core.events import Event
from gisdesk.plugins import _namespace, discovery
from gisdesk.plugins._registry import ContributionError, ContributionRegistry
from gisdesk.plugins._fence import Fence, PluginInterrupted, resolve
from gisdesk.plugins._state import StateStore, crash_reason, default_state_dir
from gisdesk.plugins._watchdog import default_timeout
from gisdesk.plugins.guard import Guard
from gisdesk.plugins.manifest import API_VERSIONS, Manifest, version_problem

log = logging.getLogger("gisdesk.plugins")

ContextFactory = Callable[[Any, "PluginManager", Any], Any]


class PluginError(RuntimeError):
    """With ``raise_errors=True``, :meth:`PluginManager.start` raises it when a plugin failed
    outside its own code (manifest, api_version, contribution ids)."""


@dataclass(eq=False)
class PluginRecord:
    """What the manager knows about one plugin.

    Attributes
    ----------
    name, source : str
        Plugin name; ``builtin``, ``user``, ``dir`` or ``entry point``.
    path : Path or None
        The plugin's folder.
    manifest : Manifest or None
    state : str
        ``active``, ``disabled`` or ``failed``; briefly ``activating`` and ``inactive``
        (found, not started, or unloaded at shutdown).
    phase, error, traceback : str
        For ``failed``: the phase, a one-line error and the traceback.
    reason : str
        For ``disabled``: why (``""`` when the user chose it).
    contributions : dict
        Contribution ids per kind (``panels``, ``commands``, ``map_tools``, ``readers``).
    context : object or None
        The plugin's context while it is active.
    """

    name: str
    source: str
    path: Path | None
    manifest: Manifest | None = None
    entry_point: str = ""
    state: str = "inactive"
    phase: str = ""
    error: str = ""
    traceback: str = ""
    reason: str = ""
    contributions: dict[str, list[str]] = field(default_factory=dict)
    context: Any = None
    duplicate: bool = False
    namespace: str | None = None  # the package its modules load under (folder plugins)

    @property
    def version(self) -> str:
        return self.manifest.version if self.manifest else ""

    @property
    def title(self) -> str:
        return self.manifest.title if self.manifest else self.name

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready facts (``gisdesk plugins --json``, the manager dialog)."""
        m = self.manifest
        return {
            "name": self.name, "title": self.title, "version": self.version,
            "api_version": m.api_version if m else "", "source": self.source,
            "path": str(self.path) if self.path else None, "entry_point": self.entry_point or None,
            "state": self.state, "phase": self.phase or None, "error": self.error or None,
            "traceback": self.traceback or None, "reason": self.reason or None,
            "author": m.author if m else "", "about": m.about if m else "",
            "experimental": m.experimental if m else False,
            "warnings": list(m.warnings) if m else [],
            "contributions": {k: list(v) for k, v in self.contributions.items() if v},
        }


def default_context_factory(record: PluginRecord, manager: PluginManager, host: Any) -> Any:
    """``PluginContext(record, manager, host)`` (imported on first use)."""
    from gisdesk.plugins.context import PluginContext

    return PluginContext(record, manager, host)


class PluginManager:
    """Finds, starts and stops plugins, and keeps each one's state.

    Parameters
    ----------
    host : Host
        The window's ``QtHost`` or a :class:`~gisdesk.plugins.host.HeadlessHost`.
    folders : list of (folder, source), optional
        Plugin folders to scan (default: built-in, user folder, then ``extra_dirs``).
    extra_dirs : list of path
        ``--plugins-dir`` folders (used when ``folders`` is not given).
    entry_points : bool or iterable
        See :func:`gisdesk.plugins.discovery.discover`.
    state_dir : Path, optional
        Where ``plugins.json``, the crash sentinel and plugin settings live
        (default ``platformdirs.user_state_dir("gisdesk")/plugins``).
    raise_errors : bool
        Re-raise plugin errors after handling them, and make :meth:`start` raise
        :class:`PluginError` when any plugin failed (tests of the built-in plugins).
    timeout : float, optional
        Seconds a plugin's import or ``activate`` may run before it is stopped and failed
        (default ``GISDESK_PLUGIN_TIMEOUT`` or 30; 0: no limit). Built-in plugins have none.

    Attributes
    ----------
    records : list of PluginRecord
        Every plugin found, in discovery order (duplicates included, failed).
    guard : Guard
        The guard around every call into plugin code.
    changed : Event
        ``changed(record)`` after a plugin's state changed.
    context_factory : callable(record, manager, host)
        Makes each plugin's context (swap it in tests).
    """

    def __init__(self, host: Any, *, folders: Iterable[tuple[str | Path, str]] | None = None,
                 extra_dirs: Iterable[str | Path] = (), entry_points: Any = True,
                 state_dir: str | Path | None = None, raise_errors: bool = False,
                 timeout: float | None = None) -> None:
        self.host = host
        self.folders = list(folders) if folders is not None else discovery.default_folders(extra_dirs)
        self.entry_points = entry_points
        self.state_dir = Path(state_dir) if state_dir is not None else default_state_dir()
        self.guard = Guard(self._on_failure, raise_errors)
        self.registry = ContributionRegistry(host, self.guard)
        self.records: list[PluginRecord] = []
        self.changed = Event()
        self.context_factory: ContextFactory = default_context_factory
        self._state = StateStore(self.state_dir)
        self._fence = Fence(self._state, default_timeout() if timeout is None else timeout)
        self._lock = threading.RLock()
        self._crashed: tuple[str, str] | None = None
        crashed = self._state.take_sentinel()
        if crashed:
            name, reason = crashed[0], crash_reason(crashed[1])
            log.warning("plugin %s: %s; it starts disabled", name, reason)
            self._state.set_disabled(name, True, reason)
            self._crashed = (name, reason)

    # -- queries ---------------------------------------------------------------------
    def record(self, name: str) -> PluginRecord:
        """The plugin called ``name`` (the first found, when names clash); ``KeyError`` if none."""
        for rec in self.records:
            if rec.name == name and not rec.duplicate:
                return rec
        raise KeyError(f"no plugin {name!r}")

    @property
    def timeout(self) -> float:
        """Seconds a plugin's import, ``activate`` or contribution may take before it is stopped (0: none)."""
        return self._fence.timeout

    @property
    def active(self) -> list[PluginRecord]:
        return [r for r in self.records if r.state == "active"]

    def module(self, name: str, module: str) -> Any:
        """Plugin ``name``'s module ``module`` (as its manifest writes it, e.g. ``"flood_watch.panel"``),
        the very module object the plugin runs (imported when not yet)."""
        rec = self.record(name)
        return _namespace.module(rec.namespace, module)

    # -- lifecycle -------------------------------------------------------------------
    def discover(self) -> list[PluginRecord]:
        """Find the plugins (replacing :attr:`records`; active ones are unloaded first). Never raises."""
        self.shutdown()
        self.records = []
        disabled = self._state.disabled()
        for cand in discovery.discover(self.folders, entry_points=self.entry_points):
            rec = PluginRecord(cand.name, cand.source, cand.path, cand.manifest, cand.entry_point)
            self.records.append(rec)
            if cand.error:
                rec.duplicate = cand.manifest is not None
                self._fail(rec, "discover", cand.error)
            elif rec.name in disabled:
                rec.state, rec.reason = "disabled", disabled[rec.name]
        if self._crashed:
            try:
                rec = self.record(self._crashed[0])
                self.host.notify(f"Plugin “{rec.title}” was turned off: {self._crashed[1]}. "
                                 "Turn it on again in the plugin manager when it is fixed.", "warning")
            except KeyError:
                pass
            self._crashed = None
        return self.records

    def _dependency_problem(self, manifest: Manifest) -> str | None:
        """Why a plugin's ``dependencies`` are not met (one missing or not active), or None."""
        for dep in manifest.dependencies:
            other = next((r for r in self.records if r.name == dep), None)
            if other is None:
                return f"needs the plugin {dep!r}, which is not installed"
            if other.state != "active":
                return f"needs the plugin {dep!r}, which is {other.state}"
        return None

    def _in_dependency_order(self) -> list[PluginRecord]:
        """:attr:`records` with each plugin after the plugins it depends on (otherwise in found order)."""
        by_name = {r.name: r for r in self.records}
        done: list[PluginRecord] = []
        seen: set[str] = set()

        def visit(rec: PluginRecord, path: tuple[str, ...]) -> None:
            if rec.name in seen or rec.name in path:  # a cycle: its plugins fail on the missing one
                return
            for dep in (rec.manifest.dependencies if rec.manifest else ()):
                if dep in by_name:
                    visit(by_name[dep], path + (rec.name,))
            seen.add(rec.name)
            done.append(rec)

        for rec in self.records:
            visit(rec, ())
        return done

    def start(self) -> list[PluginRecord]:
        """Discover, then activate every plugin that is not disabled or failed (dependencies first)."""
        self.discover()
        for rec in self._in_dependency_order():
            if rec.state == "inactive":
                self._activate(rec)
        failed = [r for r in self.records if r.state == "failed"]
        if self.guard.raise_errors and failed:
            raise PluginError("; ".join(f"{r.name} failed ({r.phase}): {r.error}" for r in failed))
        return self.records

    def shutdown(self) -> None:
        """Unload every active plugin, last started first (choices stay as they are)."""
        for rec in reversed(self.records):
            if rec.state == "active":
                self._unload(rec)
                rec.state = "inactive"
                self.changed.emit(rec)

    def enable(self, name: str) -> PluginRecord:
        """Turn a plugin on (remembered) and activate it; a failed plugin is reloaded from disk."""
        rec = self.record(name)
        self._state.set_disabled(name, False)
        rec.reason = ""
        if rec.state == "failed":
            return self.reload(name)
        if rec.state in ("disabled", "inactive"):
            rec.state = "inactive"
            self._activate(rec)
        return rec

    def disable(self, name: str) -> PluginRecord:
        """Turn a plugin off (remembered): run its ``deactivate`` and undo its contributions."""
        rec = self.record(name)
        self._state.set_disabled(name, True)
        if rec.state == "active":
            self._unload(rec)
        if rec.state != "failed":
            rec.state, rec.reason = "disabled", ""
        self.changed.emit(rec)
        return rec

    def reload(self, name: str) -> PluginRecord:
        """Unload, forget the plugin's modules, re-read its manifest and activate it again (development)."""
        rec = self.record(name)
        if rec.state == "active":
            self._unload(rec)
        _namespace.forget_files(rec.path)
        if rec.namespace is not None:
            _namespace.forget(rec.name)
            rec.namespace = None
        rec.state, rec.phase, rec.error, rec.traceback, rec.contributions = "inactive", "", "", "", {}
        if rec.path is not None:
            cand = discovery._from_folder(rec.path, rec.source)
            if cand.error:
                self._fail(rec, "discover", cand.error)
                return rec
            if cand.name != rec.name:
                self._fail(rec, "discover", f"the manifest's name changed from {rec.name!r} to {cand.name!r}: "
                                            "restart gisdesk to load it under its new name")
                return rec
            rec.manifest = cand.manifest
        disabled = self._state.disabled()
        if name in disabled:
            rec.state, rec.reason = "disabled", disabled[name]
            self.changed.emit(rec)
        else:
            self._activate(rec)
        return rec

    # -- one plugin ------------------------------------------------------------------
    def _activate(self, rec: PluginRecord) -> None:
        manifest = rec.manifest
        assert manifest is not None
        if manifest.api_version not in API_VERSIONS:
            supported = ", ".join(f'"{v}"' for v in sorted(API_VERSIONS))
            self._fail(rec, "validate", f"api_version \"{manifest.api_version}\" is not supported by this gisdesk "
                                        f"(it supports {supported}); update the plugin or gisdesk")
            return
        problem = version_problem(manifest, gisdesk.__version__) or self._dependency_problem(manifest)
        if problem:
            self._fail(rec, "validate", problem)
            return
        seen: set[str] = set()
        for _kind, spec in manifest.contributions():
            try:
                if spec.id in seen:
                    raise ContributionError(f"contribution id {spec.id!r} is declared twice in {manifest.path}")
                seen.add(spec.id)
                self.registry.check_free(rec, spec.id)
            except ContributionError as exc:
                self._fail(rec, "contribute", str(exc))
                return
        rec.state = "activating"
        if rec.path is not None and rec.source != "entry point":
            rec.namespace = _namespace.mount(rec.name, rec.path)
        try:
            rec.context = self.context_factory(rec, self, self.registry)
        except Exception as exc:  # host-side failure, reported on the plugin so the app goes on
            import traceback

            self._on_failure(rec, "activate", exc, traceback.format_exc())
            if self.guard.raise_errors:
                raise
            return
        ctx = rec.context
        if manifest.activate:
            activate = self._import(rec, manifest.activate)
            if rec.state == "failed":
                return
            with self._fence.step(rec.name, "activate"):
                self.guard.call(rec, "activate", self._fence.run, rec.source, f"activating {rec.name}", activate, ctx)
            if rec.state == "failed":
                return
        with self._fence.step(rec.name, "contribute"):  # a window host creates panels now: their code runs
            for kind, spec in manifest.contributions():
                self.guard.call(rec, "contribute", self._fence.run, rec.source, f"adding {spec.id}",
                                self._contribute, rec, kind, spec)
                if rec.state == "failed":
                    return
        rec.state = "active"
        log.info("plugin %s %s active (%s)", rec.name, rec.version, rec.source)
        self.changed.emit(rec)

    def check_targets(self, name: str) -> bool:
        """Import every ``module:attr`` the active plugin ``name`` declares (they load lazily otherwise).

        A target that does not resolve fails the plugin at phase ``import``, the error naming
        the contribution (``gisdesk plugins`` runs this for every active plugin).

        Returns
        -------
        bool
            Whether the plugin is still active.
        """
        rec = self.record(name)
        if rec.state != "active" or rec.manifest is None:
            return rec.state == "active"
        targets = [("plugin.deactivate", rec.manifest.deactivate)] if rec.manifest.deactivate else []
        for _kind, spec in rec.manifest.contributions():
            target = getattr(spec, "factory", None) or getattr(spec, "callback", None) or getattr(spec, "reader", None)
            targets.append((spec.id, target))
        for where, target in targets:
            self._import(rec, target, where)
            if rec.state != "active":
                return False
        return True

    # -- plugin code: imports, fenced ------------------------------------------------------
    def _import(self, rec: PluginRecord, target: Any, where: str = "") -> Any:
        """The object a ``module:attr`` target names, imported as plugin code (phase ``import``).

        The first import of a module runs under the crash sentinel and the time limit;
        ``KeyboardInterrupt``/``SystemExit`` fail the plugin. ``None`` when it failed.
        """
        if not isinstance(target, str):
            return target
        module = target.partition(":")[0]
        qualified = module if rec.namespace is None else f"{rec.namespace}.{module}"
        if qualified in sys.modules:
            return self.guard.call(rec, "import", resolve, rec.namespace, rec.path, target, where)
        with self._fence.step(rec.name, "import"):
            return self.guard.call(rec, "import", self._fence.run, rec.source, f"importing {module}",
                                   resolve, rec.namespace, rec.path, target, where)

    def _contribute(self, rec: PluginRecord, kind: str, spec: Any) -> None:
        """Hand one manifest contribution to the host; its target is imported only when used."""
        ctx, call = rec.context, self._call
        if kind == "panels":
            undo = self.registry.add_panel(rec, spec, lambda: call(rec, "panel", spec.factory, ctx))
        elif kind == "commands":
            undo = self.registry.add_command(rec, spec, lambda: call(rec, "command", spec.callback, ctx))
        elif kind == "map_tools":
            undo = self.registry.add_map_tool(rec, spec, lambda: call(rec, "map_tool", spec.factory, ctx))
        else:
            undo = self.registry.add_reader(rec, spec, lambda path: call(rec, "reader", spec.reader, ctx, path))
        ctx._keep(undo)

    def _call(self, rec: PluginRecord, phase: str, target: Any, *args: Any) -> Any:
        """Import ``target`` (phase ``import``) and call it (``phase``), both guarded; ``None`` on failure."""
        fn = self._import(rec, target)
        if fn is None or rec.state in ("failed", "disabled"):
            return None
        return self.guard.call(rec, phase, fn, *args)

    def _unload(self, rec: PluginRecord) -> None:
        """Run ``deactivate(ctx)`` (guarded) and every undo; the record keeps its state."""
        ctx = rec.context
        if ctx is None:
            return
        if rec.manifest and rec.manifest.deactivate:
            self._call(rec, "deactivate", rec.manifest.deactivate, ctx)
        self._run_undos(rec)

    def _run_undos(self, rec: PluginRecord) -> None:
        ctx, rec.context = rec.context, None
        if ctx is not None:
            try:
                ctx._run_undos()
            except Exception:
                log.exception("undoing plugin %s's contributions failed", rec.name)

    # -- failures --------------------------------------------------------------------
    def _on_failure(self, rec: PluginRecord, phase: str, exc: BaseException, tb: str) -> None:
        """The guard's handler: undo, mark failed, log, notify. Never raises."""
        phase = getattr(exc, "plugin_phase", phase)
        if isinstance(exc, (ContributionError, PluginInterrupted)):
            error = str(exc)
        elif isinstance(exc, SyntaxError) and exc.filename:
            error = f"SyntaxError: {exc.msg} ({exc.filename}, line {exc.lineno})"
        else:
            error = f"{type(exc).__name__}: {exc}"
        self._fail(rec, phase, error, tb)

    def _fail(self, rec: PluginRecord, phase: str, error: str, tb: str = "") -> None:
        with self._lock:
            if rec.state == "failed":
                logging.getLogger(f"gisdesk.plugins.{rec.name}").error(
                    "further error after failing (phase %s): %s\n%s", phase, error, tb)
                return
            rec.state, rec.phase, rec.error, rec.traceback = "failed", phase, error, tb
            logging.getLogger(f"gisdesk.plugins.{rec.name}").error(
                "plugin %s failed at %s: %s%s", rec.name, phase, error, "\n" + tb if tb else "")
            self._run_undos(rec)
        try:
            if phase in ("discover", "validate"):
                text = f"Plugin “{rec.title}” cannot be loaded: {error}"
            else:
                text = f"Plugin “{rec.title}” failed ({phase}) and was turned off: {error}"
            self.host.notify(text, "error", tb)
        except Exception:
            log.exception("the host could not show a plugin failure")
        self.changed.emit(rec)
