"""The shipped plugins' tests import their own package (``incidents.shapes``, …) directly:
put each plugin folder on ``sys.path`` (gisdesk itself loads each plugin under its own
namespace, ``gisdesk_plugin_<name>``, and never puts plugin folders on ``sys.path``)."""

from __future__ import annotations

import sys
from pathlib import Path

for _manifest in sorted(Path(__file__).parent.glob("*/gisdesk-plugin.toml")):
    if str(_manifest.parent) not in sys.path:
        sys.path.insert(0, str(_manifest.parent))
