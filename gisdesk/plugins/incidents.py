"""Incidents as plugins see them: ``ctx.incidents`` (Qt-free).

One :class:`Incidents` per plugin context, over the workspace's
:class:`~gisdesk.store.incidents_store.IncidentStore`, acting as ``ctx.user``: every change is
an event with the user's name. Creating an incident fires ``incident_created`` for every
plugin (``ctx.events.on_incident_created``).
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Callable, Mapping

import numpy as np
import shapely

from gisdesk.core.incidents import Incident


class Incidents:
    """Report, route, change and link incidents in the open workspace.

    The store opens on first use; ``available`` says whether the workspace has the
    ``incidents`` and ``communes`` layers incidents need.

    Parameters
    ----------
    path : Path or None
        The workspace.
    user : callable
        Returns the current user's name (read on every change).
    created : callable
        Called with each new :class:`Incident` (the app's ``incident_created`` event).
    """

    def __init__(self, path: Path | None, user: Callable[[], str], created: Callable[[Incident], Any]) -> None:
        self.path = Path(path) if path is not None else None
        self._user = user
        self._created = created
        self._store: Any = None

    # -- plumbing ---------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether the workspace can hold incidents (it has ``incidents`` and ``communes`` tables)."""
        if self.path is None:
            return False
        if self._store is not None:
            return True
        from gisdesk.store.connection import connect

        conn = connect(self.path, read_only=True)
        try:
            names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
        return {"incidents", "communes"} <= names

    @property
    def store(self) -> Any:
        """The :class:`~gisdesk.store.incidents_store.IncidentStore` (opened on first use)."""
        if self._store is None:
            if self.path is None:
                raise RuntimeError("no workspace is open")
            from gisdesk.store.incidents_store import IncidentStore

            self._store = IncidentStore(self.path, self._user())
        self._store.user = self._user()
        return self._store

    def close(self) -> None:
        """Close the store (the context does it when the plugin unloads)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    # -- rules, lists -----------------------------------------------------------------
    def rules(self) -> dict[str, str]:
        """Category -> responsible department (the editable routing rules)."""
        return self.store.rules()

    def categories(self) -> list[str]:
        """The category list (the rules' categories), sorted."""
        return sorted(self.store.rules())

    def set_rule(self, category: str, department: str) -> None:
        """Add a category or change the department it is routed to."""
        self.store.set_rule(category, department)

    def departments(self) -> list[str]:
        """Departments named in the rules or on stored incidents, sorted."""
        rows = self.store.conn.execute("SELECT department FROM routing_rules UNION "
                                       "SELECT department FROM incidents WHERE department IS NOT NULL")
        return sorted({r[0] for r in rows})

    def communes(self) -> list[str]:
        """The commune names, sorted."""
        return sorted(self.store.communes.names)

    def boundary(self) -> Any:
        """The city's outline (shapely, workspace CRS)."""
        return self.store.boundary

    # -- incidents --------------------------------------------------------------------
    def prepare(self, incident: Incident) -> Incident:
        """Validate, repair and route ``incident`` without storing it; ``notes`` says what was done.

        Raises :class:`ValidationError` with a clear message for what cannot be stored.
        """
        return self.store.prepare(incident)

    def duplicates(self, incident: Incident, distance_m: float = 100.0, hours: float = 24.0) -> list[Incident]:
        """Open incidents of the same category within ``distance_m`` and ``hours``, nearest first."""
        return self.store.duplicates(incident, distance_m, hours)

    def create(self, incident: Incident, note: str | None = None) -> str:
        """Store ``incident`` (validated and routed); returns its UUID and fires ``incident_created``."""
        uid = self.store.create(incident, note=note)
        self._created(self.store.get(uid))
        return uid

    def get(self, uuid: str) -> Incident:
        """One incident (KeyError when there is none)."""
        return self.store.get(uuid)

    def list(self, **filters: Any) -> list[Incident]:
        """Incidents newest first; filters ``status``, ``category``, ``commune``, ``channel``,
        ``since``, ``until``, ``open_only``, ``limit`` (see ``IncidentStore.list``)."""
        return self.store.list(**filters)

    def count(self) -> int:
        """How many incidents the workspace holds."""
        return int(self.store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0])

    def update(self, uuid: str, changes: Mapping[str, Any], reason: str = "") -> Incident:
        """Change attributes or the geometry; overriding ``commune``/``department`` needs a ``reason``."""
        return self.store.update(uuid, changes, reason)

    def delete(self, uuid: str, reason: str = "") -> dict[str, Any]:
        """Remove an incident (its history stays); returns the snapshot :meth:`restore` takes."""
        return self.store.delete(uuid, reason)

    def restore(self, snapshot: Mapping[str, Any], reason: str = "") -> str:
        """Bring back a deleted incident from its snapshot."""
        return self.store.restore(snapshot, reason)

    def link_duplicate(self, uuid: str, of_uuid: str, reason: str = "") -> Incident:
        """Mark ``uuid`` a duplicate of ``of_uuid`` (nothing is merged)."""
        return self.store.link_duplicate(uuid, of_uuid, reason)

    def events(self, uuid: str) -> list[dict[str, Any]]:
        """The history of one incident, oldest first (``at``, ``who``, ``action``, ``field``, …)."""
        return self.store.events(uuid)

    def at(self, x: float, y: float, tolerance: float) -> str | None:
        """The UUID of the incident nearest (x, y) (workspace CRS) within ``tolerance``, shapes included."""
        conn = self.store.conn
        box = (x + tolerance, x - tolerance, y + tolerance, y - tolerance)
        in_box = "WHERE xmin <= ? AND xmax >= ? AND ymin <= ? AND ymax >= ?"
        rows = conn.execute(
            f"SELECT uuid, AsBinary(geom) FROM incidents WHERE rowid IN (SELECT pkid FROM idx_incidents_geom {in_box}) "
            "AND uuid NOT IN (SELECT incident_uuid FROM incident_shapes) "
            "UNION ALL SELECT incident_uuid, AsBinary(geom) FROM incident_lines WHERE rowid IN "
            f"(SELECT pkid FROM idx_incident_lines_geom {in_box}) "
            "UNION ALL SELECT incident_uuid, AsBinary(geom) FROM incident_areas WHERE rowid IN "
            f"(SELECT pkid FROM idx_incident_areas_geom {in_box})", box * 3).fetchall()
        if not rows:
            return None
        geoms = shapely.from_wkb([r[1] for r in rows])
        dist = shapely.distance(geoms, shapely.Point(x, y))
        k = int(np.argmin(dist))
        return rows[k][0] if dist[k] <= tolerance else None

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
        return self.store.attach(uuid, os.fspath(file), data, limit)

    def attachments(self, uuid: str) -> list[dict[str, Any]]:
        """The attachments of an incident: ``id``, ``name``, ``mime``, ``size``, ``added_at``, ``added_by``."""
        return self.store.attachments(uuid)

    def attachment_data(self, attachment_id: str) -> bytes:
        """The bytes of one attachment."""
        return self.store.attachment_data(attachment_id)

    def remove_attachment(self, attachment_id: str, reason: str = "") -> None:
        """Remove one attachment (recorded on its incident)."""
        self.store.remove_attachment(attachment_id, reason)

    # -- feeds ------------------------------------------------------------------------
    # Feeds open their own connection, so they may run in ``ctx.run_in_background``. Off the
    # main thread they do not fire ``incident_created`` (listeners may touch widgets): call
    # :meth:`announce` with ``report.created`` in ``on_done``.
    def _run_feed(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        from gisdesk.store.incidents_store import IncidentStore

        if self.path is None:
            raise RuntimeError("no workspace is open")
        with IncidentStore(self.path, self._user()) as store:
            result = fn(store, *args, **kwargs)
        if threading.current_thread() is threading.main_thread() and hasattr(result, "created"):
            self.announce(result.created)
        return result

    def announce(self, uuids: Any) -> None:
        """Fire ``incident_created`` for incidents created off the main thread (e.g. by an import job)."""
        for uid in uuids:
            self._created(self.store.get(uid))

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
