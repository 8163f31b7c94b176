"""Run slow work off the GUI thread; after half a second show progress with Cancel.

:func:`run_or_report` does the same and shows a store failure (a busy workspace, a full
disk, a damaged file) in the window's message bar instead of raising it, so a form never
stays silently empty.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from gisdesk.store.errors import StoreError

T = TypeVar("T")
DELAY_S = 0.5


def run_with_progress(work: Callable[[], T], cancel: Callable[[], Any], parent: QWidget | None = None,
                      text: str = "", delay_s: float = DELAY_S) -> T:
    """``work()`` on a worker thread; returns its result or raises its exception.

    Quick work (under ``delay_s``) just returns. Longer work shows a modal busy dialog
    whose Cancel calls ``cancel()`` (which must make ``work`` stop, e.g. by
    interrupting SQLite); the window keeps repainting meanwhile.
    """
    box: dict[str, Any] = {}
    done = threading.Event()

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:
            done.set()

    threading.Thread(target=run, name="gisdesk-slow-work", daemon=True).start()
    if not done.wait(delay_s):
        dialog = QProgressDialog(text or QCoreApplication.translate("Progress", "Working…"),
                                 QCoreApplication.translate("Progress", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        cancelled = False
        while not done.wait(0.02):
            QCoreApplication.processEvents()
            if dialog.wasCanceled() and not cancelled:
                cancelled = True
                cancel()
        dialog.close()
        dialog.deleteLater()
    if "error" in box:
        raise box["error"]
    return box["value"]


def run_or_report(work: Callable[[], T], bar: Any, cancel: Callable[[], Any] = lambda: None,
                  parent: QWidget | None = None, text: str = "", delay_s: float = DELAY_S) -> T | None:
    """:func:`run_with_progress`, but a :class:`~gisdesk.store.errors.StoreError` from ``work``
    (e.g. :class:`~gisdesk.store.errors.WorkspaceBusy` after the busy timeout) is shown in
    ``bar`` (a :class:`~gisdesk.ui.message_bar.MessageBar`) and None is returned.

    Call it on the GUI thread: the work runs on a worker thread, the message bar is touched
    here, on the GUI thread. Other exceptions are raised as they are.
    """
    try:
        return run_with_progress(work, cancel, parent, text, delay_s)
    except StoreError as exc:
        bar.show_error(exc)
        return None
