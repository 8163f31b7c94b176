"""File › Take offline… and File › Sync, and the window's package look (title and status bar).

:class:`TakeOfflineDialog` writes a package (:func:`gisdesk.store.package_create.create_package`)
of one commune or one area for one user: pick the commune (or enter a box, or take the map
view), the layers and the file; the size estimate follows the choice, and a progress bar
runs while the package is written on a worker thread (widgets are touched on the GUI
thread only, through queued signals).
On a window connected to the city server the dialog is
:class:`gisdesk.ui.offline_server.ServerTakeOfflineDialog`, and File › Sync of a package made
from the server first asks its user's server password (:func:`gisdesk.ui.offline_server.server_engine`).

:func:`install_offline` adds the two menu entries to a :class:`~gisdesk.ui.main_window.MainWindow`
and, when the open workspace is a package, says so in the title bar and the status bar
with the time of its last sync. File › Sync runs the sync engine when this build has one
(:func:`sync_engine`); otherwise it is disabled and its tooltip says why.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFileDialog,
                               QFormLayout, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget,
                               QListWidgetItem, QProgressBar, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from gisdesk.core import access

#: Where the sync engine lives, and the function File › Sync calls: ``fn(package_path)`` (to the package's
#: source; it returns the source's report and what the package received).
SYNC_ENTRY_POINTS: tuple[tuple[str, str], ...] = (("gisdesk.store.sync_session", "sync"),)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TakeOfflineDialog", text)


def _wtr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def human_size(n: int) -> str:
    """``1523725`` -> ``1.5 MB``."""
    for unit, step in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= step:
            return f"{n / step:.1f} {unit}"
    return f"{n} B"


class _Bridge(QObject):
    """Carries a worker thread's news to the GUI thread (queued signals)."""

    progressed = Signal(str, float)
    finished = Signal(object)
    failed = Signal(str)
    estimated = Signal(int, object)


