"""Import and export from the panel: camera detections, Open311, GeoJSON (Qt).

Imports run in the background (``ctx.run_in_background``) behind a busy dialog with a
Cancel button; the dialog closes whatever the outcome. The result says how many
incidents were created, how many were repeats of open ones and every rejected line
with its reason; a file that cannot be read is one message. A bad feed never turns the
plugin off: the store reports bad records and raises a one-line ``StoreError`` for a bad
file, and both end in a dialog here.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from gisdesk.api import PermissionDenied, PluginContext, StoreError, ValidationError

from incidents.form import tr

#: Failures a feed import reports to the user (anything else is a bug: the plugin guard shows it).
EXPECTED = (StoreError, PermissionDenied, ValidationError, OSError)


@dataclass
class Outcome:
    """What a background import ended with: a report, or a one-line error (and the report so far)."""

    report: Any = None
    error: str = ""
    hint: str = ""


def show_report(parent: QWidget, title: str, report: Any) -> QMessageBox:
    """A non-modal summary of an ImportReport: every rejected line with its reason in the details."""
    c = report.counts()
    box = QMessageBox(QMessageBox.Icon.Warning if c["rejected"] else QMessageBox.Icon.Information, title,
                      tr("Created {created}, repeats of open incidents {duplicates}, rejected {rejected}.")
                      .format(**c), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("incidents.import.report")
    if report.rejected:
        box.setDetailedText(_rejected_lines(report))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def _rejected_lines(report: Any) -> str:
    """One line per rejected record: its position and reason (already escaped by the store)."""
    unit = tr("request") if getattr(report, "unit", "line") == "request" else tr("line")
    return "\n".join(f"{unit} {n}: {why}" for n, why in report.rejected)


def show_error(parent: QWidget, title: str, outcome: Outcome) -> QMessageBox:
    """A non-modal message for an import that could not run or stopped part-way."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, outcome.error, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("incidents.import.error")
    if outcome.hint:
        box.setInformativeText(outcome.hint)
    if outcome.report is not None and outcome.report.rejected:
        box.setDetailedText(_rejected_lines(outcome.report))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def _dismiss(busy: QProgressDialog) -> None:
    """Put the busy dialog away without closing it: ``close()`` emits ``canceled`` from
    ``closeEvent`` (which would also ask a finished import to stop), and that path was
    seen to block in Qt's connection clean-up once in a full test run."""
    try:
        busy.reset()
        busy.hide()
    except RuntimeError:  # the dialog went with its window
        pass


class _Finished(QObject):
    """Carries "the job is over" from the worker thread to the GUI thread (a queued signal)."""

    over = Signal()


def _attempt(job: Callable[[Callable[[], bool]], Any], stop: threading.Event) -> Outcome:
    """Run ``job`` on the worker thread; expected failures become an :class:`Outcome`, never an exception."""
    try:
        return Outcome(job(stop.is_set))
    except EXPECTED as exc:
        message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
        return Outcome(getattr(exc, "report", None), message.splitlines()[0], getattr(exc, "hint", ""))


def run_import(parent: QWidget, ctx: PluginContext, title: str, job: Callable[[Callable[[], bool]], Any],
               done: Callable[[Any], Any]) -> QProgressDialog:
    """Run ``job(should_stop)`` in the background behind a busy dialog, then ``done(report)``.

    The dialog's Cancel asks the import to stop before its next record (what was imported
    stays; a re-run brings the rest). The dialog closes on every outcome, also when the
    job fails unexpectedly. Widgets are touched on the GUI thread only.
    """
    stop = threading.Event()
    busy = QProgressDialog(title + "…", tr("Cancel"), 0, 0, parent)
    busy.setObjectName("incidents.import.busy")
    busy.setMinimumDuration(300)
    busy.setWindowModality(Qt.WindowModality.WindowModal)
    busy.canceled.connect(stop.set)
    finished = _Finished(busy)
    finished.over.connect(lambda: _dismiss(busy))  # queued: emitted from the worker thread

    def show(outcome: Outcome | None) -> None:
        _dismiss(busy)
        if outcome is None:  # the job failed: the guard has told the user
            return
        if outcome.report is not None and outcome.report.created:
            ctx.incidents.announce(outcome.report.created)
        if outcome.error:
            parent._last_report = show_error(parent, title, outcome)
        else:
            parent._last_report = show_report(parent, title, outcome.report)
        if outcome.report is not None:
            done(outcome.report)

    future = ctx.run_in_background(_attempt, job, stop, on_done=show)
    def over(_future: Any) -> None:
        try:
            finished.over.emit()
        except RuntimeError:  # the dialog went with its window
            pass

    if future is not None:  # also close the dialog when the job failed and ``show`` is never called
        future.add_done_callback(over)
    return busy


def import_detections(parent: QWidget, ctx: PluginContext, done: Callable[[Any], Any], path: str = "") -> None:
    """Ask for a detection feed (CSV or JSON lines) and import it."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import camera AI detections"), "",
                                              tr("Detection feeds (*.csv *.jsonl *.ndjson *.json);;All files (*)"))
    if not path:
        return
    level = float(ctx.settings.get("min_confidence", 0.6))
    run_import(parent, ctx, tr("Import camera detections"),
               lambda should_stop: ctx.incidents.import_detections(path, min_confidence=level,
                                                                   should_stop=should_stop), done)


def import_open311(parent: QWidget, ctx: PluginContext, done: Callable[[Any], Any], path: str = "") -> None:
    """Ask for an Open311 GeoReport v2 file and import it."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import Open311 requests"), "",
                                              tr("GeoReport v2 JSON (*.json);;All files (*)"))
    if path:
        run_import(parent, ctx, tr("Import Open311 requests"),
                   lambda should_stop: ctx.incidents.import_open311(path, should_stop=should_stop), done)


def export(parent: QWidget, ctx: PluginContext, kind: str, filters: dict[str, Any], path: str = "") -> int | None:
    """Write the incidents matching ``filters`` as ``kind`` (``open311`` or ``geojson``)."""
    if not path:
        label, pattern = ((tr("Export Open311 GeoReport v2"), "GeoReport v2 JSON (*.json)") if kind == "open311"
                          else (tr("Export GeoJSON"), "GeoJSON (*.geojson *.json)"))
        path, _ = QFileDialog.getSaveFileName(parent, label, f"incidents.{'json' if kind == 'open311' else 'geojson'}",
                                              pattern)
    if not path:
        return None
    try:
        fn = ctx.incidents.export_open311 if kind == "open311" else ctx.incidents.export_geojson
        n = fn(path, **filters)
    except Exception as exc:
        QMessageBox.warning(parent, tr("Export failed"), str(exc))
        return None
    ctx.notify(tr("Wrote {n} incidents to {name}").format(n=f"{n:,}", name=Path(path).name))
    return n


def ask_min_confidence(parent: QWidget, ctx: PluginContext) -> None:
    """Let the user set the confidence below which detections are marked for review."""
    value, ok = QInputDialog.getDouble(parent, tr("Detection review level"),
                                       tr("Mark detections below this confidence for review:"),
                                       float(ctx.settings.get("min_confidence", 0.6)), 0.0, 1.0, 2)
    if ok:
        ctx.settings["min_confidence"] = value
