"""The one guard around every call into plugin code.

:meth:`Guard.call` runs plugin code for a plugin and a phase. When it raises, the guard
hands the exception to the manager's failure handler, which logs the traceback (logger
``gisdesk.plugins.<name>``), undoes the plugin's contributions and subscriptions, marks
it failed with the phase and tells the user, and the call returns ``None``. With
``raise_errors=True`` (the built-in plugins' test suite) the exception is re-raised after
that bookkeeping. A plugin that has failed or is disabled is not called again.
``KeyboardInterrupt`` passes; the manager turns one raised while a plugin starts (import,
``activate``, adding contributions) into an error before it reaches the guard.

Examples
--------
>>> failures = []
>>> guard = Guard(lambda record, phase, exc, tb: failures.append((phase, repr(exc))))
>>> class Rec: state = "active"
>>> guard.call(Rec(), "command", lambda: 1 / 0) is None
True
>>> failures
[('command', "ZeroDivisionError('division by zero')")]
"""

from __future__ import annotations

import functools
import traceback
from typing import Any, Callable, Protocol

#: Every phase a failure can be reported in, in lifecycle order.
PHASES = ("discover", "validate", "import", "activate", "contribute", "panel", "command", "map_tool",
          "signal", "job", "reader", "locator", "deactivate")

#: States in which a plugin's code is no longer called.
_STOPPED = ("failed", "disabled")

#: Map-tool event methods and what a failing or missing one returns.
MAP_TOOL_METHODS = {"on_press": None, "on_move": None, "on_release": None, "on_double_click": None, "on_key": False,
                    "on_activate": None, "on_deactivate": None}


class FailureHandler(Protocol):
    def __call__(self, record: Any, phase: str, exc: BaseException, tb: str) -> None: ...


class Guard:
    """Runs plugin code and turns its exceptions into a failed plugin.

    Parameters
    ----------
    on_failure : callable(record, phase, exc, traceback_text)
        The manager's handler: undo, mark failed, log, notify. Must not raise.
    raise_errors : bool
        Re-raise after handling (tests of built-in plugins: fail loudly).
    """

    def __init__(self, on_failure: FailureHandler, raise_errors: bool = False) -> None:
        self._on_failure = on_failure
        self.raise_errors = raise_errors

    def call(self, record: Any, phase: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call ``fn(*args, **kwargs)`` as plugin code of ``record`` in ``phase``.

        Returns
        -------
        object
            What ``fn`` returned, or ``None`` when it raised (or the plugin is stopped).
        """
        if getattr(record, "state", None) in _STOPPED:
            return None
        try:
            return fn(*args, **kwargs)
        except (Exception, SystemExit) as exc:  # SystemExit: a plugin calling sys.exit() must not end the app
            self._on_failure(record, phase, exc, traceback.format_exc())
            if self.raise_errors:
                raise
            return None

    def wrap(self, record: Any, phase: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        """``fn`` as a callable that goes through :meth:`call` (for event handlers, Qt slots, jobs)."""

        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            return self.call(record, phase, fn, *args, **kwargs)

        return guarded


class GuardedTool:
    """A plugin's map tool with every event method guarded (phase ``map_tool``).

    Hosts call ``on_press(event)``, ``on_move``, ``on_release``, ``on_double_click``, ``on_key`` (returns bool:
    handled), ``on_activate()`` and ``on_deactivate()``; a method the tool lacks is a no-op.
    Other attributes (``cursor``, …) are read from the tool, guarded too.

    Attributes
    ----------
    tool : object
        The plugin's object.
    """

    def __init__(self, tool: Any, record: Any, guard: Guard) -> None:
        self.tool = tool
        self.record = record
        self._guard = guard

    def has(self, method: str) -> bool:
        """Whether the plugin's tool defines ``method`` (hosts may skip e.g. mouse tracking)."""
        return callable(getattr(self.tool, method, None))

    def _dispatch(self, method: str, *args: Any) -> Any:
        default = MAP_TOOL_METHODS[method]
        fn = self._guard.call(self.record, "map_tool", getattr, self.tool, method, None)
        if not callable(fn):
            return default
        result = self._guard.call(self.record, "map_tool", fn, *args)
        return default if result is None else result

    def on_press(self, event: Any) -> None:
        self._dispatch("on_press", event)

    def on_move(self, event: Any) -> None:
        self._dispatch("on_move", event)

    def on_release(self, event: Any) -> None:
        self._dispatch("on_release", event)

    def on_double_click(self, event: Any) -> None:
        self._dispatch("on_double_click", event)

    def on_key(self, event: Any) -> bool:
        return bool(self._dispatch("on_key", event))

    def on_activate(self) -> None:
        self._dispatch("on_activate")

    def on_deactivate(self) -> None:
        self._dispatch("on_deactivate")

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("tool", "record", "_guard"):
            raise AttributeError(name)
        return self._guard.call(self.record, "map_tool", getattr, self.tool, name, None)
