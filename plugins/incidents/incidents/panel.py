"""The Incidents dock panel: draw, report, route, de-duplicate, list, edit, undo (Qt).

Layout: a toolbar (draw a point, line or area; edit a shape; undo/redo; import and
export), then two tabs: *Incident* (the form) and *List* (filters and a table).
Drawing on the map fills the form; Save validates, routes, offers duplicates and
stores; every change goes through one undo stack (Ctrl+Z / Ctrl+Shift+Z in the panel).

What the signed-in user may do comes from the access policy (``ctx.incidents.may``): a control
the policy refuses is disabled with the reason as its tooltip, and a change the store refuses
anyway (or a conflict with someone else's change) is explained in the form, keeping what was
typed. When someone else signs in, the undo stack, the form, the selection and the highlights
are cleared and the list shows what the new user may read.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (QInputDialog, QLabel, QMenu, QMessageBox, QScrollArea, QTabWidget, QToolBar,
                               QToolButton, QVBoxLayout, QWidget)

from gisdesk.api import ConflictError, Incident, PermissionDenied, PluginContext, ValidationError

from incidents import feeds, handoff
from incidents.commands import ChangeIncident, CreateIncident, DeleteIncident
from incidents.form import IncidentForm, allow, tr
from incidents.listing import IncidentList
from incidents.tools import session

TOOLS = (("incidents.draw_point", "Point"), ("incidents.draw_line", "Line"), ("incidents.draw_polygon", "Area"),
         ("incidents.edit_shape", "Edit shape"))
#: Duplicate search: same category, open, within this distance (m) and time (hours).
DUPLICATE_METRES, DUPLICATE_HOURS = 100.0, 24.0
#: What a refused or stale change raises (the form says why; nothing typed is lost).
REFUSED = (ValidationError, ValueError, PermissionDenied, ConflictError)
#: The graphics the panel and its tools draw on the map.
GRAPHICS = ("new", "sketch", "snap", "editing")


class IncidentsPanel(QWidget):
    """Report and manage incidents."""

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("incidents.panel.widget")
        self.ctx = ctx
        self.s = session(ctx)
        self.undo_stack = QUndoStack(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        self.setMinimumWidth(360)
        draw_bar, edit_bar = self._toolbars()
        lay.addWidget(draw_bar)
        lay.addWidget(edit_bar)
        self.hint = QLabel(objectName="incidents.hint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555")
        lay.addWidget(self.hint)
        self.tabs = QTabWidget(objectName="incidents.tabs")
        self.form = IncidentForm(ctx)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        self.tabs.addTab(scroll, tr("Incident"))
        self.list = IncidentList(ctx)
        self.tabs.addTab(self.list, tr("List"))
        lay.addWidget(self.tabs, 1)

        self.s.on_finished = self.start_new
        self.s.on_picked = self.open_incident
        self.s.on_reshaped = self.reshape
        self.s.on_hint = self.hint.setText
        self.form.edited.connect(self._recheck_soon)
        self.form.save_requested.connect(self.save)
        self.form.cancel_requested.connect(self.cancel)
        self.form.delete_requested.connect(self.delete)
        self.list.picked.connect(self.open_incident)
        self.form.task_requested.connect(lambda: self.create_task([self.form.uuid] if self.form.uuid else []))
        self.list.task_requested.connect(self.create_task)
        self._check_timer = QTimer(self, singleShot=True, interval=150)
        self._check_timer.timeout.connect(self.recheck)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            sc = QShortcut(keys, self)
            sc.setContext(sc.context().WidgetWithChildrenShortcut)
            sc.activated.connect(slot)
        undo_user = ctx.events.on_user_changed(lambda user: self.on_user_changed())  # the facade re-binds itself
        # another workstation changed incidents on the city server: the list is read again (the form keeps
        # what is being typed; saving it against a changed incident is refused by the version check)
        undo_live = ctx.events.on_changed_elsewhere(lambda kinds: self.list.reload() if "incidents" in kinds else None)
        self.destroyed.connect(lambda *_: (undo_user(), undo_live()))
        if ctx.incidents.available:
            self.form.fill_lists()
            self.list.fill_lists()
            self.list.reload()
            self.apply_rights()
            self.hint.setText(tr("Draw a new incident as a point, a line or an area, or pick one in the list."))
        else:
            self.setEnabled(False)
            self.hint.setText(tr("This workspace has no incidents and communes layers; open a city workspace."))

    # -- toolbar -------------------------------------------------------------------
    def _toolbars(self) -> tuple[QToolBar, QToolBar]:
        bar = QToolBar(objectName="incidents.toolbar")
        self.tool_actions: dict[str, QAction] = {}
        for tool_id, label in TOOLS:
            act = QAction(tr(label), self, objectName=f"{tool_id}.button")
            act.setToolTip(tr("Draw a new incident on the map") if "draw" in tool_id
                           else tr("Pick an incident on the map and move, add or remove its corners"))
            act.triggered.connect(lambda checked=False, t=tool_id: self.ctx.canvas.set_map_tool(t))
            bar.addAction(act)
            self.tool_actions[tool_id] = act
        draw_bar, bar = bar, QToolBar(objectName="incidents.edit_toolbar")
        self.undo_action = self.undo_stack.createUndoAction(self, tr("Undo"))
        self.redo_action = self.undo_stack.createRedoAction(self, tr("Redo"))
        self.undo_action.setObjectName("incidents.undo")
        self.redo_action.setObjectName("incidents.redo")
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        more = QToolButton(objectName="incidents.more")
        more.setText(tr("Import/Export"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(more)
        self.import_actions = [
            menu.addAction(tr("Import camera detections…"),
                           lambda: feeds.import_detections(self, self.ctx, self._imported)),
            menu.addAction(tr("Detection review level…"), lambda: feeds.ask_min_confidence(self, self.ctx)),
            menu.addAction(tr("Import Open311 requests…"),
                           lambda: feeds.import_open311(self, self.ctx, self._imported))]
        for act, name in zip(self.import_actions, ("import_detections", "review_level", "import_open311")):
            act.setObjectName(f"incidents.{name}")
        menu.addSeparator()
        menu.addAction(tr("Export listed incidents as Open311…"),
                       lambda: feeds.export(self, self.ctx, "open311", self.list.filters()))
        menu.addAction(tr("Export listed incidents as GeoJSON…"),
                       lambda: feeds.export(self, self.ctx, "geojson", self.list.filters()))
        menu.addSeparator()
        self.rules_action = menu.addAction(tr("Routing rules…"), self.edit_rules)
        self.rules_action.setObjectName("incidents.rules_action")
        more.setMenu(menu)
        bar.addWidget(more)
        return draw_bar, bar

    # -- what the user may do ------------------------------------------------------
    def rights(self, inc: Incident | None = None) -> dict[str, Any]:
        """The policy's decisions for the form: on ``inc``, or on a new incident (None)."""
        may = self.ctx.incidents.may
        if inc is None:
            create = may("create")
            return {"edit": create, "change_status": create, "reroute": may("reroute") if create else create,
                    "delete": create}
        out = {action: may(action, inc) for action in ("edit", "change_status", "reroute", "delete")}
        out["create_task"] = self.ctx.tasks.may("create", "task")
        return out

    def apply_rights(self) -> None:
        """Enable the toolbar and menu entries the signed-in user may use (the reason on the others)."""
        may = self.ctx.incidents.may
        create, edit = may("create"), may("edit")
        for tool_id, act in self.tool_actions.items():
            allow(act, create if "draw" in tool_id else edit)
        for act in self.import_actions:
            allow(act, create)
        allow(self.rules_action, may("edit_rules"))

    def on_user_changed(self) -> None:
        """Someone else signed in: forget the previous user's undo stack, form, selection and highlights."""
        self.undo_stack.clear()
        self.s.sketch = None
        self.s.show_editing(None)
        for name in GRAPHICS:
            self.ctx.canvas.remove_graphics(name)
        if self.ctx.canvas.map_tool.startswith("incidents."):
            self.ctx.canvas.set_map_tool("gisdesk.tool.pan")
        self.form.clear()
        self.list.table.clearSelection()
        if self.ctx.incidents.available:
            self.form.fill_lists()
            self.list.fill_lists()
            self.list.reload()
            self.apply_rights()
        who = self.ctx.incidents.user.username if self.ctx.incidents.available else ""
        self.hint.setText(tr("Signed in as {name}: the list shows the incidents you may see.").format(name=who))

    # -- drawing and picking -------------------------------------------------------
    def start_new(self, geometry: Any) -> None:
        """A shape was drawn: fill the form for a new incident there (if the user may report one)."""
        create = self.ctx.incidents.may("create")
        if not create:
            self.ctx.canvas.remove_graphics("new")
            self.hint.setText(tr("Not allowed: {reason}").format(reason=create.reason))
            return
        self.s.show_editing(None)
        self.form.new(geometry)
        self.form.apply_rights(self.rights())
        self.tabs.setCurrentIndex(0)
        self.form.category.setFocus()

    def open_incident(self, uuid: str) -> None:
        """Show a stored incident in the form, on the map, ready to edit."""
        try:
            inc = self.ctx.incidents.get(uuid)
        except KeyError:
            self.hint.setText(tr("That incident no longer exists (deleted, or undone)."))
            return
        except PermissionDenied as exc:
            self.hint.setText(tr("Not allowed: {reason}").format(reason=exc))
            return
        self.ctx.canvas.remove_graphics("new")
        self._show(inc)
        self.s.show_editing(uuid, inc.geometry)
        picked = self.list.selected()
        if uuid not in picked:
            self.list.select(uuid)
            picked = [uuid]
        self.select_on_map(picked)
        self.zoom_to(inc.geometry)
        self.tabs.setCurrentIndex(0)

    def select_on_map(self, uuids: list[str]) -> None:
        """Select the incidents on the map (the Tasks panel's "New task" and other plugins read it)."""
        handoff.select_on_map(self.ctx, uuids)

    def create_task(self, uuids: list[str]) -> bool:
        """Hand the incidents to the Tasks panel: one task about them, then its Assign form (the city)."""
        if not uuids:
            return False
        done, message = handoff.hand_off(self.ctx, uuids, tr)
        self.hint.setText(message)
        return done

    def zoom_to(self, geom: Any, margin_m: float = 150.0) -> None:
        """Bring ``geom`` into view (zooming in only as far as a street block)."""
        minx, miny, maxx, maxy = geom.bounds
        ext = self.ctx.canvas.extent()
        inside = minx >= ext[0] and maxx <= ext[2] and miny >= ext[1] and maxy <= ext[3]
        small = (maxx - minx) < (ext[2] - ext[0]) / 3
        if not (inside and small):
            self.ctx.canvas.set_extent((minx - margin_m, miny - margin_m, maxx + margin_m, maxy + margin_m))

    def reshape(self, uuid: str, geometry: Any) -> None:
        """The edit tool moved, added or removed a corner."""
        version = self.form.version if self.form.uuid == uuid else None
        try:
            self.undo_stack.push(ChangeIncident(self.ctx, uuid, {"geometry": geometry}, "", self._changed,
                                                tr("Change shape"), version=version))
        except REFUSED as exc:
            self.hint.setText(tr("Shape not changed: ") + str(exc))
            try:
                self.s.show_editing(uuid, self.ctx.incidents.get(uuid).geometry)
            except (KeyError, PermissionDenied):
                self.s.show_editing(None)

    # -- the form ------------------------------------------------------------------
    def _recheck_soon(self) -> None:
        self._check_timer.start()

    def _draft(self) -> Incident:
        v = self.form.values()
        fields = {k: v[k] for k in ("category", "severity", "channel", "occurred_at", "address", "description",
                                    "needs_review", "commune", "department") if k in v}
        return Incident(geometry=self.form.geometry, **fields)

    def recheck(self) -> Incident | None:
        """Validate and route what the form holds; show it. Returns the prepared incident, or None."""
        if self.form.geometry is None:
            return None
        try:
            draft = self._draft()
            prepared = self.ctx.incidents.prepare(draft)
        except (ValidationError, ValueError) as exc:
            self.form.show_check(None, None, [], str(exc))
            return None
        self.form.show_check(prepared.commune, prepared.department, list(prepared.notes))
        return prepared

    def save(self) -> None:
        """Store the new incident, or the changes to the one shown."""
        prepared = self.recheck()
        if prepared is None or not self.form.save.isEnabled():
            return
        try:
            if self.form.uuid is None:
                self._save_new(prepared)
            else:
                self._save_changes()
        except REFUSED as exc:  # what was typed stays in the form
            self.form.show_refusal(tr("Not saved: ") + str(exc))

    def _save_new(self, prepared: Incident) -> None:
        link = None
        dups = self.ctx.incidents.duplicates(prepared, DUPLICATE_METRES, DUPLICATE_HOURS)
        if dups:
            link = self._ask_duplicate(prepared, dups)
            if link is False:
                return
        reason = self.form.override_reason()
        cmd = CreateIncident(self.ctx, self._draft(), self._changed, list(self.form.pending_files), link or None,
                             note=(tr("routing overridden: ") + reason) if reason else None)
        self.undo_stack.push(cmd)
        self.ctx.canvas.remove_graphics("new")
        msg = tr("Reported {category} in {commune}.").format(category=prepared.category,
                                                              commune=prepared.commune or tr("no commune"))
        if cmd.problems:
            msg += " " + tr("Not attached: ") + "; ".join(cmd.problems)
        self.hint.setText(msg)

    def _ask_duplicate(self, prepared: Incident, dups: list[Incident]) -> str | None | bool:
        """Offer the nearest open incident as the one this duplicates: its uuid, None (new) or False (cancel)."""
        near = dups[0]
        dist = near.geometry.distance(prepared.geometry)
        box = QMessageBox(QMessageBox.Icon.Question, tr("Possible duplicate"),
                          tr("An open {category} incident was reported {dist:.0f} m away at {when} "
                             "({n} candidate(s)). Link the new report to it as a duplicate?")
                          .format(category=near.category, dist=dist, n=len(dups),
                                  when=near.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M")), parent=self)
        box.setObjectName("incidents.duplicate")
        link = box.addButton(tr("Link as duplicate"), QMessageBox.ButtonRole.AcceptRole)
        new = box.addButton(tr("Save as a new incident"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(link)
        box.exec()
        if box.clickedButton() is link:
            return near.uuid
        if box.clickedButton() is new:
            return None
        return False

    def _save_changes(self) -> None:
        uuid = self.form.uuid
        cur = self.ctx.incidents.get(uuid)
        v = self.form.values()
        changes = {k: val for k, val in v.items() if getattr(cur, k) != val}
        if not changes:
            self.hint.setText(tr("Nothing changed."))
            return
        self.undo_stack.push(ChangeIncident(self.ctx, uuid, changes, self.form.override_reason(), self._changed,
                                            version=self.form.version))
        self.hint.setText(tr("Saved the changes."))

    def cancel(self) -> None:
        self.ctx.canvas.remove_graphics("new")
        self.s.show_editing(None)
        self.form.clear()

    def delete(self) -> None:
        uuid = self.form.uuid
        if uuid is None:
            return
        reason, ok = QInputDialog.getText(self, tr("Delete incident"),
                                          tr("Why delete this incident? (Its history is kept; Undo restores it.)"))
        if not ok:
            return
        try:
            self.undo_stack.push(DeleteIncident(self.ctx, uuid, reason.strip(), self._changed,
                                                version=self.form.version))
        except REFUSED as exc:
            self.form.show_refusal(tr("Not deleted: ") + str(exc))

    # -- after a change ------------------------------------------------------------
    def _changed(self, uuid: str | None) -> None:
        """An edit (or its undo) changed the workspace: redraw the map, the list and the form."""
        self.ctx.canvas.refresh()
        self.list.fill_lists()
        self.list.reload()
        try:
            inc = self.ctx.incidents.get(uuid) if uuid is not None else None
        except (KeyError, PermissionDenied):  # e.g. reported in another commune: theirs now
            inc = None
            self.hint.setText(tr("Stored; it belongs to another unit now, so it is not shown to you."))
        if inc is None:
            self.s.show_editing(None)
            self.form.clear()
            return
        self._show(inc)
        self.s.show_editing(uuid, inc.geometry)
        self.list.select(uuid)

    def _show(self, inc: Incident) -> None:
        """Load ``inc`` into the form with its history and files, and the controls the user may use."""
        self.form.edit(inc, self.ctx.incidents.events(inc.uuid), self.ctx.incidents.attachments(inc.uuid))
        self.form.apply_rights(self.rights(inc))

    def _imported(self, report: Any) -> None:
        self.ctx.canvas.refresh()
        self.list.fill_lists()
        self.list.reload()

    def edit_rules(self) -> None:
        from incidents.rules import RulesDialog

        if not self.ctx.incidents.may("edit_rules"):
            return
        if RulesDialog(self.ctx, self).exec():
            self.form.fill_lists()
            self.list.fill_lists()
            self.recheck()

