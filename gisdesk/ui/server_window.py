"""The window on the city server: what it cannot do there yet, and other workstations' changes coming in live.

The map, identify, selection, attribute tables, the search box and the plugin panels
(incidents, tasks, dashboards) read and write the server as the login role: row-level
security and the one access policy decide, nothing is restated here. What still needs a
workspace file (adding layers, saving styles) is disabled with its
reason (:meth:`MainWindow._apply_rights`).

Live updates: :class:`ServerUpdates` polls the server's change notices
(:class:`~gisdesk.store.server_live.ChangeListener`, LISTEN/NOTIFY on the case tables) on a
timer of the GUI thread (a poll that finds nothing does not wait). A notice names only the
kind of record (``incidents``, ``tasks``, ``questions``, ``notifications``), so the window
re-reads, on a worker thread, the versions of the incidents and tasks its login may read and
compares them with the last reading: the incidents and tasks changed, added or gone since,
less those this window changed itself, are the other workstations'. Then, on the GUI thread,
the panels hear ``on_changed_elsewhere`` and re-read, the incident layers are drawn again,
open attribute tables of the incident layers are read again, and the status bar says what
came in. Questions and notifications have no versions: their notices refresh the Tasks panel
without a message (this window's own questions and read marks send them too). An edit made
against a version another workstation has since changed is refused by the store's version
check (the form keeps what was typed), never lost.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

log = logging.getLogger("gisdesk.server")
#: How often the window looks for change notices, in milliseconds.
POLL_MS = 1000
#: Kind -> the query of (uuid, version) the window compares between readings (the login's rows only).
_VERSIONS = {"incidents": "SELECT uuid::text, version FROM incidents",
             "tasks": "SELECT uuid::text, version FROM tasks"}


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def install_server(window: Any) -> ServerUpdates:
    """Say what the window does on the server and start the live updates of ``window``."""
    window.messages.show_message(tr("Connected to the server as {login}: the panels show and change the server's "
                                    "data as your login may. Adding layers and saving styles are not available "
                                    "on the server yet.").format(login=window.account.username), "info")
    window.server_updates = ServerUpdates(window)
    return window.server_updates


def describe(counts: dict[str, int]) -> str:
    """What came in, for the status bar: ``2 incidents changed, 1 task changed``."""
    parts = []
    for kind, one, many in (("incidents", tr("1 incident changed"), tr("{n} incidents changed")),
                            ("tasks", tr("1 task changed"), tr("{n} tasks changed"))):
        n = counts.get(kind, 0)
        if n:
            parts.append(one if n == 1 else many.format(n=n))
    return ", ".join(parts)


class ServerUpdates(QObject):
    """Other workstations' changes on the city server, brought into ``window`` (see the module).

    The notices are taken on the GUI thread (a poll that finds none does not wait); the
    versions are read and compared on one worker thread, and what changed comes back to the
    GUI thread, which alone touches the panels and the map.

    Signals
    -------
    updated(dict)
        After the panels and the map were refreshed: kind -> how many records of it another
        workstation changed (``incidents``, ``tasks``). Changes of questions and notifications
        refresh the Tasks panel without a count (nothing tells them from this window's own).
    """

    updated = Signal(object)
    _compared = Signal(object)  # from the worker: (kinds, {kind: changed uuids}) or an Exception

    def __init__(self, window: Any, interval_ms: int = POLL_MS) -> None:
        super().__init__(window)
        self.window = window
        self.listener = None
        self._reader = None
        self._own: set[str] = set()  # uuids this window changed that no comparison has met yet
        self._hooked = None  # the plugin manager whose events tell this window's own changes
        self._versions: dict[str, dict[str, int]] = {}
        self._pending: set[str] = set()  # kinds announced and not compared yet
        self._busy = False
        self._pool = None
        try:
            from gisdesk.store.server_live import ChangeListener

            self.listener = ChangeListener(str(window.workspace))  # LISTEN first: nothing falls between
            for kind in _VERSIONS:
                self._versions[kind] = self._read(kind)
        except Exception as exc:  # the window works without live updates; say so once
            log.warning("no live updates from the server: %s", exc)
            window.messages.show_message(tr("Changes made on other workstations are not shown live: {error}")
                                         .format(error=str(exc).splitlines()[0] if str(exc) else exc), "warning")
            self.close()
            return
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(1, thread_name_prefix="gisdesk-live")
        self._compared.connect(self._deliver)  # queued: emitted on the worker, run on the GUI thread
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        window.installEventFilter(self)  # closing the window stops the polling and its connections

    # -- reading (worker thread, after the first reading) ----------------------------
    def _read(self, kind: str) -> dict[str, int]:
        if self._reader is None or self._reader.closed:
            from gisdesk.store.pg_datasource import connect_reader

            self._reader = connect_reader(str(self.window.workspace))
        return dict(self._reader.execute(_VERSIONS[kind]).fetchall())

    def _compare(self, kinds: set[str]) -> tuple[set[str], dict[str, set[str]]]:
        """The uuids of each kind whose version changed, appeared or went since the last reading."""
        changed = {}
        for kind in _VERSIONS:
            if kind in kinds:
                before, now = self._versions.get(kind, {}), self._read(kind)
                self._versions[kind] = now
                changed[kind] = {u for u in before.keys() | now.keys() if before.get(u) != now.get(u)}
        return kinds, changed

    def _hook(self) -> None:
        """Follow this window's own changes (the plugins' events), so they are not counted as another's."""
        host = getattr(self.window, "plugin_host", None)
        manager = getattr(host, "manager", None)
        if manager is None or manager is self._hooked:
            return
        from gisdesk.plugins.context import app_events

        events = app_events(manager)
        events.incident_created.connect(lambda inc: self._own.add(getattr(inc, "uuid", None)))
        events.incident_changed.connect(lambda uuid: self._own.add(uuid))
        events.task_changed.connect(lambda task: self._own.add(getattr(task, "uuid", None)))
        self._hooked = manager

    # -- polling (GUI thread) --------------------------------------------------------
    def poll(self) -> None:
        """Take the notices that came in (no waiting); compare what they announce on the worker."""
        self._hook()
        if self.listener is None:
            return
        try:
            self._pending |= self.listener.poll(0.0)
        except Exception as exc:  # the connection was lost: stop, and say so
            self._stopped(exc)
            return
        if self._pending and not self._busy:
            kinds, self._pending = self._pending, set()
            self._busy = True
            self._pool.submit(self._compare, kinds).add_done_callback(self._send)

    def _send(self, future: Any) -> None:  # worker thread
        try:
            self._compared.emit(future.exception() or future.result())
        except RuntimeError:  # the window (and this object) is gone: nobody is waiting
            pass

    def _stopped(self, exc: BaseException) -> None:
        self.window.messages.show_message(tr("Live updates from the server stopped: {error}").format(
            error=(str(exc).splitlines() or [type(exc).__name__])[0]), "warning")
        self.close()

    def _deliver(self, answer: Any) -> None:
        """Refresh panels and map for the changes that are not this window's own; say what came in."""
        self._busy = False
        if self.listener is None:  # closed meanwhile
            return
        if isinstance(answer, BaseException):
            self._stopped(answer)
            return
        kinds, changed = answer
        counts: dict[str, int] = {}
        for kind, uuids in changed.items():
            others = uuids - self._own
            self._own -= uuids
            if others:
                counts[kind] = len(others)
        if len(self._own) > 10_000:  # own changes no comparison met (never expected): do not grow forever
            self._own.clear()
        quiet = kinds & {"questions", "notifications"}
        if counts or quiet:
            self._refresh(set(counts) | quiet)
        if counts:
            self.window.statusBar().showMessage(tr("Updated from the server: {what}").format(
                what=describe(counts)), 10000)
            self.updated.emit(counts)
        if self._pending:  # notices that came in meanwhile
            QTimer.singleShot(0, self.poll)

    def _refresh(self, kinds: set[str]) -> None:
        if "incidents" in kinds:  # the incident layers: drawn again, their open tables read again
            from gisdesk.core.access import CASE_LAYERS

            self.window.renderer.clear_caches()
            self.window.canvas.refresh()
            for dock in list(self.window.attribute_docks.values()):
                table = dock.widget()
                if table.query.layer.name in CASE_LAYERS:
                    table.refresh()
        manager = getattr(getattr(self.window, "plugin_host", None), "manager", None)
        if manager is not None:
            from gisdesk.plugins.context import app_events

            app_events(manager).changed_elsewhere.emit(frozenset(kinds))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if obj is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def close(self) -> None:
        """Stop polling and close the connections (the reader's after a comparison under way)."""
        timer = getattr(self, "timer", None)
        if timer is not None:
            timer.stop()
        listener, reader, pool = self.listener, self._reader, self._pool
        self.listener = self._reader = self._pool = None

        def shut(conn: Any) -> None:
            try:
                if conn is not None:
                    conn.close()
            except Exception:
                pass

        shut(listener)
        if pool is not None:
            pool.submit(shut, reader)
            pool.shutdown(wait=False)
        else:
            shut(reader)
