"""File › Sync: a bar per step (export, send and apply, receive), then what was sent and what came back.

The sync engine (:func:`gisdesk.store.sync_session.sync`) runs on a worker thread; its progress and
its result reach the widgets through queued signals (widgets on the GUI thread only). Cancel asks
the engine to stop at its next safe point (between steps, or between the source's batches): each
side keeps whole transactions only, and the next sync goes on from there without doing anything twice.

The summary lists the package's changes per kind with the source's answer (applied, identical,
conflict, refused), each refused change with its reason, what the package received, and the new
conflicts with a button that opens the Conflicts list.
"""

from __future__ import annotations

import inspect
import threading
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QLabel, QProgressBar, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncDialog", text)


def _step_words() -> dict[str, str]:
    return {"export": tr("Write this package's changes"), "send": tr("Send them (the source applies them)"),
            "receive": tr("Receive the answers and the city's changes")}


def _kind_words(kind: str) -> str:
    if kind.startswith("incident"):
        return tr("incident changes")
    return {"task_event": tr("task steps"), "task_attachment": tr("photos and files"), "question": tr("questions"),
            "answer": tr("answers"), "question_close": tr("closed questions")}.get(kind, kind)


def _record_words(r: dict[str, Any]) -> str:
    kind = r.get("kind") or ""
    what = tr("incident") if kind.startswith("incident") else {
        "task_event": tr("task"), "task_attachment": tr("task file"), "question": tr("question"),
        "answer": tr("answer"), "question_close": tr("question")}.get(kind, kind)
    return f"{what} {str(r.get('record') or '')[:8]}"


def _result_words(result: str) -> str:
    return {"applied": tr("applied"), "identical": tr("already there"), "conflict": tr("conflict"),
            "refused": tr("refused"), "again": tr("sent before")}.get(result, result)


def _received_words() -> dict[str, str]:
    return {"tasks": tr("tasks updated"), "questions": tr("questions updated"), "incidents": tr("incidents updated"),
            "notifications": tr("notifications"), "conflicts": tr("conflict records"),
            "replayed": tr("own changes shown again on top"), "pending": tr("own changes still waiting for an answer")}


def summarise(result: Any) -> dict[str, Any]:
    """The engine's ``(report, received)`` as the dialog shows it: ``sent`` ({kind: {result: n}}), ``refused``
    and ``conflicts`` (lists of result rows) and ``received`` ({what: n}, zeros left out)."""
    report, received = result if isinstance(result, tuple) and len(result) == 2 else (result, {})
    sent: dict[str, dict[str, int]] = {}
    refused, conflicts = [], []
    for r in getattr(report, "results", []):
        per = sent.setdefault(r.get("kind") or "?", {})
        per[r["result"]] = per.get(r["result"], 0) + 1
        if r.get("again"):
            per["again"] = per.get("again", 0) + 1
        if r["result"] == "refused":
            refused.append(r)
        elif r["result"] == "conflict" and not r.get("again"):
            conflicts.append(r)
    got = {k: int(n) for k, n in (received or {}).items() if n and k not in ("results",)}
    return {"sent": sent, "refused": refused, "conflicts": conflicts, "received": got}


class _Bridge(QObject):
    progressed = Signal(str, float)
    finished = Signal(object)
    failed = Signal(bool, str)


