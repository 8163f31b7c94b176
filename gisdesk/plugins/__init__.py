"""The plugin host (Qt-free): manifest, discovery, guard, manager, host protocol.

Plugins themselves import only :mod:`gisdesk.api`; this package is for the application
that hosts them (the window's ``QtHost``, the ``gisdesk plugins`` command, tests).
See ``docs/plugin-host-design.md`` for how the parts fit.
"""

from __future__ import annotations

from gisdesk.plugins.manifest import API_VERSIONS, MANIFEST_NAME, Manifest, ManifestError, load_manifest

__all__ = ["API_VERSIONS", "MANIFEST_NAME", "Manifest", "ManifestError", "load_manifest"]
