"""The plugin manager dialog: every plugin found, its state, what went wrong, enable/disable/reload."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QPlainTextEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem, QTextBrowser,
                               QVBoxLayout, QWidget)

from gisdesk.ui.language import plugin_text

COLUMNS = ("Plugin", "Version", "Source", "State")
_STATE_COLOURS = {"active": "#1b7a2f", "failed": "#a61b1b", "disabled": "#777777"}


def tr(text: str) -> str:
    return QCoreApplication.translate("PluginManagerDialog", text)


class PluginManagerDialog(QDialog):
    """Lists the manager's plugins; Enable/Disable (remembered by the manager) and Reload.

    Parameters
    ----------
    manager : PluginManager
    parent : QWidget, optional

    The table follows the manager's ``changed`` event, so a plugin failing while the
    dialog is open shows up at once.
    """

    def __init__(self, manager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Plugins"))
        self.setObjectName("pluginManagerDialog")
        self.manager = manager
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.about = QTextBrowser()
        self.about.setOpenExternalLinks(True)
        self.traceback_label = QLabel(tr("Traceback"))
        self.traceback = QPlainTextEdit()
        self.traceback.setReadOnly(True)
        self.traceback.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        details = QWidget()
        box = QVBoxLayout(details)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.about, 3)
        box.addWidget(self.traceback_label)
        box.addWidget(self.traceback, 2)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setSizes([170, 380])
        self.enable_button = QPushButton(tr("&Enable"))
        self.disable_button = QPushButton(tr("&Disable"))
        self.reload_button = QPushButton(tr("&Reload from disk"))
        self.reload_button.setToolTip(tr("Unload the plugin, re-read its files and start it again"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        for b in (self.enable_button, self.disable_button, self.reload_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(row)
        self.enable_button.clicked.connect(lambda: self._act(self.manager.enable))
        self.disable_button.clicked.connect(lambda: self._act(self.manager.disable))
        self.reload_button.clicked.connect(lambda: self._act(self.manager.reload))
        self.table.itemSelectionChanged.connect(self._show_details)
        disconnect = manager.changed.connect(self._on_changed)
        self.destroyed.connect(lambda *_: disconnect())
        self.resize(760, 600)
        self.refresh()
        if self.table.rowCount():
            self.table.selectRow(0)

    # -- table ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read every plugin's state, keeping the selected plugin selected."""
        current = self.current_record()
        self.table.setRowCount(len(self.manager.records))
        for row, rec in enumerate(self.manager.records):
            shown = plugin_text(rec, rec.title)  # the manifest's title in the plugin's own catalogue
            title = shown if shown == rec.name else f"{shown} ({rec.name})"
            state = rec.state + (f" ({rec.phase})" if rec.state == "failed" and rec.phase else "")
            for col, text in enumerate((title, rec.version, rec.source, state)):
                item = QTableWidgetItem(text)
                if col == 3 and rec.state in _STATE_COLOURS:
                    item.setForeground(QBrush(QColor(_STATE_COLOURS[rec.state])))
                if col == 0:
                    item.setData(Qt.ItemDataRole.UserRole, row)
                    item.setIcon(plugin_icon(rec))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        if current is not None and current in self.manager.records:
            self.table.selectRow(self.manager.records.index(current))
        self._show_details()

    def current_record(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.manager.records):
            return None
        return self.manager.records[rows[0].row()]

    def select(self, name: str) -> None:
        """Select the plugin called ``name``."""
        for row, rec in enumerate(self.manager.records):
            if rec.name == name and not rec.duplicate:
                self.table.selectRow(row)
                return
        raise KeyError(name)

    def state_of(self, name: str) -> str:
        """The State column's text for ``name`` (what the user reads)."""
        for row, rec in enumerate(self.manager.records):
            if rec.name == name and not rec.duplicate:
                return self.table.item(row, 3).text()
        raise KeyError(name)

    # -- details and buttons -------------------------------------------------------
    def _show_details(self) -> None:
        rec = self.current_record()
        self.traceback_label.setVisible(bool(rec and rec.traceback))
        self.traceback.setVisible(bool(rec and rec.traceback))
        if rec is None:
            self.about.clear()
            self.traceback.clear()
            for b in (self.enable_button, self.disable_button, self.reload_button):
                b.setEnabled(False)
            return
        self.about.setHtml(_details_html(rec))
        self.traceback.setPlainText(rec.traceback)
        usable = not rec.duplicate and rec.manifest is not None
        self.enable_button.setEnabled(usable and rec.state in ("disabled", "failed", "inactive"))
        self.disable_button.setEnabled(usable and rec.state in ("active", "failed"))
        self.reload_button.setEnabled(usable and rec.path is not None and rec.state != "disabled")

    def _act(self, action) -> None:
        rec = self.current_record()
        if rec is not None:
            action(rec.name)
            self.refresh()

    def _on_changed(self, record) -> None:
        self.refresh()


