"""The host every plugin context talks to: the real host plus one registry of contribution ids.

:class:`ContributionRegistry` wraps the application's :class:`~gisdesk.plugins.host.Host`.
It refuses a contribution id another plugin (or the same plugin) already holds, raising
:class:`ContributionError` (reported at phase ``contribute``), hands map tools to the host
wrapped in :class:`~gisdesk.plugins.guard.GuardedTool`, and keeps each plugin record's
``contributions`` up to date. Contributions declared in the manifest and those registered
in code (``ctx.register_panel``) pass through it alike.
"""

from __future__ import annotations

from typing import Any, Callable

from gisdesk.plugins.guard import GuardedTool

Undo = Callable[[], None]


class ContributionError(ValueError):
    """A contribution that cannot be added (its id is taken). Fails the plugin at phase ``contribute``."""

    plugin_phase = "contribute"


class ContributionRegistry:
    """A :class:`Host` that checks ids, guards map tools and records who contributed what.

    Parameters
    ----------
    host : Host
        The application's host.
    guard : Guard
        The manager's guard (for map-tool events).
    """

    def __init__(self, host: Any, guard: Any) -> None:
        self.host = host
        self._guard = guard
        self._owners: dict[str, str] = {}
        #: The plugins' locator (Ctrl+K) providers, guarded; the window's locator asks them.
        self.locator_providers: list[GuardedProvider] = []

    def call_in_main_thread(self, fn: Any) -> None:
        """Hand ``fn`` to the host's main thread (directly when the host has no event loop)."""
        getattr(self.host, "call_in_main_thread", lambda f: f())(fn)

    def owner(self, contribution_id: str) -> str | None:
        """The plugin holding ``contribution_id``, or ``None``."""
        return self._owners.get(contribution_id)

    def check_free(self, record: Any, contribution_id: str) -> None:
        """Raise :class:`ContributionError` when ``contribution_id`` is taken."""
        owner = self._owners.get(contribution_id)
        if owner == record.name:
            raise ContributionError(f"contribution id {contribution_id!r} is registered twice by {record.name!r}")
        if owner is not None:
            raise ContributionError(f"contribution id {contribution_id!r} is already taken by plugin {owner!r}")

    def services(self) -> Any:
        return self.host.services()

    def notify(self, text: str, level: str = "info", details: str = "") -> None:
        self.host.notify(text, level, details)

    def add_panel(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        return self._add("panels", record, spec, lambda: self.host.add_panel(record, spec, create))

    def add_command(self, record: Any, spec: Any, run: Callable[[], None]) -> Undo:
        return self._add("commands", record, spec, lambda: self.host.add_command(record, spec, run))

    def add_map_tool(self, record: Any, spec: Any, create: Callable[[], object]) -> Undo:
        def create_guarded() -> GuardedTool | None:
            tool = create()
            return None if tool is None else GuardedTool(tool, record, self._guard)

        return self._add("map_tools", record, spec, lambda: self.host.add_map_tool(record, spec, create_guarded))

    def add_reader(self, record: Any, spec: Any, read: Callable[[str], str]) -> Undo:
        return self._add("readers", record, spec, lambda: self.host.add_reader(record, spec, read))

    def add_locator_provider(self, record: Any, spec: Any, provider: Any) -> Undo:
        guarded = GuardedProvider(provider, record, self._guard, self.call_in_main_thread, name=spec.id)

        def add() -> Undo:
            self.locator_providers.append(guarded)
            return lambda: self.locator_providers.remove(guarded) if guarded in self.locator_providers else None

        return self._add("locator_providers", record, spec, add)

    def _add(self, kind: str, record: Any, spec: Any, add: Callable[[], Undo]) -> Undo:
        self.check_free(record, spec.id)
        host_undo = add()
        if getattr(record, "state", None) == "failed":  # a host that creates at once, and creating failed
            host_undo()
            return lambda: None
        self._owners[spec.id] = record.name
        ids = record.contributions.setdefault(kind, [])
        ids.append(spec.id)

        def undo() -> None:
            if self._owners.get(spec.id) == record.name:
                del self._owners[spec.id]
            if spec.id in ids:
                ids.remove(spec.id)
            host_undo()

        return undo


class GuardedProvider:
    """A plugin's locator provider whose ``search`` never raises (phase ``locator``).

    ``search`` may run on the locator's worker thread: a failure there returns no results
    and hands the failure to the main thread, where the guard reports it and unloads the
    plugin. Results that are not :class:`~gisdesk.core.locator.LocatorResult` are a failure too.
    """

    def __init__(self, provider: Any, record: Any, guard: Any, deliver: Callable[[Callable[[], None]], None],
                 name: str = "") -> None:
        self.provider = provider
        self.name = name or provider.name
        self.kind = provider.kind
        self._record = record
        self._guard = guard
        self._deliver = deliver

    def search(self, text: str, limit: int) -> list:
        from gisdesk.core.locator import LocatorResult

        if getattr(self._record, "state", None) in ("failed", "disabled"):
            return []
        try:
            results = list(self.provider.search(text, limit) or [])[:limit]
            bad = next((r for r in results if not isinstance(r, LocatorResult)), None)
            if bad is not None:
                raise TypeError(f"locator provider {self.name!r} returned {type(bad).__name__}, not LocatorResult")
            return results
        except Exception as exc:  # reported on the main thread, through the guard
            error = exc

            def reraise() -> None:
                raise error

            self._deliver(lambda: self._guard.call(self._record, "locator", reraise))
            return []
