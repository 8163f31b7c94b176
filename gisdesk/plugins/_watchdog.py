"""A time limit on a plugin's start steps (import, ``activate``): a plugin that hangs is stopped.

:func:`time_limit` runs a block in the main thread; when it takes longer than ``seconds``
it raises :class:`PluginTimeout` (a ``BaseException``, so a plugin's ``except Exception``
cannot swallow it) inside whatever the plugin is doing, and again every second until the
block is left. On POSIX a ``SIGALRM`` interval timer does it, which also interrupts
``time.sleep``, lock waits and blocking reads; elsewhere a timer thread interrupts the
main thread between two bytecodes. Code stuck inside one native call cannot be
interrupted: then the crash sentinel (``_state.py``) disables the plugin at the next start.

Limits nest (a panel's module imported while the panel is being added). Off the main
thread (signals only reach the main thread) the block runs without a limit.

Examples
--------
>>> with time_limit(5, "importing demo"):   # doctest: +SKIP
...     import_the_plugin()
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

#: Seconds a plugin's import or ``activate`` may take before it is stopped
#: (override with the environment variable ``GISDESK_PLUGIN_TIMEOUT``; 0 turns the limit off).
DEFAULT_TIMEOUT = 30.0
ENV_TIMEOUT = "GISDESK_PLUGIN_TIMEOUT"
#: Seconds after the limit at which a step still running is reported as not interruptible.
GRACE = 5.0

log = logging.getLogger("gisdesk.plugins")


class PluginTimeout(BaseException):
    """A plugin's start step took longer than its time limit (raised inside the plugin's code)."""


def default_timeout() -> float:
    """``GISDESK_PLUGIN_TIMEOUT`` seconds when set to a number, else :data:`DEFAULT_TIMEOUT`."""
    try:
        return max(0.0, float(os.environ[ENV_TIMEOUT]))
    except (KeyError, ValueError):
        return DEFAULT_TIMEOUT


@contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise :class:`PluginTimeout` in the block when it runs longer than ``seconds`` (0: no limit).

    Parameters
    ----------
    seconds : float
        The limit.
    what : str
        The step, for the message (``"importing flood_watch"``).
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    armed = True
    message = f"{what} took longer than {seconds:g} s; it was stopped"
    # The main thread may be stuck where no interruption reaches (one native call): say so
    # from another thread, on stderr and the log (the window cannot show anything now).
    stuck = threading.Timer(seconds + GRACE, _report_stuck, (what, seconds + GRACE))
    stuck.daemon = True
    stuck.start()

    def fire(*_: object) -> None:
        if armed:  # a late signal after the block ended does nothing
            raise PluginTimeout(message)

    if hasattr(signal, "setitimer"):
        previous = signal.signal(signal.SIGALRM, fire)
        # then every second until the block is left; an enclosing limit's timer is put back after
        outer_delay, outer_interval = signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
        started = time.monotonic()
        try:
            yield
        finally:
            armed = False
            stuck.cancel()
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if outer_delay > 0:
                left = outer_delay - (time.monotonic() - started)
                signal.setitimer(signal.ITIMER_REAL, max(left, 0.001), outer_interval)
        return
    try:  # pragma: no cover (Windows)
        yield from _thread_limit(seconds, message)
    finally:
        stuck.cancel()


def _report_stuck(what: str, seconds: float) -> None:
    text = (f"{what} has not finished after {seconds:g} s and cannot be interrupted; close gisdesk: "
            "it starts without this plugin next time")
    log.error("%s", text)
    print(f"gisdesk: {text}", file=sys.stderr, flush=True)


def _thread_limit(seconds: float, message: str) -> Iterator[None]:  # pragma: no cover (Windows)
    """Without SIGALRM: a timer thread interrupts the main thread; the KeyboardInterrupt becomes the timeout."""
    import _thread

    done = threading.Event()
    fired = threading.Event()

    def watch() -> None:
        if not done.wait(seconds):
            while not done.is_set():
                fired.set()
                _thread.interrupt_main()
                done.wait(1.0)

    threading.Thread(target=watch, name="gisdesk-plugin-watchdog", daemon=True).start()
    try:
        yield
    except KeyboardInterrupt:
        if fired.is_set():
            raise PluginTimeout(message) from None
        raise
    finally:
        done.set()
