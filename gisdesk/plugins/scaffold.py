"""``gisdesk plugin new NAME``: write a small plugin that works, to start from.

The folder is a plugin *project*: a ``pyproject.toml`` and a package named like the plugin,
with the manifest inside the package, ``activate``/``deactivate``, a dock panel (a label
and a button that counts the map's layers) and a command; tests using the
``plugin_context`` fixture of ``gisdesk.testing`` beside it. gisdesk loads it from the
folder (``--plugins-dir``), and ``pip install`` turns it into an installed plugin found
through the ``gisdesk.plugins`` entry point (the manifest travels inside the package).
"""

from __future__ import annotations

import re
from pathlib import Path

from gisdesk.plugins.manifest import MANIFEST_NAME


class ScaffoldError(ValueError):
    """The plugin cannot be written (bad name, folder exists)."""


_MANIFEST = '''\
[plugin]
name = "{name}"
version = "0.1.0"
api_version = "1"
title = "{title}"
description = "What {title} does, in one line."
author = ""
about = "What {title} does, in a sentence or two."
homepage = ""
tracker = ""
repository = ""
changelog = "0.1.0: first version."
min_gisdesk = "0.1"
tags = []
category = "Panels"
experimental = true
activate = "{name}:activate"
deactivate = "{name}:deactivate"

[[contributes.panels]]
id = "{name}.panel"
title = "{title}"
factory = "{name}.panel:{cls}Panel"
area = "right"

[[contributes.commands]]
id = "{name}.count_layers"
title = "Count map layers"
callback = "{name}.commands:count_layers"
menu = "Plugins/{title}"
'''

_INIT = '''\
"""{title}: a gisdesk plugin.

gisdesk calls :func:`activate` once when the plugin starts and :func:`deactivate` when it
stops. The panel and the command in ``gisdesk-plugin.toml`` are created by gisdesk when
they are first needed; anything registered through ``ctx`` is removed automatically.
"""

from __future__ import annotations

from gisdesk.api import PluginContext


def activate(ctx: PluginContext) -> None:
    """Start the plugin: subscribe to events, register things that are not in the manifest."""
    ctx.log.info("%s started for %s", ctx.name, ctx.user.username)


def deactivate(ctx: PluginContext) -> None:
    """Stop the plugin (its panels, commands and subscriptions are removed for it)."""
    ctx.log.info("%s stopped", ctx.name)
'''

_LOGIC = '''\
"""What {title} computes, kept apart from the widgets so tests need no window."""

from __future__ import annotations

from gisdesk.api import PluginContext


def count_layers(ctx: PluginContext) -> int:
    """How many layers the map has."""
    return len(ctx.workspace.layers())
'''

_COMMANDS = '''\
"""Commands of {title} (see ``[[contributes.commands]]`` in the manifest)."""

from __future__ import annotations

from gisdesk.api import PluginContext

from {name}.logic import count_layers as _count


def count_layers(ctx: PluginContext) -> None:
    """Tell the user how many layers the map has."""
    ctx.notify(f"The map has {{_count(ctx)}} layers.")
'''

_PANEL = '''\
"""The dock panel of {title}: a label and a button that counts the map's layers."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from gisdesk.api import PluginContext

from {name}.logic import count_layers


class {cls}Panel(QWidget):
    """Made by gisdesk with ``{cls}Panel(ctx)`` when the panel is first shown."""

    def __init__(self, ctx: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = QLabel(self.tr("Press the button to count the map's layers."))
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Count layers"))
        self.button.clicked.connect(self.show_count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addStretch(1)

    def show_count(self) -> None:
        n = count_layers(self.ctx)
        self.label.setText(self.tr("Layers on the map: %n", "", n))
'''

_TEST = '''\
"""Tests of {title}. Run them from the plugin folder with ``python -m pytest``.

``plugin_context`` (from ``gisdesk.testing``) is this plugin's context on a demo workspace.
"""

from __future__ import annotations

from {name}.commands import count_layers as count_command
from {name}.logic import count_layers
from {name}.panel import {cls}Panel


def test_counts_the_map_layers(plugin_context):
    assert count_layers(plugin_context) == len(plugin_context.workspace.layers()) > 0


def test_command_runs(plugin_context):
    count_command(plugin_context)


def test_panel_button_shows_the_count(plugin_context, qtbot):
    panel = {cls}Panel(plugin_context)
    qtbot.addWidget(panel)
    panel.button.click()
    assert str(count_layers(plugin_context)) in panel.label.text()
'''

