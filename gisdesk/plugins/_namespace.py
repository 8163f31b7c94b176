"""Each folder plugin's modules live under their own name: ``gisdesk_plugin_<name>``.

Two plugin folders may both hold a package called ``panel``; with the folders on
``sys.path`` the first one found would be imported for both (the second plugin silently
running the first one's code), or the second would break the first. Instead, each folder
plugin is *mounted* as a package ``gisdesk_plugin_<plugin name>`` whose ``__path__`` is the
plugin's folder, so its package ``panel`` is the module ``gisdesk_plugin_<name>.panel``,
its submodules resolve inside its own folder, and relative imports just work.

Plugins written for the old way import their own modules by their short names
(``from panel.view import make`` inside the plugin). :func:`mount` installs, once, an
``__import__`` hook (the technique of ``pluginbase``): an absolute import whose first name
is one of the calling plugin's own top-level modules, made from a module of that plugin,
is answered from the plugin's namespace. Everything else imports as usual, so a plugin
module called ``json.py`` still cannot shadow the standard library for anyone but that
plugin. ``importlib.import_module("panel")`` inside a plugin is not rewritten: use a
relative import or ``__package__``.

Installed (entry-point) plugins are ordinary installed packages and are not mounted.

Examples
--------
>>> ns = mount("flood_watch", Path("plugins/flood_watch"))      # doctest: +SKIP
>>> qualify(ns, "flood_watch.panel:Panel")                       # doctest: +SKIP
'gisdesk_plugin_flood_watch.flood_watch.panel:Panel'
"""

from __future__ import annotations

import builtins
import importlib
import importlib.machinery
import importlib.util
import sys
import threading
import types
from pathlib import Path
from typing import Any

#: The prefix of every plugin namespace.
PREFIX = "gisdesk_plugin_"

_lock = threading.Lock()
_own: dict[str, frozenset[str]] = {}  # namespace -> the plugin folder's top-level module names
_original_import = builtins.__import__  # the import the hook hands everything to (set when installed)
_installed = False


def namespace(plugin: str) -> str:
    """The package name a folder plugin's modules live under."""
    return PREFIX + plugin


def top_level_names(root: Path) -> frozenset[str]:
    """The modules a plugin folder holds at its top: ``x.py`` files and ``x/__init__.py`` packages."""
    names = set()
    try:
        for entry in root.iterdir():
            if entry.suffix == ".py" and entry.stem.isidentifier():
                names.add(entry.stem)
            elif entry.name.isidentifier() and (entry / "__init__.py").is_file():
                names.add(entry.name)
    except OSError:
        pass
    return frozenset(names)


def mount(plugin: str, root: Path) -> str:
    """Make ``root``'s modules importable as ``gisdesk_plugin_<plugin>.*``; returns that name.

    A namespace already mounted from another folder (a plugin of the same name found
    elsewhere before) is forgotten first, with its modules, so this folder's code runs.
    """
    ns = namespace(plugin)
    base = Path(root).absolute()
    # a plugin folder that is itself a package (a pip-installable plugin project's package, its
    # manifest inside): its targets name the package ("flood_watch.panel:…"), so the namespace
    # looks in the folder above, and the package is its one module
    is_package = (base / "__init__.py").is_file() and base.name.isidentifier()
    folder = str(base.parent if is_package else base)
    with _lock:
        current = sys.modules.get(ns)
        if current is not None and list(getattr(current, "__path__", [])) != [folder]:
            forget(plugin)
            current = None
        if current is None:
            spec = importlib.machinery.ModuleSpec(ns, None, is_package=True)
            spec.submodule_search_locations = [folder]
            module = importlib.util.module_from_spec(spec)
            module.__doc__ = f"The modules of gisdesk plugin {plugin!r} from {folder}."
            sys.modules[ns] = module
        _own[ns] = frozenset({base.name}) if is_package else top_level_names(Path(folder))
        _install()
    importlib.invalidate_caches()
    return ns


def _install() -> None:
    """Put the hook in front of ``builtins.__import__``, once (a later wrapper of ours stays in place)."""
    global _original_import, _installed
    if not _installed:
        _original_import = builtins.__import__
        builtins.__import__ = _plugin_import
        _installed = True


def forget(plugin: str) -> None:
    """Drop the plugin's namespace and every module under it (they import afresh next time)."""
    ns = namespace(plugin)
    for name in [n for n in sys.modules if n == ns or n.startswith(ns + ".")]:
        del sys.modules[name]
    _own.pop(ns, None)


def qualify(ns: str | None, target: Any) -> Any:
    """``"pkg.mod:attr"`` as ``"<ns>.pkg.mod:attr"`` (callables and ``ns=None`` pass through)."""
    if ns is None or not isinstance(target, str) or target.startswith(ns + "."):
        return target
    return f"{ns}.{target}"


def module(ns: str | None, name: str) -> types.ModuleType:
    """Import the plugin's module ``name`` (as its manifest writes it) from its namespace."""
    return importlib.import_module(name if ns is None else f"{ns}.{name}")


def _plugin_import(name: str, globals: dict[str, Any] | None = None, locals: Any = None,
                   fromlist: Any = (), level: int = 0) -> Any:
    """``__import__`` that answers a plugin's absolute imports of its own modules from its namespace."""
    if level == 0 and globals is not None and name:
        caller = globals.get("__name__")
        if type(caller) is str and caller.startswith(PREFIX):
            ns = caller.partition(".")[0]
            top = name.partition(".")[0]
            if top in _own.get(ns, ()):
                found = _original_import(f"{ns}.{name}", globals, locals, fromlist, 0)
                return found if fromlist else sys.modules[f"{ns}.{top}"]
    return _original_import(name, globals, locals, fromlist, level)


def forget_files(root: Path | None) -> None:
    """Drop the modules loaded from files under ``root`` (and their bytecode) so they import afresh."""
    if root is None:
        return
    try:
        base = root.resolve()
    except OSError:
        return
    for name, loaded in list(sys.modules.items()):
        file = getattr(loaded, "__file__", None)
        if not file:
            continue
        try:
            path = Path(file).resolve()
        except OSError:
            continue
        if base == path or base in path.parents:
            del sys.modules[name]
            if path.suffix == ".py":
                try:
                    Path(importlib.util.cache_from_source(str(path))).unlink(missing_ok=True)
                except (OSError, ValueError, NotImplementedError):
                    pass
    importlib.invalidate_caches()
