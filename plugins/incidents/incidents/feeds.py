"""Import and export from the panel: camera detections, Open311, GeoJSON (Qt).

Imports run in the background (``ctx.run_in_background``) behind a busy dialog; the
result says how many incidents were created, how many were repeats of open ones and
every rejected line with its reason.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog, QWidget

from gisdesk.api import PluginContext

from incidents.form import tr


def show_report(parent: QWidget, title: str, report: Any) -> QMessageBox:
    """A non-modal summary of an ImportReport (rejected lines in the details)."""
    c = report.counts()
    box = QMessageBox(QMessageBox.Icon.Warning if c["rejected"] else QMessageBox.Icon.Information, title,
                      tr("Created {created}, repeats of open incidents {duplicates}, rejected {rejected}.")
                      .format(**c), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("incidents.import.report")
    if report.rejected:
        box.setDetailedText("\n".join(f"line {n}: {why}" for n, why in report.rejected))
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    return box


def run_import(parent: QWidget, ctx: PluginContext, title: str, job: Callable[[], Any],
               done: Callable[[Any], Any]) -> None:
    """Run ``job`` in the background behind a busy dialog, then ``done(report)``."""
    busy = QProgressDialog(title + "…", "", 0, 0, parent)
    busy.setObjectName("incidents.import.busy")
    busy.setCancelButton(None)  # SQLite writes in one transaction: stopping halfway would gain nothing
    busy.setMinimumDuration(300)
    busy.setWindowModality(Qt.WindowModality.WindowModal)

    def finished(report: Any) -> None:
        busy.close()
        if report is None:  # the job failed: the guard has told the user
            return
        ctx.incidents.announce(report.created)
        parent._last_report = show_report(parent, title, report)
        done(report)

    ctx.run_in_background(job, on_done=finished)


def import_detections(parent: QWidget, ctx: PluginContext, done: Callable[[Any], Any], path: str = "") -> None:
    """Ask for a detection feed (CSV or JSON lines) and import it."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import camera AI detections"), "",
                                              tr("Detection feeds (*.csv *.jsonl *.ndjson *.json);;All files (*)"))
    if not path:
        return
    level = float(ctx.settings.get("min_confidence", 0.6))
    run_import(parent, ctx, tr("Import camera detections"),
               lambda: ctx.incidents.import_detections(path, min_confidence=level), done)


def import_open311(parent: QWidget, ctx: PluginContext, done: Callable[[Any], Any], path: str = "") -> None:
    """Ask for an Open311 GeoReport v2 file and import it."""
    if not path:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import Open311 requests"), "",
                                              tr("GeoReport v2 JSON (*.json);;All files (*)"))
    if path:
        run_import(parent, ctx, tr("Import Open311 requests"), lambda: ctx.incidents.import_open311(path), done)


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
