"""Run Python's cyclic garbage collector on the GUI thread only.

Python starts a collection in whichever thread happens to allocate when the
thresholds are crossed. In gisdesk that is often a render or reader thread. If the
garbage holds Qt objects (a closed window, a replaced panel, a dialog: any widget
caught in a reference cycle through a connected lambda), their C++ destructors then
run on that worker thread, their timers cannot be unregistered from there, and the
GUI thread later fires a timer at freed memory (a segfault in
``QTimerInfoList::activateTimers``).

:func:`install` turns automatic collection off and collects from a timer on the GUI
thread instead, with the same generation thresholds Python would use.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

#: How often the GUI thread looks at the allocation counts.
INTERVAL_MS = 250

_OBJECT_NAME = "gisdesk.gc_guard"


class MainThreadCollector(QObject):
    """Owns the timer that collects garbage on the GUI thread (one per application)."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(_OBJECT_NAME)
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()
        gc.disable()

    def collect_due(self) -> int:
        """Collect the oldest generation whose allocation count is over its threshold."""
        if QThread.currentThread() is not self.thread():  # only ever on the GUI thread
            return 0
        counts, limits = gc.get_count(), gc.get_threshold()
        for gen in (2, 1, 0):
            if limits[gen] and counts[gen] > limits[gen]:
                return gc.collect(gen)
        return 0


def collect_now() -> int:
    """Collect what is due, if called on the GUI thread with the guard installed (else 0)."""
    app = QCoreApplication.instance()
    found = app.findChild(MainThreadCollector, _OBJECT_NAME) if app is not None else None
    return found.collect_due() if found is not None else 0


def install() -> MainThreadCollector | None:
    """Collect garbage on the GUI thread from now on (idempotent; None without a Qt application)."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    found = app.findChild(MainThreadCollector, _OBJECT_NAME)
    if found is not None:
        gc.disable()
        return found
    return MainThreadCollector(app)


__all__ = ["install", "collect_now", "MainThreadCollector", "INTERVAL_MS"]
