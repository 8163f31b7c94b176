"""The fence around a plugin's start steps: crash sentinel, time limit, contained exits.

A plugin can do worse than raise while it is imported or activated: call ``os._exit``,
crash in native code, hang, raise ``KeyboardInterrupt`` or ``SystemExit``. :class:`Fence`
gives the manager two things:

- :meth:`Fence.step` names the plugin and step (``import``, ``activate``, ``contribute``)
  in the crash sentinel, durably, while the step runs (steps nest; the outer one is
  written back), so the next start disables a plugin that killed or hung the process;
- :meth:`Fence.run` runs the step's code under the time limit (``_watchdog.py``) and
  turns ``KeyboardInterrupt``, ``SystemExit`` and the timeout into
  :class:`PluginInterrupted`, an ordinary exception the guard reports.

:func:`resolve` imports a manifest target from the plugin's namespace with errors that
name the target as the manifest writes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable

from gisdesk.plugins import _namespace
from gisdesk.plugins._state import StateStore
from gisdesk.plugins._watchdog import PluginTimeout, time_limit


class PluginInterrupted(RuntimeError):
    """A plugin's start step raised ``KeyboardInterrupt`` or ``SystemExit``, or ran past its time
    limit: reported like any other error of the plugin (the app goes on)."""


class Fence:
    """Crash sentinel and time limit for the start steps of plugins (one per manager).

    Parameters
    ----------
    state : StateStore
        Where the sentinel is written.
    timeout : float
        Seconds a step may run (0: no limit); built-in plugins have none.
    """

    def __init__(self, state: StateStore, timeout: float) -> None:
        self.state = state
        self.timeout = timeout
        self._steps: list[tuple[str, str]] = []  # (plugin, phase) the sentinel names, innermost last

    @contextmanager
    def step(self, plugin: str, phase: str) -> Iterator[None]:
        """Name ``plugin`` and ``phase`` in the crash sentinel while the block runs."""
        outer = self._steps[-1] if self._steps else None
        current = (plugin, phase)
        self._steps.append(current)
        if current != outer:
            self.state.write_sentinel(*current)
        try:
            yield
        finally:
            self._steps.pop()
            if outer is None:
                self.state.clear_sentinel()
            elif outer != current:
                self.state.write_sentinel(*outer)

    def run(self, source: str, what: str, fn: Callable[..., Any], *args: Any) -> Any:
        """``fn(*args)`` under the time limit; what would end the app raises :class:`PluginInterrupted`.

        ``source`` is the plugin's; the built-in plugins (shipped and tested with gisdesk) have
        no time limit: their first import pulls in heavy libraries that a busy machine may take
        long to load. ``what`` names the step in messages (``"importing flood_watch.panel"``).
        """
        limit = 0 if source == "builtin" else self.timeout
        try:
            with time_limit(limit, what):
                return fn(*args)
        except PluginTimeout as exc:
            raise PluginInterrupted(str(exc)) from None
        except KeyboardInterrupt:
            raise PluginInterrupted(f"KeyboardInterrupt while {what}") from None
        except SystemExit as exc:
            raise PluginInterrupted(f"SystemExit({exc.code!r}) while {what}") from None


def resolve(namespace: str | None, folder: Path | None, target: str, where: str = "") -> Any:
    """Import the object ``target`` (``"module:attr"`` as the manifest writes it) from ``namespace``.

    Errors name the target as written (and ``where`` it is declared: a contribution id), not
    the namespaced module.
    """
    module_name, _, attr = target.partition(":")
    label = f"{where}: {target}" if where else target
    try:
        obj: Any = _namespace.module(namespace, module_name)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if namespace is not None and missing.startswith(namespace + "."):
            raise ModuleNotFoundError(f"{label}: no module {missing[len(namespace) + 1:]!r} in the plugin "
                                      f"folder {folder}", name=exc.name) from None
        raise
    for part in attr.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise AttributeError(f"{label}: module {module_name!r} has no attribute {attr!r}") from None
    return obj
