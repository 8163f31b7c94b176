"""Garbage in reference cycles is collected on the GUI thread, never on a render thread."""

from __future__ import annotations

import gc
import threading
import weakref

from gisdesk.ui import gc_guard


class _Node:
    pass


def _cycle() -> weakref.ref:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_a_worker_thread_allocating_does_not_collect_gui_garbage(qapp):
    assert gc_guard.install() is gc_guard.install()  # one per application
    assert not gc.isenabled()
    dead = _cycle()
    assert dead() is not None

    def churn() -> None:  # what a render thread does: allocate a lot
        for _ in range(20):
            [[i] for i in range(20_000)]

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()
    assert dead() is not None, "the cycle was collected on the worker thread"

    gc.collect()  # stand-in for the guard's timer having run on the GUI thread
    assert dead() is None


def test_the_guard_collects_what_is_due_on_the_gui_thread(qapp, qtbot):
    gc_guard.install()
    gc.collect()
    dead = _cycle()
    junk = [_cycle() for _ in range(gc.get_threshold()[0] + 10)]  # over generation 0's threshold
    del junk
    qtbot.waitUntil(lambda: dead() is None, timeout=3 * gc_guard.INTERVAL_MS + 1000)
