"""The gisdesk plugin API: the one module a plugin imports.

Everything here is stable within an :data:`API_VERSION`; anything else in gisdesk may
change without notice. A plugin declares its contributions in ``gisdesk-plugin.toml``
and receives one :class:`PluginContext` (``ctx``) in every call gisdesk makes into it.

No Qt here: plugins import PySide6 themselves for their widgets, so the same plugin
code also runs headless (``gisdesk plugins``, tests).

Examples
--------
A command that zooms to the selected features of a layer:

>>> from gisdesk.api import PluginContext
>>> def zoom_to_bridges(ctx: PluginContext) -> None:
...     layer = ctx.workspace.layer("bridges")
...     feats = ctx.workspace.features(layer.id, limit=10)
...     ctx.canvas.select(layer.id, feats.ids)
...     ctx.notify(f"{len(feats)} bridges selected")
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from gisdesk.core.events import Event
from gisdesk.core.incidents import (CHANNELS, DEFAULT_CATEGORIES, OPEN_STATUSES, SEVERITIES, STATUSES, Incident,
                                    ValidationError)
from gisdesk.core.style import PALETTE, Category, GradClass, RasterStyle, Symbol, VectorStyle, categorized, graduated
from gisdesk.plugins.canvas import Canvas, KeyEvent, MapEvent
from gisdesk.plugins.context import PluginContext, PluginEvents, Undo
from gisdesk.plugins.facades import (Features, LayerRef, ReadOnlyQueryError, Settings, SnapResult, Workspace,
                                     check_read_only)
from gisdesk.plugins.tasks_facade import Tasks
from gisdesk.core.access import Decision, RowFilter
from gisdesk.core.callbacks import RESULT_WORDS as CALLBACK_WORDS, RESULTS as CALLBACK_RESULTS
from gisdesk.core.dispatch import RULE_ACTIONS, SOURCES as DISPATCH_SOURCES, UNITS as DISPATCH_UNITS, DispatchRule
from gisdesk.core.locator import LocatorProvider, LocatorResult, LocatorTarget, fold
from gisdesk.core.collation import sort_key, sort_texts  # names in the language's order (issue 16)
from gisdesk.core.tasks import ACTIONS, STATES, TRANSITIONS, ConflictError, InvalidTransition, Task
from gisdesk.core.users import ROLES, PermissionDenied, User
from gisdesk.plugins.incidents import Incidents
from gisdesk.store.incidents_store import ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES
from gisdesk.store.errors import StoreError

#: The plugin API version this gisdesk provides; a manifest's ``api_version`` must match.
API_VERSION = "1"

#: (minx, miny, maxx, maxy) in the map CRS.
Bbox = tuple[float, float, float, float]

__all__ = [
    "ACTIONS", "API_VERSION", "ATTACHMENT_TYPES", "ConflictError", "Decision", "InvalidTransition",
    "PermissionDenied", "ROLES", "RowFilter", "STATES", "TRANSITIONS", "Task", "Tasks", "Bbox", "CHANNELS", "Canvas", "Category", "DEFAULT_CATEGORIES", "Event",
    "Features", "GradClass", "Incident", "Incidents", "KeyEvent", "LayerRef", "LocatorProvider", "LocatorResult",
    "LocatorTarget", "fold", "MAX_ATTACHMENT_BYTES", "MapEvent",
    "OPEN_STATUSES", "PALETTE", "PluginContext", "PluginEvents", "RasterStyle", "ReadOnlyQueryError", "SEVERITIES",
    "STATUSES", "Settings", "SnapResult", "StoreError", "Symbol", "Undo", "User", "ValidationError", "VectorStyle",
    "Workspace", "categorized", "check_read_only", "format_count", "graduated", "plugin_path", "rows_to_columns",
    "union_bbox", "CALLBACK_RESULTS", "CALLBACK_WORDS", "DISPATCH_SOURCES", "DISPATCH_UNITS", "DispatchRule",
    "RULE_ACTIONS", "sort_key", "sort_texts",
]


def plugin_path(module_file: str | Path, *parts: str) -> Path:
    """A file shipped with a plugin, relative to the module that asks.

    Parameters
    ----------
    module_file : str or Path
        The calling module's ``__file__``.
    *parts : str
        Path parts below that module's folder.

    Examples
    --------
    >>> plugin_path("/plugins/flood_watch/panel.py", "icons", "gauge.svg").as_posix()
    '/plugins/flood_watch/icons/gauge.svg'
    """
    return Path(module_file).resolve().parent.joinpath(*parts)


def format_count(n: int, singular: str, plural: str | None = None) -> str:
    """``"1 incident"``, ``"2,431 incidents"``: a count with its noun, thousands separated.

    Examples
    --------
    >>> format_count(2431, "incident")
    '2,431 incidents'
    >>> format_count(1, "bridge")
    '1 bridge'
    """
    noun = singular if n == 1 else (plural or singular + "s")
    return f"{n:,} {noun}"


def rows_to_columns(rows: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """Turn the rows of :meth:`Workspace.read` into columns (for charts and table models).

    Examples
    --------
    >>> rows_to_columns([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    {'a': [1, 2], 'b': ['x', 'y']}
    """
    if not rows:
        return {}
    return {key: [row.get(key) for row in rows] for key in rows[0]}


def union_bbox(boxes: Sequence[Bbox]) -> Bbox | None:
    """The box around ``boxes`` (None when there are none), e.g. to zoom to several features.

    Examples
    --------
    >>> union_bbox([(0, 0, 1, 1), (2, -1, 3, 0.5)])
    (0, -1, 3, 1)
    """
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
