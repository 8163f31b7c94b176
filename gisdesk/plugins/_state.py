"""What the plugin manager remembers between starts: enable/disable choices and the crash sentinel.

``<state dir>/plugins.json`` holds ``{"disabled": {name: reason}}`` (reason ``""`` when the
user turned the plugin off). ``<state dir>/activating.json`` (the crash sentinel) holds
``{"name": …, "phase": …}`` while a plugin is being started (``import`` of its code,
``activate``, ``contribute``); finding it at the next start means the app died or hung (and was
killed) in that step. It is written durably (flushed and synced) before the plugin's code runs.
Unreadable files are logged and treated as empty: they must never stop the app.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger("gisdesk.plugins")

#: Why a plugin starts disabled after the app died while activating it.
CRASH_REASON = "gisdesk crashed or hung while activating it at the last start"

#: The reason shown for a plugin whose sentinel was left behind, per start phase.
CRASH_REASONS = {
    "import": "gisdesk crashed or hung while importing it at the last start",
    "activate": CRASH_REASON,
    "contribute": "gisdesk crashed or hung while adding its panels and tools at the last start",
}


def crash_reason(phase: str) -> str:
    """The reason a plugin starts disabled after the app died in ``phase`` of starting it."""
    return CRASH_REASONS.get(phase, CRASH_REASON)


def default_state_dir() -> Path:
    """``platformdirs.user_state_dir("gisdesk")/plugins``."""
    import platformdirs

    return Path(platformdirs.user_state_dir("gisdesk")) / "plugins"


class StateStore:
    """Reads and writes the manager's files in ``state_dir`` (made on first write)."""

    def __init__(self, state_dir: Path) -> None:
        self.dir = Path(state_dir)
        self.choices_path = self.dir / "plugins.json"
        self.sentinel_path = self.dir / "activating.json"

    # -- enable / disable ------------------------------------------------------------
    def disabled(self) -> dict[str, str]:
        """Disabled plugin names with their reason (``""``: the user's choice)."""
        data = self._read(self.choices_path)
        disabled = data.get("disabled") if isinstance(data, dict) else None
        if not isinstance(disabled, dict):
            return {}
        return {str(k): v if isinstance(v, str) else "" for k, v in disabled.items()}

    def set_disabled(self, name: str, disabled: bool, reason: str = "") -> None:
        """Remember that ``name`` is (not) disabled, with ``reason``."""
        current = self.disabled()
        if disabled:
            current[name] = reason
        else:
            current.pop(name, None)
        self._write(self.choices_path, {"disabled": dict(sorted(current.items()))})

    # -- crash sentinel --------------------------------------------------------------
    def write_sentinel(self, name: str, phase: str = "activate") -> None:
        """Before running a plugin's code in ``phase``: remember durably that we are inside it."""
        self._write(self.sentinel_path, {"name": name, "phase": phase}, durable=True)

    def clear_sentinel(self) -> None:
        """After ``activate`` returned or raised."""
        try:
            self.sentinel_path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s: %s", self.sentinel_path, exc)

    def take_sentinel(self) -> tuple[str, str] | None:
        """At start: ``(plugin, phase)`` the app died in last time (if any); removes the sentinel."""
        if not self.sentinel_path.exists():
            return None
        data = self._read(self.sentinel_path)
        self.clear_sentinel()
        name = data.get("name") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name:
            log.warning("ignoring an unreadable crash sentinel %s", self.sentinel_path)
            return None
        phase = data.get("phase")
        return name, phase if isinstance(phase, str) and phase else "activate"

    # -- files -----------------------------------------------------------------------
    def _read(self, path: Path) -> object:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", path, exc)
            return {}

    def _write(self, path: Path, data: object, durable: bool = False) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            with open(tmp, "w", encoding="utf-8") as f:
                f.write(json.dumps(data, indent=2, ensure_ascii=False))
                if durable:  # the next statement may be the plugin's code killing the process
                    f.flush()
                    os.fsync(f.fileno())
            os.replace(tmp, path)
        except OSError as exc:  # a read-only home must not stop plugins from loading
            log.warning("cannot write %s: %s", path, exc)
