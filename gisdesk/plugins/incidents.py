"""Incidents as plugins see them: ``ctx.incidents`` (Qt-free).

One :class:`Incidents` per plugin context, over the workspace's
:class:`~gisdesk.store.incidents_store.IncidentStore`, bound to the signed-in user (``ctx.user``;
re-bound when someone else signs in): it reads only what the access policy lets that user see,
every change is checked by the policy and recorded as an event with the user's name, and
:meth:`Incidents.may` tells a panel beforehand what the policy would say. The store itself (and
its connection) is never handed out. Creating an incident fires ``incident_created`` for every
plugin (``ctx.events.on_incident_created``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Callable, Mapping

from gisdesk.core.collation import sort_texts
from gisdesk.core.access import Decision
from gisdesk.core.incidents import Incident
from gisdesk.core.layers import is_server_url, layer_source


class Incidents:
    """Report, route, change and link incidents in the open workspace.

    The store opens on first use; ``available`` says whether the workspace has the
    ``incidents`` and ``communes`` layers incidents need.

    Parameters
    ----------
    path : Path or None
        The workspace.
    user : callable
        Returns the signed-in user (a name, or an object with ``name``/``username``), read on
        every call: when it changes, the store is re-bound to the new user (whose role and
        unit come from the workspace's ``users`` table, never from this object).
    created : callable
        Called with each new :class:`Incident` (the app's ``incident_created`` event).
    changed : callable, optional
        Called with the UUID of each incident changed, deleted, restored or linked as a duplicate
        (the app's ``incident_changed`` event).
    """

    def __init__(self, path: Path | None, user: Callable[[], Any], created: Callable[[Incident], Any],
                 changed: Callable[[str], Any] | None = None) -> None:
        self.path = layer_source(path) if path is not None else None  # a file or the server's address
        self._user = user
        self._created = created
        self._changed = changed or (lambda uuid: None)
        self._store: Any = None

    # -- plumbing ---------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether the workspace can hold incidents (it has ``incidents`` and ``communes`` tables)."""
        if self.path is None:
            return False
        if self._store is not None:
            return True
        if is_server_url(self.path):  # `gisdesk server init` made both tables (communes hold published rows)
            return True
        from gisdesk.store.connection import connect

        conn = connect(self.path, read_only=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
        return {"incidents", "communes"} <= names

    def _name(self) -> str:
        who = self._user()
        return who if isinstance(who, str) else (getattr(who, "username", None) or who.name)

    @property
    def _s(self) -> Any:
        """The store, opened on first use and bound to the current user (private: never handed out)."""
        if self._store is None:
            if self.path is None:
                raise RuntimeError("no workspace is open")
            from gisdesk.store.incidents_store import IncidentStore

            self._store = IncidentStore(self.path, self._name())
        elif self._store.user.username != self._name():
            self._store.bind(self._name())
        return self._store

    @property
    def user(self) -> Any:
        """Who the incidents act as: the ``User`` (role, commune, department) the workspace knows."""
        return self._s.user

    def may(self, action: str, record: Incident | Mapping[str, Any] | None = None) -> Decision:
        """Whether the signed-in user may take ``action`` on an incident, and why not.

        ``action`` is one of ``read``, ``create``, ``edit``, ``change_status``, ``reroute``,
        ``delete``; ``record`` an :class:`Incident` (or a mapping with ``commune`` and
        ``department``), or None for "on some incident" (e.g. to enable a draw tool). The
        answer is the access policy's (:func:`gisdesk.core.access.decide`); the store applies
        the same when the change is made. ``may("edit_rules")`` asks about the routing rules.
        """
        if self.path is None:
            return Decision(False, "no workspace is open")
        if action == "edit_rules":
            return self._s.may("edit", None, kind="routing_rule")
        return self._s.may(action, record)

    def close(self) -> None:
        """Close the store (the context does it when the plugin unloads)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- rules, lists -----------------------------------------------------------------
    def rules(self) -> dict[str, str]:
        """Category -> responsible department (the editable routing rules)."""
        return self._s.rules()

    def categories(self) -> list[str]:
        """The category list (the rules' categories), in the language's order."""
        return sort_texts(self._s.rules())

    def set_rule(self, category: str, department: str) -> None:
        """Add a category or change the department it is routed to."""
        self._s.set_rule(category, department)

    def departments(self) -> list[str]:
        """Departments named in the rules or on stored incidents, sorted."""
        return self._s.departments()

    def communes(self) -> list[str]:
        """The commune names, in the language's order (Vietnamese: "Đ" after "D")."""
        return sort_texts(self._s.communes.names)

    def commune_area(self, name: str) -> Any:
        """The outline of commune ``name`` (shapely, workspace CRS); KeyError for an unknown name."""
        communes = self._s.communes
        if name not in communes.names:
            raise KeyError(f"no commune {name}")
        return communes.polygons[communes.names.index(name)]

    def boundary(self) -> Any:
        """The city's outline (shapely, workspace CRS)."""
        return self._s.boundary

    # -- incidents --------------------------------------------------------------------
    def prepare(self, incident: Incident) -> Incident:
        """Validate, repair and route ``incident`` without storing it; ``notes`` says what was done.

        Raises :class:`ValidationError` with a clear message for what cannot be stored.
        """
        return self._s.prepare(incident)

    def duplicates(self, incident: Incident, distance_m: float = 100.0, hours: float = 24.0) -> list[Incident]:
        """Open incidents of the same category within ``distance_m`` and ``hours``, nearest first."""
        return self._s.duplicates(incident, distance_m, hours)

    def create(self, incident: Incident, note: str | None = None) -> str:
        """Store ``incident`` (validated and routed); returns its UUID and fires ``incident_created``.

        PermissionDenied (a viewer; an override of the routing without the right to re-route)
        or ValidationError, with nothing stored.
        """
        stored = self._s.add(incident, note=note)
        self._created(stored)
        return stored.uuid

    def get(self, uuid: str) -> Incident:
        """One incident (KeyError when there is none, PermissionDenied when it is not the user's to
        read); its ``version`` is what :meth:`update` takes back."""
        return self._s.get(uuid)

    def list(self, **filters: Any) -> list[Incident]:
        """The incidents the user may read, newest first; filters ``status``, ``category``, ``commune``, ``channel``,
        ``since``, ``until``, ``open_only``, ``limit`` (see ``IncidentStore.list``)."""
        return self._s.list(**filters)

    def count(self) -> int:
        """How many incidents the user may read."""
        return self._s.count()

    def update(self, uuid: str, changes: Mapping[str, Any], reason: str = "", *,
               version: int | None = None) -> Incident:
        """Change attributes or the geometry; overriding ``commune``/``department`` needs a ``reason``.

        Give the ``version`` of the incident you read: if someone changed it since, ConflictError
        says who changed what, and nothing is written. PermissionDenied says why a change is refused.
        """
        out = self._s.update(uuid, changes, reason, version=version)
        self._changed(uuid)
        return out

    def delete(self, uuid: str, reason: str = "", *, version: int | None = None) -> dict[str, Any]:
        """Remove an incident (its history stays); returns the snapshot :meth:`restore` takes."""
        out = self._s.delete(uuid, reason, version=version)
        self._changed(uuid)
        return out

    def restore(self, snapshot: Mapping[str, Any], reason: str = "") -> str:
        """Bring back a deleted incident from its snapshot."""
        uuid = self._s.restore(snapshot, reason)
        self._changed(uuid)
        return uuid

    def link_duplicate(self, uuid: str, of_uuid: str, reason: str = "", *, version: int | None = None) -> Incident:
        """Mark ``uuid`` a duplicate of ``of_uuid`` (nothing is merged)."""
        out = self._s.link_duplicate(uuid, of_uuid, reason, version=version)
        self._changed(uuid)
        return out

    def events(self, uuid: str) -> list[dict[str, Any]]:
        """The history of one incident, oldest first (``at``, ``who``, ``action``, ``field``, …)."""
        return self._s.events(uuid)

    def at(self, x: float, y: float, tolerance: float) -> str | None:
        """The UUID of the readable incident nearest (x, y) (workspace CRS) within ``tolerance``, shapes included."""
        return self._s.at(x, y, tolerance)

    # -- attachments ------------------------------------------------------------------
    def attach(self, uuid: str, file: str | os.PathLike[str], data: bytes | None = None,
               max_bytes: int | None = None) -> str:
        """Keep a photo or file with an incident, in the workspace; returns the attachment id.

        ``file`` is read unless ``data`` is given (then ``file`` is only the name). Too big,
        wrong type or an image that is not what its name says: ValidationError, nothing stored.
        """
        from gisdesk.core.incidents import ValidationError
        from gisdesk.store.incidents_store import MAX_ATTACHMENT_BYTES

        limit = max_bytes or MAX_ATTACHMENT_BYTES
        if data is None:
            path = Path(file)
            try:
                size = path.stat().st_size
            except OSError as exc:
                raise ValidationError(f"cannot read {path.name}: {exc.strerror}") from None
            if size > limit:  # refuse before reading a huge file into memory
                raise ValidationError(f"{path.name} is {size / 1048576:.1f} MB; attachments may be at most "
                                      f"{limit / 1048576:.0f} MB")
            data = path.read_bytes()
        return self._s.attach(uuid, os.fspath(file), data, limit)

    def attachments(self, uuid: str) -> list[dict[str, Any]]:
        """The attachments of an incident: ``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``."""
        return self._s.attachments(uuid)

    def attachment_data(self, attachment_id: str) -> bytes:
        """The bytes of one attachment."""
        return self._s.attachment_data(attachment_id)

    def remove_attachment(self, attachment_id: str, reason: str = "") -> None:
        """Remove one attachment (recorded on its incident)."""
        self._s.remove_attachment(attachment_id, reason)

    # -- feeds ------------------------------------------------------------------------
    # Feeds open their own connection, so they may run in ``ctx.run_in_background``. Off the
    # main thread they do not fire ``incident_created`` (listeners may touch widgets): call
    # :meth:`announce` with ``report.created`` in ``on_done``.
    def _run_feed(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from gisdesk.store.incidents_store import IncidentStore

        if self.path is None:
            raise RuntimeError("no workspace is open")
        with IncidentStore(self.path, self._name()) as store:
            result = fn(store, *args, **kwargs)
        if threading.current_thread() is threading.main_thread() and hasattr(result, "created"):
            self.announce(result.created)
        return result

    def announce(self, uuids: Any) -> None:
        """Fire ``incident_created`` for incidents created off the main thread (e.g. by an import job);
        those routed to a unit the user may not read are announced by nobody."""
        from gisdesk.core.users import PermissionDenied

        for uid in uuids:
            try:
                inc = self._s.get(uid)
            except (KeyError, PermissionDenied):
                continue
            self._created(inc)

    def import_detections(self, path: str | os.PathLike[str], min_confidence: float = 0.6,
                          should_stop: Callable[[], bool] | None = None) -> Any:
        """Import a camera AI detection feed (CSV or JSON lines); returns an ImportReport
        (``created``, ``duplicates``, ``rejected`` with line numbers and reasons, ``summary()``).
        ``should_stop`` is asked between lines (True stops; what was imported stays). A file
        that cannot be read raises a one-line StoreError."""
        from gisdesk.store.incident_io import import_detections

        return self._run_feed(import_detections, path, min_confidence=min_confidence, should_stop=should_stop)

    def import_open311(self, path: str | os.PathLike[str], should_stop: Callable[[], bool] | None = None) -> Any:
        """Import Open311 GeoReport v2 service requests (JSON); returns an ImportReport
        (as :meth:`import_detections`)."""
        from gisdesk.store.incident_io import import_open311

        return self._run_feed(import_open311, path, should_stop=should_stop)

    def export_open311(self, path: str | os.PathLike[str], **filters: Any) -> int:
        """Write incidents as GeoReport v2 JSON; returns how many."""
        from gisdesk.store.incident_io import export_open311

        return self._run_feed(export_open311, path, **filters)

    def export_geojson(self, path: str | os.PathLike[str], **filters: Any) -> int:
        """Write incidents as a GeoJSON FeatureCollection (EPSG:4326); returns how many."""
        from gisdesk.store.incident_io import export_geojson

        return self._run_feed(export_geojson, path, **filters)

    def check_attachment(self, file: str | os.PathLike[str]) -> str:
        """The MIME type ``file`` would be attached as; ValidationError saying why it would be refused."""
        from gisdesk.core.incidents import ValidationError
        from gisdesk.store.incidents_store import MAX_ATTACHMENT_BYTES, attachment_type

        path = Path(file)
        try:
            size = path.stat().st_size
            if size > MAX_ATTACHMENT_BYTES:
                raise ValidationError(f"{path.name} is {size / 1048576:.1f} MB; attachments may be at most "
                                      f"{MAX_ATTACHMENT_BYTES / 1048576:.0f} MB")
            return attachment_type(path.name, path.read_bytes())
        except OSError as exc:
            raise ValidationError(f"cannot read {path.name}: {exc.strerror}") from None