_PYPROJECT = '''\
# 'pip install .' installs the plugin; gisdesk finds it through the entry point below.
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "gisdesk-{dist}"
version = "0.1.0"
description = "{title}: a gisdesk plugin."
requires-python = ">=3.11"
dependencies = ["gisdesk"]

[project.entry-points."gisdesk.plugins"]
{name} = "{name}"

[tool.setuptools]
packages = ["{name}"]

[tool.setuptools.package-data]
{name} = ["gisdesk-plugin.toml"]

# pytest imports the package from this folder
[tool.pytest.ini_options]
pythonpath = ["."]
testpaths = ["tests"]
'''

_README = '''\
# {title}

A gisdesk plugin. Try it:

```sh
gisdesk plugins --plugins-dir .      # is it found and active?
gisdesk plugin validate .            # is the manifest right (without running the code)?
python -m pytest                     # its tests, from this folder
pip install .                        # install it: gisdesk finds it without --plugins-dir
```

Edit `{name}/gisdesk-plugin.toml` to declare panels and commands, `{name}/` for the code.
'''


def name_taken(name: str) -> str | None:
    """Why ``name`` would clash (a standard-library module, an installed package or plugin), or None."""
    import importlib.util
    import sys

    if name in sys.stdlib_module_names:
        return (f"{name!r} is a standard-library module: a plugin package of that name would shadow it "
                f"(try {name + '_plugin'!r})")
    from gisdesk.plugins.discovery import discover

    for cand in discover():
        if cand.name == name:
            return f"a plugin called {name!r} is already installed ({cand.source}: {cand.path}); choose another name"
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.origin not in (None, "namespace"):
        return f"{name!r} is an installed Python package ({spec.origin}); choose another name"
    return None


def new_plugin(name: str, directory: str | Path = ".") -> Path:
    """Write a working plugin called ``name`` into ``directory/name``.

    Parameters
    ----------
    name : str
        The plugin name, ``[a-z][a-z0-9_]*`` (``flood-watch`` is refused with the fix).
    directory : path
        Where the plugin folder goes (made if missing).

    Returns
    -------
    Path
        The new plugin folder.

    Raises
    ------
    ScaffoldError
        Bad name, a name that shadows the standard library, an installed package or an installed
        plugin, or the folder exists already (nothing is overwritten).
    """
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name or ""):
        fixed = re.sub(r"[^a-z0-9_]", "_", (name or "").lower()).strip("_")
        hint = f" (try {fixed!r})" if fixed and fixed[0].isalpha() else ""
        raise ScaffoldError(f"{name!r} is not a plugin name: use lower-case letters, digits and _, "
                            f"starting with a letter{hint}")
    root = Path(directory) / name
    if root.exists():
        raise ScaffoldError(f"{root} exists already; choose another name or --dir")
    taken = name_taken(name)
    if taken:
        raise ScaffoldError(taken)
    title = name.replace("_", " ").capitalize()
    cls = "".join(part.capitalize() for part in name.split("_"))
    values = {"name": name, "title": title, "cls": cls, "dist": name.replace("_", "-")}
    files = {
        f"{name}/{MANIFEST_NAME}": _MANIFEST, "README.md": _README, "pyproject.toml": _PYPROJECT,
        f"{name}/__init__.py": _INIT, f"{name}/logic.py": _LOGIC, f"{name}/commands.py": _COMMANDS,
        f"{name}/panel.py": _PANEL, f"tests/test_{name}.py": _TEST,
    }
    try:
        for rel, template in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            text = template.format(**values) if rel != "pyproject.toml" else \
                template.replace("{name}", name).replace("{dist}", values["dist"]).replace("{title}", title)
            path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ScaffoldError(f"cannot write {root}: {exc.strerror or exc}") from None
    return root
