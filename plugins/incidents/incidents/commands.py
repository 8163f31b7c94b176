"""Undoable incident edits: create, change, delete (QUndoCommand over ``ctx.incidents``).

Each edit runs once *before* it is pushed (so a refused edit never enters the undo
stack and the user sees why); the stack's first ``redo()`` is then skipped. Undo of a
create deletes (history kept), undo of a delete restores the same incident, undo of a
change writes the earlier values back, each as new recorded events.

Every change gives the store the version it last saw (what the form was loaded with, then
the version its own change made): an undo or redo after someone else changed the incident
is a conflict that names the other change, never an overwrite of it.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtGui import QUndoCommand

from gisdesk.api import Incident, PluginContext

#: Attributes an undo writes back (commune and department are handled as overrides).
ATTRS = ("category", "severity", "description", "channel", "occurred_at", "address", "status", "needs_review")


class _Edit(QUndoCommand):
    def __init__(self, ctx: PluginContext, text: str, changed: Callable[[str | None], Any]) -> None:
        super().__init__(text)
        self.ctx = ctx
        self.changed = changed  # the panel's refresh, given the incident to show (None: none)
        self._first = True

    def redo(self) -> None:  # noqa: D102 (Qt override)
        if self._first:  # already done before the push
            self._first = False
            return
        self._guard(self.do_again)

    def undo(self) -> None:  # noqa: D102 (Qt override)
        self._guard(self.undo_it)

    def _guard(self, fn: Callable[[], Any]) -> None:
        # An exception must not escape into Qt's C++ caller: report it instead.
        try:
            fn()
        except Exception as exc:  # e.g. someone else deleted the incident meanwhile
            self.ctx.notify(f"could not {self.text().lower()}: {exc}", "error")

    def do_again(self) -> None:
        raise NotImplementedError

    def undo_it(self) -> None:
        raise NotImplementedError


class CreateIncident(_Edit):
    """Report a new incident (optionally linked as a duplicate, with attachments)."""

    def __init__(self, ctx: PluginContext, incident: Incident, changed: Callable[[str | None], Any],
                 attachments: list[str] = (), duplicate_of: str | None = None, note: str | None = None) -> None:
        super().__init__(ctx, f"Report {incident.category}", changed)
        self.uuid = ctx.incidents.create(incident, note=note)
        self.problems: list[str] = []
        for path in attachments:
            try:
                ctx.incidents.attach(self.uuid, path)
            except Exception as exc:  # the incident is stored; say which file was refused
                self.problems.append(str(exc))
        if duplicate_of:
            try:
                ctx.incidents.link_duplicate(self.uuid, duplicate_of, "linked when reported")
            except Exception as exc:  # stored, not linked (e.g. routed to a unit the user may not change)
                self.problems.append(str(exc))
        self._snapshot: dict | None = None
        changed(self.uuid)

    def do_again(self) -> None:
        self.ctx.incidents.restore(self._snapshot, "redo")
        self.changed(self.uuid)

    def undo_it(self) -> None:
        self._snapshot = self.ctx.incidents.delete(self.uuid, "undo")
        self.changed(None)


class DeleteIncident(_Edit):
    """Delete an incident (its history stays; undo restores it)."""

    def __init__(self, ctx: PluginContext, uuid: str, reason: str, changed: Callable[[str | None], Any],
                 version: int | None = None) -> None:
        super().__init__(ctx, "Delete incident", changed)
        self.uuid, self.reason = uuid, reason
        self._snapshot = ctx.incidents.delete(uuid, reason, version=version)
        changed(None)

    def do_again(self) -> None:
        self._snapshot = self.ctx.incidents.delete(self.uuid, self.reason)
        self.changed(None)

    def undo_it(self) -> None:
        self.ctx.incidents.restore(self._snapshot, "undo")
        self.changed(self.uuid)


class ChangeIncident(_Edit):
    """Change attributes, routing or the shape of an incident."""

    def __init__(self, ctx: PluginContext, uuid: str, changes: dict[str, Any], reason: str,
                 changed: Callable[[str | None], Any], text: str = "Change incident",
                 version: int | None = None) -> None:
        super().__init__(ctx, text, changed)
        self.uuid = uuid
        self.before = ctx.incidents.get(uuid)
        if version is not None and version != self.before.version:  # the form is older than the store
            self.before = self.before.evolve(version=version)
        self.after = ctx.incidents.update(uuid, changes, reason, version=self.before.version)
        self.version = self.after.version  # what this command last saw
        self.reason = reason
        changed(uuid)

    def _apply(self, target: Incident, reason: str) -> None:
        inc = self.ctx.incidents
        cur = inc.get(self.uuid)
        version = self.version  # a change made since by someone else is a conflict, never overwritten
        changes: dict[str, Any] = {k: getattr(target, k) for k in ATTRS if getattr(cur, k) != getattr(target, k)}
        if not cur.geometry.equals(target.geometry):
            changes["geometry"] = target.geometry
        if changes:
            cur = inc.update(self.uuid, changes, version=version)
            version = cur.version
        routing = {k: getattr(target, k) for k in ("commune", "department") if getattr(cur, k) != getattr(target, k)}
        if routing:
            version = inc.update(self.uuid, routing, reason, version=version).version
        self.version = version
        self.changed(self.uuid)

    def do_again(self) -> None:
        self._apply(self.after, self.reason or "redo")

    def undo_it(self) -> None:
        self._apply(self.before, "undo")