def plugin_icon(rec) -> QIcon:
    """The plugin's own icon (``plugin.icon``, relative to its manifest), else a generic plug icon."""
    m = rec.manifest
    if m is not None and m.icon and m.root is not None and (m.root / m.icon).is_file():
        icon = QIcon(str(m.root / m.icon))
        if not icon.isNull():
            return icon
    from gisdesk.ui.actions import icon

    return icon("mdi6.puzzle-outline")


def _details_html(rec) -> str:
    e = html.escape
    m = rec.manifest
    parts = [f"<h3>{e(plugin_text(rec, rec.title))} <small>{e(rec.version)}</small></h3>"]
    if rec.state == "failed":
        parts.append(f"<p style='color:#a61b1b'><b>{e(tr('Failed while: {phase}').format(phase=rec.phase))}</b><br>"
                     f"{e(rec.error)}</p>")
    elif rec.state == "disabled":
        why = rec.reason or tr("turned off by you")
        parts.append(f"<p style='color:#8a6100'>{e(tr('Disabled: {why}').format(why=why))}</p>")
    if m is not None:
        if m.description:
            parts.append(f"<p><i>{e(m.description)}</i></p>")
        if m.about:
            parts.append(f"<p>{e(plugin_text(rec, m.about))}</p>")
        rows = [(tr("Name"), e(m.name)), (tr("Author"), e(m.author)), (tr("Category"), e(m.category)),
                (tr("Tags"), e(", ".join(m.tags))), (tr("API version"), e(m.api_version))]
        if m.min_gisdesk or m.max_gisdesk:
            rows.append((tr("Runs on gisdesk"), e(f"{m.min_gisdesk or '…'} – {m.max_gisdesk or '…'}")))
        if m.dependencies:
            rows.append((tr("Needs plugins"), e(", ".join(m.dependencies))))
        if m.changelog:
            rows.append((tr("Changes"), e(m.changelog)))
        for label, url in ((tr("Home page"), m.homepage), (tr("Repository"), m.repository),
                           (tr("Tracker"), m.tracker)):
            if url:
                rows.append((label, f"<a href='{e(url)}'>{e(url)}</a>"))
        if m.experimental:
            rows.append((tr("Experimental"), tr("yes")))
        contributed = ", ".join(i for ids in rec.contributions.values() for i in ids)
        if contributed:
            rows.append((tr("Adds"), e(contributed)))
        if m.warnings:
            rows.append((tr("Manifest warnings"), e("; ".join(m.warnings))))
        parts.append("<table>" + "".join(f"<tr><td><b>{label}</b>&nbsp;</td><td>{value}</td></tr>"
                                         for label, value in rows if value) + "</table>")
    where = rec.entry_point or (str(rec.path) if rec.path else "")
    parts.append(f"<p><small>{e(tr('From {source}: {where}').format(source=rec.source, where=where))}</small></p>")
    return "".join(parts)