class SyncDialog(QDialog):
    """Sync the window's package with its source, showing each step and then the summary.

    Parameters
    ----------
    window : MainWindow
        The window whose workspace is a package (updated when the sync ends: title, status bar, map).
    engine : callable
        ``engine(package, progress=..., cancelled=...)``, e.g. :func:`gisdesk.store.sync_session.sync`.
    """

    def __init__(self, window: Any, engine: Callable[..., Any], parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.main_window = window
        self.engine = engine
        self.sync_result: Any = None
        self.summary: dict[str, Any] | None = None
        self.worker_hook: Callable[[str, float], Any] | None = None  # called on the worker thread (tests)
        self.cancel_event = threading.Event()
        self._worker: threading.Thread | None = None
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self.setWindowTitle(tr("Sync"))
        grid = QGridLayout()
        self.bars: dict[str, QProgressBar] = {}
        for i, (step, words) in enumerate(_step_words().items()):
            grid.addWidget(QLabel(words), i, 0)
            bar = QProgressBar(objectName=f"sync.{step}", minimum=0, maximum=100, value=0)
            self.bars[step] = bar
            grid.addWidget(bar, i, 1)
        self.status_label = QLabel(objectName="sync.status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(objectName="sync.summary")
        self.tree.setHeaderLabels([tr("What"), tr("How many / why")])
        self.tree.setColumnWidth(0, 260)
        self.tree.setWordWrap(True)
        self.tree.hide()
        self.buttons = QDialogButtonBox()
        self.cancel_button = self.buttons.addButton(tr("&Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("sync.cancel")
        self.cancel_button.clicked.connect(self.request_cancel)
        self.conflicts_button = QPushButton(tr("Open the &Conflicts list"), objectName="sync.conflicts")
        self.conflicts_button.hide()
        self.conflicts_button.clicked.connect(self._open_conflicts)
        self.buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        box = QVBoxLayout(self)
        box.addLayout(grid)
        box.addWidget(self.status_label)
        box.addWidget(self.tree, 1)
        box.addWidget(self.buttons)
        self.setMinimumWidth(620)

    # -- running ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._worker is not None

    def start(self) -> None:
        """Run the engine on a worker thread."""
        bridge, cancel, path, engine = self._bridge, self.cancel_event, self.main_window.workspace, self.engine
        hook = self.worker_hook
        takes = set(inspect.signature(engine).parameters)

        def progress(step: str, fraction: float) -> None:
            bridge.progressed.emit(step, fraction)
            if hook is not None:
                hook(step, fraction)

        def work() -> None:
            from gisdesk.store.sync_session import SyncCancelled

            kw = {k: v for k, v in (("progress", progress), ("cancelled", cancel.is_set)) if k in takes}
            try:
                result = engine(path, **kw)
            except SyncCancelled as exc:
                bridge.failed.emit(True, str(exc).splitlines()[0])
            except Exception as exc:  # the engine's refusal, one line
                bridge.failed.emit(False, (str(exc) or type(exc).__name__).splitlines()[0])
            else:
                bridge.finished.emit(result)

        self.status_label.setText(tr("Syncing with {source}…").format(
            source=(getattr(self.main_window, "package", None) or {}).get("source", "?")))
        self._worker = threading.Thread(target=work, daemon=True, name="gisdesk-sync")
        self._worker.start()

    def request_cancel(self) -> None:
        """Ask the engine to stop at its next safe point (nothing half-applied)."""
        if not self.running:
            self.reject()
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(tr("Cancelling at the next safe point (nothing is left half-applied)…"))

    def reject(self) -> None:  # Escape or the window's close: cancel first, close when the engine stopped
        if self.running:
            self.request_cancel()
            return
        super().reject()

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the worker ends (tests); the queued signals are then delivered by the event loop."""
        if self._worker is not None:
            self._worker.join(timeout)

    def _on_progress(self, step: str, fraction: float) -> None:
        if step in self.bars:
            self.bars[step].setValue(int(round(fraction * 100)))

    def _done(self) -> None:
        self._worker = None
        self.cancel_button.hide()
        self.close_button.setEnabled(True)
        self.close_button.setDefault(True)
        from gisdesk.store.package_create import read_identity
        from gisdesk.ui.take_offline_dialog import show_package

        try:
            self.main_window.package = read_identity(self.main_window.workspace)
        except Exception:  # the title keeps what it had
            pass
        show_package(self.main_window)
        self.main_window.canvas.refresh()

    def _on_failed(self, cancelled: bool, text: str) -> None:
        self._done()
        self.status_label.setText(tr("Cancelled: {reason}").format(reason=text) if cancelled
                                  else tr("Sync failed: {reason}").format(reason=text))
        self.main_window.messages.show_message(self.status_label.text(), "warning")

    def _on_finished(self, result: Any) -> None:
        from gisdesk.ui.take_offline_dialog import sync_summary

        self.sync_result = result
        self._done()
        for bar in self.bars.values():
            bar.setValue(100)
        self.summary = summarise(result)
        self._fill(self.summary)
        self.status_label.setText(tr("Synced."))
        self.main_window.messages.show_message(sync_summary(result), "info")

    def _fill(self, s: dict[str, Any]) -> None:
        self.tree.clear()
        sent = QTreeWidgetItem([tr("Sent"), str(sum(sum(v for k, v in per.items() if k != "again")
                                                   for per in s["sent"].values()))])
        for kind, per in sorted(s["sent"].items()):
            order = ("applied", "identical", "conflict", "refused", "again")
            words = ", ".join(f"{n} {_result_words(r)}" for r, n in
                              sorted(per.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9))
            QTreeWidgetItem(sent, [_kind_words(kind), words])
        if not s["sent"]:
            QTreeWidgetItem(sent, [tr("nothing to send"), ""])
        got = QTreeWidgetItem([tr("Received"), ""])
        for key, words in _received_words().items():
            if s["received"].get(key):
                QTreeWidgetItem(got, [words, str(s["received"][key])])
        if not any(s["received"].get(k) for k in ("tasks", "questions", "incidents", "notifications", "conflicts")):
            QTreeWidgetItem(got, [tr("nothing new from the source"), ""])
        items = [sent, got]
        if s["refused"]:
            refused = QTreeWidgetItem([tr("Refused by the source"), str(len(s["refused"]))])
            for r in s["refused"]:
                QTreeWidgetItem(refused, [_record_words(r), r.get("reason") or ""])
            items.append(refused)
        if s["conflicts"]:
            new = QTreeWidgetItem([tr("New conflicts (both values kept)"), str(len(s["conflicts"]))])
            for r in s["conflicts"]:
                QTreeWidgetItem(new, [_record_words(r), r.get("reason") or ""])
            items.append(new)
        self.tree.addTopLevelItems(items)
        for item in items:
            item.setExpanded(True)
            item.setFirstColumnSpanned(False)
        for i in range(self.tree.topLevelItemCount()):
            for j in range(self.tree.topLevelItem(i).childCount()):
                child = self.tree.topLevelItem(i).child(j)
                child.setToolTip(1, child.text(1))
        self.tree.show()
        self.conflicts_button.setVisible(bool(s["conflicts"]))
        self.resize(max(self.width(), 860), max(self.height(), 520))

    def _open_conflicts(self) -> None:
        from gisdesk.ui.take_offline_dialog import open_conflicts

        self.conflicts_dialog = open_conflicts(self.main_window)


__all__ = ["SyncDialog", "summarise"]
