"""What the plugin manager remembers between starts: enable/disable choices and the crash sentinel.

``<state dir>/plugins.json`` holds ``{"disabled": {name: reason}}`` (reason ``""`` when the
user turned the plugin off). ``<state dir>/activating.json`` holds ``{"name": …}`` while a
plugin's ``activate`` runs; finding it at start means the app died inside that call.
Unreadable files are logged and treated as empty: they must never stop the app.
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

log = logging.getLogger("gisdesk.plugins")

#: Why a plugin starts disabled after the app died while activating it.
CRASH_REASON = "gisdesk closed unexpectedly while activating it last time"


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
    def write_sentinel(self, name: str) -> None:
        """Before a plugin's ``activate``: remember that we are inside it."""
        self._write(self.sentinel_path, {"name": name})

    def clear_sentinel(self) -> None:
        """After ``activate`` returned or raised."""
        try:
            self.sentinel_path.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s: %s", self.sentinel_path, exc)

    def take_sentinel(self) -> str | None:
        """At start: the plugin whose activation the app died in (if any); removes the sentinel."""
        if not self.sentinel_path.exists():
            return None
        data = self._read(self.sentinel_path)
        self.clear_sentinel()
        name = data.get("name") if isinstance(data, dict) else None
        if not isinstance(name, str) or not name:
            log.warning("ignoring an unreadable crash sentinel %s", self.sentinel_path)
            return None
        return name

    # -- files -----------------------------------------------------------------------
    def _read(self, path: Path) -> object:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            log.warning("ignoring unreadable %s: %s", path, exc)
            return {}

    def _write(self, path: Path, data: object) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:  # a read-only home must not stop plugins from loading
            log.warning("cannot write %s: %s", path, exc)