class TakeOfflineDialog(QDialog):
    """Make a package of one commune or one area for one user.

    Parameters
    ----------
    workspace : Path
        The open workspace (the package's source; never changed).
    user : User or None
        The signed-in user (the policy decides whether they may make packages).
    extent : (minx, miny, maxx, maxy), optional
        The map view, in the workspace's CRS (*Use the map view*).
    crs : str, optional
        The workspace's CRS, shown beside the box (its coordinates are in it).
    """

    def __init__(self, workspace: Path, user: Any, extent: tuple[float, float, float, float] | None = None,
                 parent: QWidget | None = None, crs: str = "") -> None:
        super().__init__(parent)
        from gisdesk.core.layers import layer_source

        self.workspace = layer_source(workspace)  # a file, or the city server (gisdesk.ui.offline_server)
        self.user = user
        self.extent = extent
        self.report = None
        self._bridge = _Bridge()
        self._bridge.progressed.connect(self._on_progress)
        self._bridge.finished.connect(self._on_finished)
        self._bridge.failed.connect(self._on_failed)
        self._bridge.estimated.connect(self._on_estimated)
        self._generation = 0
        self._worker: threading.Thread | None = None
        self.setWindowTitle(_tr("Take offline"))
        communes, layers = self._choices()

        self.for_combo = QComboBox(editable=True, objectName="offline.for")
        self.for_combo.addItems(self._readable_accounts())
        self.for_combo.setCurrentText("")
        self.for_combo.lineEdit().setPlaceholderText(_tr("the account that works offline, e.g. phu_hoi"))
        self.commune_radio = QRadioButton(_tr("A &commune"), checked=True)
        self.area_radio = QRadioButton(_tr("An &area ({crs})").format(crs=crs) if crs else _tr("An &area"))
        group = QButtonGroup(self)
        group.addButton(self.commune_radio)
        group.addButton(self.area_radio)
        self.commune_combo = QComboBox(objectName="offline.commune")
        self.commune_combo.addItems(communes)
        self.margin_spin = QDoubleSpinBox(decimals=0, maximum=20000, singleStep=100, value=500,
                                          suffix=_tr(" m around it"))
        self.box_spins = [QDoubleSpinBox(decimals=1, minimum=-1e9, maximum=1e9) for _ in range(4)]
        view = QPushButton(_tr("Use the &map view"))
        view.setEnabled(extent is not None)
        view.clicked.connect(self.use_map_view)
        area_grid = QGridLayout()
        for i, (label, spin) in enumerate(zip((_tr("west"), _tr("south"), _tr("east"), _tr("north")),
                                              self.box_spins)):
            area_grid.addWidget(QLabel(label), i // 2, (i % 2) * 2)
            area_grid.addWidget(spin, i // 2, (i % 2) * 2 + 1)
        area_grid.addWidget(view, 2, 0, 1, 2)
        self.draw_button = QPushButton(_tr("&Draw area on map"), objectName="offline.draw")
        self.draw_button.setToolTip(_tr("Hide this dialog, drag a rectangle on the map, and come back with it"))
        self.draw_button.setEnabled(getattr(parent, "canvas", None) is not None)
        self.draw_button.clicked.connect(self.draw_area)
        area_grid.addWidget(self.draw_button, 2, 2, 1, 2)
        self.layer_list = QListWidget(objectName="offline.layers")
        for name in layers:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.layer_list.addItem(item)
        self.layer_list.setMaximumHeight(130)
        self.path_edit = QLineEdit(objectName="offline.path")
        self.path_edit.setPlaceholderText(_tr("the package file (.sqlite)"))
        browse = QPushButton(_tr("Browse…"))
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.estimate_label = QLabel(objectName="offline.estimate")
        self.estimate_label.setWordWrap(True)
        self.progress = QProgressBar(objectName="offline.progress", minimum=0, maximum=100, value=0)
        self.status_label = QLabel(objectName="offline.status")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QFormLayout()
        form.addRow(_tr("&For:"), self.for_combo)
        form.addRow(self.commune_radio, self.commune_combo)
        form.addRow("", self.margin_spin)
        form.addRow(self.area_radio, area_grid)
        form.addRow(_tr("&Layers:"), self.layer_list)
        save_label = QLabel(_tr("&Save to:"))
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, path_row)
        form.addRow(_tr("Size:"), self.estimate_label)
        form.addRow(self.progress)
        form.addRow(self.status_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.create_button = self.buttons.addButton(_tr("&Create package"), QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.setObjectName("offline.create")
        self.create_button.clicked.connect(self.start)
        self.open_button = self.buttons.addButton(_tr("&Open package"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setObjectName("offline.open")
        self.open_button.hide()
        self.open_button.clicked.connect(self._open_package)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.buttons)
        self.setMinimumWidth(560)

        self._estimate_timer = QTimer(self, singleShot=True, interval=300)
        self._estimate_timer.timeout.connect(self._estimate)
        for signal in (self.for_combo.currentTextChanged, self.commune_combo.currentTextChanged,
                       self.margin_spin.valueChanged, self.commune_radio.toggled, self.layer_list.itemChanged,
                       *(s.valueChanged for s in self.box_spins)):
            signal.connect(self._changed)
        self.path_edit.textChanged.connect(self._changed)
        if extent is not None:
            self.use_map_view()
        self.commune_radio.setChecked(True)
        self._changed()

    # -- the choice ------------------------------------------------------------------------
    def _choices(self) -> tuple[list[str], list[str]]:
        """``(communes, reference layers)`` the package can be made of."""
        from gisdesk.store.package_estimate import package_choices

        return package_choices(self.workspace)

    def _signer(self) -> Any:
        """Who makes the package, as ``create_package`` takes it (the signed-in user)."""
        return self.user

    def _readable_accounts(self) -> list[str]:
        """The accounts the signed-in user may read (an administrator: all; others: type the name)."""
        from gisdesk.store.users_store import UserStore

        if self.user is None:
            return []
        try:
            with UserStore(self.workspace, read_only=True) as accounts:
                return [u.username for u in accounts.users(self.user)]
        except Exception:  # an unreadable users table: the name is typed
            return []

    def use_map_view(self) -> None:
        """Fill the box with the map view and choose *An area*."""
        if self.extent is None:
            return
        for spin, value in zip(self.box_spins, self.extent):
            spin.setValue(float(value))
        self.area_radio.setChecked(True)

    def draw_area(self) -> bool:
        """Hide the dialog and let the user drag the area on the window's map (Esc: back unchanged)."""
        from gisdesk.ui.map_tools import DrawRectangleTool

        window = self.parent()
        canvas = getattr(window, "canvas", None)
        if canvas is None:
            return False
        previous = canvas.tool

        def back(bbox: tuple[float, float, float, float] | None) -> None:
            canvas.set_tool(previous)
            if bbox is not None:
                for spin, value in zip(self.box_spins, bbox):
                    spin.setValue(float(value))
                self.area_radio.setChecked(True)
            self.show()
            self.raise_()
            self.activateWindow()
            self._changed()

        canvas.set_tool(DrawRectangleTool(canvas, back, lambda: back(None)))
        self.hide()
        messages = getattr(window, "messages", None)
        if messages is not None:
            messages.show_message(_tr("Drag a rectangle on the map for the package's area (Esc: back to the "
                                      "dialog)."), "info")
        canvas.setFocus()
        return True

    def request(self) -> dict[str, Any]:
        """The keyword arguments of ``create_package`` / ``estimate_package`` the dialog holds now."""
        kw: dict[str, Any] = {"for_user": self.for_combo.currentText().strip()}
        if self.commune_radio.isChecked():
            kw.update(commune=self.commune_combo.currentText(), margin=self.margin_spin.value())
        else:
            kw["area"] = tuple(s.value() for s in self.box_spins)
        picked = [self.layer_list.item(i).text() for i in range(self.layer_list.count())
                  if self.layer_list.item(i).checkState() == Qt.CheckState.Checked]
        if len(picked) < self.layer_list.count():
            kw["layers"] = picked or ["communes"]
        return kw

    def _changed(self, *args: object) -> None:
        by_commune = self.commune_radio.isChecked()
        self.commune_combo.setEnabled(by_commune)
        self.margin_spin.setEnabled(by_commune)
        for spin in self.box_spins:
            spin.setEnabled(not by_commune)
        ready = bool(self.for_combo.currentText().strip()) and bool(self.path_edit.text().strip())
        allowed = access.decide(self._account(), "create", "package")
        self.create_button.setEnabled(ready and allowed.allowed and self._worker is None)
        self.create_button.setToolTip("" if allowed.allowed else _tr("Not available: {reason}").format(
            reason=allowed.reason))
        self._estimate_timer.start()

    def _account(self):
        from gisdesk.core.users import User
        from gisdesk.store._access_check import acting_user

        try:
            return acting_user(self.workspace, self.user)
        except Exception:
            return User("user", "user", "viewer")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Save the package as"), str(self.workspace.parent),
                                              _tr("SpatiaLite package (*.sqlite)"))
        if path:
            self.path_edit.setText(path if path.endswith(".sqlite") else path + ".sqlite")

    # -- estimate and creation, off the GUI thread -------------------------------------------------
    def _estimate(self) -> None:
        kw = self.request()
        if not kw["for_user"]:
            self.estimate_label.setText(_tr("Choose who works offline to see the size."))
            return
        self._generation += 1
        gen, bridge, ws = self._generation, self._bridge, self.workspace

        def work() -> None:
            from gisdesk.store.package_estimate import estimate_package

            try:
                bridge.estimated.emit(gen, estimate_package(ws, **kw))
            except Exception as exc:  # shown in the label, one line
                bridge.estimated.emit(gen, str(exc).splitlines()[0])

        threading.Thread(target=work, daemon=True, name="gisdesk-package-estimate").start()

    def _on_estimated(self, gen: int, result: object) -> None:
        if gen != self._generation:
            return  # an older choice
        if isinstance(result, str):
            self.estimate_label.setText(result)
            return
        self.estimate_label.setText(_tr("About {size}: {features} map features, {cases} cases ({communes})").format(
            size=human_size(result.bytes), features=result.features, cases=result.cases,
            communes=", ".join(result.communes[:4]) + ("…" if len(result.communes) > 4 else "")))

    def start(self) -> None:
        """Write the package on a worker thread; the progress bar follows it."""
        from gisdesk.store.package_create import create_package

        kw = self.request()
        out = Path(self.path_edit.text().strip())
        bridge, ws, user = self._bridge, self.workspace, self._signer()

        def work() -> None:
            try:
                report = create_package(ws, out, signer=user, progress=lambda s, f: bridge.progressed.emit(s, f), **kw)
            except Exception as exc:  # one line in the dialog; nothing was written
                msg = getattr(exc, "message", None) or str(exc)
                hint = getattr(exc, "hint", "")
                bridge.failed.emit(f"{msg} {hint}".strip().splitlines()[0])
            else:
                bridge.finished.emit(report)

        self.status_label.setText(_tr("Writing the package…"))
        self.progress.setValue(0)
        self._worker = threading.Thread(target=work, daemon=True, name="gisdesk-package-create")
        self.create_button.setEnabled(False)
        self._worker.start()

    def _on_progress(self, step: str, fraction: float) -> None:
        self.progress.setValue(int(round(fraction * 100)))

    def _on_finished(self, report: Any) -> None:
        self._worker = None
        self.report = report
        self.progress.setValue(100)
        self.status_label.setText(_tr("Written {path} ({size}): {incidents} incidents and {tasks} tasks for {user}."
                                      ).format(path=report.path.name, size=human_size(report.size),
                                               incidents=report.counts.get("incidents", 0),
                                               tasks=report.counts.get("tasks", 0), user=report.user))
        self.open_button.show()
        self._changed()

    def _on_failed(self, text: str) -> None:
        self._worker = None
        self.progress.setValue(0)
        self.status_label.setText(_tr("Not written: {reason}").format(reason=text))
        self._changed()

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the worker ends (tests and closing)."""
        if self._worker is not None:
            self._worker.join(timeout)

    def _open_package(self) -> None:
        if self.report is None:
            return
        from gisdesk.ui.app import open_window

        parent = self.parent()
        open_window(self.report.path, getattr(parent, "settings", None), getattr(parent, "_plugin_dirs", None))


# -- the window ---------------------------------------------------------------------------------------------------
def sync_engine() -> tuple[Callable[..., Any] | None, str]:
    """The sync engine's ``sync`` when this build has one, else ``(None, why not)``."""
    for module, attr in SYNC_ENTRY_POINTS:
        if importlib.util.find_spec(module) is None:
            continue
        mod = importlib.import_module(module)  # a broken engine is an error, not "no engine"
        fn = getattr(mod, attr, None)
        if callable(fn):
            return fn, ""
    return None, _wtr("the sync engine is not part of this build yet (issue 14, part 2); "
                      "bring the changes back with the package file for now")


def package_words(identity: dict[str, str] | None) -> tuple[str, str]:
    """``(title suffix, status text)`` for a package's identity (``('', '')`` for a plain workspace)."""
    if not identity:
        return "", ""
    last = identity.get("last_sync") or ""
    when = last.replace("T", " ").rstrip("Z")[:16] + " UTC" if last else _wtr("never")
    title = _wtr("offline package for {user}, last synced {when}").format(user=identity.get("user", "?"), when=when)
    status = _wtr("Package · last sync: {when}").format(when=when)
    return title, status


def install_offline(window: Any) -> None:
    """Add File › Take offline… and File › Sync to ``window``; show whether its workspace is a package."""
    from gisdesk.store.package_create import read_identity
    from gisdesk.ui.actions import icon

    try:
        window.package = read_identity(window.workspace)
    except Exception:  # a file gisdesk reads as layers only
        window.package = None
    file_menu = window.menuBar().actions()[0].menu()
    take = QAction(icon("mdi6.briefcase-download-outline"), _wtr("Take &offline…"), window)
    take.setObjectName("gisdesk.file.take_offline")
    take.setToolTip(_wtr("Write a package of one commune or area for one user, to work without the network"))
    take.triggered.connect(lambda checked=False: open_take_offline(window))
    sync = QAction(icon("mdi6.sync"), _wtr("S&ync"), window)
    sync.setObjectName("gisdesk.file.sync")
    engine, why = sync_engine()
    if window.package is None:
        why = why or _wtr("this workspace is not a package")
        why = _wtr("this workspace is not a package") if engine is not None else why
    sync.setEnabled(engine is not None and window.package is not None)
    sync.setToolTip(_wtr("Send this package's changes and receive the city's") if sync.isEnabled()
                    else _wtr("Not available: {reason}").format(reason=why))
    sync.triggered.connect(lambda checked=False: run_sync(window))
    conflicts = QAction(icon("mdi6.call-split"), _wtr("Sync &conflicts…"), window)
    conflicts.setObjectName("gisdesk.file.sync_conflicts")
    conflicts.setToolTip(_wtr("The changes that lost when a package was synced, with what was kept and why"))
    conflicts.triggered.connect(lambda checked=False: open_conflicts(window))
    if getattr(window, "on_server", False):
        conflicts.setEnabled(False)
        conflicts.setToolTip(_wtr("Not available: {reason}").format(reason=_wtr("packages sync with a workspace file")))
    quit_action = window.actions.get("gisdesk.file.quit")
    file_menu.insertAction(quit_action, take)
    file_menu.insertAction(quit_action, sync)
    file_menu.insertAction(quit_action, conflicts)
    file_menu.insertSeparator(quit_action)
    window.package_label = QLabel(objectName="gisdesk.status.package")
    window.statusBar().addPermanentWidget(window.package_label)
    show_package(window)


def open_conflicts(window: Any):
    """Show the sync conflicts the signed-in user may see; returns the dialog."""
    from gisdesk.ui.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog(window.workspace, window.account, window)
    dialog.open()
    window._conflicts_dialog = dialog
    return dialog


def show_package(window: Any) -> None:
    """The title bar and the status bar say whether the open workspace is a package and when it last synced."""
    suffix, status = package_words(getattr(window, "package", None))
    if getattr(window, "on_server", False):
        return  # the city server: the title already says so (city server); never a package
    base = _wtr("gisdesk — {name}").format(name=window.workspace.name)
    window.setWindowTitle(f"{base} ({suffix})" if suffix else base)
    window.package_label.setText(status)
    window.package_label.setVisible(bool(status))


def open_take_offline(window: Any) -> TakeOfflineDialog | None:
    """Show the Take offline dialog for the window's workspace and user (refused with the reason otherwise)."""
    decision = access.decide(window.account, "create", "package")
    if not decision.allowed:
        window.messages.show_message(_wtr("Not done: {reason}").format(reason=decision.reason), "warning")
        return None
    from gisdesk.store.errors import StoreError

    v = window.canvas.view()
    extent = (v.minx, v.miny, v.maxx, v.maxy)
    if getattr(window, "on_server", False):  # the city server: gisdesk.ui.offline_server
        from gisdesk.ui.offline_server import ServerTakeOfflineDialog as dialog_class
    else:
        dialog_class = TakeOfflineDialog
    try:
        dialog = dialog_class(window.workspace, window.user, extent, window, crs=window.model.crs)
    except StoreError as exc:  # a file gisdesk reads as layers only: no communes, no cases to take
        window.messages.show_message(_wtr("Not done: {reason}").format(reason=exc.message), "warning")
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    window.take_offline_dialog = dialog
    return dialog


def run_sync(window: Any):
    """Open the Sync dialog and sync the open package with its source (on a worker thread); returns the
    dialog (None when this is not a package or the build has no engine: the reason goes to the message bar)."""
    engine, why = sync_engine()
    if engine is None or window.package is None:
        window.messages.show_message(_wtr("Not done: {reason}").format(reason=why or _wtr("not a package")),
                                     "warning")
        return None
    from gisdesk.ui.offline_server import server_engine
    from gisdesk.ui.sync_dialog import SyncDialog

    engine = server_engine(window, engine)  # a package of the city server: its user's password, asked now
    if engine is None:
        return None
    dialog = SyncDialog(window, engine)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.sync_dialog = dialog
    dialog.show()
    dialog.start()
    return dialog


def sync_summary(result: Any) -> str:
    """One line from the engine's ``(report, received)``: what was sent and what came back."""
    report, received = result if isinstance(result, tuple) and len(result) == 2 else (result, {})
    counts = report.counts() if hasattr(report, "counts") else {}
    sent = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or _wtr("nothing to send")
    got = ", ".join(f"{n} {k}" for k, n in sorted((received or {}).items()) if n) or _wtr("nothing new")
    return _wtr("Synced. Sent: {sent}. Received: {got}.").format(sent=sent, got=got)
