"""The incident a task is about, inside the task detail: what, where, photos, history, a way back (Qt).

:class:`IncidentBox` shows the incident's category, status, address, description, photo
thumbnails and its last history lines, as ``ctx.incidents`` lets the signed-in user read
them; *Show incident* selects it on the map and brings it into view (:func:`show_incident`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout

from gisdesk.api import PermissionDenied, PluginContext

from tasks.evidence import AttachmentViewer, fill_thumbnails, thumbnail_list, tr
from tasks.wording import short_date

#: History lines shown (the newest).
HISTORY_LINES = 6


def incident_rowid(ctx: PluginContext, uuid: str) -> int | None:
    """The map feature id of incident ``uuid`` (None when the user may not read it or it is gone)."""
    try:
        key = ctx.workspace.id_column("incidents")  # rowid in a workspace file, the table's key on the server
    except KeyError:
        key = "rowid"
    rows = ctx.workspace.read(f"SELECT {key} AS r FROM incidents WHERE uuid = ?", (uuid,))
    return int(rows[0]["r"]) if rows else None


def show_incident(ctx: PluginContext, uuids: list[str], geometries: list[Any]) -> None:
    """Select the incidents on the map and bring them into view."""
    try:
        layer = ctx.workspace.layer("incidents")
    except KeyError:
        layer = None
    if layer is not None:
        ids = [i for i in (incident_rowid(ctx, u) for u in uuids) if i is not None]
        ctx.canvas.select(layer.id, ids)
    if geometries:
        xs0, ys0, xs1, ys1 = zip(*(g.bounds for g in geometries))
        minx, miny, maxx, maxy = min(xs0), min(ys0), max(xs1), max(ys1)
        pad = max(150.0, 0.3 * max(maxx - minx, maxy - miny))
        ctx.canvas.set_extent((minx - pad, miny - pad, maxx + pad, maxy + pad))


class IncidentBox(QGroupBox):
    """The incident of the task shown (hidden for a task without one)."""

    def __init__(self, ctx: PluginContext) -> None:
        super().__init__(tr("Incident"))
        self.setObjectName("tasks.detail.incident")
        self.ctx = ctx
        self.incident: Any = None
        self.files: list[dict[str, Any]] = []
        lay = QVBoxLayout(self)
        form = QFormLayout()
        self.what = QLabel(objectName="tasks.detail.incident.what")
        self.address = QLabel(objectName="tasks.detail.incident.address")
        self.description = QLabel(objectName="tasks.detail.incident.description")
        for w in (self.what, self.address, self.description):
            w.setWordWrap(True)
        form.addRow(tr("What"), self.what)
        form.addRow(tr("Address"), self.address)
        form.addRow(tr("Reported"), self.description)
        lay.addLayout(form)
        self.photos = thumbnail_list("tasks.detail.incident.photos")
        self.photos.itemDoubleClicked.connect(lambda item: self.open_viewer(self.photos.row(item)))
        lay.addWidget(self.photos)
        self.history = QListWidget(objectName="tasks.detail.incident.history")
        self.history.setMaximumHeight(96)
        self.history.setWordWrap(True)
        lay.addWidget(self.history)
        row = QHBoxLayout()
        self.show_button = QPushButton(tr("Show incident on the map"), objectName="tasks.detail.incident.show")
        self.show_button.clicked.connect(self.show_on_map)
        self.viewer_button = QPushButton(tr("Photos…"), objectName="tasks.detail.incident.viewer")
        self.viewer_button.clicked.connect(lambda: self.open_viewer(0))
        row.addWidget(self.show_button)
        row.addWidget(self.viewer_button)
        row.addStretch(1)
        lay.addLayout(row)
        self.viewer: AttachmentViewer | None = None

    def show_incident_of(self, incident_uuid: str | None) -> None:
        """Fill the box for the incident ``incident_uuid`` (hidden when None or not readable)."""
        self.incident = None
        if incident_uuid:
            try:
                self.incident = self.ctx.incidents.get(incident_uuid)
            except (KeyError, PermissionDenied) as exc:
                self.setVisible(True)
                self.what.setText(tr("The incident cannot be shown: {why}").format(why=exc))
                for w in (self.address, self.description, self.photos, self.history, self.show_button,
                          self.viewer_button):
                    w.setVisible(False)
                return
        self.setVisible(self.incident is not None)
        if self.incident is None:
            return
        inc = self.incident
        for w in (self.address, self.description, self.history, self.show_button):
            w.setVisible(True)
        self.what.setText(tr("{category}, severity {severity} — {status}; {commune}").format(
            category=inc.category, severity=inc.severity, status=tr(inc.status.replace("_", " ")),
            commune=inc.commune or tr("outside every commune")))
        self.address.setText(inc.address or "—")
        self.description.setText((inc.description or "—") + "  (" + short_date(inc.occurred_at) + ", "
                                 + tr(inc.channel) + ")")
        self.files = self.ctx.incidents.attachments(inc.uuid)
        fill_thumbnails(self.photos, self.files, self.ctx.incidents.attachment_data)
        self.photos.setVisible(bool(self.files))
        self.viewer_button.setVisible(bool(self.files))
        self.history.clear()
        events = self.ctx.incidents.events(inc.uuid)
        for e in reversed(events[-HISTORY_LINES:]):
            what = e["action"] + (f" {e['field']}" if e.get("field") else "")
            if e.get("to_state") and e.get("field") not in ("geometry",):
                what += f" → {e['to_state']}"
            self.history.addItem(f"{str(e['at']).replace('T', ' ')[:16]}  {e['who']}: {what}")

    def show_on_map(self) -> None:
        """Select the incident on the map and zoom to it."""
        if self.incident is not None:
            show_incident(self.ctx, [self.incident.uuid], [self.incident.geometry])

    def open_viewer(self, row: int = 0) -> AttachmentViewer:
        """The incident's files in the viewer (shown)."""
        self.viewer = AttachmentViewer(tr("Photos of the incident"), self.files, self.ctx.incidents.attachment_data,
                                       self)
        self.viewer.strip.setCurrentRow(max(0, row))
        self.viewer.show()
        return self.viewer
